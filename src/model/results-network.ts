/**
 * Network results (docs/methods.md §9): the network plan per part-location (SPP Network), per SLA
 * tier and in total (SPP Network Tiers), and the efficient frontier with its chart (SPP Frontier);
 * in the JSON also `networkPlan` (mode, budget, feasibility) and `stockWithoutDemand`. Produced when
 * the run plans the network (StockingMode Target or Budget); stockWithoutDemand on every run.
 */
import type { NetworkGroupSummary } from '../engine/network/evaluate';
import { networkReason } from '../engine/network/reasons';
import type { FrontierPoint } from '../engine/network/optimise';
import type { NetworkStage } from '../pipeline/network-stage';
import type { ResultColumnSpec, ResultEntrySpec, ResultTableSpec } from './result-spec';
import type { ResultContext } from './results-contract';

export const NETWORK_SHEETS = { network: 'SPP Network', tiers: 'SPP Network Tiers', frontier: 'SPP Frontier' } as const;

/** One row of the network plan. */
export interface NetworkRow {
  readonly r: number;
  readonly stage: NetworkStage;
}

const planned = (c: ResultContext): boolean => c.network !== undefined;
const col = (row: NetworkRow) => row.stage.plan.rows.columns;

function* networkRows(c: ResultContext): Iterable<NetworkRow> {
  const stage = c.network;
  if (!stage) return;
  for (let r = 0; r < stage.problem.rowCount; r++) yield { r, stage };
}

const tierName = (row: NetworkRow): string | null => {
  const t = row.stage.problem.tier[row.r];
  return t >= 0 ? row.stage.problem.tiers[t].name : null;
};

const isCentral = (row: NetworkRow) => row.stage.problem.firstRow[row.stage.problem.part[row.r]] === row.r;

const NETWORK_COLUMNS: readonly ResultEntrySpec<NetworkRow>[] = [
  { key: 'partId', header: 'Part', format: 'text', unit: '', note: 'PartID of the Parts table.', value: (r) => r.stage.partId[r.r], pane: true },
  { key: 'locationId', header: 'Location', format: 'text', unit: '', note: 'LocationID of the Locations table.', value: (r) => r.stage.locationId[r.r], pane: true },
  { key: 'locationType', header: 'Location type', format: 'text', unit: '', note: 'Central (resupplies the fields below it, which follow it) or Field.', value: (r) => (isCentral(r) ? 'Central' : 'Field') },
  { key: 'slaTier', header: 'SLA tier', format: 'text', unit: '', note: 'The tier whose target the location’s demand counts toward ("Standard parts" for Standard parts); blank without one.', value: tierName },
  { key: 'decision', header: 'Decision', format: 'text', unit: '', note: 'Central; StockInField; ServeFromCentral (no field stock: emergency delivery from the Central meets the tier for less); NoDemand.', value: (r) => r.stage.plan.rows.decisionAt(r.r), pane: true },
  { key: 'stock', header: 'Stock', format: 'integer', unit: 'units', note: 'Base-stock level of the network plan: units on hand plus on order at the location.', value: (r) => col(r).stock[r.r], pane: true },
  { key: 'annualDemand', header: 'Annual demand', format: 'decimal', unit: 'units per year', note: "The location's own customers' units per year (forecast); a Central's fields' orders are not counted here.", value: (r) => col(r).annualDemand[r.r] },
  { key: 'pipelineMean', header: 'Pipeline', format: 'decimal', unit: 'units', note: 'Units on order on average: at a field its resupply plus its share of the Central’s backorders (VARI-METRIC); at a Central its supply or repair pipeline.', value: (r) => col(r).pipelineMean[r.r] },
  { key: 'fillRate', header: 'Fill rate from the shelf', format: 'percent', unit: 'share of demanded units', note: "Share of the location's customers' units filled at once from its own shelf.", value: (r) => col(r).fillRate[r.r] },
  { key: 'fillRateWithinResponse', header: 'Fill rate within response', format: 'percent', unit: 'share of demanded units', note: "Share filled within the tier's response time: from the shelf, or by emergency delivery from the Central where it arrives in time.", value: (r) => col(r).fillRateWithinResponse[r.r], pane: true },
  { key: 'expectedBackorders', header: 'Expected backorders', format: 'decimal', unit: 'units', note: "Units waiting on average: at a field its customers'; at a Central every order waiting (its fields' and its customers').", value: (r) => col(r).expectedBackorders[r.r] },
  { key: 'expectedDelayDays', header: 'Expected delay (days)', format: 'decimal', unit: 'days', note: "Little's law: expected backorders ÷ demand rate, the mean wait of a demand (field) or of an order at the Central.", value: (r) => col(r).expectedDelayDays[r.r] },
  { key: 'centralAvailability', header: 'Central availability', format: 'percent', unit: 'share of time', note: 'Share of time the Central has a unit on its shelf (for emergency delivery), at the plan’s central stock.', value: (r) => col(r).centralAvailability[r.r] },
  { key: 'investment', header: 'Investment', format: 'currency', unit: 'currency', note: 'Stock × unit cost.', value: (r) => col(r).investment[r.r], pane: true },
  { key: 'annualHoldingCost', header: 'Holding cost per year', format: 'currency', unit: 'currency per year', note: 'Expected on hand × unit cost × holding cost rate.', value: (r) => col(r).annualHoldingCost[r.r] },
  { key: 'expectedAnnualEmergencyShipments', header: 'Emergency shipments per year', format: 'decimal', unit: 'units per year', note: 'Units sent by emergency delivery from the Central to this location’s customers.', value: (r) => col(r).expectedAnnualEmergencyShipments[r.r] },
  { key: 'annualEmergencyCost', header: 'Emergency cost per year', format: 'currency', unit: 'currency per year', note: 'Emergency shipments × EmergencyShipmentCost.', value: (r) => col(r).annualEmergencyCost[r.r] },
  { key: 'expectedAnnualPenalty', header: 'Expected penalties per year', format: 'currency', unit: 'currency per year', note: "Units per year not filled within response × the tier's PenaltyPerMiss (Critical parts).", value: (r) => col(r).expectedAnnualPenalty[r.r] },
  { key: 'centralOptionAnnualCost', header: 'Cost of serving from the Central', format: 'currency', unit: 'currency per year', note: 'Fields the Central can serve in time: emergency shipments and penalties a year with no field stock.', value: (r) => col(r).centralOptionAnnualCost[r.r], in: 'json' },
  { key: 'fieldOptionAnnualCost', header: 'Cost of field stock', format: 'currency', unit: 'currency per year', note: 'Those fields: the least annual holding, shipment and penalty cost with field stock of at least 1.', value: (r) => col(r).fieldOptionAnnualCost[r.r], in: 'json' },
  { key: 'reason', header: 'Reason', format: 'text', unit: '', note: 'Why the location holds this stock, in words, with the numbers behind it.', value: networkReasonText, width: 90 },
];

