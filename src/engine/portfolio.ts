/**
 * Planning of the whole portfolio: every part-location of a validated PlanningInput, then the
 * aggregates shown on the summary (totals, by location, by SLA tier, by demand class).
 */
import type { Location, Part, PlanningInput, Settings, SlaTier } from '../model/types';
import { baseStockPerformance, type BaseStockResult } from './base-stock';
import type { DemandClass } from './classify';
import type { ForecastMethod } from './forecast/types';
import { planPartLocation, PlanWorkspace, type PartLocationPlan, type PlanSettings } from './plan';
import { daysPerPeriod, holdingCostRate, leadTimeDays, penaltyPerMiss, periodsPerYear, targetFillRate } from './policy';
import type { VarianceEstimate } from './variance';

export interface PartLocationResult {
  partId: string;
  locationId: string;
  locationType: Location['type'];
  criticality: Part['criticality'];
  slaTier: string | null;
  targetFillRate: number;
  leadTimeDays: number;
  unitCost: number;
  holdingCostRate: number;
  penaltyPerMiss: number;
  plan: PartLocationPlan;
  /** Units on hand now (Inventory table), null when not given. */
  onHand: number | null;
  /** Performance of the current on-hand stock taken as the base-stock level; null without inventory. */
  current: BaseStockResult | null;
}

export interface FillRateComparison {
  /** Part-locations whose held-out periods had demand. */
  evaluated: number;
  /** Units demanded in the held-out periods. */
  demand: number;
  /** Units of it filled at once in the replay. */
  filled: number;
  /** Demand-weighted target fill rate. */
  targetFillRate: number;
  /** Demand-weighted fill rate promised by the model for the stock decided before the held-out periods. */
  promisedFillRate: number;
  /** filled / demand. */
  achievedFillRate: number;
  /** Σ stock decided before the held-out periods. */
  stock: number;
}

export interface GroupSummary {
  key: string;
  partLocations: number;
  stock: number;
  investment: number;
  annualHoldingCost: number;
  expectedAnnualPenalty: number;
  /** Annual-demand-weighted target and promised fill rate of the live plan. */
  targetFillRate: number;
  fillRate: number;
  backtest: FillRateComparison;
}

export interface PortfolioSummary {
  partLocations: number;
  parts: number;
  locations: number;
  periods: number;
  periodLength: Settings['periodLength'];
  firstPeriod: string;
  lastPeriod: string;
  currency: string;
  stock: number;
  investment: number;
  annualHoldingCost: number;
  expectedAnnualMisses: number;
  expectedAnnualPenalty: number;
  annualDemand: number;
  /** Annual-demand-weighted target and model fill rate of the live plan. */
  targetFillRate: number;
  fillRate: number;
  backtest: FillRateComparison;
  demandClasses: Record<DemandClass, number>;
  methods: Partial<Record<ForecastMethod, number>>;
  /** Current inventory (when given): value on hand, value above the recommended stock, and units short of it. */
  inventory: { partLocations: number; onHandValue: number; excessValue: number; shortfallUnits: number; shortfallValue: number } | null;
  byLocation: GroupSummary[];
  byTier: GroupSummary[];
}

export interface PortfolioResult {
  rows: PartLocationResult[];
  summary: PortfolioSummary;
}

export interface PortfolioOptions {
  /** Called every few hundred part-locations with (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Checked as often as onProgress; a true answer stops the run with PlanningCancelled. */
  shouldStop?: () => boolean;
}

export class PlanningCancelled extends Error {
  constructor() {
    super('The analysis was cancelled.');
    this.name = 'PlanningCancelled';
  }
}

const VARIANCE_ESTIMATES: Record<Settings['varianceEstimate'], VarianceEstimate> = { Max: 'max', Sample: 'sample', ForecastError: 'forecastError' };

export function planSettingsFrom(settings: Settings): PlanSettings {
  return {
    forecastMethod: settings.forecastMethod,
    forecast: { alpha: settings.alpha, beta: settings.beta, movingAverageWindow: settings.movingAverageWindow },
    backtestPeriods: settings.backtestPeriods,
    periodsPerYear: periodsPerYear(settings.periodLength),
    distribution: settings.distribution,
    varianceEstimate: VARIANCE_ESTIMATES[settings.varianceEstimate],
    fillRateModel: settings.fillRateModel,
  };
}

