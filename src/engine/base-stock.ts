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
 * The pmf is tabulated once per distribution in a reusable PmfTable, so the search and every
 * performance figure cost one pass over it and no allocation.
 */
import { PmfTable, type DemandDistribution } from './distributions';

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

/**
 * The fill rate of S = 0, 1, 2, … of one distribution, level after level, for callers that read
 * many levels in order (the calibration's decision curves, §6.1): compoundFillRateOn costs O(S) a
 * level, so a curve to S costs O(S²); here a level costs O(1).
 *
 * Compound (NB demand in logarithmic batches B, θ = 1 − μ/σ²): min(B, x⁺) = x⁺ − (x − B)⁺ gives
 * FR(S) = (E[(S − X)⁺] − E[(S − X − B)⁺]) / E[B], both loss sums grown by a CDF a level, with the pmf
 * w of X + B from the exact three-term recurrence of docs/methods.md §9.2 (here the NB's ratio and the
 * batches' θ are one parameter):
 * (n + 1)·w_{n+1} = 2θn·w_n + rθ·w_n − θ(θ(n − 1) + rθ)·w_{n−1} + b₁(p_n − θ·p_{n−1}), w₀ = 0,
 * b₁ = θ / (−ln(1 − θ)). The recurrence needs the pmf from 0, so a table tabulated from start > 0
 * keeps the convolution (without re-tabulating). Classic (and Poisson demand): F(S − 1), summed in
 * the same order as classicFillRateOn, so the same bits.
 */
export class FillRateSweep {
  /** The level the sweep stands at (−1 before the first advance) and its fill rate. */
  stock = -1;
  fillRate = 0;
  private dist: DemandDistribution = { kind: 'Poisson', mean: 0, variance: 0 };
  private compound = false;
  private recurrence = false;
  private theta = 0;
  private rTheta = 0;
  private b1 = 0;
  private cumulative = 0; // F(s − 1) at level s
  private sumOfCdf = 0; // Σ_{k<s} F(k) = E[(s − X)⁺]
  private w = 0; // P(X + B = s)
  private wBefore = 0;
  private pBefore = 0;
  private cumulativeW = 0; // P(X + B ≤ s − 1)
  private sumOfW = 0; // E[(s − X − B)⁺]

  constructor(readonly table = new PmfTable()) {}

  reset(dist: DemandDistribution, model: FillRateModel): void {
    this.table.reset(dist);
    this.dist = dist;
    this.stock = -1;
    this.fillRate = 0;
    this.compound = model === 'Compound' && dist.kind === 'NegativeBinomial' && dist.mean > 0;
    this.recurrence = this.compound && this.table.start === 0;
    this.cumulative = 0;
    this.sumOfCdf = 0;
    this.w = 0;
    this.wBefore = 0;
    this.pBefore = 0;
    this.cumulativeW = 0;
    this.sumOfW = 0;
    if (this.compound) {
      this.table.tabulateMinBatch(1); // E[B]
      const q = dist.mean / dist.variance;
      this.theta = 1 - q;
      this.rTheta = ((dist.mean * dist.mean) / (dist.variance - dist.mean)) * this.theta;
      this.b1 = this.theta / -Math.log(q);
    }
  }

  /** Moves to level `stock` (≥ the current one) and returns its fill rate. */
  advanceTo(stock: number): number {
    while (this.stock < stock) this.step();
    return this.fillRate;
  }

  private step(): void {
    const s = ++this.stock;
    const { table } = this;
    if (this.compound && !this.recurrence) {
      this.fillRate = compoundFillRateOn(table, this.dist, s);
      return;
    }
    if (this.recurrence) {
      let fill = s === 0 ? 0 : (this.sumOfCdf - this.sumOfW) / table.meanBatch;
      if (fill > 1) fill = 1;
      else if (fill < 0) fill = 0;
      this.fillRate = fill;
    } else {
      const c = this.cumulative;
      this.fillRate = s > 0 ? (c < 1 ? c : 1) : 0;
    }
    // Move the sums on to level s + 1.
    const p = table.at(s);
    this.cumulative += p;
    if (!this.recurrence) return;
    const ready = this.cumulative < 1 ? this.cumulative : 1;
    this.sumOfCdf += ready;
    this.cumulativeW += this.w;
    this.sumOfW += this.cumulativeW < 1 ? this.cumulativeW : 1;
    const { theta, rTheta, w, wBefore } = this;
    const next = ((2 * theta * s + rTheta) * w - theta * (theta * (s - 1) + rTheta) * wBefore + this.b1 * (p - theta * this.pBefore)) / (s + 1);
    this.wBefore = w;
    this.w = next;
    this.pBefore = p;
  }
}
