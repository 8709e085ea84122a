/**
 * The occurrence–size lead-time demand model (LeadTimeDemand = Compound). How often demand occurs
 * and how large it is are separated:
 * - occurrences: the forecast rate r per period divided by the mean size E[B] gives λ = r / E[B]
 *   occurrences per period (for Croston and SBA, r = size level / interval level, so λ is the
 *   interval's reciprocal rescaled to the size distribution's mean; for TSB, its demand
 *   probability likewise). Over a lead time of L periods the count N has mean λL; Poisson when
 *   occurrences are no more dispersed than Poisson, negative binomial with Var(N) = c·E[N]
 *   otherwise (c, the count dispersion, is read from the history, see countDispersion);
 * - sizes: the part-location's own non-zero sizes, smoothed and pooled (sizes.ts);
 * - lead-time demand X = B₁ + … + B_N by Panjer's recursion (panjer.ts), mean rL.
 * The unit fill rate of base stock S (Axsäter, Inventory Control, §5.3, as in base-stock.ts): an
 * occurrence that meets k units in resupply gets min(B, (S − k)+) at once, so
 *     fill rate(S) = Σ_{k<S} P(X* = k)·E[min(B, S − k)] / E[B],   E[min(B, m)] = Σ_{j=1..m} P(B ≥ j),
 * where X* is the demand in resupply *as an arriving occurrence sees it* (its Palm distribution).
 * The negative binomial count is read as a Poisson count whose rate is uncertain, λLΘ with
 * Θ ~ Gamma(r, r): occurrences arrive more often when Θ is high, so an arrival sees the
 * size-biased Θ ~ Gamma(r + 1, r) and the other occurrences in resupply are NB(r + 1, β), not
 * NB(r, β). (With the stationary NB the fill rate would rise as the dispersion grows — the mass at
 * zero grows — and a low forecast at a high variance would look easy to serve.) A Poisson count
 * is seen as itself (PASTA); a binomial count of n trials as Binomial(n − 1, p). Ready rate,
 * expected on hand and backorders are time averages and use the stationary X.
 */
import type { BaseStockResult } from '../base-stock';
import { CompoundPmf, countMean, countVariance, type CountDistribution } from './panjer';
import type { SizeDistribution } from './sizes';

export interface CompoundLeadTimeDemand {
  count: CountDistribution;
  /** The count of other occurrences in resupply as an arriving occurrence sees it (Palm). */
  arrivalCount: CountDistribution;
  sizes: SizeDistribution;
  mean: number;
  variance: number;
}

/** The Palm count: what an arriving occurrence sees of the others (see above). */
export function arrivalCount(count: CountDistribution): CountDistribution {
  if (count.kind === 'NegativeBinomial') return { kind: 'NegativeBinomial', r: count.r + 1, beta: count.beta };
  if (count.kind === 'Binomial') return { kind: 'Binomial', trials: Math.max(0, count.trials - 1), probability: count.probability };
  return count;
}

/** Count dispersions within this of 1 are Poisson. */
const POISSON_TOLERANCE = 1e-9;

/** The compound lead-time demand of `ratePerPeriod` units per period over `leadTimePeriods`, with count dispersion c ≥ 1. */
export function compoundLeadTimeDemand(ratePerPeriod: number, leadTimePeriods: number, sizes: SizeDistribution, countDispersion = 1): CompoundLeadTimeDemand {
  const occurrences = (ratePerPeriod * leadTimePeriods) / sizes.mean;
  const c = countDispersion > 1 + POISSON_TOLERANCE ? countDispersion : 1;
  const count: CountDistribution = c === 1 || !(occurrences > 0) ? { kind: 'Poisson', mean: occurrences > 0 ? occurrences : 0 } : { kind: 'NegativeBinomial', r: occurrences / (c - 1), beta: c - 1 };
  const n = countMean(count);
  return { count, arrivalCount: arrivalCount(count), sizes, mean: n * sizes.mean, variance: n * sizes.variance + countVariance(count) * sizes.mean * sizes.mean };
}

/**
 * Count dispersion c = Var(N) / E[N] per period implied by a per-period demand variance V and
 * mean m under a given size distribution: V = E[N]·Var(B) + Var(N)·E[B]² with E[N] = m / E[B].
 * Read from the history's mean (not the forecast), so it does not move with the forecast rate.
 * At least 1 (Poisson occurrences).
 */
export function countDispersion(meanPerPeriod: number, variancePerPeriod: number, sizes: SizeDistribution): number {
  if (!(meanPerPeriod > 0)) return 1;
  const occurrences = meanPerPeriod / sizes.mean;
  const countVar = (variancePerPeriod - occurrences * sizes.variance) / (sizes.mean * sizes.mean);
  const c = countVar / occurrences;
  return c > 1 ? c : 1;
}

/** ln P(X = 0) below this underflows; such demand is too large for the recursion (the caller falls back). */
const LOG_P0_FLOOR = -700;
/** Beyond this many pmf terms × sizes the recursion costs too much; the caller falls back. */
const WORK_LIMIT = 4e6;

/** True when Panjer's recursion is exact and affordable for this demand. */
export function compoundFeasible(ltd: CompoundLeadTimeDemand): boolean {
  const { count } = ltd;
  const logP0 = count.kind === 'Poisson' ? -count.mean : count.kind === 'NegativeBinomial' ? -count.r * Math.log1p(count.beta) : count.trials * Math.log1p(-count.probability);
  if (logP0 < LOG_P0_FLOOR) return false;
  const span = ltd.mean + 12 * Math.sqrt(ltd.variance) + ltd.sizes.maxSize;
  return span * ltd.sizes.maxSize < WORK_LIMIT;
}

