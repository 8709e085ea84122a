/**
 * Domain types: the validated input of the planning pipeline. Validation (src/pipeline/validate.ts)
 * turns workbook tables into a PlanningInput; only valid, typed values reach the engine.
 */
import type { ForecastMethodSetting, StockingMode } from './contract';

export type Criticality = 'Critical' | 'Standard';
export type Lifecycle = 'Active' | 'Mature' | 'EndOfLife';
export type LocationType = 'Central' | 'Field';
export type PeriodLength = 'Month' | 'Week';

export interface Part {
  id: string;
  description: string;
  unitCost: number;
  leadTimeDays: number;
  repairable: boolean;
  /** Repair turnaround in days; 0 when not repairable. */
  repairDays: number;
  scrapRate: number;
  criticality: Criticality;
  lifecycle: Lifecycle;
  /** ISO date `YYYY-MM-DD`, or null. */
  endOfSupport: string | null;
  salePrice: number | null;
  refurbCost: number | null;
  salvageValue: number | null;
}

export interface Location {
  id: string;
  type: LocationType;
  /** The Central that resupplies a Field location; null for Central locations. */
  parent: string | null;
  /** Central-to-Field replenishment time in days; null for Central locations. */
  resupplyDays: number | null;
  emergencyHours: number | null;
  slaTier: string | null;
  /** Per-location override of the annual holding cost rate. */
  holdingCostRate: number | null;
}

export interface SlaTier {
  tier: string;
  responseHours: number;
  targetFillRate: number;
  penaltyPerMiss: number;
}

export interface Settings {
  periodLength: PeriodLength;
  forecastMethod: ForecastMethodSetting;
  alpha: number;
  beta: number;
  movingAverageWindow: number;
  holdingCostRate: number;
  standardFillRate: number;
  backtestPeriods: number;
  currency: string;
  distribution: 'Auto' | 'Poisson';
  varianceEstimate: 'Max' | 'Sample' | 'ForecastError';
  fillRateModel: 'Compound' | 'Classic';
  leadTimeDemand: 'Moments' | 'Compound';
  obsoleteAfterYears: number;
  /** Network stocking (docs/methods.md §9): Target and Budget plan the network, Independent each part-location on its own. */
  stockingMode: StockingMode;
  /** Stock investment available in Budget mode (0: not given). */
  budget: number;
  minFillRate: number;
  emergencyShipmentCost: number;
  networkModel: 'VariMetric' | 'Metric';
  calibration: 'Off' | 'Auto';
  // MOM assessment (docs/methods.md §8).
  obsoleteAfterPeriods: number;
  lastTimeBuyConfidence: number;
  horizonYears: number;
  discountRate: number;
  sameDayMaxHours: number;
  longLeadTimeDays: number;
  surplusSaleShare: number;
  implementationWaves: number;
}

/**
 * A regular period grid. Period i (0-based) of every series is `firstPeriod + i` in period
 * numbers: months since year 0 (year × 12 + month − 1), or ISO weeks counted from the Monday of
 * 1970-01-05 (week number = days since that Monday / 7).
 */
export interface PeriodGrid {
  length: PeriodLength;
  /** Period number of the first period. */
  first: number;
  /** Number of periods. */
  count: number;
  /** Labels `YYYY-MM` or `YYYY-Www`, one per period. */
  labels: string[];
}

/** Demand history of one part at one location on the grid. */
export interface DemandSeries {
  partId: string;
  locationId: string;
  /** Quantity per period, length = grid.count; missing periods are 0. */
  quantities: number[] | Float64Array;
}

export interface InventoryPosition {
  partId: string;
  locationId: string;
  onHand: number;
  /** Units on order (0 when not given). */
  onOrder?: number;
  /** Units in the repair loop (0 when not given). */
  inRepair?: number;
  /** Condition of the units on hand, when given. */
  condition?: 'New' | 'Refurbished' | null;
}

/** The inventory position a base-stock level is compared with: OnHand + OnOrder + InRepair. */
export function inventoryPosition(i: Pick<InventoryPosition, 'onHand' | 'onOrder' | 'inRepair'>): number {
  return i.onHand + (i.onOrder ?? 0) + (i.inRepair ?? 0);
}

/** A row of the Assessment table as entered (blanks are null), with where its cells are. */
export interface AssessmentInputRow {
  kpi: string;
  pillar: 'Maximize' | 'Optimize' | 'Minimize';
  current: number | null;
  benchmark: number | null;
  floor: number | null;
  weight: number | null;
  higherIsBetter: boolean | null;
  source: string | null;
  /** Sheet and A1 address of each cell, by column key. */
  sheet: string;
  cells: Partial<Record<'KPI' | 'Pillar' | 'Current' | 'Benchmark' | 'Floor' | 'Weight' | 'HigherIsBetter', string>>;
}

/** A row of the Assumptions table (blanks are null: the computed figure stays). */
export interface AssumptionInputRow {
  opportunity: string;
  include: boolean;
  annualBenefit: number | null;
  oneTimeBenefit: number | null;
  oneTimeCost: number | null;
}

/** A row of the ServiceEvents table. */
export interface ServiceEventInput {
  /** `YYYY-MM-DD` (validated). */
  date: string;
  partId: string;
  locationId: string;
  tier: string;
  filledFromStock: boolean;
  /** Hours until the customer was served; null when not recorded. */
  responseHours: number | null;
}

/** The MOM assessment's optional input tables (null: the table is absent). */
export interface MomInputs {
  assessment: AssessmentInputRow[] | null;
  assumptions: AssumptionInputRow[] | null;
  serviceEvents: ServiceEventInput[] | null;
}

export interface PlanningInput {
  parts: Part[];
  locations: Location[];
  slaTiers: SlaTier[];
  grid: PeriodGrid;
  /** One series per part-location that has demand rows, in first-seen order. */
  demand: DemandSeries[];
  /**
   * Series from this index on have no Demand rows: added (all zero) by the pipeline for part-locations
   * the results must show — stock without demand rows, a Central its fields draw on (network-stage.ts).
   */
  addedFrom?: number;
  inventory: InventoryPosition[];
  settings: Settings;
  /** The MOM assessment's optional tables; absent: none given. */
  mom?: MomInputs;
}

export type Severity = 'error' | 'warning';

/** A problem found in the input: errors stop the run, warnings do not. */
export interface ValidationIssue {
  severity: Severity;
  /** Sheet name ('' when the problem is not tied to a sheet). */
  sheet: string;
  /** A1 address of the cell ('' for a whole table or column problem that has no single cell). */
  cell: string;
  message: string;
}

/** `Parts!C17: UnitCost must be …` — the way issues are shown to users. */
export function formatIssue(issue: ValidationIssue): string {
  const where = issue.sheet ? (issue.cell ? `${quoteSheetName(issue.sheet)}!${issue.cell}` : issue.sheet) : '';
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** Sheet name as Excel writes it in a reference: quoted when it holds anything but letters, digits and `_`. */
export function quoteSheetName(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}