/** The reason in words, built from the plan's measures when the row is written (reasons.ts). */
function networkReasonText(row: NetworkRow): string {
  const { stage, r } = row;
  return networkReason(stage.problem, stage.plan.rows, r, { currency: stage.currency, minFillRate: stage.settings.minFillRate });
}

export const NETWORK_TABLE: ResultTableSpec<ResultContext, NetworkRow> = {
  id: 'network',
  sheet: NETWORK_SHEETS.network,
  tableName: 'SppNetwork',
  json: { key: 'network', built: true },
  summary: 'the network plan per part-location: decision (stock in the field or serve from the Central) and reason, stock, fill rate from the shelf and within response, backorders, delay, investment, holding cost, emergency shipments, penalties',
  title: (c) => `Network plan per part-location (${c.input.settings.currency}; StockingMode ${c.input.settings.stockingMode})`,
  description: (c) => [
    'Each part is planned over its Central and the Field locations the Central resupplies, together (VARI-METRIC): a field waits for the Central when the Central is out, so central stock shortens every field’s pipeline.',
    c.input.settings.stockingMode === 'Budget'
      ? `Budget mode: the best fill within response for the Budget of ${c.input.settings.currency} ${Math.round(c.input.settings.budget).toLocaleString('en-US')} (SPP Frontier shows what more or less money buys).`
      : "Target mode: the least investment at which every SLA tier's demand-weighted fill rate within response reaches its target, every part-location at least MinFillRate.",
    'Rows run part by part: the Central first, then its fields. Decision and Reason say why a field holds stock or is served from the Central.',
  ],
  rows: networkRows,
  columns: NETWORK_COLUMNS,
  when: planned,
};

interface TierRow {
  readonly group: NetworkGroupSummary;
  readonly total: boolean;
}

