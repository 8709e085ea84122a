/**
 * Lead-time demand distributions (Poisson and negative binomial), their pmf tabulated on demand,
 * the CDF F(k) and the loss function E[(X − S)+] (expected backorders).
 *
 * The pmf is built upwards with the recurrence p(k+1) = p(k)·ratio(k), starting at a point far
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

/** F(k) = P(X ≤ k); F(k) = 0 for k < 0. */
export function cdf(dist: DemandDistribution, k: number, table = new PmfTable()): number {
  table.reset(dist);
  if (k < table.start) return 0;
  table.ensure(k);
  let sum = 0;
  for (let j = table.start; j <= k; j++) sum += table.pmf[j - table.start];
  return sum < 1 ? sum : 1;
}

/**
 * Expected backorders EBO(S) = E[(X − S)+] = μ − S + Σ_{j=0}^{S−1} F(j) for S ≥ 0 (the loss
 * function). The lower sum keeps it exact for integer S with a finite loop.
 */
export function expectedBackorders(dist: DemandDistribution, stock: number, table = new PmfTable()): number {
  table.reset(dist);
  table.ensure(stock);
  let cumulative = 0;
  let sumOfCdf = 0;
  for (let j = table.start; j < stock; j++) {
    cumulative += table.pmf[j - table.start];
    sumOfCdf += cumulative < 1 ? cumulative : 1;
  }
  return dist.mean - stock + sumOfCdf;
}
