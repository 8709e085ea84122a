/**
 * The network stage of the pipeline (docs/methods.md §9): after the engine has forecast every
 * part-location, each part is planned over its Central and the Field locations the Central
 * resupplies, together, and the network plan becomes the run's recommended stock (StockingMode
 * Target or Budget; Independent keeps the per-location plan).
 *
 * 1. `withNetworkRows` adds the part-locations the plan needs but the Demand table does not have: the
 *    Central of every part stocked or demanded at one of its fields, and every part-location with
 *    stock but no demand rows (also in Independent mode: its stock is then in excess, not lost).
 * 2. `planNetworkStage` builds the NetworkProblem from the portfolio's forecasts — rate per day =
 *    forecast per period ÷ days per period, variance-to-mean ratio = the engine's per-period variance
 *    ÷ its rate (the ratio of a compound Poisson process does not depend on the interval) — and plans it.
 * 3. `applyNetworkPlan` writes the plan into the portfolio's rows (stock, fill rate within response,
 *    backorders, on hand, investment, costs, misses, penalties, the pipeline as lead-time demand), the
 *    fill rate of today's inventory under the network, and summarises again.
 */
import { evaluateNetwork, networkReason, planNetwork, replayNetwork, type FrontierPoint, type NetworkPlan, type NetworkPlanOptions } from '../engine/network';
import { MIN_DECISION_PERIODS } from '../engine/plan';
import { buildNetworkProblem, centralPipelineDays, DEFAULT_NETWORK_SETTINGS, type NetworkFieldInput, type NetworkLocationInput, type NetworkPartInput, type NetworkProblem, type NetworkSettings, type NetworkTier } from '../engine/network/problem';
import { summarizePortfolio, type PortfolioOptions, type PortfolioResult } from '../engine/portfolio';
import { daysPerPeriod, holdingCostRate, penaltyPerMiss } from '../engine/policy';
import { inventoryPosition, type DemandSeries, type Location, type PlanningInput, type ValidationIssue } from '../model/types';

/** The tier of Standard parts in the network: their StandardFillRate counts from the shelf (no response time), as in the per-location plan. */
export const STANDARD_TIER = 'Standard parts';

export interface NetworkStage {
  readonly problem: NetworkProblem;
  readonly settings: NetworkSettings;
  readonly plan: NetworkPlan;
  /** Per network row: the portfolio row it is (every network row is one). */
  readonly portfolioRow: Int32Array;
  /** Per portfolio row: its network row. */
  readonly networkRow: Int32Array;
  readonly partId: readonly string[];
  readonly locationId: readonly string[];
  /** Today's inventory through the network model (null without an Inventory table). */
  readonly onHand: ReturnType<typeof evaluateNetwork> | null;
  readonly currency: string;
}

const key = (part: string, location: string) => `${part}\u0000${location}`;

/** Whether this run plans the network. */
export function plansNetwork(input: PlanningInput): boolean {
  return input.settings.stockingMode !== 'Independent';
}

/**
 * The input with an all-zero demand series for every part-location the results must show but the
 * Demand table lacks (see the module comment); the added series come after the table's, in the
 * order found.
 */
export function withNetworkRows(input: PlanningInput): PlanningInput {
  const have = new Set(input.demand.map((s) => key(s.partId, s.locationId)));
  const added: DemandSeries[] = [];
  const add = (partId: string, locationId: string) => {
    const k = key(partId, locationId);
    if (have.has(k)) return;
    have.add(k);
    added.push({ partId, locationId, quantities: new Float64Array(input.grid.count) });
  };
  for (const position of input.inventory) if (inventoryPosition(position) > 0) add(position.partId, position.locationId);
  if (plansNetwork(input)) {
    const locations = new Map(input.locations.map((l) => [l.id, l]));
    const rows = [...input.demand, ...added];
    for (const series of rows) {
      const location = locations.get(series.locationId);
      if (location?.type === 'Field' && location.parent) add(series.partId, location.parent);
    }
  }
  return added.length ? { ...input, demand: [...input.demand, ...added], addedFrom: input.demand.length } : input;
}

export function networkSettingsFrom(input: PlanningInput): NetworkSettings {
  const s = input.settings;
  return { ...DEFAULT_NETWORK_SETTINGS, model: s.networkModel, fillRateModel: s.fillRateModel, minFillRate: s.minFillRate, emergencyShipmentCost: s.emergencyShipmentCost };
}

/** The network tiers: the SLA tiers (Critical parts), then Standard parts when there are any. */
function networkTiers(input: PlanningInput): NetworkTier[] {
  const tiers: NetworkTier[] = input.slaTiers.map((t) => ({ name: t.tier, responseHours: t.responseHours, targetFillRate: t.targetFillRate }));
  // Response time 0: only the shelf meets it (the per-location plan's meaning of StandardFillRate).
  if (input.parts.some((p) => p.criticality === 'Standard')) tiers.push({ name: STANDARD_TIER, responseHours: 0, targetFillRate: input.settings.standardFillRate });
  return tiers;
}