const TIER_COLUMNS: readonly ResultEntrySpec<TierRow>[] = [
  { key: 'tier', header: 'SLA tier', format: 'text', unit: '', note: 'The SLA tier ("Standard parts" for Standard parts), or Total over every part-location.', value: (t) => (t.total ? 'Total' : t.group.key), pane: true },
  { key: 'partLocations', header: 'Part-locations with demand', format: 'integer', unit: 'count', note: 'Part-locations of the tier whose customers have demand.', value: (t) => t.group.partLocations },
  { key: 'annualDemand', header: 'Annual demand', format: 'decimal', unit: 'units per year', note: 'Units per year of the tier’s customers.', value: (t) => t.group.annualDemand },
  { key: 'targetFillRate', header: 'Target fill rate', format: 'percent', unit: 'share of demanded units', note: 'TargetFillRate of the tier (StandardFillRate for Standard parts); blank for the total.', value: (t) => t.group.targetFillRate, pane: true },
  { key: 'fillRate', header: 'Fill rate from the shelf', format: 'percent', unit: 'share of demanded units', note: 'Demand-weighted fill rate from the locations’ own shelves.', value: (t) => t.group.fillRate },
  { key: 'fillRateWithinResponse', header: 'Fill rate within response', format: 'percent', unit: 'share of demanded units', note: 'Demand-weighted fill rate within the response time (shelf or emergency delivery in time): what the target counts.', value: (t) => t.group.fillRateWithinResponse, pane: true },
  { key: 'met', header: 'Target met', format: 'text', unit: '', note: 'Yes when the fill rate within response reaches the target (always for the total).', value: (t) => (t.total || t.group.met ? 'Yes' : 'No') },
  { key: 'stock', header: 'Stock', format: 'integer', unit: 'units', note: 'Stock at the tier’s locations (a Central’s stock counts in its own customers’ tier, or in the total only).', value: (t) => t.group.stock },
  { key: 'investment', header: 'Investment', format: 'currency', unit: 'currency', note: 'Stock × unit cost, summed.', value: (t) => t.group.investment, pane: true },
  { key: 'annualHoldingCost', header: 'Holding cost per year', format: 'currency', unit: 'currency per year', note: 'Summed over the locations.', value: (t) => t.group.annualHoldingCost },
  { key: 'expectedAnnualMisses', header: 'Misses per year', format: 'decimal', unit: 'units per year', note: 'Units not filled within the response time.', value: (t) => t.group.expectedAnnualMisses },
  { key: 'expectedAnnualEmergencyShipments', header: 'Emergency shipments per year', format: 'decimal', unit: 'units per year', note: 'Units sent by emergency delivery from the Central.', value: (t) => t.group.expectedAnnualEmergencyShipments },
  { key: 'annualEmergencyCost', header: 'Emergency cost per year', format: 'currency', unit: 'currency per year', note: 'Emergency shipments × EmergencyShipmentCost.', value: (t) => t.group.annualEmergencyCost },
  { key: 'expectedAnnualPenalty', header: 'Expected penalties per year', format: 'currency', unit: 'currency per year', note: 'Misses × PenaltyPerMiss, summed.', value: (t) => t.group.expectedAnnualPenalty, pane: true },
];

export const NETWORK_TIERS_TABLE: ResultTableSpec<ResultContext, TierRow> = {
  id: 'networkTiers',
  sheet: NETWORK_SHEETS.tiers,
  tableName: 'SppNetworkTiers',
  json: { key: 'tiers', built: true },
  summary: 'the network plan per SLA tier and in total: demand-weighted fill rates from the shelf and within response against the target, investment, holding cost, emergency shipments, penalties',
  title: () => 'Network plan by SLA tier: fill within response against the target',
  description: () => [
    "One row per SLA tier (Standard parts apart) and the total: fill rates weighted by each location's annual demand, the tier's target, and what the tier's locations hold and cost.",
    'A Central whose customers have no demand of their own is in no tier; its stock and costs are in the Total row.',
  ],
  rows: (c) => (c.network ? [...c.network.plan.tiers.map((group) => ({ group, total: false })), { group: c.network.plan.total, total: true }] : []),
  columns: TIER_COLUMNS,
  when: planned,
};

export interface FrontierRow {
  readonly index: number;
  readonly point: FrontierPoint;
}

function frontierColumns(tierNames: readonly string[]): readonly ResultEntrySpec<FrontierRow>[] {
  const tierColumn = (name: string, t: number): ResultColumnSpec<FrontierRow> => ({
    key: name,
    header: `Fill rate: ${name}`,
    format: 'percent',
    unit: 'share of demanded units',
    note: `Demand-weighted fill rate within response of the ${name} tier at this point.`,
    value: (f) => (t < 0 ? null : f.point.fillRateByTier[t]),
  });
  return [
    { key: 'point', header: 'Point', format: 'integer', unit: '', note: 'Frontier point, from the least plan meeting the MinFillRate floors (1) to the end of the search range.', value: (f) => f.index + 1 },
    { key: 'investment', header: 'Investment', format: 'currency', unit: 'currency', note: 'Stock investment of the plan at this point.', value: (f) => f.point.investment, pane: true },
    { key: 'fillRate', header: 'Fill rate (all demand)', format: 'percent', unit: 'share of demanded units', note: 'Demand-weighted fill rate within response over every part-location.', value: (f) => f.point.fillRate, pane: true },
    { group: 'fillRateByTier', present: () => true, columns: tierNames.length ? tierNames.map((name, t) => tierColumn(name, t)) : [tierColumn('<tier>', -1)] },
    { key: 'expectedAnnualPenalty', header: 'Expected penalties per year', format: 'currency', unit: 'currency per year', note: 'Expected SLA penalties a year at this point.', value: (f) => f.point.expectedAnnualPenalty },
    { key: 'expectedBackorders', header: 'Expected backorders', format: 'decimal', unit: 'units', note: "Customers' units waiting on average, summed over the network.", value: (f) => f.point.expectedBackorders },
    { key: 'chosen', header: 'Chosen', format: 'text', unit: '', note: 'Yes at the point of the recommended plan (target mode: the first meeting every tier; budget mode: the last within the Budget).', value: (f) => (f.point.chosen ? 'Yes' : 'No'), pane: true },
  ];
}

