/**
 * The results contract: every result table, described once. For each column: its JSON key, its header
 * in plain words, unit, number format, a one-line note and how its value is read from the engine's
 * rows. The JSON (src/pipeline/results.ts), the result sheets (src/pipeline/layout.ts), the task
 * pane's tables and the generated section of docs/workbook.md all come from here.
 */
import type { GroupSummary, PortfolioResult, PortfolioRows } from '../engine/portfolio';
import type { PartLocationPlan } from '../engine/plan-table';
import type { KeptRun } from './headline';
import type { NetworkStage } from '../pipeline/network-stage';
import type { MomStage } from '../pipeline/mom-stage';
import type { Part, PlanningInput, ValidationIssue } from './types';
import type { MetricSpec, ResultColumnSpec, ResultEntrySpec, ResultTableSpec, ResultValue } from './result-spec';
import { planView } from './plan-view';
import { stockAction, stockReason } from './stock-action';
import { networkReasonAt, resuppliesFieldsOnly } from '../pipeline/network-stage';

/** Everything a result table is read from. */
export interface ResultContext {
  readonly portfolio: PortfolioResult;
  readonly input: PlanningInput;
  readonly issues: readonly ValidationIssue[];
  readonly engineVersion: string;
  /** The scenario this run is kept under, and every scenario's last run with this one (scenario-book.ts). */
  readonly scenarios?: { readonly active: string; readonly runs: readonly KeptRun[] };
  /** The network plan behind the recommended stock (StockingMode Target or Budget; absent in Independent mode). */
  readonly network?: NetworkStage;
  /** The MOM assessment of the recommended stock (src/pipeline/mom-stage.ts). */
  readonly mom?: MomStage;
}

/** One planned part-location as the per-part-location tables read it. */
export interface PlanRow {
  readonly i: number;
  readonly rows: PortfolioRows;
  readonly plan: PartLocationPlan;
  readonly part: Part | undefined;
  /** 'month' or 'week', for the reasons in words. */
  readonly periodWord?: string;
  /** The network plan's reason for this row's stock, when the network set it. */
  readonly networkReason?: () => string | null;
  /** A Central the network plans without customers of its own: its stock only resupplies its fields, so no target applies to it. */
  readonly resuppliesFieldsOnly?: boolean;
}

export const RESULT_SHEETS = {
  summary: 'SPP Summary',
  demand: 'SPP Demand Profile',
  stock: 'SPP Stock',
  backtest: 'SPP Backtest',
  byLocation: 'SPP By Location',
  byTier: 'SPP By Tier',
  issues: 'SPP Issues',
} as const;


/** The rows of the per-part-location tables, one PlanRow at a time (the plan read in place from the engine's columns: plan-view.ts). */
export function* planRows(context: ResultContext): Iterable<PlanRow> {
  const rows = context.portfolio.rows;
  const parts = new Map(context.input.parts.map((p) => [p.id, p]));
  const word = context.input.settings.periodLength === 'Week' ? 'week' : 'month';
  const network = context.network;
  for (let i = 0; i < rows.count; i++) {
    const row = { i, rows, plan: planView(rows.plans, i), part: parts.get(rows.partId[i]), periodWord: word };
    yield network ? { ...row, networkReason: () => networkReasonAt(network, i), resuppliesFieldsOnly: resuppliesFieldsOnly(network, i) } : row;
  }
}

const periodWord = (context: ResultContext): string => (context.input.settings.periodLength === 'Week' ? 'week' : 'month');
const nanToNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

// Columns shared by the per-part-location tables.
const PART: ResultColumnSpec<PlanRow> = { key: 'partId', header: 'Part', format: 'text', unit: '', note: 'PartID of the Parts table.', value: (r) => r.rows.partId[r.i], pane: true };
const LOCATION: ResultColumnSpec<PlanRow> = { key: 'locationId', header: 'Location', format: 'text', unit: '', note: 'LocationID of the Locations table.', value: (r) => r.rows.locationId[r.i], pane: true };
const TARGET: ResultColumnSpec<PlanRow> = {
  key: 'targetFillRate',
  header: 'Target fill rate',
  format: 'percent',
  unit: 'share of demanded units',
  note: "The SLA tier's TargetFillRate for a Critical part, the StandardFillRate setting for a Standard part; blank for a Central without customers of its own in the network plan (its stock only resupplies its fields).",
  value: (r) => (r.resuppliesFieldsOnly ? null : r.rows.targetFillRate[r.i]),
};

