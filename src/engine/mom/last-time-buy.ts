/**
 * Last-time buy for EndOfLife parts (docs/methods.md › MOM assessment › Last-time buy): the quantity to buy now so that the
 * inventory position covers the demand until EndOfSupport with probability LastTimeBuyConfidence.
 *
 * Remaining-life demand D: the decline model of decline.ts summed over the periods until
 * EndOfSupport, mean Λ, predictive variance V = φΛ + gᵀΣg (the demand's own noise plus the
 * uncertainty of the fitted rate). Need for new units N: every demand of a consumable; for a
 * repairable only the condemned returns (ScrapRate s), the others are repaired — binomial
 * thinning of D, so E[N] = sΛ and Var N = s²V + s(1 − s)Λ. N is taken as Poisson when its
 * variance does not exceed its mean, else negative binomial with that mean and variance (the
 * engine's lead-time-demand family, methods §4). With P the inventory position (whole units):
 *     quantity Q = max(0, q_c − P), q_c the smallest k with P(N ≤ k) ≥ c;
 *     expected leftover E[(P + Q − N)+], expected shortage E[(N − P − Q)+].
 * The position is taken as available to cover the need; for repairables the working stock of the
 * repair loop is not reserved (its circulation ends with support).
 */
import { daysFromCivil, daysOfIsoDate } from '../../model/periods';
import type { PeriodGrid } from '../../model/types';
import { fitDistribution, PmfTable } from '../distributions';
import { daysPerPeriod } from '../policy';
import { demandVarianceAfter, expectedDemandAfter, fitDecline, type DeclineFit, type DeclineOptions } from './decline';
import { formatMoney, formatNumber, formatPercent } from './format';

export interface LastTimeBuyInput {
  partId: string;
  /** Demand of the part per period over all its locations, oldest first. */
  history: ArrayLike<number>;
  /** Periods from the end of the history to EndOfSupport (periodsUntil); null when the part has no EndOfSupport. */
  periodsRemaining: number | null;
  /** Units on hand, on order and in repair over all locations. */
  position: number;
  repairable: boolean;
  scrapRate: number;
  unitCost: number;
  /** NaN when not given. */
  salvageValue: number;
}

export interface LastTimeBuyOptions extends DeclineOptions {
  /** LastTimeBuyConfidence (default 0.95). */
  confidence?: number;
  currency?: string;
  /** Names the periods in the note (default Month). */
  periodLength?: 'Month' | 'Week';
}

export interface LastTimeBuyResult {
  partId: string;
  /** Units to buy now; null when no last-time buy is computed (see note). */
  quantity: number | null;
  confidence: number;
  periodsRemaining: number | null;
  decline: DeclineFit | null;
  /** Λ: expected demand until EndOfSupport. */
  expectedDemand: number;
  /** E[N]: expected new units needed (net of repaired returns). */
  expectedNeed: number;
  /** Whole units of the position counted. */
  position: number;
  /** P(N ≤ position + quantity). */
  coverage: number;
  expectedLeftover: number;
  /** expectedLeftover × UnitCost, and net of SalvageValue. */
  leftoverCost: number;
  leftoverCostNetOfSalvage: number;
  expectedShortage: number;
  /** quantity × UnitCost. */
  buyCost: number;
  note: string;
}

/**
 * Periods from the end of the grid's last period to the end of the EndOfSupport day (inclusive),
 * in days / days per period (a month is 30.4375 days). Negative or zero when EndOfSupport is not
 * after the history; null when the date is not a valid `YYYY-MM-DD`.
 */
export function periodsUntil(endOfSupport: string, grid: PeriodGrid): number | null {
  const day = daysOfIsoDate(endOfSupport);
  if (day === null) return null;
  const next = grid.first + grid.count; // the period after the history
  const endOfHistory = grid.length === 'Week' ? 4 + 7 * next : daysFromCivil(Math.floor(next / 12), (next % 12) + 1, 1);
  return (day + 1 - endOfHistory) / daysPerPeriod(grid.length);
}

export function lastTimeBuy(input: LastTimeBuyInput, options: LastTimeBuyOptions = {}): LastTimeBuyResult {
  const empty = unanswered(input, options.confidence ?? 0.95, Math.max(0, Math.floor(input.position)));
  if (input.periodsRemaining === null) return { ...empty, note: `${input.partId} is EndOfLife without an EndOfSupport date: no last-time buy computed.` };
  if (!(input.periodsRemaining > 0)) return { ...empty, note: `${input.partId}: EndOfSupport is not after the end of the demand history, so no last-time buy is needed.` };
  return lastTimeBuyWithFit(input, fitDecline(input.history, options), options);
}

