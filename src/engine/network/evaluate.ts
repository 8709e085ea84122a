/**
 * The measures of a network plan, per part-location and per SLA tier, column by column; and
 * `evaluateNetwork`, the measures of any given stock levels (a plan, today's inventory, a test's
 * hand-picked levels).
 */
import { FieldCurve, PartModel } from './part-model';
import { DEFAULT_NETWORK_SETTINGS, type NetworkProblem, type NetworkSettings } from './problem';

/** The numeric measures of a part-location, one Float64Array column each. */
export const NETWORK_ROW_FIELDS = [
  'stock',
  /** Mean and variance of the units in resupply (field) or in the supply/repair pipeline (Central). */
  'pipelineMean',
  'pipelineVariance',
  /** Share of the location's own customers' units filled at once from its shelf (1 with no demand). */
  'fillRate',
  /** Share filled within the tier's response time: from the shelf, or by emergency delivery from the Central where it arrives in time. */
  'fillRateWithinResponse',
  /** P(pipeline ≤ stock): a unit on the shelf at a random time. */
  'readyRate',
  /** Expected backorders: at a field, its customers' units waiting; at the Central, all orders waiting (fields' and its own customers'). */
  'expectedBackorders',
  /** Backorders of the location's own customers (the Central's: its share of EBO₀). */
  'customerBackorders',
  /** Little's law: expected backorders / demand rate — the mean wait of a demand (field) or of an order at the Central. */
  'expectedDelayDays',
  'expectedOnHand',
  'investment',
  'annualHoldingCost',
  /** The location's own customers' units per year. */
  'annualDemand',
  /** Units per year not filled within the response time. */
  'expectedAnnualMisses',
  'expectedAnnualPenalty',
  /** Units per year sent by emergency delivery from the Central (coverable field locations). */
  'expectedAnnualEmergencyShipments',
  'annualEmergencyCost',
  /** Coverable field locations: annual cost of serving from the Central (holding + emergency + penalties at stock 0), and the least over field stock ≥ 1; NaN elsewhere. */
  'centralOptionAnnualCost',
  'fieldOptionAnnualCost',
  /** Coverable field locations: the field stock with the least annual cost; NaN elsewhere. */
  'fieldOptionStock',
  /** The Central's availability A₀ = P(a unit on its shelf) at the plan's central stock (every row of the part). */
  'centralAvailability',
] as const;

export type NetworkRowField = (typeof NETWORK_ROW_FIELDS)[number];

/** What a part-location's stock decision is. */
export const DECISIONS = ['Central', 'NoDemand', 'StockInField', 'ServeFromCentral'] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_CODE: Record<Decision, number> = { Central: 0, NoDemand: 1, StockInField: 2, ServeFromCentral: 3 };

export class NetworkRows {
  readonly columns: Record<NetworkRowField, Float64Array>;
  readonly decision: Uint8Array;
  constructor(readonly count: number) {
    const columns = {} as Record<NetworkRowField, Float64Array>;
    for (const f of NETWORK_ROW_FIELDS) columns[f] = new Float64Array(count);
    this.columns = columns;
    this.decision = new Uint8Array(count);
  }
  decisionAt(row: number): Decision {
    return DECISIONS[this.decision[row]];
  }
  /** One row as a plain object. */
  row(i: number): Record<NetworkRowField, number> & { decision: Decision } {
    const out = { decision: this.decisionAt(i) } as Record<NetworkRowField, number> & { decision: Decision };
    for (const f of NETWORK_ROW_FIELDS) out[f] = this.columns[f][i];
    return out;
  }
}

export interface NetworkGroupSummary {
  /** Tier name, or 'total'. */
  key: string;
  /** Part-locations with demand of their own. */
  partLocations: number;
  annualDemand: number;
  /** The tier's target (NaN for the total). */
  targetFillRate: number;
  /** Demand-weighted fill rates (NaN without demand). */
  fillRate: number;
  fillRateWithinResponse: number;
  /** Whether the tier's demand-weighted fill within response reaches its target (always true without demand). */
  met: boolean;
  stock: number;
  investment: number;
  annualHoldingCost: number;
  expectedAnnualMisses: number;
  expectedAnnualPenalty: number;
  expectedAnnualEmergencyShipments: number;
  annualEmergencyCost: number;
  customerBackorders: number;
}

