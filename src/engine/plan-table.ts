/**
 * Plans of many part-locations stored column by column in typed arrays. Planning hundreds of
 * thousands of part-locations as objects would allocate a heap number for every decimal field
 * and leave the garbage collector millions of objects to trace; columns cost nothing per row.
 * `row(i)` materialises one plan as a plain object where convenience matters more.
 */
import { DEMAND_CLASSES, type DemandClass } from './classify';
import type { DistributionKind } from './distributions';
import { FORECAST_METHOD_NAMES, type ForecastMethod } from './forecast/types';
import { LEAD_TIME_MODELS, STOCK_REASON_CODES, type LeadTimeModel, type StockReasonCode } from './stock-rule';

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
  // Occurrence–size model (lead-time-demand/compound.ts; NaN under LeadTimeDemand = Moments).
  /** Demand occurrences per period: forecast rate ÷ mean order size. */
  'occurrencesPerPeriod',
  /** Mean units per occurrence of the smoothed (and pooled) size distribution. */
  'meanOrderSize',
  /** Var(N) / E[N] of the occurrence count (1 = Poisson). */
  'countDispersion',
  // Near-zero demand and obsolescence (stock-rule.ts).
  /** Periods since the last period with demand (the whole history without demand). */
  'periodsWithoutDemand',
  /** The model's own fill rate of the stock before the calibration map (= fillRate when Calibration = Off or the evidence rules set the stock). */
  'modelFillRate',
  /** Fill rate of the request's units on hand taken as the stock level, under the same model; NaN when not given. */
  'onHandFillRate',
] as const;

export type PlanField = (typeof PLAN_FIELDS)[number];

/** One plan as a plain object: every numeric field plus the three categorical ones. */
export type PartLocationPlan = Record<PlanField, number> & {
  demandClass: DemandClass;
  method: ForecastMethod;
  distribution: DistributionKind;
  /** How lead-time demand was modelled: 'Compound' (occurrences × sizes) or 'Moments' (Poisson/NB on mean and variance). */
  leadTimeModel: LeadTimeModel;
  /** The rule that set the stock (stock-rule.ts). */
  reasonCode: StockReasonCode;
};

export class PlanTable {
  readonly columns: Record<PlanField, Float64Array>;
  /** Codes: indexes into DEMAND_CLASSES, FORECAST_METHOD_NAMES and DISTRIBUTIONS. */
  readonly demandClass: Uint8Array;
  readonly method: Uint8Array;
  readonly distribution: Uint8Array;
  /** Codes: indexes into LEAD_TIME_MODELS and STOCK_REASON_CODES. */
  readonly leadTimeModel: Uint8Array;
  readonly reasonCode: Uint8Array;

  constructor(readonly size: number) {
    this.columns = Object.fromEntries(PLAN_FIELDS.map((f) => [f, new Float64Array(size)])) as Record<PlanField, Float64Array>;
    this.demandClass = new Uint8Array(size);
    this.method = new Uint8Array(size);
    this.distribution = new Uint8Array(size);
    this.leadTimeModel = new Uint8Array(size);
    this.reasonCode = new Uint8Array(size);
  }

  leadTimeModelAt(i: number): LeadTimeModel {
    return LEAD_TIME_MODELS[this.leadTimeModel[i]];
  }

  reasonCodeAt(i: number): StockReasonCode {
    return STOCK_REASON_CODES[this.reasonCode[i]];
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
    const plan = { demandClass: this.demandClassAt(i), method: this.methodAt(i), distribution: this.distributionAt(i), leadTimeModel: this.leadTimeModelAt(i), reasonCode: this.reasonCodeAt(i) } as PartLocationPlan;
    for (const field of PLAN_FIELDS) plan[field] = this.columns[field][i];
    return plan;
  }
}

export const DEMAND_CLASS_CODE = Object.fromEntries(DEMAND_CLASSES.map((c, i) => [c, i])) as Record<DemandClass, number>;
export const METHOD_CODE = Object.fromEntries(FORECAST_METHOD_NAMES.map((m, i) => [m, i])) as Record<ForecastMethod, number>;
export const DISTRIBUTION_CODE = Object.fromEntries(DISTRIBUTIONS.map((d, i) => [d, i])) as Record<DistributionKind, number>;
export const LEAD_TIME_MODEL_CODE = Object.fromEntries(LEAD_TIME_MODELS.map((d, i) => [d, i])) as Record<LeadTimeModel, number>;
export const STOCK_REASON_CODE = Object.fromEntries(STOCK_REASON_CODES.map((d, i) => [d, i])) as Record<StockReasonCode, number>;
