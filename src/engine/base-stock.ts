/**
 * Base-stock levels for a fill-rate target.
 *
 * Two fill-rate models:
 * - 'Classic': fill rate = F(S − 1), the probability that fewer than S units are in resupply
 *   when a demand arrives. Exact for unit-sized Poisson demand (PASTA), and the textbook recipe.
 * - 'Compound' (default): the unit fill rate when demand comes in batches. The negative binomial
 *   is exactly a compound Poisson process with logarithmic batch sizes (Quenouille 1949): batches
 *   arrive at rate −r·ln q per lead time, sizes B ~ Logarithmic(θ = 1 − q). A batch that meets k
 *   units in resupply gets min(B, (S − k)+) units at once (Axsäter, Inventory Control, §5.3), so
 *       fill rate = Σ_{k<S} P(X = k) · E[min(B, S − k)] / E[B],
 *   with E[min(B, m)] = Σ_{j=1..m} P(B ≥ j). For Poisson demand (B ≡ 1) both models coincide.
 *   On the car-parts data F(S − 1) promised 96 % and delivered 74–84 %; the compound model's
 *   promise holds (BENCHMARKS.md).
 *
 * The pmf is tabulated once per distribution in a reusable buffer, so the search and every
 * performance figure cost one pass over it and no allocation.
 */
import { logGamma, type DemandDistribution } from './distributions';

export type FillRateModel = 'Compound' | 'Classic';

export interface BaseStockResult {
  /** The base-stock level S. */
  stock: number;
  /** Share of demanded units filled at once from stock, under the chosen fill-rate model. */
  fillRate: number;
  /** F(S − 1), the classic fill rate (equal to fillRate for Poisson demand). */
  classicFillRate: number;
  /** F(S): probability of having stock on hand at a random time. */
  readyRate: number;
  /** EBO(S) = E[(X − S)+]. */
  expectedBackorders: number;
  /** E[(S − X)+] = S − μ + EBO(S). */
  expectedOnHand: number;
}

/**
 * The pmf of one distribution, tabulated on demand: pmf[k − start] = P(X = k) for
 * start ≤ k < start + length. `start` lies 12 standard deviations below the mean (the lower tail
 * is lighter than normal there, < 1e-25), so large means neither underflow nor cost O(μ).
 */
export class PmfTable {
  pmf = new Float64Array(256);
  /** E[min(B, m)] of the logarithmic batch size, m = 0 … (compound model only). */
  minBatch = new Float64Array(256);
  start = 0;
  length = 0;
  private dist: DemandDistribution = { kind: 'Poisson', mean: 0, variance: 0 };
  private r = 0;
  private q = 0;
  private next = 0;

  reset(dist: DemandDistribution): void {
    this.dist = dist;
    this.length = 0;
    this.batchUpTo = -1;
    const { mean, variance } = dist;
    if (!(mean > 0)) {
      this.start = 0;
      this.next = 1;
      return;
    }
    const start = Math.floor(mean - 12 * Math.sqrt(variance));
    this.start = start > 0 ? start : 0;
    if (dist.kind === 'Poisson') {
      this.next = Math.exp(-mean + this.start * Math.log(mean) - logGamma(this.start + 1));
    } else {
      // NB: P(X = k) = Γ(k + r) / (Γ(r) k!) · q^r (1 − q)^k with r = μ² / (σ² − μ), q = μ / σ².
      this.q = mean / variance;
      this.r = (mean * mean) / (variance - mean);
      const s = this.start;
      this.next =
        s === 0
          ? Math.exp(this.r * Math.log(this.q))
          : Math.exp(logGamma(s + this.r) - logGamma(this.r) - logGamma(s + 1) + this.r * Math.log(this.q) + s * Math.log1p(-this.q));
    }
  }

  /** P(X = k), tabulating up to k as needed. */
  at(k: number): number {
    const i = k - this.start;
    if (i < 0) return 0;
    while (this.length <= i) this.push();
    return this.pmf[i];
  }

  /** Tabulates P(X = k) for every k ≤ last, so that pmf[k − start] can be read directly. */
  ensure(last: number): void {
    while (this.start + this.length <= last) this.push();
  }

  private push(): void {
    if (this.length === this.pmf.length) {
      const grown = new Float64Array(this.pmf.length * 2);
      grown.set(this.pmf);
      this.pmf = grown;
    }
    const k = this.start + this.length;
    this.pmf[this.length++] = this.next;
    const { dist } = this;
    if (!(dist.mean > 0)) this.next = 0;
    else if (dist.kind === 'Poisson') this.next *= dist.mean / (k + 1);
    else this.next *= ((k + this.r) / (k + 1)) * (1 - this.q);
  }

  /** E[B] of the NB's logarithmic batch sizes, valid after tabulateMinBatch. */
  meanBatch = 1;
  private batchUpTo = -1;
  private batchProbability = 0; // P(B = batchUpTo + 1)
  private batchBelow = 0; // P(B ≤ batchUpTo)

