/**
 * Planning of one part at one location: demand profile → forecast → lead-time demand →
 * base-stock level → economics, and the backtest of that stocking decision on held-out history.
 */
import { demandProfile, type DemandClass, type DemandProfile } from './classify';
import { baseStockForFillRate, type BaseStockResult, type FillRateModel } from './base-stock';
import { fitDistribution, PmfTable, type DemandDistribution } from './distributions';
import { chooseForecast, ForecastWorkspace, type ForecastAccuracy } from './forecast/selection';
import type { ForecastMethod, ForecastParams } from './forecast/types';
import { replayBaseStock, ReplayWorkspace } from './replay';
import { DEMAND_CLASS_CODE, DISTRIBUTION_CODE, METHOD_CODE, PlanTable, type PartLocationPlan } from './plan-table';
import { forecastErrorVariance, perPeriodVariance, type VarianceEstimate } from './variance';
import { baseStockPerformance, FillRateSweep } from './base-stock';
import { compoundBaseStock, compoundFeasible, compoundFillRate, compoundLeadTimeDemand, compoundPerformance, countDispersion, CompoundWorkspace, type CompoundLeadTimeDemand } from './lead-time-demand/compound';
import { sizeDistribution } from './lead-time-demand/sizes';
import { demandRecency, evidenceCap, type LeadTimeModel, type StockReasonCode } from './stock-rule';
import { LEAD_TIME_MODEL_CODE, STOCK_REASON_CODE } from './plan-table';
import { applyMap, leadTimeBand, requiredModelFillRate, type CalibrationMap, type ClassMaps } from './calibration-map';

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
  /** Lead-time demand: 'Compound' (occurrences × sizes, lead-time-demand/compound.ts) or 'Moments' (Poisson/NB on mean and variance, the fill-rate model above); Moments when absent. */
  leadTimeDemand?: LeadTimeModel;
  /** No demand in this many periods → obsolete (stock-rule.ts); no obsolescence rule when absent. */
  obsoleteAfterPeriods?: number;
  /** Near-zero demand rule (stock-rule.ts); off when absent. */
  nearZeroRule?: boolean;
  /**
   * Calibration map g per demand class and lead-time band (calibration-map.ts): the decision is the least S with
   * g(FR(S)) ≥ target and promises g(FR(S)), FR the model's fill rate. None when absent.
   */
  calibrationMaps?: Readonly<Partial<Record<DemandClass, ClassMaps>>>;
  /** Relative variance c² of the forecast's level error over the replay horizon, per class: lead-time demand variance L·v + c²·(L·rate)² (calibration.ts). None when absent. */
  levelErrorVariance?: Readonly<Partial<Record<DemandClass, number>>>;
  /** 'Auto': the portfolio fits calibrationMaps on rolling-origin backtests first (calibration.ts); Off when absent. */
  calibration?: 'Auto' | 'Off';
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
  leadTimeDemand: 'Moments',
  obsoleteAfterPeriods: 18,
  nearZeroRule: true,
  calibration: 'Auto',
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
  /** A Critical part (insurance stock under the evidence rules); false when absent. */
  critical?: boolean;
  /** Demand of the same part at its other locations, same periods (pooled order sizes). */
  otherLocations?: readonly ArrayLike<number>[];
  /** Units on hand now, whose fill rate is reported under the same model (onHandFillRate); none when absent. */
  onHand?: number;
}

export interface LeadTimeDemand extends DemandDistribution {
  leadTimePeriods: number;
}

export type { PartLocationPlan } from './plan-table';

/** Reusable scratch space; one per thread of work. */
export class PlanWorkspace {
  readonly forecast = new ForecastWorkspace();
  readonly replay = new ReplayWorkspace();
  readonly baseStock = new PmfTable();
  readonly compound = new CompoundWorkspace();
  /** The calibration's decision curves read many levels in order (FillRateSweep: O(1) a level). */
  readonly sweep = new FillRateSweep();
}

interface CoreDecision {
  profile: DemandProfile;
  method: ForecastMethod;
  ratePerPeriod: number;
  forecastAccuracy: ForecastAccuracy | null;
  variancePerPeriod: number;
  leadTimeDemand: LeadTimeDemand;
  /** The occurrence–size model when it was used (null under Moments or when it fell back). */
  compound: CompoundLeadTimeDemand | null;
  stock: BaseStockResult;
  reasonCode: StockReasonCode;
  periodsWithoutDemand: number;
  /** The calibration map applied (null when none). */
  map: CalibrationMap | null;
  /** The model's own fill rate of the stock, before the map (= stock.fillRate without one). */
  modelFillRate: number;
}

