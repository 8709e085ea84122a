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