export interface NetworkEvaluation {
  rows: NetworkRows;
  /** One per tier, in the problem's order. */
  tiers: NetworkGroupSummary[];
  total: NetworkGroupSummary;
}

/** A tier's fill within response reaches its target, up to rounding of the sums. */
export function tierMet(misses: number, demand: number, target: number): boolean {
  return !(demand > 0) || misses <= (1 - target) * demand * (1 + 1e-12) + 1e-12;
}

/** Writes the Central row of the part loaded in the model at its current central level. */
export function writeCentralRow(model: PartModel, rows: NetworkRows): void {
  const pr = model.problem;
  const r = model.first;
  const c = rows.columns;
  const s0 = model.s0;
  const rate = pr.ratePerDay[r];
  c.stock[r] = s0;
  c.pipelineMean[r] = model.central.mean;
  c.pipelineVariance[r] = model.central.variance;
  c.fillRate[r] = model.centralFill;
  c.fillRateWithinResponse[r] = model.centralFill;
  c.readyRate[r] = model.centralReady;
  c.expectedBackorders[r] = model.ebo0;
  c.customerBackorders[r] = model.centralCustomerBackorders;
  c.expectedDelayDays[r] = model.totalRate > 0 ? model.ebo0 / model.totalRate : 0;
  c.expectedOnHand[r] = model.centralOnHand;
  c.investment[r] = s0 * model.unitCost;
  c.annualHoldingCost[r] = model.centralOnHand * model.unitCost * pr.holdingCostRate[r];
  c.annualDemand[r] = rate * model.settings.daysPerYear;
  c.expectedAnnualMisses[r] = model.centralMisses;
  c.expectedAnnualPenalty[r] = model.centralMisses * pr.penaltyPerMiss[r];
  c.expectedAnnualEmergencyShipments[r] = 0;
  c.annualEmergencyCost[r] = 0;
  c.centralOptionAnnualCost[r] = NaN;
  c.fieldOptionAnnualCost[r] = NaN;
  c.fieldOptionStock[r] = NaN;
  c.centralAvailability[r] = model.available;
  rows.decision[r] = DECISION_CODE.Central;
}

/** Writes a field row from its curve (at the model's central level) at stock `level`. */
export function writeFieldRow(model: PartModel, curve: FieldCurve, level: number, rows: NetworkRows): void {
  const pr = model.problem;
  const r = curve.row;
  const c = rows.columns;
  const rate = pr.ratePerDay[r];
  c.stock[r] = level;
  c.pipelineMean[r] = curve.pipelineMean;
  c.pipelineVariance[r] = curve.pipelineVariance;
  c.fillRate[r] = curve.fill[level];
  c.fillRateWithinResponse[r] = curve.within[level];
  c.readyRate[r] = curve.ready[level];
  c.expectedBackorders[r] = curve.backorders[level];
  c.customerBackorders[r] = curve.backorders[level];
  c.expectedDelayDays[r] = rate > 0 ? curve.backorders[level] / rate : 0;
  c.expectedOnHand[r] = curve.onHand[level];
  c.investment[r] = level * model.unitCost;
  c.annualHoldingCost[r] = curve.onHand[level] * model.unitCost * pr.holdingCostRate[r];
  c.annualDemand[r] = rate * model.settings.daysPerYear;
  c.expectedAnnualMisses[r] = curve.misses[level];
  c.expectedAnnualPenalty[r] = curve.misses[level] * pr.penaltyPerMiss[r];
  c.expectedAnnualEmergencyShipments[r] = curve.emergency[level];
  c.annualEmergencyCost[r] = curve.emergency[level] * model.settings.emergencyShipmentCost;
  c.centralOptionAnnualCost[r] = curve.centralOptionCost;
  c.fieldOptionAnnualCost[r] = curve.fieldOptionCost;
  c.fieldOptionStock[r] = curve.bestFieldLevel >= 0 ? curve.bestFieldLevel : NaN;
  c.centralAvailability[r] = model.available;
  rows.decision[r] = !curve.hasDemand ? DECISION_CODE.NoDemand : curve.coverable && level === 0 ? DECISION_CODE.ServeFromCentral : DECISION_CODE.StockInField;
}