/** The demand model from the first `n` periods: profile, forecast, evidence, lead-time demand. */
function demandModel(request: PartLocationRequest, n: number, settings: PlanSettings, workspace: PlanWorkspace): DemandModel {
  const y = request.demand;
  const profile = demandProfile(y, 0, n);
  const recency = demandRecency(y, n);
  const cap = evidenceCap({
    totalQuantity: profile.totalQuantity,
    ...recency,
    critical: request.critical ?? false,
    obsoleteAfterPeriods: settings.obsoleteAfterPeriods ?? Infinity,
    periodsPerYear: settings.nearZeroRule ? settings.periodsPerYear : Infinity,
  });
  const choice = chooseForecast(y, n, profile.demandClass, settings.forecastMethod, settings.forecast, settings.backtestPeriods, workspace.forecast, settings.autoCandidates);
  let method = choice.method;
  let rate = choice.ratePerPeriod;
  if (cap && cap.code !== 'noDemand' && settings.forecastMethod === 'Auto') {
    // Under the evidence rules TSB's decaying forecast is the evidence (stock-rule.ts).
    const tsb = workspace.forecast.forecasts('TSB', y, n, settings.forecast)[n];
    method = 'TSB';
    rate = Number.isFinite(tsb) && tsb > 0 ? tsb : 0;
  }
  const variancePerPeriod = settings.distribution === 'Poisson' ? rate : perPeriodVariance(settings.varianceEstimate, y, n, choice.forecasts, rate, profile);
  const L = request.leadTimePeriods;
  const levelError = settings.levelErrorVariance?.[profile.demandClass] ?? 0;
  const fitted = fitDistribution(rate * L, variancePerPeriod * L + levelError * rate * rate * L * L);
  let leadTimeDemand: LeadTimeDemand = { kind: fitted.kind, mean: fitted.mean, variance: fitted.variance, leadTimePeriods: L };
  let compound: CompoundLeadTimeDemand | null = null;
  if (settings.leadTimeDemand === 'Compound' && rate > 0) {
    const sizes = sizeDistribution(y, n, request.otherLocations);
    // Occurrences never below the part's frequency over its life (since its first demand) and over the
    // last year: Croston counts a new part's first interval from the start of the history,
    // which starves new and growing parts (docs/methods.md §4.2). Not under the evidence rules.
    let compoundRate = rate;
    if (!cap) {
      const lifeMean = recency.periodsSinceFirstDemand > 0 ? profile.totalQuantity / recency.periodsSinceFirstDemand : 0;
      const window = Math.max(1, Math.min(n, Math.round(settings.periodsPerYear)));
      let recent = 0;
      for (let t = n - window; t < n; t++) recent += y[t] > 0 ? y[t] : 0;
      compoundRate = Math.max(rate, lifeMean, recent / window);
    }
    const historyVariance = historicVariance(settings.varianceEstimate, y, n, choice.forecasts, profile);
    const dispersion = settings.distribution === 'Poisson' ? 1 : countDispersion(profile.meanPerPeriod, historyVariance, sizes);
    const candidate = compoundLeadTimeDemand(compoundRate, L, sizes, dispersion);
    if (compoundFeasible(candidate)) {
      compound = candidate;
      rate = compoundRate;
      leadTimeDemand = { kind: candidate.count.kind === 'Poisson' ? 'Poisson' : 'NegativeBinomial', mean: candidate.mean, variance: candidate.variance, leadTimePeriods: L };
    }
  }
  const reasonCode: StockReasonCode = cap ? cap.code : rate > 0 ? 'target' : 'forecastZero';
  return { profile, method, ratePerPeriod: rate, forecastAccuracy: choice.accuracy, variancePerPeriod, leadTimeDemand, compound, cap: cap ? cap.cap : Infinity, reasonCode, periodsWithoutDemand: recency.periodsWithoutDemand };
}

/** Lead-time demand and everything else a decision knows before its target is applied. */
interface DemandModel extends Omit<CoreDecision, 'stock' | 'map' | 'modelFillRate'> {
  /** The most stock the evidence supports (Infinity when the target decides). */
  cap: number;
}

/** The model's fill rate of stock S (uncalibrated). */
function modelFillRate(model: DemandModel, stock: number, settings: PlanSettings, workspace: PlanWorkspace): number {
  if (!(model.ratePerPeriod > 0)) return stock > 0 ? 1 : NO_DEMAND.fillRate;
  return model.compound ? compoundFillRate(model.compound, stock, workspace.compound) : baseStockPerformance(model.leadTimeDemand, stock, settings.fillRateModel, workspace.baseStock).fillRate;
}