const DEMAND_COLUMNS: readonly ResultEntrySpec<PlanRow>[] = [
  PART,
  LOCATION,
  { key: 'periods', header: 'Periods of history', format: 'integer', unit: 'periods', note: 'Periods from the first to the last period of the Demand table (the same for every part-location).', value: (r) => r.plan.periods },
  { key: 'nonZeroPeriods', header: 'Periods with demand', format: 'integer', unit: 'periods', note: 'Periods in which at least one unit was demanded.', value: (r) => r.plan.nonZeroPeriods },
  { key: 'totalQuantity', header: 'Units demanded', format: 'integer', unit: 'units', note: 'All units demanded over the history.', value: (r) => r.plan.totalQuantity },
  { key: 'adi', header: 'ADI', format: 'decimal', unit: 'periods per demand', note: 'Average inter-demand interval: periods ÷ periods with demand (blank without demand).', value: (r) => r.plan.adi },
  { key: 'cv2', header: 'CV² of sizes', format: 'decimal', unit: '', note: 'Squared coefficient of variation of the non-zero demand sizes (0 with fewer than two).', value: (r) => r.plan.cv2 },
  { key: 'demandClass', header: 'Demand class', format: 'text', unit: '', note: 'Syntetos–Boylan class from ADI (cut-off 1.32) and CV² (0.49): smooth, erratic, intermittent, lumpy, or none.', value: (r) => r.plan.demandClass, pane: true },
  { key: 'method', header: 'Forecast method', format: 'text', unit: '', note: 'The method chosen (Auto: lowest rolling-origin mean squared error among the class’s candidates).', value: (r) => r.plan.method, pane: true },
  { key: 'ratePerPeriod', header: 'Forecast per period', format: 'decimal', unit: 'units per period', note: 'Forecast demand per period after the history: the rate behind the stock level.', value: (r) => r.plan.ratePerPeriod, pane: true },
  {
    group: 'backtest',
    present: (r) => r.plan.forecastOrigins > 0,
    columns: [
      { key: 'origins', header: 'Forecast backtest origins', format: 'integer', unit: 'periods', note: 'Held-out periods over which the one-step forecasts were scored (blank when the history is too short).', value: (r) => r.plan.forecastOrigins },
      { key: 'mae', header: 'Forecast MAE', format: 'decimal', unit: 'units per period', note: 'Mean absolute one-step forecast error over those periods.', value: (r) => r.plan.forecastMae },
      { key: 'bias', header: 'Forecast bias', format: 'decimal', unit: 'units per period', note: 'Mean one-step forecast error; positive means the method over-forecast.', value: (r) => r.plan.forecastBias },
      { key: 'rmse', header: 'Forecast RMSE', format: 'decimal', unit: 'units per period', note: 'Root mean squared one-step forecast error.', value: (r) => r.plan.forecastRmse },
    ],
  },
];

