/**
 * The sample's MOM assessment data (issue 7), so the demo shows every MOM sheet: inventory on
 * order and in repair with its condition, and service events of the last months. Its own
 * random stream, so the planning sample stays as it was.
 */
import type { CellValue } from '../workbook/port';
import type { SampleLocation } from './network';
import { SAMPLE_SLA_TIERS } from './network';
import type { SamplePart } from './parts';
import { chance, integerBetween, uniform, type Rng } from './random';

/**
 * OnHand, OnOrder, InRepair and Condition of a row whose inventory position (the planner's
 * base-stock level, inventory.ts) is `position`: an open order at a fifth of the Centrals' rows, the
 * repair loop of repairables at the Centrals, both within the position (a base-stock level counts
 * what is on order and in repair), the rest on hand. Condition: repairables' units on hand are
 * refurbished at 55% of the rows (a programme that repairs most returns).
 */
export function inventoryExtras(part: SamplePart, location: SampleLocation, position: number, unitsPerPeriod: number, periodDays: number, rng: Rng): [number, number, number, string | null] {
  const central = location.type === 'Central';
  const repairLoop = central && part.repairable && part.repairDays !== null ? Math.round(unitsPerPeriod * (1 - (part.scrapRate ?? 0)) * (part.repairDays / periodDays)) : 0;
  const inRepair = Math.min(position, repairLoop);
  const order = central && chance(rng, 0.2) ? Math.max(1, Math.round(unitsPerPeriod * uniform(rng, 0.5, 2))) : 0;
  const onOrder = Math.min(position - inRepair, order);
  const onHand = position - inRepair - onOrder;
  const condition = part.repairable && onHand > 0 ? (chance(rng, 0.55) ? 'Refurbished' : 'New') : null;
  return [onHand, onOrder, inRepair, condition];
}

export const MAX_SAMPLE_EVENTS = 5000;

/**
 * Service events of the last (up to) six months of demand at Field locations: one event per
 * demand row, on the 15th, filled from stock with the tier's target probability less a little,
 * answered within the tier's response time when filled and often late when not.
 */
export function serviceEventRows(demand: readonly CellValue[][], network: readonly SampleLocation[], labels: readonly string[], rng: Rng): CellValue[][] {
  const recent = new Set(labels.slice(-6));
  const locations = new Map(network.map((l) => [l.id, l]));
  const tiers = new Map(SAMPLE_SLA_TIERS.map((t) => [t.tier, t]));
  const rows: CellValue[][] = [];
  for (const [partId, locationId, period, quantity] of demand) {
    if (rows.length >= MAX_SAMPLE_EVENTS) break;
    if (!recent.has(String(period)) || !((quantity as number) > 0)) continue;
    const location = locations.get(String(locationId));
    const tier = location?.slaTier ? tiers.get(location.slaTier) : undefined;
    if (!location || location.type !== 'Field' || !tier) continue;
    const filled = chance(rng, tier.targetFillRate - 0.03);
    const hours = filled ? tier.responseHours * uniform(rng, 0.3, 1) : tier.responseHours * uniform(rng, 0.8, 3);
    const [year, month] = String(period).split('-').map(Number);
    rows.push([new Date(Date.UTC(year, month - 1, integerBetween(rng, 10, 20))), partId, locationId, tier.tier, filled ? 'Yes' : 'No', Math.round(hours * 10) / 10]);
  }
  return rows;
}