/** The stocking decision from the first `n` periods. */
function decide(request: PartLocationRequest, n: number, settings: PlanSettings, workspace: PlanWorkspace): CoreDecision {
  const model = demandModel(request, n, settings, workspace);
  const map = model.reasonCode === 'target' ? (settings.calibrationMaps?.[model.profile.demandClass]?.[leadTimeBand(request.leadTimePeriods)] ?? null) : null;
  // Least S with g(FR(S)) ≥ target ⇔ FR(S) ≥ the least model fill rate g lifts to the target.
  const aim = map ? requiredModelFillRate(map, request.targetFillRate) : request.targetFillRate;
  let stock: BaseStockResult = NO_DEMAND;
  const { compound, leadTimeDemand } = model;
  if (model.ratePerPeriod > 0) {
    stock = compound ? compoundBaseStock(compound, aim, workspace.compound) : baseStockForFillRate(leadTimeDemand, aim, settings.fillRateModel, workspace.baseStock);
    if (stock.stock > model.cap) {
      stock = compound ? compoundPerformance(compound, model.cap, workspace.compound) : baseStockPerformance(leadTimeDemand, model.cap, settings.fillRateModel, workspace.baseStock);
    }
  }
  const modelFillRate = stock.fillRate;
  if (map) stock = { ...stock, fillRate: applyMap(map, stock.fillRate) };
  return { ...model, stock, map, modelFillRate };
}

/**
 * For the calibration: the stock the decision on the first `n` periods would take for each aim in
 * `aims` (ascending), and the model's uncalibrated fill rate of it. null when the evidence rules,
 * not a target, set the stock (those decisions are not calibrated).
 */
export function decisionCurve(request: PartLocationRequest, n: number, settings: PlanSettings, workspace: PlanWorkspace, aims: ArrayLike<number>): { demandClass: DemandClass; ratePerPeriod: number; stocks: Int32Array; fillRates: Float64Array } | null {
  workspace.forecast.startSeries();
  const model = demandModel(request, n, settings, workspace);
  if (model.reasonCode !== 'target') return null;
  const stocks = new Int32Array(aims.length);
  const fillRates = new Float64Array(aims.length);
  const first = model.compound ? compoundBaseStock(model.compound, aims[0], workspace.compound) : baseStockForFillRate(model.leadTimeDemand, aims[0], settings.fillRateModel, workspace.baseStock);
  let stock = first.stock;
  let rate = first.fillRate;
  const limit = stock + 10_000;
  // Under Moments the levels come from one sweep of the lead-time demand (the same fill rates as
  // modelFillRate, to rounding: docs/methods.md §6.1), not a fresh O(S) sum a level.
  const sweep = model.compound || !(model.ratePerPeriod > 0) ? null : workspace.sweep;
  if (sweep) sweep.reset(model.leadTimeDemand, settings.fillRateModel);
  const next = (s: number) => (sweep ? sweep.advanceTo(s) : modelFillRate(model, s, settings, workspace));
  for (let j = 0; j < aims.length; j++) {
    while (rate < aims[j] && stock < limit) rate = next(++stock);
    stocks[j] = stock;
    fillRates[j] = rate;
  }
  return { demandClass: model.profile.demandClass, ratePerPeriod: model.ratePerPeriod, stocks, fillRates };
}

/** The per-period variance of the history itself (no floor at the forecast rate, so the count dispersion does not move with the forecast). */
function historicVariance(estimate: VarianceEstimate, y: ArrayLike<number>, n: number, forecasts: Float64Array, profile: DemandProfile): number {
  if (estimate === 'sample') return profile.variancePerPeriod;
  const error = forecastErrorVariance(y, n, forecasts);
  return estimate === 'forecastError' ? error : Math.max(profile.variancePerPeriod, error);
}

/**
 * Nothing is forecast, so nothing is stocked: no backorder is expected (ready rate 1), but any unit
 * that is demanded all the same goes unfilled — the fill rate of S = 0 is 0 at every positive rate,
 * so that is its limit as the rate falls to 0, and it is what such a part-location can promise
 * (docs/methods.md §5.1).
 */
const NO_DEMAND: BaseStockResult = Object.freeze({ stock: 0, fillRate: 0, classicFillRate: 0, readyRate: 1, expectedBackorders: 0, expectedOnHand: 0 });

/** Least history left for the decision when periods are held out for the stocking backtest. */
export const MIN_DECISION_PERIODS = 12;