const STOCK_COLUMNS: readonly ResultEntrySpec<PlanRow>[] = [
  PART,
  { key: 'description', header: 'Description', format: 'text', unit: '', note: 'Description of the part (Parts table).', value: (r) => r.part?.description || null, width: 30 },
  LOCATION,
  { key: 'locationType', header: 'Location type', format: 'text', unit: '', note: 'Central or Field.', value: (r) => r.rows.locationType[r.i] },
  { key: 'criticality', header: 'Criticality', format: 'text', unit: '', note: 'Critical parts get the tier target and carry penalties; Standard parts get StandardFillRate.', value: (r) => r.rows.criticality[r.i] },
  { key: 'slaTier', header: 'SLA tier', format: 'text', unit: '', note: "The location's SLA tier.", value: (r) => r.rows.slaTier[r.i] },
  TARGET,
  { key: 'stock', header: 'Recommended stock', format: 'integer', unit: 'units', note: 'Base-stock level to keep at the location: units on hand plus on order.', value: (r) => r.plan.stock, pane: true },
  {
    key: 'action',
    header: 'Action',
    format: 'text',
    unit: '',
    note: 'Against the inventory position (on hand + on order + in repair): units to order, units in excess, or hold.',
    value: (r) => stockAction(r.plan.stock, r.rows.position[r.i]),
    pane: true,
  },
  {
    key: 'reason',
    header: 'Reason',
    format: 'text',
    unit: '',
    note: 'The rule that set the stock level, with the numbers it used.',
    value: (r) => r.networkReason?.() ?? stockReason({ plan: r.plan, targetFillRate: r.rows.targetFillRate[r.i], criticality: r.rows.criticality[r.i], slaTier: r.rows.slaTier[r.i], leadTimeDays: r.rows.leadTimeDays[r.i], periodWord: r.periodWord }),
    width: 60,
  },
  // Decision quality (issue 10): which rule set the stock, and the occurrence–size model's figures.
  {
    key: 'reasonCode',
    header: 'Reason code',
    format: 'text',
    unit: '',
    note: 'The rule that set the stock: target (the fill-rate target), obsolete or obsoleteInsurance (no demand for ObsoleteAfterYears), fewUnits or fewUnitsInsurance (at most 2 units in the history), noDemand, forecastZero (docs/methods.md §5.1).',
    value: (r) => r.plan.reasonCode,
  },
  { key: 'periodsWithoutDemand', header: 'Periods without demand', format: 'integer', unit: 'periods', note: 'Periods since the last period with demand.', value: (r) => r.plan.periodsWithoutDemand, in: 'json' },
  { key: 'leadTimeModel', header: 'Lead-time demand model', format: 'text', unit: '', note: 'Compound (occurrences × order sizes) or Moments (Poisson or negative binomial on mean and variance): the LeadTimeDemand setting; Moments also where the compound model would be too large to tabulate.', value: (r) => r.plan.leadTimeModel, in: 'json' },
  { key: 'occurrencesPerPeriod', header: 'Demands per period', format: 'decimal', unit: 'occurrences per period', note: 'Compound model: forecast per period ÷ mean order size (blank under Moments).', value: (r) => nanToNull(r.plan.occurrencesPerPeriod) },
  { key: 'meanOrderSize', header: 'Mean order size', format: 'decimal', unit: 'units per occurrence', note: 'Compound model: mean units per period with demand, smoothed and pooled (blank under Moments).', value: (r) => nanToNull(r.plan.meanOrderSize) },
  { key: 'countDispersion', header: 'Count dispersion', format: 'decimal', unit: '', note: 'Compound model: variance ÷ mean of the number of demands in a lead time (1 = Poisson; blank under Moments).', value: (r) => nanToNull(r.plan.countDispersion), in: 'json' },
  { key: 'fillRate', header: 'Planned fill rate', format: 'percent', unit: 'share of demanded units', note: 'Share of demanded units the recommended stock fills at once from the shelf: under Calibration = Auto what the model’s fill rate achieved on the backtests of your history (its calibration map, SPP Calibration), else the model’s own.', value: (r) => r.plan.fillRate, pane: true },
  { key: 'modelFillRate', header: 'Model fill rate', format: 'percent', unit: 'share of demanded units', note: 'The lead-time demand model’s fill rate of the recommended stock before calibration (SPP.FILLRATE); the Planned fill rate when Calibration = Off or the evidence rules set the stock.', value: (r) => r.plan.modelFillRate },
  { key: 'classicFillRate', header: 'Classic fill rate', format: 'percent', unit: 'share of demands', note: 'F(S − 1): the textbook fill rate, the chance a demand finds stock.', value: (r) => r.plan.classicFillRate, in: 'json' },
  { key: 'readyRate', header: 'Ready rate', format: 'percent', unit: 'share of time', note: 'Share of time with at least one unit on the shelf.', value: (r) => r.plan.readyRate },
  { key: 'expectedBackorders', header: 'Expected backorders', format: 'decimal', unit: 'units', note: 'Units demanded and not yet supplied, on average at any moment.', value: (r) => r.plan.expectedBackorders },
  { key: 'expectedOnHand', header: 'Expected on hand', format: 'decimal', unit: 'units', note: 'Units on the shelf on average.', value: (r) => r.plan.expectedOnHand },
  { key: 'unitCost', header: 'Unit cost', format: 'currency', unit: 'currency', note: 'UnitCost of the Parts table.', value: (r) => r.rows.unitCost[r.i] },
  { key: 'investment', header: 'Investment', format: 'currency', unit: 'currency', note: 'Recommended stock × unit cost.', value: (r) => r.plan.investment, pane: true },
  { key: 'annualHoldingCost', header: 'Holding cost per year', format: 'currency', unit: 'currency per year', note: 'Expected on hand × unit cost × holding cost rate.', value: (r) => r.plan.annualHoldingCost },
  { key: 'expectedAnnualMisses', header: 'Expected misses per year', format: 'decimal', unit: 'units per year', note: 'Units demanded per year that the shelf does not fill at once: annual demand × (1 − fill rate).', value: (r) => r.plan.expectedAnnualMisses },
  { key: 'expectedAnnualPenalty', header: 'Expected penalties per year', format: 'currency', unit: 'currency per year', note: "Expected misses × the tier's PenaltyPerMiss (Critical parts only).", value: (r) => r.plan.expectedAnnualPenalty },
  { key: 'leadTimeDays', header: 'Lead time (days)', format: 'decimal', unit: 'days', note: 'Replenishment time: ResupplyDays at a Field location; LeadTimeDays, or the repair/scrap mix for repairables, at a Central.', value: (r) => r.rows.leadTimeDays[r.i] },
  { key: 'leadTimeDemandMean', header: 'Lead-time demand', format: 'decimal', unit: 'units', note: 'Expected units demanded during one lead time: forecast per period × lead time in periods.', value: (r) => r.plan.leadTimeDemandMean },
  { key: 'leadTimeDemandVariance', header: 'Lead-time demand variance', format: 'decimal', unit: 'units²', note: 'Variance of the units demanded during one lead time.', value: (r) => r.plan.leadTimeDemandVariance },
  { key: 'distribution', header: 'Distribution', format: 'text', unit: '', note: 'Distribution of lead-time demand: Poisson, NegativeBinomial, or None without demand.', value: (r) => (r.plan.ratePerPeriod > 0 ? r.plan.distribution : 'None') },
  { key: 'onHand', header: 'On hand', format: 'integer', unit: 'units', note: 'OnHand of the Inventory table (blank without one).', value: (r) => nanToNull(r.rows.onHand[r.i]) },
  { key: 'onOrder', header: 'On order', format: 'integer', unit: 'units', note: 'OnOrder of the Inventory table (blank without one).', value: (r) => nanToNull(r.rows.onOrder[r.i]) },
  { key: 'inRepair', header: 'In repair', format: 'integer', unit: 'units', note: 'InRepair of the Inventory table (blank without one).', value: (r) => nanToNull(r.rows.inRepair[r.i]) },
  { key: 'inventoryPosition', header: 'Inventory position', format: 'integer', unit: 'units', note: 'On hand + on order + in repair: what the recommended stock (a base-stock level) is compared with.', value: (r) => nanToNull(r.rows.position[r.i]) },
  { key: 'onHandFillRate', header: 'Fill rate of current inventory', format: 'percent', unit: 'share of demanded units', note: 'The fill rate the inventory position would give if it were the stock level.', value: (r) => r.rows.onHandFillRate[r.i] },
  {
    key: 'stockMinusOnHand',
    header: 'Order (+) or excess (−)',
    format: 'integer',
    unit: 'units',
    note: 'Recommended stock − inventory position: positive means units to order, negative means units in excess.',
    value: (r) => r.rows.stockMinusOnHand[r.i],
  },
  {
    key: 'backtestFillRate',
    header: 'Backtested fill rate',
    format: 'percent',
    unit: 'share of demanded units',
    note: 'Fill rate achieved when the held-out periods were replayed against the stock decided without them (SPP Backtest).',
    value: (r) => (r.plan.backtestPeriods > 0 ? r.plan.backtestAchievedFillRate : null),
  },
];