const PROGRESS_EVERY = 500;

export function planPortfolio(input: PlanningInput, options: PortfolioOptions = {}): PortfolioResult {
  const parts = new Map(input.parts.map((p) => [p.id, p]));
  const locations = new Map(input.locations.map((l) => [l.id, l]));
  const tiers = new Map(input.slaTiers.map((t) => [t.tier, t]));
  const onHand = new Map(input.inventory.map((i) => [`${i.partId}\u0000${i.locationId}`, i.onHand]));
  const settings = planSettingsFrom(input.settings);
  const periodDays = daysPerPeriod(input.settings.periodLength);
  const workspace = new PlanWorkspace();
  const rows: PartLocationResult[] = [];
  const total = input.demand.length;
  for (let i = 0; i < total; i++) {
    if (i % PROGRESS_EVERY === 0) {
      if (options.shouldStop?.()) throw new PlanningCancelled();
      options.onProgress?.(i, total);
    }
    const series = input.demand[i];
    const part = parts.get(series.partId);
    const location = locations.get(series.locationId);
    if (!part || !location) throw new Error(`Unvalidated input: ${series.partId} at ${series.locationId}`);
    rows.push(planOne(part, location, location.slaTier ? tiers.get(location.slaTier) : undefined, series.quantities, input, settings, periodDays, workspace, onHand));
  }
  options.onProgress?.(total, total);
  return { rows, summary: summarize(rows, input) };
}

function planOne(
  part: Part,
  location: Location,
  tier: SlaTier | undefined,
  quantities: number[],
  input: PlanningInput,
  settings: PlanSettings,
  periodDays: number,
  workspace: PlanWorkspace,
  inventory: Map<string, number>,
): PartLocationResult {
  const days = leadTimeDays(part, location);
  const target = targetFillRate(part, tier, input.settings);
  const rate = holdingCostRate(location, input.settings);
  const penalty = penaltyPerMiss(part, tier);
  const plan = planPartLocation(
    { demand: quantities, periods: quantities.length, leadTimePeriods: days / periodDays, targetFillRate: target, unitCost: part.unitCost, holdingCostRate: rate, penaltyPerMiss: penalty },
    settings,
    workspace,
  );
  const stockOnHand = inventory.get(`${part.id}\u0000${location.id}`);
  const current =
    stockOnHand === undefined
      ? null
      : plan.ratePerPeriod > 0
        ? baseStockPerformance(plan.leadTimeDemand, Math.floor(stockOnHand), settings.fillRateModel, workspace.baseStock)
        : { stock: stockOnHand, fillRate: 1, classicFillRate: 1, readyRate: 1, expectedBackorders: 0, expectedOnHand: stockOnHand };
  return {
    partId: part.id,
    locationId: location.id,
    locationType: location.type,
    criticality: part.criticality,
    slaTier: location.slaTier,
    targetFillRate: target,
    leadTimeDays: days,
    unitCost: part.unitCost,
    holdingCostRate: rate,
    penaltyPerMiss: penalty,
    plan,
    onHand: stockOnHand ?? null,
    current,
  };
}

/** Accumulates the backtest of many part-locations into demand-weighted fill rates. */
class FillRateAccumulator {
  evaluated = 0;
  demand = 0;
  filled = 0;
  target = 0;
  promised = 0;
  stock = 0;
  add(row: PartLocationResult): void {
    const bt = row.plan.backtest;
    if (!bt) return;
    this.stock += bt.stock;
    if (bt.demand <= 0) return;
    this.evaluated++;
    this.demand += bt.demand;
    this.filled += bt.filled;
    this.target += row.targetFillRate * bt.demand;
    this.promised += bt.promisedFillRate * bt.demand;
  }
  result(): FillRateComparison {
    const d = this.demand;
    return {
      evaluated: this.evaluated,
      demand: d,
      filled: this.filled,
      targetFillRate: d > 0 ? this.target / d : NaN,
      promisedFillRate: d > 0 ? this.promised / d : NaN,
      achievedFillRate: d > 0 ? this.filled / d : NaN,
      stock: this.stock,
    };
  }
}