/** Builds the problem from the portfolio's rows: one network per part and Central, rows in portfolio order within it. */
export function buildStageProblem(input: PlanningInput, portfolio: PortfolioResult): { problem: NetworkProblem; portfolioRow: Int32Array } {
  const rows = portfolio.rows;
  const c = rows.plans.columns;
  const parts = new Map(input.parts.map((p) => [p.id, p]));
  const locations = new Map(input.locations.map((l) => [l.id, l]));
  const slaTiers = new Map(input.slaTiers.map((t) => [t.tier, t]));
  const tiers = networkTiers(input);
  const tierIndex = new Map(tiers.map((t, i) => [t.name, i]));
  const periodDays = daysPerPeriod(input.settings.periodLength);
  // Group the rows: part → Central → [central row, field rows].
  const groups = new Map<string, { central: number; fields: number[] }>();
  const order: string[] = [];
  const groupOf = (partId: string, centralId: string) => {
    const k = key(partId, centralId);
    let g = groups.get(k);
    if (!g) {
      groups.set(k, (g = { central: -1, fields: [] }));
      order.push(k);
    }
    return g;
  };
  for (let i = 0; i < rows.count; i++) {
    const location = locations.get(rows.locationId[i]) as Location;
    if (location.type === 'Central') groupOf(rows.partId[i], location.id).central = i;
    else groupOf(rows.partId[i], location.parent as string).fields.push(i);
  }
  const locationInput = (i: number): NetworkLocationInput => {
    const part = parts.get(rows.partId[i])!;
    const location = locations.get(rows.locationId[i])!;
    const slaTier = location.slaTier ? slaTiers.get(location.slaTier) : undefined;
    const rate = c.ratePerPeriod[i];
    const tier = part.criticality === 'Standard' ? tierIndex.get(STANDARD_TIER)! : slaTier ? tierIndex.get(slaTier.tier)! : null;
    return {
      ratePerDay: rate > 0 ? rate / periodDays : 0,
      varianceToMean: rate > 0 ? c.variancePerPeriod[i] / rate : 1,
      tier,
      holdingCostRate: holdingCostRate(location, input.settings),
      penaltyPerMiss: penaltyPerMiss(part, slaTier),
    };
  };
  const networkParts: NetworkPartInput[] = [];
  const portfolioRow = new Int32Array(rows.count);
  let r = 0;
  for (const k of order) {
    const g = groups.get(k)!;
    if (g.central < 0) throw new Error(`Network stage: no Central row for ${k.replace('\u0000', ' at ')}`);
    const part = parts.get(rows.partId[g.central])!;
    const fields: NetworkFieldInput[] = g.fields.map((i) => {
      const location = locations.get(rows.locationId[i])!;
      return { ...locationInput(i), resupplyDays: location.resupplyDays ?? 0, emergencyHours: location.emergencyHours };
    });
    networkParts.push({ unitCost: part.unitCost, centralPipelineDays: centralPipelineDays(part), central: locationInput(g.central), fields });
    portfolioRow[r++] = g.central;
    for (const i of g.fields) portfolioRow[r++] = i;
  }
  return { problem: buildNetworkProblem(networkParts, tiers), portfolioRow };
}

/** Plans the network of the portfolio (target or budget mode, the full frontier) and reports what a planner must know. */
export function planNetworkStage(input: PlanningInput, portfolio: PortfolioResult, options: PortfolioOptions & Pick<NetworkPlanOptions, 'tierWeights' | 'chosenOnly' | 'ratioHint'> = {}): { stage: NetworkStage; issues: ValidationIssue[] } {
  const { problem, portfolioRow } = buildStageProblem(input, portfolio);
  const settings = networkSettingsFrom(input);
  const mode = input.settings.stockingMode === 'Budget' ? 'budget' : 'target';
  const budget = mode === 'budget' ? input.settings.budget : undefined;
  // Budget mode weighs the tiers as a target run does, so its plan lies on that run's frontier.
  const plan = planNetwork(problem, settings, { mode, budget, tierWeights: options.tierWeights, weighTiersByTargets: true, chosenOnly: options.chosenOnly, ratioHint: options.ratioHint, onProgress: options.onProgress, shouldStop: options.shouldStop });
  const rows = portfolio.rows;
  const networkRow = new Int32Array(rows.count).fill(-1);
  for (let r = 0; r < portfolioRow.length; r++) networkRow[portfolioRow[r]] = r;
  const inventory = new Map(input.inventory.map((i) => [key(i.partId, i.locationId), inventoryPosition(i)]));
  let onHand: NetworkStage['onHand'] = null;
  if (input.inventory.length > 0) {
    const levels = new Float64Array(problem.rowCount);
    for (let r = 0; r < problem.rowCount; r++) levels[r] = inventory.get(key(rows.partId[portfolioRow[r]], rows.locationId[portfolioRow[r]])) ?? 0;
    onHand = evaluateNetwork(problem, levels, settings);
  }
  const stage: NetworkStage = {
    problem,
    settings,
    plan,
    portfolioRow,
    networkRow,
    partId: Array.from(portfolioRow, (i) => rows.partId[i]),
    locationId: Array.from(portfolioRow, (i) => rows.locationId[i]),
    onHand,
    currency: input.settings.currency,
  };
  return { stage, issues: planIssues(input, plan) };
}