const BACKTEST_COLUMNS: readonly ResultEntrySpec<PlanRow>[] = [
  PART,
  LOCATION,
  { key: 'periods', header: 'Held-out periods', format: 'integer', unit: 'periods', note: 'The last BacktestPeriods periods, left out when the stock was decided.', value: (r) => r.plan.backtestPeriods },
  TARGET,
  { key: 'stock', header: 'Stock decided', format: 'integer', unit: 'units', note: 'The stock level decided on the history before the held-out periods, exactly as the live plan decides.', value: (r) => r.plan.backtestStock },
  { key: 'promisedFillRate', header: 'Promised fill rate', format: 'percent', unit: 'share of demanded units', note: 'What the model promised for that stock.', value: (r) => r.plan.backtestPromisedFillRate },
  { key: 'demand', header: 'Held-out demand', format: 'integer', unit: 'units', note: 'Units demanded in the held-out periods.', value: (r) => r.plan.backtestDemand },
  { key: 'filled', header: 'Filled at once', format: 'integer', unit: 'units', note: 'Of those, units the decided stock filled at once in the replay.', value: (r) => r.plan.backtestFilled },
  { key: 'achievedFillRate', header: 'Achieved fill rate', format: 'percent', unit: 'share of demanded units', note: 'Filled ÷ held-out demand (blank without held-out demand).', value: (r) => r.plan.backtestAchievedFillRate },
];

