/**
 * Lead-time demand distributions (Poisson and negative binomial) and their inventory functions:
 * CDF F(k), loss E[(X − S)+] (expected backorders) and the base-stock search.
 *
 * The pmf is walked upwards with the recurrence p(k+1) = p(k)·ratio(k), starting at a point far
 * below the mean where the lower tail is negligible (< 1e-25), so means in the millions neither
 * underflow e^{-μ} nor cost more than O(σ) steps.
 */

export type DistributionKind = 'Poisson' | 'NegativeBinomial';

export interface DemandDistribution {
  kind: DistributionKind;
  mean: number;
  variance: number;
}

/** Poisson when variance ≤ mean (a binomial-like variance is rounded up to Poisson), NB otherwise. */
export function fitDistribution(mean: number, variance: number): DemandDistribution {
  if (!(mean > 0)) return { kind: 'Poisson', mean: 0, variance: 0 };
  if (!(variance > mean)) return { kind: 'Poisson', mean, variance: mean };
  return { kind: 'NegativeBinomial', mean, variance };
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms; relative error ~1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  const z = x - 1;
  let sum = c[0];
  for (let i = 1; i < 9; i++) sum += c[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * Walks the pmf of a distribution upwards from `start`: calls visit(k, pmf(k)) for k = start, start+1, …
 * until visit returns false. Mass below `start` is negligible by construction of `walkStart`.
 */
export function walkPmf(dist: DemandDistribution, visit: (k: number, pmf: number) => boolean): void {
  const { mean } = dist;
  if (!(mean > 0)) {
    // Degenerate at zero.
    for (let k = 0; visit(k, k === 0 ? 1 : 0); k++);
    return;
  }
  if (dist.kind === 'Poisson') {
    const start = walkStart(mean, mean);
    let p = Math.exp(-mean + start * Math.log(mean) - logGamma(start + 1));
    for (let k = start; visit(k, p); k++) p *= mean / (k + 1);
    return;
  }
  // NB with P(X = k) = Γ(k + r) / (Γ(r) k!) · q^r (1 − q)^k, r = μ² / (σ² − μ), q = μ / σ².
  const q = mean / dist.variance;
  const r = (mean * mean) / (dist.variance - mean);
  const start = walkStart(mean, dist.variance);
  const logOneMinusQ = Math.log1p(-q);
  let p =
    start === 0
      ? Math.exp(r * Math.log(q))
      : Math.exp(logGamma(start + r) - logGamma(r) - logGamma(start + 1) + r * Math.log(q) + start * logOneMinusQ);
  const oneMinusQ = 1 - q;
  for (let k = start; visit(k, p); k++) p *= ((k + r) / (k + 1)) * oneMinusQ;
}

/** First k worth visiting: 12 standard deviations below the mean (lower tails of Poisson/NB are lighter than normal). */
function walkStart(mean: number, variance: number): number {
  const start = Math.floor(mean - 12 * Math.sqrt(variance));
  return start > 0 ? start : 0;
}

/** F(k) = P(X ≤ k); F(k) = 0 for k < 0. */
export function cdf(dist: DemandDistribution, k: number): number {
  if (k < 0) return 0;
  let sum = 0;
  walkPmf(dist, (j, p) => {
    if (j <= k) sum += p;
    return j < k;
  });
  return Math.min(1, sum);
}

/**
 * Expected backorders EBO(S) = E[(X − S)+] = μ − S + Σ_{j=0}^{S−1} F(j) for S ≥ 0 (the loss function).
 * Using the lower sum keeps it exact for integer S with a finite loop.
 */
export function expectedBackorders(dist: DemandDistribution, stock: number): number {
  return dist.mean - stock + sumOfCdfBelow(dist, stock);
}

/** Σ_{j=0}^{S−1} F(j) = E[(S − X)+], which is also the expected on-hand stock. */
export function sumOfCdfBelow(dist: DemandDistribution, stock: number): number {
  if (stock <= 0) return 0;
  let cumulative = 0;
  let sum = 0;
  walkPmf(dist, (j, p) => {
    if (j >= stock) return false;
    cumulative += p;
    sum += Math.min(1, cumulative);
    return true;
  });
  return sum;
}
