/**
 * Plans of many part-locations stored column by column in typed arrays. Planning hundreds of
 * thousands of part-locations as objects would allocate a heap number for every decimal field
 * and leave the garbage collector millions of objects to trace; columns cost nothing per row.
 * `row(i)` materialises one plan as a plain object where convenience matters more.
 */
import { DEMAND_CLASSES, type DemandClass } from './classify';
import type { DistributionKind } from './distributions';
import { FORECAST_METHOD_NAMES, type ForecastMethod } from './forecast/types';

export const DISTRIBUTIONS: readonly DistributionKind[] = ['Poisson', 'NegativeBinomial'];

/** The numeric fields of a plan, one Float64Array column each. */
export const PLAN_FIELDS = [
  // Demand profile of the whole history (classify.ts).
  'periods',
  'nonZeroPeriods',
  'totalQuantity',
  'adi',
  'cv2',
  // Forecast: rate per period and the rolling-origin accuracy of the chosen method (origins = 0 and NaN errors when too short to backtest).
  'ratePerPeriod',
  'forecastOrigins',
  'forecastMae',
  'forecastBias',
  'forecastMse',
  'forecastRmse',
  'variancePerPeriod',
  // Lead-time demand.
  'leadTimePeriods',
  'leadTimeDemandMean',
  'leadTimeDemandVariance',
  // The stocking decision and its performance (base-stock.ts).
  'stock',
  'fillRate',
  'classicFillRate',
  'readyRate',
  'expectedBackorders',
  'expectedOnHand',
  'investment',
  'annualHoldingCost',
  /** Demanded units per year not filled at once from stock: annual demand × (1 − fill rate). */
  'expectedAnnualMisses',
  'expectedAnnualPenalty',
  // Backtest of the stocking decision: periods = 0 when the history is too short to hold periods out.
  'backtestPeriods',
  'backtestStock',
  'backtestPromisedFillRate',
  'backtestDemand',
  'backtestFilled',
  /** backtestFilled / backtestDemand; NaN when nothing was demanded or there is no backtest. */
  'backtestAchievedFillRate',
] as const;

export type PlanField = (typeof PLAN_FIELDS)[number];

/** One plan as a plain object: every numeric field plus the three categorical ones. */
export type PartLocationPlan = Record<PlanField, number> & {
  demandClass: DemandClass;
  method: ForecastMethod;
  distribution: DistributionKind;
};

export class PlanTable {
  readonly columns: Record<PlanField, Float64Array>;
  /** Codes: indexes into DEMAND_CLASSES, FORECAST_METHOD_NAMES and DISTRIBUTIONS. */
  readonly demandClass: Uint8Array;
  readonly method: Uint8Array;
  readonly distribution: Uint8Array;

  constructor(readonly size: number) {
    this.columns = Object.fromEntries(PLAN_FIELDS.map((f) => [f, new Float64Array(size)])) as Record<PlanField, Float64Array>;
    this.demandClass = new Uint8Array(size);
    this.method = new Uint8Array(size);
    this.distribution = new Uint8Array(size);
  }

  demandClassAt(i: number): DemandClass {
    return DEMAND_CLASSES[this.demandClass[i]];
  }

  methodAt(i: number): ForecastMethod {
    return FORECAST_METHOD_NAMES[this.method[i]];
  }

  distributionAt(i: number): DistributionKind {
    return DISTRIBUTIONS[this.distribution[i]];
  }

  row(i: number): PartLocationPlan {
    const plan = { demandClass: this.demandClassAt(i), method: this.methodAt(i), distribution: this.distributionAt(i) } as PartLocationPlan;
    for (const field of PLAN_FIELDS) plan[field] = this.columns[field][i];
    return plan;
  }
}

export const DEMAND_CLASS_CODE = Object.fromEntries(DEMAND_CLASSES.map((c, i) => [c, i])) as Record<DemandClass, number>;
export const METHOD_CODE = Object.fromEntries(FORECAST_METHOD_NAMES.map((m, i) => [m, i])) as Record<ForecastMethod, number>;
export const DISTRIBUTION_CODE = Object.fromEntries(DISTRIBUTIONS.map((d, i) => [d, i])) as Record<DistributionKind, number>;