function groupColumns(keyHeader: string, keyNote: string): readonly ResultEntrySpec<GroupSummary>[] {
  return [
    { key: 'key', header: keyHeader, format: 'text', unit: '', note: keyNote, value: (g) => g.key, pane: true },
    { key: 'partLocations', header: 'Part-locations', format: 'integer', unit: 'count', note: 'Part-locations planned in the group.', value: (g) => g.partLocations },
    { key: 'stock', header: 'Recommended stock', format: 'integer', unit: 'units', note: 'Sum of the recommended stock levels.', value: (g) => g.stock },
    { key: 'investment', header: 'Investment', format: 'currency', unit: 'currency', note: 'Sum of recommended stock × unit cost.', value: (g) => g.investment, pane: true },
    { key: 'annualHoldingCost', header: 'Holding cost per year', format: 'currency', unit: 'currency per year', note: 'Sum of the holding costs.', value: (g) => g.annualHoldingCost },
    { key: 'expectedAnnualPenalty', header: 'Expected penalties per year', format: 'currency', unit: 'currency per year', note: 'Sum of the expected SLA penalties.', value: (g) => g.expectedAnnualPenalty },
    { key: 'targetFillRate', header: 'Target fill rate', format: 'percent', unit: 'share of demanded units', note: 'Target fill rate weighted by annual demand.', value: (g) => g.targetFillRate, pane: true },
    { key: 'fillRate', header: 'Planned fill rate', format: 'percent', unit: 'share of demanded units', note: 'Planned fill rate of the recommended stock, weighted by annual demand.', value: (g) => g.fillRate, pane: true },
    {
      group: 'backtest',
      present: () => true,
      columns: [
        { key: 'promisedFillRate', header: 'Backtest: promised fill rate', format: 'percent', unit: 'share of demanded units', note: 'What the model promised for the stock decided before the held-out periods, weighted by held-out demand.', value: (g) => g.backtest.promisedFillRate, pane: true },
        { key: 'achievedFillRate', header: 'Backtest: achieved fill rate', format: 'percent', unit: 'share of demanded units', note: 'Held-out units filled at once ÷ held-out units demanded.', value: (g) => g.backtest.achievedFillRate, pane: true },
        { key: 'demand', header: 'Backtest: held-out demand', format: 'integer', unit: 'units', note: 'Units demanded in the held-out periods.', value: (g) => g.backtest.demand },
      ],
    },
  ];
}

const ISSUE_COLUMNS: readonly ResultEntrySpec<ValidationIssue>[] = [
  { key: 'severity', header: 'Severity', format: 'text', unit: '', note: 'error (the run stops) or warning (the run goes on).', value: (i) => i.severity, width: 10 },
  { key: 'sheet', header: 'Sheet', format: 'text', unit: '', note: 'Sheet of the problem (blank when it concerns no sheet, e.g. a scenario setting).', value: (i) => i.sheet, width: 16 },
  { key: 'cell', header: 'Cell', format: 'text', unit: '', note: 'Cell of the problem (blank for a whole table or column).', value: (i) => i.cell, width: 8 },
  { key: 'message', header: 'Problem', format: 'text', unit: '', note: 'What is wrong and how to fix it.', value: (i) => i.message, width: 100 },
];

