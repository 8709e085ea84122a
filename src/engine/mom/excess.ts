/**
 * Excess and obsolete stock per part-location (docs/methods.md › MOM assessment › Excess and obsolescence): the inventory position
 * against the recommended stock, months of cover, demand recency and the trend of TSB's demand
 * probability. Rows are many, so the results are typed columns like the plans (plan-table.ts).
 */

export const STOCK_STATUSES = ['active', 'declining', 'obsolete', 'noDemand'] as const;
/**
 * - `noDemand`: no demand anywhere in the history — obsolete by definition;
 * - `obsolete`: no demand in the last ObsoleteAfterPeriods periods;
 * - `declining`: demand in that window, but TSB's demand probability fell below `declineRatio`
 *   of its value one year earlier;
 * - `active`: the rest.
 */
export type StockStatus = (typeof STOCK_STATUSES)[number];

export interface ExcessInput {
  count: number;
  partId: readonly string[];
  locationId: readonly string[];
  onHand: ArrayLike<number>;
  /** ≥ 0; 0 when not given. */
  onOrder: ArrayLike<number>;
  /** ≥ 0; 0 when not given. */
  inRepair: ArrayLike<number>;
  /** The plan's base-stock level. */
  recommendedStock: ArrayLike<number>;
  unitCost: ArrayLike<number>;
  /** The plan's forecast per period. */
  ratePerPeriod: ArrayLike<number>;
  /** Demand per period, oldest first (the planning grid). */
  history: readonly ArrayLike<number>[];
}

export interface ExcessOptions {
  periodsPerYear: number;
  /** ObsoleteAfterPeriods (default 24). */
  obsoleteAfterPeriods?: number;
  /** TSB's smoothing constant of the demand probability (the Beta setting, default 0.1). */
  beta?: number;
  /** Periods over which the demand probability is compared (default one year of periods). */
  declineWindowPeriods?: number;
  /** Declining when the probability now is below this share of its value a window ago (default ½). */
  declineRatio?: number;
}

export const EXCESS_FIELDS = [
  /** OnHand + OnOrder + InRepair. */
  'position',
  /** The target the position is measured against: the recommended stock, 0 for obsolete and noDemand rows. */
  'targetStock',
  /** max(0, position − target). */
  'excessUnits',
  /** max(0, target − position): units to buy. */
  'shortUnits',
  /** position / monthly forecast; Infinity when the forecast is 0. */
  'monthsOfCover',
  /** Periods since the last period with demand; the history length when there was none. */
  'periodsSinceDemand',
  /** TSB's demand probability after the last period, and a window earlier (NaN before the first demand). */
  'demandProbability',
  'demandProbabilityBefore',
  /** position × UnitCost, excess × UnitCost, and position × UnitCost for obsolete and noDemand rows (0 otherwise). */
  'positionValue',
  'excessValue',
  'obsoleteValue',
] as const;
export type ExcessField = (typeof EXCESS_FIELDS)[number];

export class ExcessTable {
  readonly columns: Record<ExcessField, Float64Array>;
  /** Index into STOCK_STATUSES. */
  readonly status: Uint8Array;
  constructor(readonly size: number) {
    this.columns = Object.fromEntries(EXCESS_FIELDS.map((f) => [f, new Float64Array(size)])) as Record<ExcessField, Float64Array>;
    this.status = new Uint8Array(size);
  }
  statusAt(i: number): StockStatus {
    return STOCK_STATUSES[this.status[i]];
  }
}

const STATUS_CODE = Object.fromEntries(STOCK_STATUSES.map((s, i) => [s, i])) as Record<StockStatus, number>;

/**
 * TSB's demand probability through a history (the smoothing of methods §3): π starts at
 * 1 / (periods up to and including the first demand) at the first demand, then
 * π ← π + β(1{y > 0} − π) every period. Returns π after period `upTo − 1` (NaN before the first demand).
 */
export function demandProbabilityAfter(history: ArrayLike<number>, upTo: number, beta: number): number {
  let p = NaN;
  for (let t = 0; t < upTo; t++) {
    const hit = history[t] > 0;
    if (Number.isNaN(p)) {
      if (hit) p = 1 / (t + 1);
    } else {
      p += beta * ((hit ? 1 : 0) - p);
    }
  }
  return p;
}

export function analyseExcess(input: ExcessInput, options: ExcessOptions): ExcessTable {
  const obsoleteAfter = options.obsoleteAfterPeriods ?? 24;
  const beta = options.beta ?? 0.1;
  const window = options.declineWindowPeriods ?? Math.round(options.periodsPerYear);
  const declineRatio = options.declineRatio ?? 0.5;
  const periodsPerMonth = options.periodsPerYear / 12;
  const table = new ExcessTable(input.count);
  const c = table.columns;
  for (let i = 0; i < input.count; i++) {
    const history = input.history[i];
    const n = history.length;
    let last = -1;
    for (let t = n - 1; t >= 0; t--) {
      if (history[t] > 0) {
        last = t;
        break;
      }
    }
    const since = last < 0 ? n : n - 1 - last;
    const probability = demandProbabilityAfter(history, n, beta);
    const before = n - window >= 1 ? demandProbabilityAfter(history, n - window, beta) : NaN;
    let status: StockStatus = 'active';
    if (last < 0) status = 'noDemand';
    else if (since >= obsoleteAfter) status = 'obsolete';
    else if (before > 0 && probability < declineRatio * before) status = 'declining';
    const position = input.onHand[i] + input.onOrder[i] + input.inRepair[i];
    const target = status === 'obsolete' || status === 'noDemand' ? 0 : input.recommendedStock[i];
    const monthly = input.ratePerPeriod[i] * periodsPerMonth;
    const cost = input.unitCost[i];
    table.status[i] = STATUS_CODE[status];
    c.position[i] = position;
    c.targetStock[i] = target;
    c.excessUnits[i] = position > target ? position - target : 0;
    c.shortUnits[i] = target > position ? target - position : 0;
    c.monthsOfCover[i] = position === 0 ? 0 : monthly > 0 ? position / monthly : Infinity;
    c.periodsSinceDemand[i] = since;
    c.demandProbability[i] = probability;
    c.demandProbabilityBefore[i] = before;
    c.positionValue[i] = position * cost;
    c.excessValue[i] = c.excessUnits[i] * cost;
    c.obsoleteValue[i] = target === 0 && (status === 'obsolete' || status === 'noDemand') ? position * cost : 0;
  }
  return table;
}

export interface ExcessSummary {
  partLocations: number;
  positionValue: number;
  excessUnits: number;
  excessValue: number;
  obsoleteValue: number;
  shortUnits: number;
  /** Part-locations per status. */
  statuses: Record<StockStatus, number>;
  /** Part-locations with an excess. */
  withExcess: number;
}

export function summarizeExcess(table: ExcessTable): ExcessSummary {
  const c = table.columns;
  const statuses: Record<StockStatus, number> = { active: 0, declining: 0, obsolete: 0, noDemand: 0 };
  const s: ExcessSummary = { partLocations: table.size, positionValue: 0, excessUnits: 0, excessValue: 0, obsoleteValue: 0, shortUnits: 0, statuses, withExcess: 0 };
  for (let i = 0; i < table.size; i++) {
    s.positionValue += c.positionValue[i];
    s.excessUnits += c.excessUnits[i];
    s.excessValue += c.excessValue[i];
    s.obsoleteValue += c.obsoleteValue[i];
    s.shortUnits += c.shortUnits[i];
    statuses[table.statusAt(i)]++;
    if (c.excessUnits[i] > 0) s.withExcess++;
  }
  return s;
}