const money = (currency: string, x: number) => `${currency} ${Math.round(x).toLocaleString('en-US')}`;

/** A budget below the floor plan, or a tier the search range cannot meet: the run goes on with a warning. */
function planIssues(input: PlanningInput, plan: NetworkPlan): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const currency = input.settings.currency;
  if (plan.mode === 'budget' && !plan.feasible) {
    issues.push({
      severity: 'warning',
      sheet: '',
      cell: '',
      message: `Budget ${money(currency, plan.budget)} is below ${money(currency, plan.frontier[0].investment)}, the least stock that gives every part-location the MinFillRate floor of ${(100 * input.settings.minFillRate).toFixed(1)}%; that stock is recommended`,
    });
  }
  if (plan.mode === 'target' && !plan.feasible) {
    const unmet = plan.tiers.filter((t) => !t.met).map((t) => `${t.key} (${(100 * t.fillRateWithinResponse).toFixed(2)}% of ${(100 * t.targetFillRate).toFixed(1)}%)`);
    issues.push({ severity: 'warning', sheet: '', cell: '', message: `The network plan cannot meet ${unmet.join(', ')} within the search range (stock up to a 1-in-10,000 chance of an empty shelf); the most the range allows is recommended` });
  }
  return issues;
}

/** The network plan as the run's recommended stock: the portfolio's rows take the plan's measures and are summarised again. */
export function applyNetworkPlan(portfolio: PortfolioResult, stage: NetworkStage, input: PlanningInput): PortfolioResult {
  const rows = portfolio.rows;
  const c = rows.plans.columns;
  const n = stage.plan.rows.columns;
  const today = stage.onHand?.rows.columns;
  for (let r = 0; r < stage.portfolioRow.length; r++) {
    const i = stage.portfolioRow[r];
    c.stock[i] = n.stock[r];
    // The tiers' targets count fill within the response time (from the shelf, or by emergency delivery in time).
    c.fillRate[i] = n.fillRateWithinResponse[r];
    c.classicFillRate[i] = NaN;
    c.readyRate[i] = n.readyRate[r];
    c.expectedBackorders[i] = n.expectedBackorders[r];
    c.expectedOnHand[i] = n.expectedOnHand[r];
    c.investment[i] = n.investment[r];
    c.annualHoldingCost[i] = n.annualHoldingCost[r];
    c.expectedAnnualMisses[i] = n.expectedAnnualMisses[r];
    c.expectedAnnualPenalty[i] = n.expectedAnnualPenalty[r];
    c.leadTimeDemandMean[i] = n.pipelineMean[r];
    c.leadTimeDemandVariance[i] = n.pipelineVariance[r];
    const onHand = rows.position[i];
    rows.stockMinusOnHand[i] = c.stock[i] - onHand;
    if (today && !Number.isNaN(onHand)) rows.onHandFillRate[i] = today.fillRateWithinResponse[r];
  }
  // The portfolio's other parts (its calibration) stay as the per-location planning made them.
  return { ...portfolio, rows, summary: summarizePortfolio(rows, input) };
}

/** The reason for the network decision of portfolio row i (computed on request). */
export function networkReasonAt(stage: NetworkStage, i: number): string | null {
  const r = stage.networkRow[i];
  return r < 0 ? null : networkReason(stage.problem, stage.plan.rows, r, { currency: stage.currency, minFillRate: stage.settings.minFillRate });
}

/** Whether portfolio row i is a Central the network plans without customers of its own (its stock only resupplies its fields). */
export function resuppliesFieldsOnly(stage: NetworkStage, i: number): boolean {
  const r = stage.networkRow[i];
  if (r < 0) return false;
  const problem = stage.problem;
  return problem.firstRow[problem.part[r]] === r && !(problem.ratePerDay[r] > 0);
}

/** Tier names of the frontier's per-tier fill rates, in the problem's order. */
export function frontierTierNames(stage: NetworkStage): string[] {
  return stage.problem.tiers.map((t) => t.name);
}

export type { FrontierPoint };