/** The last-time buy for a given decline model (lastTimeBuy fits it to the history first). */
export function lastTimeBuyWithFit(input: LastTimeBuyInput, decline: DeclineFit, options: LastTimeBuyOptions = {}): LastTimeBuyResult {
  const confidence = options.confidence ?? 0.95;
  const currency = options.currency ?? 'USD';
  const position = Math.max(0, Math.floor(input.position));
  if (input.periodsRemaining === null || !(input.periodsRemaining > 0)) return lastTimeBuy(input, options);
  const empty = unanswered(input, confidence, position);
  const demand = expectedDemandAfter(decline, input.periodsRemaining);
  const s = input.repairable ? input.scrapRate : 1;
  const mean = s * demand;
  const variance = s * s * demandVarianceAfter(decline, input.periodsRemaining) + s * (1 - s) * demand;
  const dist = fitDistribution(mean, variance);
  const table = new PmfTable();
  table.reset(dist);
  // F(k) = P(N ≤ k) for k = 0 … max(q_c, P).
  const cdf: number[] = [];
  let quantile = -1;
  for (let k = 0, sum = 0; quantile < 0 || k <= position; k++) {
    sum = Math.min(1, sum + table.at(k));
    cdf.push(sum);
    if (quantile < 0 && sum >= confidence - 1e-15) quantile = k;
    if (k > 1e7) throw new Error(`Last-time buy of ${input.partId}: need distribution too wide`);
  }
  const quantity = Math.max(0, quantile - position);
  const stock = position + quantity;
  let sumOfCdf = 0;
  for (let j = 0; j < stock; j++) sumOfCdf += cdf[j];
  const leftover = sumOfCdf; // E[(Z − N)+] = Σ_{j<Z} F(j)
  const shortage = dist.mean - stock + sumOfCdf; // E[(N − Z)+] = μ − Z + E[(Z − N)+]
  const coverage = cdf[stock];
  const salvage = input.salvageValue > 0 ? input.salvageValue : 0;
  const result: LastTimeBuyResult = {
    ...empty,
    quantity,
    decline,
    expectedDemand: demand,
    expectedNeed: mean,
    coverage,
    expectedLeftover: leftover,
    leftoverCost: leftover * input.unitCost,
    leftoverCostNetOfSalvage: leftover * Math.max(0, input.unitCost - salvage),
    expectedShortage: shortage > 0 ? shortage : 0,
    buyCost: quantity * input.unitCost,
  };
  result.note = describe(input, result, currency, options.periodLength === 'Week' ? 'week' : 'month');
  return result;
}

function describe(input: LastTimeBuyInput, r: LastTimeBuyResult, currency: string, period: string): string {
  const d = r.decline!;
  const model =
    d.model === 'exponential'
      ? `demand declining ${formatPercent(-Math.expm1(d.slope), 1)} a ${period} (Poisson fit of the history)`
      : `a constant rate of ${formatNumber(d.rateAfterHistory, 2)} a ${period} (${d.reason})`;
  const need = input.repairable ? `${formatNumber(r.expectedNeed, 1)} new units needed after repairing ${formatPercent(1 - input.scrapRate, 0)} of returns` : `${formatNumber(r.expectedNeed, 1)} units needed`;
  return (
    `Buy ${formatNumber(r.quantity!, 0)} of ${input.partId} to cover the ${formatNumber(r.periodsRemaining!, 1)} ${period}s to EndOfSupport with ${formatPercent(r.coverage, 1)} confidence ` +
    `(target ${formatPercent(r.confidence, 0)}): ${formatNumber(r.expectedDemand, 1)} units of demand expected at ${model}, ${need}, ${formatNumber(r.position, 0)} in the inventory position. ` +
    `Expected leftover ${formatNumber(r.expectedLeftover, 1)} units (${formatMoney(r.leftoverCost, currency)}), expected shortage ${formatNumber(r.expectedShortage, 2)} units.`
  );
}

function unanswered(input: LastTimeBuyInput, confidence: number, position: number): LastTimeBuyResult {
  return {
    partId: input.partId,
    quantity: null,
    confidence,
    periodsRemaining: input.periodsRemaining,
    decline: null,
    expectedDemand: 0,
    expectedNeed: 0,
    position,
    coverage: NaN,
    expectedLeftover: NaN,
    leftoverCost: NaN,
    leftoverCostNetOfSalvage: NaN,
    expectedShortage: NaN,
    buyCost: 0,
    note: '',
  };
}
