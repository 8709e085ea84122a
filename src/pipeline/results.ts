/**
 * The analysis results as plain, JSON-ready rows (`spp analyze --json`, schemaVersion 1). Field
 * names are a public contract: keep them stable, add fields freely. Numbers that do not exist
 * (a fill rate without demand, an ADI without demand) are null.
 */
import type { PortfolioResult, PortfolioSummary } from '../engine/portfolio';
import type { ValidationIssue } from '../model/types';
import { ENGINE_VERSION } from '../version';

export interface ForecastBacktestJson {
  origins: number;
  mae: number | null;
  bias: number | null;
  rmse: number | null;
}

export interface DemandRowJson {
  partId: string;
  locationId: string;
  periods: number;
  nonZeroPeriods: number;
  totalQuantity: number;
  adi: number | null;
  cv2: number | null;
  demandClass: string;
  method: string;
  ratePerPeriod: number;
  /** Rolling-origin accuracy of the chosen method; null when the history is too short. */
  backtest: ForecastBacktestJson | null;
}

export interface StockRowJson {
  partId: string;
  locationId: string;
  locationType: string;
  criticality: string;
  slaTier: string | null;
  targetFillRate: number;
  stock: number;
  fillRate: number;
  classicFillRate: number;
  readyRate: number;
  expectedBackorders: number;
  expectedOnHand: number;
  unitCost: number;
  investment: number;
  annualHoldingCost: number;
  expectedAnnualMisses: number;
  expectedAnnualPenalty: number;
  leadTimeDays: number;
  leadTimeDemandMean: number;
  leadTimeDemandVariance: number;
  distribution: string;
  onHand: number | null;
  /** Fill rate the current on-hand stock gives, under the same model; null without inventory. */
  onHandFillRate: number | null;
  /** Fill rate achieved when the held-out periods were replayed; null without a backtest or without held-out demand. */
  backtestFillRate: number | null;
}

export interface BacktestRowJson {
  partId: string;
  locationId: string;
  periods: number;
  targetFillRate: number;
  stock: number;
  promisedFillRate: number;
  demand: number;
  filled: number;
  achievedFillRate: number | null;
}

export interface AnalysisResult {
  schemaVersion: 1;
  engineVersion: string;
  summary: PortfolioSummary;
  demand: DemandRowJson[];
  stock: StockRowJson[];
  backtest: BacktestRowJson[];
  issues: ValidationIssue[];
}

/** NaN and ±Infinity are not JSON: they become null. */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

export function buildResult(portfolio: PortfolioResult, issues: ValidationIssue[]): AnalysisResult {
  const demand: DemandRowJson[] = [];
  const stock: StockRowJson[] = [];
  const backtest: BacktestRowJson[] = [];
  for (const row of portfolio.rows) {
    const { plan } = row;
    const accuracy = plan.forecastAccuracy;
    demand.push({
      partId: row.partId,
      locationId: row.locationId,
      periods: plan.profile.periods,
      nonZeroPeriods: plan.profile.nonZeroPeriods,
      totalQuantity: plan.profile.totalQuantity,
      adi: finiteOrNull(plan.profile.adi),
      cv2: finiteOrNull(plan.profile.cv2),
      demandClass: plan.profile.demandClass,
      method: plan.method,
      ratePerPeriod: plan.ratePerPeriod,
      backtest: accuracy
        ? { origins: accuracy.origins, mae: finiteOrNull(accuracy.mae), bias: finiteOrNull(accuracy.bias), rmse: finiteOrNull(Math.sqrt(accuracy.mse)) }
        : null,
    });
    const d = plan.decision;
    const bt = plan.backtest;
    stock.push({
      partId: row.partId,
      locationId: row.locationId,
      locationType: row.locationType,
      criticality: row.criticality,
      slaTier: row.slaTier,
      targetFillRate: row.targetFillRate,
      stock: d.stock,
      fillRate: d.fillRate,
      classicFillRate: d.classicFillRate,
      readyRate: d.readyRate,
      expectedBackorders: d.expectedBackorders,
      expectedOnHand: d.expectedOnHand,
      unitCost: row.unitCost,
      investment: d.investment,
      annualHoldingCost: d.annualHoldingCost,
      expectedAnnualMisses: d.expectedAnnualMisses,
      expectedAnnualPenalty: d.expectedAnnualPenalty,
      leadTimeDays: row.leadTimeDays,
      leadTimeDemandMean: plan.leadTimeDemand.mean,
      leadTimeDemandVariance: plan.leadTimeDemand.variance,
      distribution: plan.ratePerPeriod > 0 ? plan.leadTimeDemand.kind : 'None',
      onHand: row.onHand,
      onHandFillRate: row.current ? row.current.fillRate : null,
      backtestFillRate: bt ? finiteOrNull(bt.achievedFillRate) : null,
    });
    if (bt) {
      backtest.push({
        partId: row.partId,
        locationId: row.locationId,
        periods: bt.periods,
        targetFillRate: row.targetFillRate,
        stock: bt.stock,
        promisedFillRate: bt.promisedFillRate,
        demand: bt.demand,
        filled: bt.filled,
        achievedFillRate: finiteOrNull(bt.achievedFillRate),
      });
    }
  }
  return { schemaVersion: 1, engineVersion: ENGINE_VERSION, summary: portfolio.summary, demand, stock, backtest, issues };
}

/** The result as JSON text: NaN/Infinity anywhere (summary included) become null. */
export function resultToJson(result: AnalysisResult | { schemaVersion: 1; issues: ValidationIssue[] }): string {
  return JSON.stringify(result, (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2);
}