export const DEMAND_TABLE: ResultTableSpec<ResultContext, PlanRow> = {
  id: 'demand',
  sheet: RESULT_SHEETS.demand,
  tableName: 'SppDemandProfile',
  json: { key: 'demand', built: true },
  summary: 'per part-location: periods, ADI, CV², demand class, chosen forecast method, forecast rate, forecast backtest errors',
  title: () => 'Demand profile and forecast per part-location',
  description: (c) => [
    `One row per part and location: how often and how regularly it was demanded (ADI, CV², demand class), and the forecast per ${periodWord(c)} that drives its stock.`,
    'The forecast backtest columns score the chosen method one period ahead over the held-out periods; blank when the history is too short.',
  ],
  rows: planRows,
  columns: DEMAND_COLUMNS,
  charts: () => [{ kind: 'xyScatter', title: 'Demand classes: ADI vs CV²', xAxisTitle: 'ADI (periods per demand)', yAxisTitle: 'CV² of demand sizes', categoryKey: 'adi', seriesKeys: ['cv2'] }],
};

export const STOCK_TABLE: ResultTableSpec<ResultContext, PlanRow> = {
  id: 'stock',
  sheet: RESULT_SHEETS.stock,
  tableName: 'SppStock',
  json: { key: 'stock', built: true },
  summary: 'per part-location: target, recommended stock, action and reason, fill and ready rate, backorders, on hand, investment, costs, lead-time demand, current inventory, backtested fill rate',
  title: (c) => `Recommended stock per part-location (${c.input.settings.currency})`,
  description: () => [
    'One row per part and location: the stock level to keep (on hand plus on order), what it is expected to deliver and cost, and what to do against the current inventory.',
    'Action says how many units to order or how many are in excess; Reason gives the rule that set the level. Fill rates are shares of demanded units filled at once from the shelf.',
    'Hover over a header for its meaning; docs/methods.md gives every formula.',
  ],
  rows: planRows,
  columns: STOCK_COLUMNS,
};

export const BACKTEST_TABLE: ResultTableSpec<ResultContext, PlanRow> = {
  id: 'backtest',
  sheet: RESULT_SHEETS.backtest,
  tableName: 'SppBacktest',
  json: { key: 'backtest', built: true },
  summary: 'per part-location: stock decided without the last periods, the fill rate promised for it, held-out demand, units filled, achieved fill rate',
  title: () => 'Backtest: stock decided without the last periods, then their demand replayed',
  description: (c) => [
    `The last ${c.input.settings.backtestPeriods} periods were held out, the stock was decided on the periods before them exactly as the live plan decides, and the held-out demand was replayed against it.`,
    'Compare Promised with Achieved: where they meet, the fill rates of the live plan can be trusted. Part-locations with too short a history have no row.',
  ],
  rows: function* (c) {
    for (const row of planRows(c)) if (row.plan.backtestPeriods > 0) yield row;
  },
  columns: BACKTEST_COLUMNS,
};

export const BY_LOCATION_TABLE: ResultTableSpec<ResultContext, GroupSummary> = {
  id: 'byLocation',
  sheet: RESULT_SHEETS.byLocation,
  tableName: 'SppByLocation',
  json: { key: 'summary.byLocation', built: false },
  summary: 'the stock, cost and service figures summed or demand-weighted per location (the source of the investment chart)',
  title: () => 'Stock and service by location',
  description: () => [
    'One row per location: recommended stock and its investment and costs summed, fill rates weighted by annual demand (planned) and by held-out demand (backtest).',
  ],
  rows: (c) => c.portfolio.summary.byLocation,
  columns: groupColumns('Location', 'LocationID of the Locations table.'),
  charts: (c) => [{ kind: 'columnClustered', title: 'Stock investment by location', xAxisTitle: 'Location', yAxisTitle: `Investment (${c.input.settings.currency})`, categoryKey: 'key', seriesKeys: ['investment'] }],
};