/** Reusable tables for the search. */
export class CompoundWorkspace {
  /** The stationary pmf of X (time averages) and the pmf of X* seen by arrivals (fill rate). */
  readonly pmf = new CompoundPmf();
  readonly arrivals = new CompoundPmf();
  /** minSize[m] = E[min(B, m)], m = 0 … maxSize. */
  minSize = new Float64Array(64);
}

function tabulateMinSize(sizes: SizeDistribution, workspace: CompoundWorkspace): Float64Array {
  if (workspace.minSize.length <= sizes.maxSize) workspace.minSize = new Float64Array(Math.max(sizes.maxSize + 1, workspace.minSize.length * 2));
  const minSize = workspace.minSize;
  let atLeast = 1; // P(B ≥ j)
  minSize[0] = 0;
  for (let j = 1; j <= sizes.maxSize; j++) {
    minSize[j] = minSize[j - 1] + (atLeast > 0 ? atLeast : 0);
    atLeast -= sizes.pmf[j];
  }
  return minSize;
}

/** Fill rate of S on a tabulated pmf: E[B]·F(S − maxSize) from the terms with S − k ≥ maxSize, the rest one by one. */
function fillRateOn(pmf: Float64Array, minSize: Float64Array, sizes: SizeDistribution, stock: number): number {
  if (stock <= 0) return 0;
  const m = sizes.maxSize;
  let full = 0;
  for (let k = 0; k <= stock - m; k++) full += pmf[k];
  let sum = full * sizes.mean;
  for (let k = Math.max(0, stock - m + 1); k < stock; k++) sum += pmf[k] * minSize[stock - k];
  const rate = sum / sizes.mean;
  return rate < 1 ? rate : 1;
}

/** Unit fill rate of base stock S under compound lead-time demand. */
export function compoundFillRate(ltd: CompoundLeadTimeDemand, stock: number, workspace = new CompoundWorkspace()): number {
  workspace.arrivals.reset(ltd.arrivalCount, ltd.sizes.pmf, ltd.sizes.maxSize);
  workspace.arrivals.ensure(Math.max(0, stock));
  return fillRateOn(workspace.arrivals.pmf, tabulateMinSize(ltd.sizes, workspace), ltd.sizes, stock);
}

/** The smallest S ≥ 1 whose unit fill rate reaches `target`, with its performance. */
export function compoundBaseStock(ltd: CompoundLeadTimeDemand, target: number, workspace = new CompoundWorkspace()): BaseStockResult {
  const pmf = workspace.arrivals;
  pmf.reset(ltd.arrivalCount, ltd.sizes.pmf, ltd.sizes.maxSize);
  const minSize = tabulateMinSize(ltd.sizes, workspace);
  const limit = Math.ceil(ltd.mean + 60 * Math.sqrt(ltd.variance) + ltd.sizes.maxSize + 100);
  // The unit fill rate never exceeds F*(S − 1): start where F*(S − 1) first reaches the target.
  let stock = 0;
  let cumulative = 0;
  do {
    cumulative += pmf.at(stock);
    stock++;
  } while (cumulative < target && stock <= limit);
  pmf.ensure(stock);
  let fillRate = fillRateOn(pmf.pmf, minSize, ltd.sizes, stock);
  while (fillRate < target && stock < limit) {
    pmf.ensure(++stock);
    fillRate = fillRateOn(pmf.pmf, minSize, ltd.sizes, stock);
  }
  return compoundPerformanceOn(stationaryPmf(ltd, stock, workspace), ltd, stock, fillRate);
}

function stationaryPmf(ltd: CompoundLeadTimeDemand, stock: number, workspace: CompoundWorkspace): Float64Array {
  workspace.pmf.reset(ltd.count, ltd.sizes.pmf, ltd.sizes.maxSize);
  workspace.pmf.ensure(Math.max(0, stock));
  return workspace.pmf.pmf;
}

/** Performance of a given S under compound lead-time demand. */
export function compoundPerformance(ltd: CompoundLeadTimeDemand, stock: number, workspace = new CompoundWorkspace()): BaseStockResult {
  const fillRate = compoundFillRate(ltd, stock, workspace);
  return compoundPerformanceOn(stationaryPmf(ltd, stock, workspace), ltd, stock, fillRate);
}

function compoundPerformanceOn(pmf: Float64Array, ltd: CompoundLeadTimeDemand, stock: number, fillRate: number): BaseStockResult {
  let cumulative = 0;
  let expectedOnHand = 0;
  for (let k = 0; k < stock; k++) {
    cumulative += pmf[k];
    expectedOnHand += cumulative < 1 ? cumulative : 1;
  }
  const ready = stock >= 0 ? cumulative + pmf[stock] : 0;
  const backorders = ltd.mean - stock + expectedOnHand;
  return {
    stock,
    fillRate,
    classicFillRate: stock > 0 ? (cumulative < 1 ? cumulative : 1) : 0,
    readyRate: ready < 1 ? ready : 1,
    expectedBackorders: backorders > 0 ? backorders : 0,
    expectedOnHand,
  };
}
