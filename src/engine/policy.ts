/**
 * Business rules that turn master data into planning parameters: lead time, target fill rate,
 * penalty and holding cost rate per part-location. Kept here so every host applies the same rules.
 */
import type { Location, Part, PeriodLength, Settings, SlaTier } from '../model/types';

/** A month is 365.25 / 12 days and a week 7 days wherever days meet periods. */
export function daysPerPeriod(length: PeriodLength): number {
  return length === 'Week' ? 7 : 365.25 / 12;
}

export function periodsPerYear(length: PeriodLength): number {
  return 365.25 / daysPerPeriod(length);
}

/**
 * Replenishment lead time of a part at a location, in days:
 * - Field location: ResupplyDays from its Central (the multi-echelon delay at the Central is not included);
 * - Central, consumable part: LeadTimeDays;
 * - Central, repairable part: (1 − ScrapRate)·RepairDays + ScrapRate·LeadTimeDays — a returned
 *   unit comes back from repair, a scrapped one is bought anew.
 */
export function leadTimeDays(part: Part, location: Location): number {
  if (location.type === 'Field') return location.resupplyDays ?? 0;
  if (!part.repairable) return part.leadTimeDays;
  return (1 - part.scrapRate) * part.repairDays + part.scrapRate * part.leadTimeDays;
}

/** TargetFillRate of the location's SLA tier for Critical parts, StandardFillRate for Standard parts. */
export function targetFillRate(part: Part, tier: SlaTier | undefined, settings: Settings): number {
  if (part.criticality === 'Standard' || !tier) return settings.standardFillRate;
  return tier.targetFillRate;
}

/**
 * Penalty per demand not filled from stock. SLA penalties are written against critical parts (a
 * missing Standard part does not stop the customer's system), so Standard parts carry none.
 */
export function penaltyPerMiss(part: Part, tier: SlaTier | undefined): number {
  return part.criticality === 'Critical' && tier ? tier.penaltyPerMiss : 0;
}

export function holdingCostRate(location: Location, settings: Settings): number {
  return location.holdingCostRate ?? settings.holdingCostRate;
}