/** The compute stage with the network: the per-location plans (forecasts), then the network plan as the recommended stock. */
export function computeWithNetwork(validated: PlanningInput, plan: (input: PlanningInput, options: PortfolioOptions) => PortfolioResult, options: PortfolioOptions = {}): { input: PlanningInput; portfolio: PortfolioResult; network: NetworkStage | null; issues: ValidationIssue[] } {
  const input = withNetworkRows(validated);
  if (!plansNetwork(input)) return { input, portfolio: plan(input, options), network: null, issues: [] };
  // Progress: the forecasts are the first half of the compute stage, the network the second.
  const half = (offset: number) => (done: number, total: number) => options.onProgress?.(offset + (total ? done / total : 1) / 2, 1);
  const portfolio = plan(input, { ...options, onProgress: half(0) });
  const { stage, issues } = planNetworkStage(input, portfolio, { ...options, onProgress: half(0.5) });
  backtestNetwork(input, stage, portfolio, plan, options);
  return { input, portfolio: applyNetworkPlan(portfolio, stage, input), network: stage, issues };
}

/**
 * The network's stocking backtest (docs/methods.md §9.6): the last BacktestPeriods periods are held
 * out, the forecasts and the network plan are made on the periods before them exactly as the live
 * plan is made (same mode, same budget), and the held-out demand is replayed through that stock
 * (replayNetwork). The portfolio's backtest columns then hold the network's: the stock decided, the
 * fill within response it promised, and the held-out units demanded and filled within response.
 * Too short a history (fewer than MIN_DECISION_PERIODS before the held-out periods): no backtest,
 * as for the per-location plan.
 */
/** The backtest's plan builds its envelopes down to this share of the live plan's deciding ratio. */
const BACKTEST_FLOOR_SHARE = 0.5;

export function backtestNetwork(input: PlanningInput, stage: NetworkStage, portfolio: PortfolioResult, plan: (input: PlanningInput, options: PortfolioOptions) => PortfolioResult, options: PortfolioOptions = {}): void {
  const n = input.grid.count;
  const held = input.settings.backtestPeriods;
  const rows = portfolio.rows;
  const c = rows.plans.columns;
  if (n - held < MIN_DECISION_PERIODS) {
    for (let i = 0; i < rows.count; i++) c.backtestPeriods[i] = 0;
    return;
  }
  const past: PlanningInput = {
    ...input,
    grid: { ...input.grid, count: n - held, labels: input.grid.labels.slice(0, n - held) },
    demand: input.demand.map((series) => ({ ...series, quantities: Float64Array.from({ length: n - held }, (_, t) => series.quantities[t]) })),
  };
  // The live plan's tier weights (a property of the tiers, not of the periods) spare the calibration;
  // both modes calibrate them on the tiers' targets.
  const tierWeights = stage.plan.tierWeights;
  // Only the plan is replayed, not its frontier: the envelopes stop below half the live plan's
  // deciding ratio (planNetwork's chosenOnly; the same plan, built whole again if it decides lower).
  const ratioHint = stage.plan.decidingRatio * BACKTEST_FLOOR_SHARE;
  const before = planNetworkStage(past, plan(past, { shouldStop: options.shouldStop }), { shouldStop: options.shouldStop, tierWeights, chosenOnly: true, ratioHint }).stage;
  const problem = stage.problem;
  const decided = before.plan.rows.columns;
  const periodDays = daysPerPeriod(input.settings.periodLength);
  for (let p = 0; p < problem.partCount; p++) {
    const first = problem.firstRow[p];
    const end = problem.firstRow[p + 1];
    const fields = end - first - 1;
    const series: ArrayLike<number>[] = [];
    const stock = new Float64Array(fields + 1);
    const resupply = new Float64Array(fields);
    const coverable = new Uint8Array(fields);
    for (let r = first; r < end; r++) {
      series.push(input.demand[stage.portfolioRow[r]].quantities);
      stock[r - first] = decided.stock[r];
      if (r > first) {
        resupply[r - first - 1] = problem.resupplyDays[r] / periodDays;
        coverable[r - first - 1] = problem.coverable[r];
      }
    }
    const outcome = replayNetwork({ series, from: n - held, to: n, centralLeadTimePeriods: problem.centralPipelineDays[p] / periodDays, resupplyPeriods: resupply, stock, coverable });
    for (let r = first; r < end; r++) {
      const i = stage.portfolioRow[r];
      const demand = outcome.demand[r - first];
      c.backtestPeriods[i] = held;
      c.backtestStock[i] = decided.stock[r];
      c.backtestPromisedFillRate[i] = decided.fillRateWithinResponse[r];
      c.backtestDemand[i] = demand;
      c.backtestFilled[i] = outcome.filledWithinResponse[r - first];
      c.backtestAchievedFillRate[i] = demand > 0 ? outcome.filledWithinResponse[r - first] / demand : NaN;
    }
  }
}
