/**
 * Planning of the whole portfolio: every part-location of a validated PlanningInput, then the
 * aggregates shown on the summary (totals, by location, by SLA tier, by demand class).
 */
import { inventoryPosition, type Location, type Part, type PlanningInput, type Settings } from '../model/types';
import { baseStockPerformance } from './base-stock';
import { PmfTable } from './distributions';
import type { DemandClass } from './classify';
import type { ForecastMethod } from './forecast/types';
import { planInto, PlanWorkspace, type PartLocationRequest, type PlanSettings } from './plan';
import { calibrate, type Calibration } from './calibration';
import { PlanTable } from './plan-table';
import { daysPerPeriod, holdingCostRate, leadTimeDays, penaltyPerMiss, periodsPerYear, targetFillRate } from './policy';
import type { VarianceEstimate } from './variance';

/**
 * What the portfolio knows about each part-location besides its plan, column by column like the
 * plans themselves (see plan-table.ts). Row i of every column is part-location i.
 */
export interface PortfolioRows {
  count: number;
  partId: string[];
  locationId: string[];
  locationType: Location['type'][];
  criticality: Part['criticality'][];
  slaTier: (string | null)[];
  targetFillRate: Float64Array;
  leadTimeDays: Float64Array;
  unitCost: Float64Array;
  holdingCostRate: Float64Array;
  penaltyPerMiss: Float64Array;
  /** Units on hand now (Inventory table); NaN when not given. */
  onHand: Float64Array;
  /** Units on order and in the repair loop (Inventory table); NaN when not given. */
  onOrder: Float64Array;
  inRepair: Float64Array;
  /** Inventory position = on hand + on order + in repair: what a base-stock level is compared with; NaN when not given. */
  position: Float64Array;
  /** Fill rate of the current inventory position taken as the base-stock level; NaN without inventory. */
  onHandFillRate: Float64Array;
  /** Recommended stock minus the inventory position: positive = units to add, negative = excess; NaN without inventory. */
  stockMinusOnHand: Float64Array;
  plans: PlanTable;
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
  rows: PortfolioRows;
  summary: PortfolioSummary;
  /** The rolling-origin calibration (Calibration = Auto); null when Off. */
  calibration?: Calibration | null;
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
    leadTimeDemand: settings.leadTimeDemand,
    obsoleteAfterPeriods: Math.round(settings.obsoleteAfterYears * periodsPerYear(settings.periodLength)),
    nearZeroRule: true,
    calibration: settings.calibration,
  };
}

const PROGRESS_EVERY = 500;

/** Plans and summarises every part-location of the input. */
export function planPortfolio(input: PlanningInput, options: PortfolioOptions = {}): PortfolioResult {
  const { rows, batch } = describePortfolio(input);
  const calibration = planBatch(batch, rows.plans, options);
  return { ...finishPortfolio(rows, input), calibration };
}

/** Everything the engine needs to plan a set of part-locations: part-location i has demand series[i] and its parameters at index i. */
export interface PlanBatch {
  settings: PlanSettings;
  count: number;
  periods: number;
  series: ArrayLike<number>[];
  leadTimePeriods: Float64Array;
  targetFillRate: Float64Array;
  unitCost: Float64Array;
  holdingCostRate: Float64Array;
  penaltyPerMiss: Float64Array;
  /** 1 for a Critical part (insurance stock under the evidence rules); all Standard when absent. */
  critical?: Uint8Array;
  /** The same part's demand at its other locations (pooled order sizes); none when absent. */
  otherLocations?: (readonly ArrayLike<number>[] | undefined)[];
  /** Units on hand per part-location (NaN when not given); absent without inventory. */
  onHand?: Float64Array;
}

