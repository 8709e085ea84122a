/**
 * Planning of one part at one location: demand profile → forecast → lead-time demand →
 * base-stock level → economics, and the backtest of that stocking decision on held-out history.
 */
import { demandProfile, type DemandClass, type DemandProfile } from './classify';
import { baseStockForFillRate, PmfTable, type BaseStockResult, type FillRateModel } from './base-stock';
import { fitDistribution, type DemandDistribution } from './distributions';
import { chooseForecast, ForecastWorkspace, type ForecastAccuracy } from './forecast/selection';
import type { ForecastMethod, ForecastParams } from './forecast/types';
import { replayBaseStock, ReplayWorkspace } from './replay';
import { perPeriodVariance, type VarianceEstimate } from './variance';

export interface PlanSettings {
  forecastMethod: ForecastMethod | 'Auto';
  forecast: ForecastParams;
  /** Periods held out by the forecast and the stocking backtests. */
  backtestPeriods: number;
  periodsPerYear: number;
  /** 'Auto': Poisson when the variance does not exceed the mean, negative binomial otherwise; 'Poisson' forces the textbook assumption (variance = mean). */
  distribution: 'Auto' | 'Poisson';
  /** How the per-period demand variance is estimated (see variance.ts). */
  varianceEstimate: VarianceEstimate;
  /** How the fill rate of a stock level is computed (see base-stock.ts). */
  fillRateModel: FillRateModel;
  /** Auto's candidates per demand class; the calibrated CANDIDATES unless an experiment replaces them. */
  autoCandidates?: Readonly<Record<DemandClass, readonly ForecastMethod[]>>;
}

/** The calibrated defaults (docs/methods.md, BENCHMARKS.md). */
export const DEFAULT_PLAN_SETTINGS: PlanSettings = {
  forecastMethod: 'Auto',
  forecast: { alpha: 0.1, beta: 0.1, movingAverageWindow: 12 },
  backtestPeriods: 12,
  periodsPerYear: 12,
  distribution: 'Auto',
  varianceEstimate: 'max',
  fillRateModel: 'Compound',
};

export interface PartLocationRequest {
  /** Demand per period, oldest first; only [0, periods) is read. */
  demand: ArrayLike<number>;
  periods: number;
  leadTimePeriods: number;
  targetFillRate: number;
  unitCost: number;
  /** Annual holding cost as a share of unit cost. */
  holdingCostRate: number;
  penaltyPerMiss: number;
}

export interface LeadTimeDemand extends DemandDistribution {
  leadTimePeriods: number;
}

export interface StockDecision extends BaseStockResult {
  investment: number;
  annualHoldingCost: number;
  /** Demanded units per year not filled at once from stock: annual demand × (1 − fill rate). */
  expectedAnnualMisses: number;
  expectedAnnualPenalty: number;
}

export interface StockBacktest {
  /** Periods replayed. */
  periods: number;
  /** Stock decided on the history before the held-out periods. */
  stock: number;
  /** Fill rate the model promised for that stock. */
  promisedFillRate: number;
  /** Units demanded in the held-out periods. */
  demand: number;
  /** Units of it filled at once when replayed. */
  filled: number;
  /** filled / demand; NaN when nothing was demanded. */
  achievedFillRate: number;
}

export interface PartLocationPlan {
  profile: DemandProfile;
  method: ForecastMethod;
  ratePerPeriod: number;
  forecastAccuracy: ForecastAccuracy | null;
  variancePerPeriod: number;
  leadTimeDemand: LeadTimeDemand;
  decision: StockDecision;
  /** null when the history is too short to hold periods out. */
  backtest: StockBacktest | null;
}

/** Reusable scratch space; one per thread of work. */
export class PlanWorkspace {
  readonly forecast = new ForecastWorkspace();
  readonly replay = new ReplayWorkspace();
  readonly baseStock = new PmfTable();
}

interface CoreDecision {
  profile: DemandProfile;
  method: ForecastMethod;
  ratePerPeriod: number;
  forecastAccuracy: ForecastAccuracy | null;
  variancePerPeriod: number;
  leadTimeDemand: LeadTimeDemand;
  stock: BaseStockResult;
}

