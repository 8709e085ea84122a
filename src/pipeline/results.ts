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
  /** Recommended stock minus on hand (positive: units to add; negative: excess); null without inventory. */
  stockMinusOnHand: number | null;
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
  const rows = portfolio.rows;
  for (let i = 0; i < rows.count; i++) {
    const plan = rows.plans.row(i);
    const onHand = rows.onHand[i];
    demand.push({
      partId: rows.partId[i],
      locationId: rows.locationId[i],
      periods: plan.periods,
      nonZeroPeriods: plan.nonZeroPeriods,
      totalQuantity: plan.totalQuantity,
      adi: finiteOrNull(plan.adi),
      cv2: finiteOrNull(plan.cv2),
      demandClass: plan.demandClass,
      method: plan.method,
      ratePerPeriod: plan.ratePerPeriod,
      backtest:
        plan.forecastOrigins > 0
          ? { origins: plan.forecastOrigins, mae: finiteOrNull(plan.forecastMae), bias: finiteOrNull(plan.forecastBias), rmse: finiteOrNull(plan.forecastRmse) }
          : null,
    });
    const hasBacktest = plan.backtestPeriods > 0;
    stock.push({
      partId: rows.partId[i],
      locationId: rows.locationId[i],
      locationType: rows.locationType[i],
      criticality: rows.criticality[i],
      slaTier: rows.slaTier[i],
      targetFillRate: rows.targetFillRate[i],
      stock: plan.stock,
      fillRate: plan.fillRate,
      classicFillRate: plan.classicFillRate,
      readyRate: plan.readyRate,
      expectedBackorders: plan.expectedBackorders,
      expectedOnHand: plan.expectedOnHand,
      unitCost: rows.unitCost[i],
      investment: plan.investment,
      annualHoldingCost: plan.annualHoldingCost,
      expectedAnnualMisses: plan.expectedAnnualMisses,
      expectedAnnualPenalty: plan.expectedAnnualPenalty,
      leadTimeDays: rows.leadTimeDays[i],
      leadTimeDemandMean: plan.leadTimeDemandMean,
      leadTimeDemandVariance: plan.leadTimeDemandVariance,
      distribution: plan.ratePerPeriod > 0 ? plan.distribution : 'None',
      onHand: Number.isNaN(onHand) ? null : onHand,
      onHandFillRate: finiteOrNull(rows.onHandFillRate[i]),
      stockMinusOnHand: finiteOrNull(rows.stockMinusOnHand[i]),
      backtestFillRate: hasBacktest ? finiteOrNull(plan.backtestAchievedFillRate) : null,
    });
    if (hasBacktest) {
      backtest.push({
        partId: rows.partId[i],
        locationId: rows.locationId[i],
        periods: plan.backtestPeriods,
        targetFillRate: rows.targetFillRate[i],
        stock: plan.backtestStock,
        promisedFillRate: plan.backtestPromisedFillRate,
        demand: plan.backtestDemand,
        filled: plan.backtestFilled,
        achievedFillRate: finiteOrNull(plan.backtestAchievedFillRate),
      });
    }
  }
  return { schemaVersion: 1, engineVersion: ENGINE_VERSION, summary: portfolio.summary, demand, stock, backtest, issues };
}

/** The result as JSON text: NaN/Infinity anywhere (summary included) become null. */
export function resultToJson(result: AnalysisResult | { schemaVersion: 1; issues: ValidationIssue[] }): string {
  return JSON.stringify(result, (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2);
}