/** The rows' master data and policy parameters (lead time, target, costs), and the batch to plan. */
export function describePortfolio(input: PlanningInput): { rows: PortfolioRows; batch: PlanBatch } {
  const parts = new Map(input.parts.map((p) => [p.id, p]));
  const locations = new Map(input.locations.map((l) => [l.id, l]));
  const tiers = new Map(input.slaTiers.map((t) => [t.tier, t]));
  const inventory = new Map(input.inventory.map((i) => [`${i.partId}\u0000${i.locationId}`, i]));
  const periodDays = daysPerPeriod(input.settings.periodLength);
  const count = input.demand.length;
  const periods = input.grid.count;
  const rows = emptyRows(count);
  const batch: PlanBatch = {
    settings: planSettingsFrom(input.settings),
    count,
    periods,
    series: new Array<ArrayLike<number>>(count),
    leadTimePeriods: new Float64Array(count),
    targetFillRate: rows.targetFillRate,
    unitCost: rows.unitCost,
    holdingCostRate: rows.holdingCostRate,
    penaltyPerMiss: rows.penaltyPerMiss,
    critical: new Uint8Array(count),
    otherLocations: new Array(count),
    // Today's fill rate is that of the inventory position as the base-stock level.
    onHand: rows.position,
  };
  const seriesOfPart = new Map<string, number[]>();
  for (let i = 0; i < count; i++) {
    const list = seriesOfPart.get(input.demand[i].partId);
    if (list) list.push(i);
    else seriesOfPart.set(input.demand[i].partId, [i]);
  }
  for (let i = 0; i < count; i++) {
    const series = input.demand[i];
    const part = parts.get(series.partId);
    const location = locations.get(series.locationId);
    if (!part || !location) throw new Error(`Unvalidated input: ${series.partId} at ${series.locationId}`);
    if (series.quantities.length !== periods) throw new Error(`Unvalidated input: ${series.partId} at ${series.locationId} has ${series.quantities.length} periods, not ${periods}`);
    const tier = location.slaTier ? tiers.get(location.slaTier) : undefined;
    rows.partId[i] = part.id;
    rows.locationId[i] = location.id;
    rows.locationType[i] = location.type;
    rows.criticality[i] = part.criticality;
    rows.slaTier[i] = location.slaTier;
    rows.targetFillRate[i] = targetFillRate(part, tier, input.settings);
    rows.leadTimeDays[i] = leadTimeDays(part, location);
    rows.unitCost[i] = part.unitCost;
    rows.holdingCostRate[i] = holdingCostRate(location, input.settings);
    rows.penaltyPerMiss[i] = penaltyPerMiss(part, tier);
    const held = inventory.get(`${part.id}\u0000${location.id}`);
    const none = NaN;
    rows.onHand[i] = held ? held.onHand : none;
    rows.onOrder[i] = held ? (held.onOrder ?? 0) : none;
    rows.inRepair[i] = held ? (held.inRepair ?? 0) : none;
    rows.position[i] = held ? inventoryPosition(held) : none;
    batch.leadTimePeriods[i] = rows.leadTimeDays[i] / periodDays;
    batch.series[i] = series.quantities;
    batch.critical![i] = part.criticality === 'Critical' ? 1 : 0;
    const siblings = seriesOfPart.get(part.id)!;
    if (siblings.length > 1) batch.otherLocations![i] = siblings.filter((j) => j !== i).map((j) => input.demand[j].quantities);
  }
  return { rows, batch };
}

/** Plans every part-location of a batch into the same rows of `table`; under Calibration = Auto, calibrates first and returns the calibration. */
export function planBatch(batch: PlanBatch, table: PlanTable, options: PortfolioOptions = {}): Calibration | null {
  const workspace = new PlanWorkspace();
  const { periods, count } = batch;
  let settings = batch.settings;
  let calibration: Calibration | null = null;
  if (settings.calibration === 'Auto') {
    if (options.shouldStop?.()) throw new PlanningCancelled();
    calibration = calibrate(count, periods, (i) => requestOf(batch, i), settings, workspace);
    if (calibration.maps) settings = { ...settings, calibrationMaps: calibration.maps };
  }
  for (let i = 0; i < count; i++) {
    if (i % PROGRESS_EVERY === 0) {
      if (options.shouldStop?.()) throw new PlanningCancelled();
      options.onProgress?.(i, count);
    }
    planInto(requestOf(batch, i), settings, workspace, table, i);
  }
  options.onProgress?.(count, count);
  return calibration;
}

function requestOf(batch: PlanBatch, i: number): PartLocationRequest {
  return {
    demand: batch.series[i],
    periods: batch.periods,
    leadTimePeriods: batch.leadTimePeriods[i],
    targetFillRate: batch.targetFillRate[i],
    unitCost: batch.unitCost[i],
    holdingCostRate: batch.holdingCostRate[i],
    penaltyPerMiss: batch.penaltyPerMiss[i],
    critical: batch.critical ? batch.critical[i] === 1 : false,
    otherLocations: batch.otherLocations?.[i],
    onHand: batch.onHand ? batch.onHand[i] : undefined,
  };
}