export const BY_TIER_TABLE: ResultTableSpec<ResultContext, GroupSummary> = {
  id: 'byTier',
  sheet: RESULT_SHEETS.byTier,
  tableName: 'SppByTier',
  json: { key: 'summary.byTier', built: false },
  summary: 'the same figures per SLA tier, Standard parts apart (the source of the promised vs backtested fill rate chart)',
  title: () => 'Promised vs backtested fill rate by SLA tier (Standard parts apart)',
  description: () => [
    "One row per SLA tier for Critical parts, and one for all Standard parts (their target is StandardFillRate, not the tier's).",
    'Target, planned and backtested fill rates side by side: the backtest shows whether the promise held on your own history.',
  ],
  rows: (c) => c.portfolio.summary.byTier,
  columns: groupColumns('Tier', 'SLA tier of the locations, or "Standard parts".'),
  charts: () => [
    {
      kind: 'columnClustered',
      title: 'Promised vs backtested fill rate by SLA tier',
      xAxisTitle: 'SLA tier',
      yAxisTitle: 'Fill rate',
      categoryKey: 'key',
      seriesKeys: ['targetFillRate', 'backtest.promisedFillRate', 'backtest.achievedFillRate'],
    },
  ],
};

export const ISSUES_TABLE: ResultTableSpec<ResultContext, ValidationIssue> = {
  id: 'issues',
  sheet: RESULT_SHEETS.issues,
  tableName: 'SppIssues',
  json: { key: 'issues', built: true },
  summary: 'every problem found in the input, with its sheet and cell',
  title: (c) => (c.issues.length ? 'Problems found in the input' : 'No problems found in the input'),
  description: () => ['Errors stop the run; warnings do not. Each row names the sheet and cell to fix.'],
  rows: (c) => c.issues,
  columns: ISSUE_COLUMNS,
};

/** The core row tables in sheet order, after the summary (result-tables.ts adds the other groups). */
export const CORE_TABLES = [DEMAND_TABLE, STOCK_TABLE, BACKTEST_TABLE, BY_LOCATION_TABLE, BY_TIER_TABLE, ISSUES_TABLE] as const;

const count = (x: number): string => Math.round(x).toLocaleString('en-US');

const s = (c: ResultContext) => c.portfolio.summary;

function metric(label: string, format: MetricSpec<ResultContext>['format'], json: string | null, value: (c: ResultContext) => ResultValue, note: string | ((c: ResultContext) => string)): MetricSpec<ResultContext> {
  return { label, format, json, value, note: typeof note === 'string' ? () => note : note };
}

/** Every metric the summary sheet can show, for the docs (per-method rows stand for one row per forecast method used). */
export function allSummaryMetrics(): MetricSpec<ResultContext>[] {
  const perMethod = metric('Forecast method: <method>', 'integer', 'summary.methods.<method>', () => null, 'Part-locations');
  return [...BASE_METRICS, perMethod, ...INVENTORY_METRICS, ...CLOSING_METRICS];
}

/** The summary sheet's metrics for this run, one per row, each with where it is in the JSON (forecast methods and inventory rows only where the run has them). */
export function summaryMetrics(c: ResultContext): MetricSpec<ResultContext>[] {
  const methods = Object.keys(s(c).methods) as (keyof ReturnType<typeof s>['methods'])[];
  return [
    ...BASE_METRICS,
    ...methods.map((method) => metric(`Forecast method: ${method}`, 'integer', `summary.methods.${method}`, (x) => s(x).methods[method] ?? 0, 'Part-locations')),
    ...(s(c).inventory ? INVENTORY_METRICS : []),
    ...CLOSING_METRICS,
  ];
}