class GroupAccumulator {
  partLocations = 0;
  stock = 0;
  investment = 0;
  annualHoldingCost = 0;
  expectedAnnualPenalty = 0;
  expectedAnnualMisses = 0;
  annualDemand = 0;
  weightedTarget = 0;
  weightedFill = 0;
  readonly backtest = new FillRateAccumulator();
  constructor(
    readonly key: string,
    private readonly perYear: number,
  ) {}
  add(row: PartLocationResult): void {
    const d = row.plan.decision;
    const annualDemand = row.plan.ratePerPeriod * this.perYear;
    this.partLocations++;
    this.stock += d.stock;
    this.investment += d.investment;
    this.annualHoldingCost += d.annualHoldingCost;
    this.expectedAnnualPenalty += d.expectedAnnualPenalty;
    this.expectedAnnualMisses += d.expectedAnnualMisses;
    this.annualDemand += annualDemand;
    this.weightedTarget += row.targetFillRate * annualDemand;
    this.weightedFill += d.fillRate * annualDemand;
    this.backtest.add(row);
  }
  result(): GroupSummary {
    return {
      key: this.key,
      partLocations: this.partLocations,
      stock: this.stock,
      investment: this.investment,
      annualHoldingCost: this.annualHoldingCost,
      expectedAnnualPenalty: this.expectedAnnualPenalty,
      targetFillRate: this.annualDemand > 0 ? this.weightedTarget / this.annualDemand : NaN,
      fillRate: this.annualDemand > 0 ? this.weightedFill / this.annualDemand : NaN,
      backtest: this.backtest.result(),
    };
  }
}

function summarize(rows: PartLocationResult[], input: PlanningInput): PortfolioSummary {
  const perYear = periodsPerYear(input.settings.periodLength);
  const total = new GroupAccumulator('total', perYear);
  const byLocation = new Map<string, GroupAccumulator>();
  const byTier = new Map<string, GroupAccumulator>();
  const demandClasses: Record<DemandClass, number> = { smooth: 0, erratic: 0, intermittent: 0, lumpy: 0, none: 0 };
  const methods: Partial<Record<ForecastMethod, number>> = {};
  const inventory = { partLocations: 0, onHandValue: 0, excessValue: 0, shortfallUnits: 0, shortfallValue: 0 };
  const group = (map: Map<string, GroupAccumulator>, key: string) => {
    let acc = map.get(key);
    if (!acc) map.set(key, (acc = new GroupAccumulator(key, perYear)));
    return acc;
  };
  for (const row of rows) {
    total.add(row);
    group(byLocation, row.locationId).add(row);
    group(byTier, row.criticality === 'Standard' ? 'Standard parts' : (row.slaTier ?? '(none)')).add(row);
    demandClasses[row.plan.profile.demandClass]++;
    methods[row.plan.method] = (methods[row.plan.method] ?? 0) + 1;
    if (row.onHand !== null) {
      const gap = row.plan.decision.stock - row.onHand;
      inventory.partLocations++;
      inventory.onHandValue += row.onHand * row.unitCost;
      if (gap < 0) inventory.excessValue += -gap * row.unitCost;
      else {
        inventory.shortfallUnits += gap;
        inventory.shortfallValue += gap * row.unitCost;
      }
    }
  }
  const totals = total.result();
  const grid = input.grid;
  return {
    partLocations: rows.length,
    parts: new Set(rows.map((r) => r.partId)).size,
    locations: byLocation.size,
    periods: grid.count,
    periodLength: input.settings.periodLength,
    firstPeriod: grid.labels[0] ?? '',
    lastPeriod: grid.labels[grid.labels.length - 1] ?? '',
    currency: input.settings.currency,
    stock: totals.stock,
    investment: totals.investment,
    annualHoldingCost: totals.annualHoldingCost,
    expectedAnnualMisses: total.expectedAnnualMisses,
    expectedAnnualPenalty: totals.expectedAnnualPenalty,
    annualDemand: total.annualDemand,
    targetFillRate: totals.targetFillRate,
    fillRate: totals.fillRate,
    backtest: totals.backtest,
    demandClasses,
    methods,
    inventory: inventory.partLocations > 0 ? inventory : null,
    byLocation: [...byLocation.values()].map((g) => g.result()),
    byTier: [...byTier.values()].map((g) => g.result()),
  };
}