/** After planning: what the current inventory achieves, and the summary. */
export function finishPortfolio(rows: PortfolioRows, input: PlanningInput): PortfolioResult {
  const settings = planSettingsFrom(input.settings);
  const table = new PmfTable();
  const c = rows.plans.columns;
  for (let i = 0; i < rows.count; i++) {
    const onHand = rows.position[i];
    rows.stockMinusOnHand[i] = c.stock[i] - onHand;
    rows.onHandFillRate[i] = Number.isNaN(onHand)
      ? NaN
      : !Number.isNaN(c.onHandFillRate[i])
        ? c.onHandFillRate[i]
        : c.ratePerPeriod[i] > 0
        ? baseStockPerformance({ kind: rows.plans.distributionAt(i), mean: c.leadTimeDemandMean[i], variance: c.leadTimeDemandVariance[i] }, Math.floor(onHand), settings.fillRateModel, table).fillRate
        : onHand >= 1
          ? 1
          : 0; // nothing forecast: a unit on hand fills what comes, none fills nothing (plan.ts, NO_DEMAND)
  }
  return { rows, summary: summarizePortfolio(rows, input) };
}

function emptyRows(count: number): PortfolioRows {
  return {
    count,
    partId: new Array<string>(count),
    locationId: new Array<string>(count),
    locationType: new Array<Location['type']>(count),
    criticality: new Array<Part['criticality']>(count),
    slaTier: new Array<string | null>(count),
    targetFillRate: new Float64Array(count),
    leadTimeDays: new Float64Array(count),
    unitCost: new Float64Array(count),
    holdingCostRate: new Float64Array(count),
    penaltyPerMiss: new Float64Array(count),
    onHand: new Float64Array(count),
    onOrder: new Float64Array(count),
    inRepair: new Float64Array(count),
    position: new Float64Array(count),
    onHandFillRate: new Float64Array(count),
    stockMinusOnHand: new Float64Array(count),
    plans: new PlanTable(count),
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
  add(rows: PortfolioRows, i: number): void {
    const c = rows.plans.columns;
    if (c.backtestPeriods[i] === 0) return;
    this.stock += c.backtestStock[i];
    const demand = c.backtestDemand[i];
    if (demand <= 0) return;
    this.evaluated++;
    this.demand += demand;
    this.filled += c.backtestFilled[i];
    this.target += rows.targetFillRate[i] * demand;
    this.promised += c.backtestPromisedFillRate[i] * demand;
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
  add(rows: PortfolioRows, i: number): void {
    const c = rows.plans.columns;
    const annualDemand = c.ratePerPeriod[i] * this.perYear;
    this.partLocations++;
    this.stock += c.stock[i];
    this.investment += c.investment[i];
    this.annualHoldingCost += c.annualHoldingCost[i];
    this.expectedAnnualPenalty += c.expectedAnnualPenalty[i];
    this.expectedAnnualMisses += c.expectedAnnualMisses[i];
    this.annualDemand += annualDemand;
    this.weightedTarget += rows.targetFillRate[i] * annualDemand;
    this.weightedFill += c.fillRate[i] * annualDemand;
    this.backtest.add(rows, i);
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

/** Totals and groups of planned rows: by location, by SLA tier, by demand class and method. */
export function summarizePortfolio(rows: PortfolioRows, input: PlanningInput): PortfolioSummary {
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
  const { plans } = rows;
  for (let i = 0; i < rows.count; i++) {
    total.add(rows, i);
    group(byLocation, rows.locationId[i]).add(rows, i);
    group(byTier, rows.criticality[i] === 'Standard' ? 'Standard parts' : (rows.slaTier[i] ?? '(none)')).add(rows, i);
    demandClasses[plans.demandClassAt(i)]++;
    const method = plans.methodAt(i);
    methods[method] = (methods[method] ?? 0) + 1;
    const onHand = rows.onHand[i];
    if (!Number.isNaN(onHand)) {
      const gap = rows.stockMinusOnHand[i];
      inventory.partLocations++;
      inventory.onHandValue += onHand * rows.unitCost[i];
      // Excess and shortfall against the inventory position; the value is of the units on hand.
      if (gap < 0) inventory.excessValue += -gap * rows.unitCost[i];
      else {
        inventory.shortfallUnits += gap;
        inventory.shortfallValue += gap * rows.unitCost[i];
      }
    }
  }
  const totals = total.result();
  const grid = input.grid;
  return {
    partLocations: rows.count,
    parts: new Set(rows.partId).size,
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