/** The stocking decision from the first `n` periods. */
function decide(request: PartLocationRequest, n: number, settings: PlanSettings, workspace: PlanWorkspace): CoreDecision {
  const y = request.demand;
  const profile = demandProfile(y, 0, n);
  const choice = chooseForecast(y, n, profile.demandClass, settings.forecastMethod, settings.forecast, settings.backtestPeriods, workspace.forecast, settings.autoCandidates);
  const rate = choice.ratePerPeriod;
  const variancePerPeriod = settings.distribution === 'Poisson' ? rate : perPeriodVariance(settings.varianceEstimate, y, n, choice.forecasts, rate, profile);
  const L = request.leadTimePeriods;
  const leadTimeDemand: LeadTimeDemand = { ...fitDistribution(rate * L, variancePerPeriod * L), leadTimePeriods: L };
  const stock = rate > 0 ? baseStockForFillRate(leadTimeDemand, request.targetFillRate, settings.fillRateModel, workspace.baseStock) : NO_DEMAND;
  return { profile, method: choice.method, ratePerPeriod: rate, forecastAccuracy: choice.accuracy, variancePerPeriod, leadTimeDemand, stock };
}

/** Nothing is demanded, so nothing is stocked and nothing is short. */
const NO_DEMAND: BaseStockResult = Object.freeze({ stock: 0, fillRate: 1, classicFillRate: 1, readyRate: 1, expectedBackorders: 0, expectedOnHand: 0 });

/** Least history left for the decision when periods are held out for the stocking backtest. */
export const MIN_DECISION_PERIODS = 12;

export function planPartLocation(request: PartLocationRequest, settings: PlanSettings, workspace = new PlanWorkspace()): PartLocationPlan {
  const n = request.periods;
  workspace.forecast.startSeries();
  const core = decide(request, n, settings, workspace);
  const annualDemand = core.ratePerPeriod * settings.periodsPerYear;
  const expectedAnnualMisses = annualDemand * (1 - core.stock.fillRate);
  const { stock } = core;
  const decision: StockDecision = {
    stock: stock.stock,
    fillRate: stock.fillRate,
    classicFillRate: stock.classicFillRate,
    readyRate: stock.readyRate,
    expectedBackorders: stock.expectedBackorders,
    expectedOnHand: stock.expectedOnHand,
    investment: stock.stock * request.unitCost,
    annualHoldingCost: stock.expectedOnHand * request.unitCost * request.holdingCostRate,
    expectedAnnualMisses,
    expectedAnnualPenalty: expectedAnnualMisses * request.penaltyPerMiss,
  };
  return {
    profile: core.profile,
    method: core.method,
    ratePerPeriod: core.ratePerPeriod,
    forecastAccuracy: core.forecastAccuracy,
    variancePerPeriod: core.variancePerPeriod,
    leadTimeDemand: core.leadTimeDemand,
    decision,
    backtest: backtestStock(request, settings, workspace),
  };
}

/**
 * Holds out the last `backtestPeriods` periods, decides the stock on the rest exactly as the live
 * plan does (same method selection, on the shorter history only), and replays the held-out demand.
 */
export function backtestStock(request: PartLocationRequest, settings: PlanSettings, workspace: PlanWorkspace): StockBacktest | null {
  const n = request.periods;
  const holdout = settings.backtestPeriods;
  if (n - holdout < MIN_DECISION_PERIODS) return null;
  const past = decide(request, n - holdout, settings, workspace);
  const outcome = replayBaseStock(request.demand, n - holdout, n, past.stock.stock, request.leadTimePeriods, workspace.replay);
  return {
    periods: holdout,
    stock: past.stock.stock,
    promisedFillRate: past.stock.fillRate,
    demand: outcome.demand,
    filled: outcome.filled,
    achievedFillRate: outcome.demand > 0 ? outcome.filled / outcome.demand : NaN,
  };
}