const BASE_METRICS: readonly MetricSpec<ResultContext>[] = (() => {
  return [
    metric('Part-locations planned', 'integer', 'summary.partLocations', (c) => s(c).partLocations, (c) => `${s(c).parts} parts at ${s(c).locations} locations`),
    metric('History', 'integer', 'summary.periods', (c) => s(c).periods, (c) => `${s(c).periodLength === 'Week' ? 'weeks' : 'months'} from ${s(c).firstPeriod} to ${s(c).lastPeriod}`),
    metric('Recommended stock (units)', 'integer', 'summary.stock', (c) => s(c).stock, 'Sum of the base-stock levels'),
    metric('Stock investment', 'currency', 'summary.investment', (c) => s(c).investment, 'Sum of stock × unit cost'),
    metric('Holding cost per year', 'currency', 'summary.annualHoldingCost', (c) => s(c).annualHoldingCost, 'Expected on hand × unit cost × holding cost rate'),
    metric('Expected annual demand (units)', 'decimal', 'summary.annualDemand', (c) => s(c).annualDemand, 'Forecast rate × periods per year'),
    metric('Target fill rate', 'percent', 'summary.targetFillRate', (c) => s(c).targetFillRate, 'Weighted by annual demand'),
    metric('Planned fill rate', 'percent', 'summary.fillRate', (c) => s(c).fillRate, 'What the recommended stock gives under the model, weighted by annual demand'),
    metric('Expected misses per year (units)', 'decimal', 'summary.expectedAnnualMisses', (c) => s(c).expectedAnnualMisses, 'Annual demand × (1 − fill rate)'),
    metric('Expected SLA penalties per year', 'currency', 'summary.expectedAnnualPenalty', (c) => s(c).expectedAnnualPenalty, 'Misses × penalty per miss (Critical parts)'),
    metric('Backtest: part-locations with held-out demand', 'integer', 'summary.backtest.evaluated', (c) => s(c).backtest.evaluated, (c) => `Last ${c.input.settings.backtestPeriods} periods held out, stock decided on the rest`),
    metric('Backtest: target fill rate', 'percent', 'summary.backtest.targetFillRate', (c) => s(c).backtest.targetFillRate, 'Weighted by held-out demand'),
    metric('Backtest: promised fill rate', 'percent', 'summary.backtest.promisedFillRate', (c) => s(c).backtest.promisedFillRate, 'What the model promised for the stock decided before the held-out periods'),
    metric('Backtest: achieved fill rate', 'percent', 'summary.backtest.achievedFillRate', (c) => s(c).backtest.achievedFillRate, 'Held-out demand replayed against that stock'),
    metric('Backtest: held-out demand (units)', 'integer', 'summary.backtest.demand', (c) => s(c).backtest.demand, (c) => `${count(s(c).backtest.filled)} filled at once`),
    ...(['smooth', 'erratic', 'intermittent', 'lumpy', 'none'] as const).map((cls) => metric(`Demand class: ${cls}`, 'integer', `summary.demandClasses.${cls}`, (c) => s(c).demandClasses[cls], 'Part-locations (Syntetos–Boylan)')),
  ];
})();

const INVENTORY_METRICS: readonly MetricSpec<ResultContext>[] = [
    metric('Current inventory value', 'currency', 'summary.inventory.onHandValue', (c) => s(c).inventory?.onHandValue ?? null, (c) => (s(c).inventory ? `${s(c).inventory?.partLocations} part-locations with inventory` : 'No Inventory table')),
    metric('Inventory above recommended stock', 'currency', 'summary.inventory.excessValue', (c) => s(c).inventory?.excessValue ?? null, 'Value of units on hand beyond the recommended stock'),
    metric('Shortfall to recommended stock', 'currency', 'summary.inventory.shortfallValue', (c) => s(c).inventory?.shortfallValue ?? null, (c) => `${count(s(c).inventory?.shortfallUnits ?? 0)} units to add`),
];

const CLOSING_METRICS: readonly MetricSpec<ResultContext>[] = [
    metric('Issues in the input', 'integer', 'issues', (c) => c.issues.length, (c) => `${c.issues.filter((i) => i.severity === 'error').length} errors, ${c.issues.filter((i) => i.severity === 'warning').length} warnings`),
    metric('Engine version', 'text', 'engineVersion', (c) => c.engineVersion, 'Service Parts Planner'),
];

export const SUMMARY_SHEET = {
  sheet: RESULT_SHEETS.summary,
  tableName: 'SppSummary',
  summary: 'totals: investment, holding cost, target, planned and backtested fill rate, penalties, counts by demand class, current inventory against the recommendation',
  title: (c: ResultContext) => `Service Parts Planner — summary (${c.input.settings.currency})`,
  description: (c: ResultContext) => [
    `The headline figures of this run over ${c.portfolio.summary.partLocations} part-locations; each other SPP sheet holds the rows behind them.`,
    'Fill rates are shares of demanded units filled at once from stock, weighted by demand; the backtest rows show whether the promise held on your own history.',
  ],
} as const;