class GroupAccumulator {
  partLocations = 0;
  annualDemand = 0;
  filled = 0;
  filledWithin = 0;
  stock = 0;
  investment = 0;
  annualHoldingCost = 0;
  expectedAnnualMisses = 0;
  expectedAnnualPenalty = 0;
  expectedAnnualEmergencyShipments = 0;
  annualEmergencyCost = 0;
  customerBackorders = 0;
  constructor(
    readonly key: string,
    readonly target: number,
  ) {}
  add(rows: NetworkRows, r: number): void {
    const c = rows.columns;
    const demand = c.annualDemand[r];
    if (demand > 0) this.partLocations++;
    this.annualDemand += demand;
    this.filled += demand * c.fillRate[r];
    this.filledWithin += demand * c.fillRateWithinResponse[r];
    this.stock += c.stock[r];
    this.investment += c.investment[r];
    this.annualHoldingCost += c.annualHoldingCost[r];
    this.expectedAnnualMisses += c.expectedAnnualMisses[r];
    this.expectedAnnualPenalty += c.expectedAnnualPenalty[r];
    this.expectedAnnualEmergencyShipments += c.expectedAnnualEmergencyShipments[r];
    this.annualEmergencyCost += c.annualEmergencyCost[r];
    this.customerBackorders += c.customerBackorders[r];
  }
  result(): NetworkGroupSummary {
    const d = this.annualDemand;
    return {
      key: this.key,
      partLocations: this.partLocations,
      annualDemand: d,
      targetFillRate: this.target,
      fillRate: d > 0 ? this.filled / d : NaN,
      fillRateWithinResponse: d > 0 ? this.filledWithin / d : NaN,
      met: Number.isNaN(this.target) || tierMet(this.expectedAnnualMisses, d, this.target),
      stock: this.stock,
      investment: this.investment,
      annualHoldingCost: this.annualHoldingCost,
      expectedAnnualMisses: this.expectedAnnualMisses,
      expectedAnnualPenalty: this.expectedAnnualPenalty,
      expectedAnnualEmergencyShipments: this.expectedAnnualEmergencyShipments,
      annualEmergencyCost: this.annualEmergencyCost,
      customerBackorders: this.customerBackorders,
    };
  }
}

/** Tier rows and the total of evaluated rows. */
export function summarizeNetwork(problem: NetworkProblem, rows: NetworkRows): { tiers: NetworkGroupSummary[]; total: NetworkGroupSummary } {
  const tiers = problem.tiers.map((t) => new GroupAccumulator(t.name, t.targetFillRate));
  const total = new GroupAccumulator('total', NaN);
  for (let r = 0; r < rows.count; r++) {
    total.add(rows, r);
    const t = problem.tier[r];
    if (t >= 0) tiers[t].add(rows, r);
  }
  return { tiers: tiers.map((t) => t.result()), total: total.result() };
}

/** The measures of the given stock levels (one per row, in the problem's row order). */
export function evaluateNetwork(problem: NetworkProblem, stock: ArrayLike<number>, settings: NetworkSettings = DEFAULT_NETWORK_SETTINGS): NetworkEvaluation {
  const model = new PartModel(problem, settings);
  const rows = new NetworkRows(problem.rowCount);
  for (let p = 0; p < problem.partCount; p++) {
    const first = problem.firstRow[p];
    const s0 = Math.max(0, Math.floor(stock[first]));
    model.setPart(p, s0);
    model.setCentralLevel(s0);
    writeCentralRow(model, rows);
    for (let j = 0; j < model.fieldCount; j++) {
      const level = Math.max(0, Math.floor(stock[first + 1 + j]));
      const curve = model.fieldCurve(j, level);
      writeFieldRow(model, curve, level, rows);
    }
  }
  return { rows, ...summarizeNetwork(problem, rows) };
}