export const FRONTIER_TABLE: ResultTableSpec<ResultContext, FrontierRow> = {
  id: 'frontier',
  sheet: NETWORK_SHEETS.frontier,
  tableName: 'SppFrontier',
  json: { key: 'frontier', built: true },
  summary: 'the efficient frontier of the network plan: investment against fill rate within response per tier and in total, expected penalties, the chosen point (with its line chart)',
  title: (c) => `Efficient frontier: what each extra ${c.input.settings.currency} buys`,
  description: () => [
    'Each point is the best service the network can buy for its investment (greedy marginal analysis over each part’s convex cost–service curve); more money never buys less.',
    'Chosen marks the recommended plan. To plan at another point, run in Budget mode with its investment (spp analyze --budget N, or pick the point in the task pane).',
  ],
  rows: (c) => (c.network ? c.network.plan.frontier.map((point, index) => ({ index, point })) : []),
  columns: frontierColumns([]),
  columnsFor: (c) => frontierColumns(c.network ? c.network.problem.tiers.map((t) => t.name) : []),
  charts: (c) => [
    {
      kind: 'xyScatterLines',
      title: 'Efficient frontier: fill rate within response by investment',
      xAxisTitle: `Investment (${c.input.settings.currency})`,
      yAxisTitle: 'Fill rate within response',
      categoryKey: 'investment',
      seriesKeys: ['fillRate', ...(c.network ? c.network.problem.tiers.map((t) => `fillRateByTier.${t.name}`) : [])],
    },
  ],
  when: planned,
};

/** The network's tables in sheet order (registered in result-tables.ts). */
export const NETWORK_TABLES = [NETWORK_TABLE, NETWORK_TIERS_TABLE, FRONTIER_TABLE] as const;

/** JSON `networkPlan`: how the plan was chosen. */
export function networkPlanJson(c: ResultContext): Record<string, unknown> | null {
  const stage = c.network;
  if (!stage) return null;
  const plan = stage.plan;
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    mode: plan.mode,
    model: stage.settings.model,
    budget: finite(plan.budget),
    unspentBudget: finite(plan.unspentBudget),
    feasible: plan.feasible,
    investment: plan.total.investment,
    fillRateWithinResponse: finite(plan.total.fillRateWithinResponse),
    minFillRate: stage.settings.minFillRate,
    emergencyShipmentCost: stage.settings.emergencyShipmentCost,
    tierWeights: Object.fromEntries(stage.problem.tiers.map((t, i) => [t.name, plan.tierWeights[i]])),
    frontierPoints: plan.frontier.length,
  };
}

/** One part-location with stock on hand and no demand in its history (the MOM assessment's excess and obsolescence build on it). */
export interface StockWithoutDemand {
  partId: string;
  locationId: string;
  onHand: number;
  unitCost: number;
  value: number;
  /** Whether the Demand table has rows for it (all zero), or none at all. */
  demandRows: boolean;
  /** Whether the part has no demand at any location. */
  partWithoutDemand: boolean;
  recommendedStock: number;
}

/** JSON `stockWithoutDemand`: every part-location holding stock whose history has no demand (on every run). */
export function stockWithoutDemand(c: ResultContext): StockWithoutDemand[] {
  const rows = c.portfolio.rows;
  const cols = rows.plans.columns;
  const partDemand = new Map<string, number>();
  for (let i = 0; i < rows.count; i++) partDemand.set(rows.partId[i], (partDemand.get(rows.partId[i]) ?? 0) + cols.totalQuantity[i]);
  const addedFrom = c.input.addedFrom ?? rows.count;
  const out: StockWithoutDemand[] = [];
  for (let i = 0; i < rows.count; i++) {
    const onHand = rows.onHand[i];
    if (!(onHand > 0) || cols.totalQuantity[i] > 0) continue;
    out.push({
      partId: rows.partId[i],
      locationId: rows.locationId[i],
      onHand,
      unitCost: rows.unitCost[i],
      value: onHand * rows.unitCost[i],
      demandRows: i < addedFrom,
      partWithoutDemand: (partDemand.get(rows.partId[i]) ?? 0) === 0,
      recommendedStock: cols.stock[i],
    });
  }
  return out;
}
