/**
 * Compound lead-time demand X = B₁ + … + B_N: N occurrences of demand during the lead time, each of
 * a size B ≥ 1 drawn independently from a size pmf f. When N is in Panjer's (a, b, 0) class —
 * P(N = n) = (a + b/n)·P(N = n − 1) — the pmf g of X follows from Panjer's recursion (Panjer 1981;
 * Klugman, Panjer & Willmot, Loss Models, §9.6), with f(0) = 0:
 *     g(0) = P(N = 0),   g(k) = Σ_{j=1}^{min(k, m)} (a + b·j/k)·f(j)·g(k − j).
 *   Poisson(λ):               a = 0,            b = λ,                 P(N = 0) = e^{−λ}
 *   Binomial(n, p):           a = −p/(1 − p),   b = (n + 1)·p/(1 − p), P(N = 0) = (1 − p)^n
 *   Negative binomial(r, β):  a = β/(1 + β),    b = (r − 1)·β/(1 + β), P(N = 0) = (1 + β)^{−r}
 *     (mean rβ, variance rβ(1 + β)).
 * The pmf is tabulated on demand up to any k, O(k·m) in all.
 */

export type CountDistribution =
  | { kind: 'Poisson'; mean: number }
  | { kind: 'Binomial'; trials: number; probability: number }
  | { kind: 'NegativeBinomial'; r: number; beta: number };

export function countMean(count: CountDistribution): number {
  if (count.kind === 'Poisson') return count.mean;
  if (count.kind === 'Binomial') return count.trials * count.probability;
  return count.r * count.beta;
}

export function countVariance(count: CountDistribution): number {
  if (count.kind === 'Poisson') return count.mean;
  if (count.kind === 'Binomial') return count.trials * count.probability * (1 - count.probability);
  return count.r * count.beta * (1 + count.beta);
}

/** (a, b, P(N = 0)) of the count's Panjer recursion. */
export function panjerCoefficients(count: CountDistribution): { a: number; b: number; p0: number } {
  if (count.kind === 'Poisson') return { a: 0, b: count.mean, p0: Math.exp(-count.mean) };
  if (count.kind === 'Binomial') {
    const { trials: n, probability: p } = count;
    if (p >= 1) return { a: 0, b: 0, p0: n === 0 ? 1 : 0 };
    return { a: -p / (1 - p), b: ((n + 1) * p) / (1 - p), p0: Math.pow(1 - p, n) };
  }
  const { r, beta } = count;
  return { a: beta / (1 + beta), b: ((r - 1) * beta) / (1 + beta), p0: Math.pow(1 + beta, -r) };
}

/**
 * The pmf of a compound distribution, tabulated on demand. `size[j]` = P(B = j) for j = 1 … m
 * (size[0] is ignored: every occurrence demands at least one unit).
 */
export class CompoundPmf {
  pmf = new Float64Array(256);
  length = 0;
  private a = 0;
  private b = 0;
  private size: Float64Array = new Float64Array(2);
  private maxSize = 0;

  reset(count: CountDistribution, size: Float64Array, maxSize = size.length - 1): void {
    const { a, b, p0 } = panjerCoefficients(count);
    this.a = a;
    this.b = b;
    this.size = size;
    this.maxSize = maxSize;
    this.pmf[0] = p0;
    this.length = 1;
  }

  /** P(X = k). */
  at(k: number): number {
    if (k < 0) return 0;
    this.ensure(k);
    return this.pmf[k];
  }

  /** Tabulates P(X = j) for every j ≤ last. */
  ensure(last: number): void {
    if (this.pmf.length <= last) {
      const grown = new Float64Array(Math.max(last + 1, this.pmf.length * 2));
      grown.set(this.pmf.subarray(0, this.length));
      this.pmf = grown;
    }
    const { a, b, size, pmf } = this;
    for (let k = this.length; k <= last; k++) {
      const top = k < this.maxSize ? k : this.maxSize;
      let sum = 0;
      for (let j = 1; j <= top; j++) sum += (a + (b * j) / k) * size[j] * pmf[k - j];
      pmf[k] = sum > 0 ? sum : 0;
    }
    if (last + 1 > this.length) this.length = last + 1;
  }
}