/** Plans one part-location into row `row` of `table` (the portfolio's hot path: no allocation survives it). */
export function planInto(request: PartLocationRequest, settings: PlanSettings, workspace: PlanWorkspace, table: PlanTable, row: number): void {
  const n = request.periods;
  workspace.forecast.startSeries();
  const core = decide(request, n, settings, workspace);
  const { profile, stock, forecastAccuracy: accuracy, leadTimeDemand } = core;
  const expectedAnnualMisses = core.ratePerPeriod * settings.periodsPerYear * (1 - stock.fillRate);
  const c = table.columns;
  c.periods[row] = profile.periods;
  c.nonZeroPeriods[row] = profile.nonZeroPeriods;
  c.totalQuantity[row] = profile.totalQuantity;
  c.adi[row] = profile.adi;
  c.cv2[row] = profile.cv2;
  table.demandClass[row] = DEMAND_CLASS_CODE[profile.demandClass];
  table.method[row] = METHOD_CODE[core.method];
  c.ratePerPeriod[row] = core.ratePerPeriod;
  c.forecastOrigins[row] = accuracy ? accuracy.origins : 0;
  c.forecastMae[row] = accuracy ? accuracy.mae : NaN;
  c.forecastBias[row] = accuracy ? accuracy.bias : NaN;
  c.forecastMse[row] = accuracy ? accuracy.mse : NaN;
  c.forecastRmse[row] = accuracy ? Math.sqrt(accuracy.mse) : NaN;
  c.variancePerPeriod[row] = core.variancePerPeriod;
  c.leadTimePeriods[row] = leadTimeDemand.leadTimePeriods;
  table.distribution[row] = DISTRIBUTION_CODE[leadTimeDemand.kind];
  c.leadTimeDemandMean[row] = leadTimeDemand.mean;
  c.leadTimeDemandVariance[row] = leadTimeDemand.variance;
  c.stock[row] = stock.stock;
  c.fillRate[row] = stock.fillRate;
  c.classicFillRate[row] = stock.classicFillRate;
  c.readyRate[row] = stock.readyRate;
  c.expectedBackorders[row] = stock.expectedBackorders;
  c.expectedOnHand[row] = stock.expectedOnHand;
  c.investment[row] = stock.stock * request.unitCost;
  c.annualHoldingCost[row] = stock.expectedOnHand * request.unitCost * request.holdingCostRate;
  c.expectedAnnualMisses[row] = expectedAnnualMisses;
  c.expectedAnnualPenalty[row] = expectedAnnualMisses * request.penaltyPerMiss;
  const backtest = backtestStock(request, settings, workspace);
  c.backtestPeriods[row] = backtest ? backtest.periods : 0;
  c.backtestStock[row] = backtest ? backtest.stock : 0;
  c.backtestPromisedFillRate[row] = backtest ? backtest.promisedFillRate : NaN;
  c.backtestDemand[row] = backtest ? backtest.demand : 0;
  c.backtestFilled[row] = backtest ? backtest.filled : 0;
  c.backtestAchievedFillRate[row] = backtest ? backtest.achievedFillRate : NaN;
  const compound = core.compound;
  table.leadTimeModel[row] = LEAD_TIME_MODEL_CODE[compound ? 'Compound' : 'Moments'];
  table.reasonCode[row] = STOCK_REASON_CODE[core.reasonCode];
  c.occurrencesPerPeriod[row] = compound ? core.ratePerPeriod / compound.sizes.mean : NaN;
  c.meanOrderSize[row] = compound ? compound.sizes.mean : NaN;
  c.countDispersion[row] = compound ? (compound.count.kind === 'NegativeBinomial' ? 1 + compound.count.beta : 1) : NaN;
  c.periodsWithoutDemand[row] = core.periodsWithoutDemand;
  c.modelFillRate[row] = core.modelFillRate;
  c.onHandFillRate[row] = request.onHand === undefined || Number.isNaN(request.onHand) ? NaN : onHandFillRate(core, Math.floor(request.onHand), settings, workspace);
}

/** Fill rate of `onHand` units as the stock level, under the decision's own lead-time demand model. */
function onHandFillRate(core: CoreDecision, onHand: number, settings: PlanSettings, workspace: PlanWorkspace): number {
  if (!(core.ratePerPeriod > 0)) return onHand > 0 ? 1 : NO_DEMAND.fillRate;
  const rate = core.compound ? compoundPerformance(core.compound, onHand, workspace.compound).fillRate : baseStockPerformance(core.leadTimeDemand, onHand, settings.fillRateModel, workspace.baseStock).fillRate;
  return core.map ? applyMap(core.map, rate) : rate;
}

/** Plans one part-location and returns the plan as an object. */
export function planPartLocation(request: PartLocationRequest, settings: PlanSettings, workspace = new PlanWorkspace()): PartLocationPlan {
  const table = new PlanTable(1);
  planInto(request, settings, workspace, table, 0);
  return table.row(0);
}

/** Outcome of the stocking backtest of one part-location. */
export interface StockBacktest {
  periods: number;
  stock: number;
  promisedFillRate: number;
  demand: number;
  filled: number;
  achievedFillRate: number;
}

/**
 * Holds out the last `backtestPeriods` periods, decides the stock on the rest exactly as the live
 * plan does (same method selection, on the shorter history only), and replays the held-out demand.
 */
function backtestStock(request: PartLocationRequest, settings: PlanSettings, workspace: PlanWorkspace): StockBacktest | null {
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
