/**
 * What the evidence of a part-location's history supports before any fill-rate target is applied
 * (docs/methods.md §5.1). Two rules cap the stock:
 * - obsolescence: no demand in the last `obsoleteAfterPeriods` periods (ObsoleteAfterYears) →
 *   not stocked; a Critical part keeps at most one unit, as insurance;
 * - near-zero demand: at most NEAR_ZERO_UNITS units in the whole history, over at least a year
 *   since its first demand → not stocked; a Critical part keeps at most one unit as insurance.
 * Under both rules the forecast is TSB's (its demand probability decays through runs of zeros, so
 * it is the evidence that a demand is still to come), and the insurance unit's fill rate is
 * computed from it. Otherwise the stock is what the target needs ('target').
 */

export const LEAD_TIME_MODELS = ['Moments', 'Compound'] as const;
export type LeadTimeModel = (typeof LEAD_TIME_MODELS)[number];

export const STOCK_REASON_CODES = ['target', 'noDemand', 'forecastZero', 'obsolete', 'obsoleteInsurance', 'fewUnits', 'fewUnitsInsurance'] as const;
export type StockReasonCode = (typeof STOCK_REASON_CODES)[number];

/** Units in the whole history at or below which demand is near zero. */
export const NEAR_ZERO_UNITS = 2;

export interface EvidenceInput {
  totalQuantity: number;
  /** Periods since the last period with demand (0 when the last period had demand). */
  periodsWithoutDemand: number;
  /** Periods from the first period with demand to the end of the history. */
  periodsSinceFirstDemand: number;
  critical: boolean;
  obsoleteAfterPeriods: number;
  periodsPerYear: number;
}

export interface EvidenceCap {
  code: StockReasonCode;
  /** The most stock the evidence supports. */
  cap: number;
}

/** The cap the evidence puts on the stock, or null when the fill-rate target decides. */
export function evidenceCap(input: EvidenceInput): EvidenceCap | null {
  if (!(input.totalQuantity > 0)) return { code: 'noDemand', cap: 0 };
  if (input.periodsWithoutDemand >= input.obsoleteAfterPeriods) return input.critical ? { code: 'obsoleteInsurance', cap: 1 } : { code: 'obsolete', cap: 0 };
  if (input.totalQuantity <= NEAR_ZERO_UNITS && input.periodsSinceFirstDemand >= input.periodsPerYear) {
    return input.critical ? { code: 'fewUnitsInsurance', cap: 1 } : { code: 'fewUnits', cap: 0 };
  }
  return null;
}

/** Periods since the last demand in y[0 … n) (n when there is none) and since the first. */
export function demandRecency(y: ArrayLike<number>, n: number): { periodsWithoutDemand: number; periodsSinceFirstDemand: number } {
  let first = -1;
  let last = -1;
  for (let t = 0; t < n; t++) {
    if (y[t] > 0) {
      if (first < 0) first = t;
      last = t;
    }
  }
  return { periodsWithoutDemand: last < 0 ? n : n - 1 - last, periodsSinceFirstDemand: first < 0 ? 0 : n - first };
}