  /** Extends minBatch[0 … m] = E[min(B, m)] for the NB's logarithmic batch sizes (incrementally). */
  tabulateMinBatch(m: number): void {
    if (this.minBatch.length <= m) {
      const grown = new Float64Array(Math.max(m + 1, this.minBatch.length * 2));
      grown.set(this.minBatch);
      this.minBatch = grown;
    }
    const theta = 1 - this.q;
    if (this.batchUpTo < 0) {
      const norm = -Math.log(this.q);
      this.meanBatch = theta / (this.q * norm);
      this.batchProbability = theta / norm;
      this.batchBelow = 0;
      this.minBatch[0] = 0;
      this.batchUpTo = 0;
    }
    for (let j = this.batchUpTo + 1; j <= m; j++) {
      const tail = 1 - this.batchBelow; // P(B ≥ j)
      this.minBatch[j] = this.minBatch[j - 1] + (tail > 0 ? tail : 0);
      this.batchBelow += this.batchProbability;
      this.batchProbability *= (theta * j) / (j + 1);
    }
    if (m > this.batchUpTo) this.batchUpTo = m;
  }
}

/** Far beyond any sensible stock for the distribution: a guard, never reached for targets < 1. */
function searchLimit(dist: DemandDistribution): number {
  return Math.ceil(dist.mean + 60 * Math.sqrt(dist.variance) + 100);
}

/** Unit fill rate of base stock S under the compound model, on a table already reset to the distribution. */
function compoundFillRateOn(table: PmfTable, dist: DemandDistribution, stock: number): number {
  if (stock <= 0) return 0;
  if (dist.kind === 'Poisson' || !(dist.mean > 0)) return classicFillRateOn(table, stock);
  table.tabulateMinBatch(stock);
  table.ensure(stock - 1);
  const { pmf, minBatch, start } = table;
  let sum = 0;
  for (let k = start; k < stock; k++) sum += pmf[k - start] * minBatch[stock - k];
  const rate = sum / table.meanBatch;
  return rate < 1 ? rate : 1;
}

/** F(S − 1) on a table already reset to the distribution. */
function classicFillRateOn(table: PmfTable, stock: number): number {
  table.ensure(stock - 1);
  const { pmf, start } = table;
  let sum = 0;
  for (let k = start; k < stock; k++) sum += pmf[k - start];
  return sum < 1 ? sum : 1;
}

export function compoundFillRate(dist: DemandDistribution, stock: number, table = new PmfTable()): number {
  table.reset(dist);
  return compoundFillRateOn(table, dist, stock);
}

/**
 * The smallest S whose fill rate reaches `target`, with its performance. F(−1) = 0, so S ≥ 1
 * for any target > 0, even when lead-time demand is degenerate at zero (instant resupply still
 * needs a unit on the shelf); parts with no demand at all are the caller's case (S = 0).
 * The compound fill rate never exceeds F(S − 1), so its search starts at the classic answer.
 */
export function baseStockForFillRate(dist: DemandDistribution, target: number, model: FillRateModel = 'Compound', table = new PmfTable()): BaseStockResult {
  table.reset(dist);
  const limit = searchLimit(dist);
  let stock = table.start;
  let cumulative = 0;
  do {
    cumulative += table.at(stock);
    stock++;
  } while (cumulative < target && stock <= limit);
  let fillRate = cumulative < 1 ? cumulative : 1;
  if (model === 'Compound' && dist.kind === 'NegativeBinomial') {
    fillRate = compoundFillRateOn(table, dist, stock);
    while (fillRate < target && stock < limit) fillRate = compoundFillRateOn(table, dist, ++stock);
  }
  return performanceOn(table, dist, stock, fillRate);
}

/** Performance of a given base-stock level S. */
export function baseStockPerformance(dist: DemandDistribution, stock: number, model: FillRateModel = 'Compound', table = new PmfTable()): BaseStockResult {
  table.reset(dist);
  return performanceOn(table, dist, stock, model === 'Compound' ? compoundFillRateOn(table, dist, stock) : classicFillRateOn(table, stock));
}

/** The performance of S whose fill rate (under the chosen model) is already known. */
function performanceOn(table: PmfTable, dist: DemandDistribution, stock: number, fillRate: number): BaseStockResult {
  // One pass over k < S: F(S − 1) and Σ_{j<S} F(j) = E[(S − X)+], the expected on hand.
  table.ensure(stock);
  const { pmf, start } = table;
  let cumulative = 0;
  let expectedOnHand = 0;
  for (let k = start; k < stock; k++) {
    cumulative += pmf[k - start];
    expectedOnHand += cumulative < 1 ? cumulative : 1;
  }
  const classicFillRate = stock > 0 ? (cumulative < 1 ? cumulative : 1) : 0;
  const ready = cumulative + (stock >= start ? pmf[stock - start] : 0);
  const backorders = dist.mean - stock + expectedOnHand;
  return {
    stock,
    fillRate,
    classicFillRate,
    readyRate: stock >= 0 ? (ready < 1 ? ready : 1) : 0,
    expectedBackorders: backorders > 0 ? backorders : 0,
    expectedOnHand,
  };
}
