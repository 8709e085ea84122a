/**
 * Count distributions of the network model: pipelines (units in resupply or repair) as a tabulated
 * pmf with their mean and variance.
 *
 * The central pipeline is written against `TabulatedDistribution`, so any lead-time demand model
 * that can tabulate its pmf (Poisson, negative binomial, a compound distribution from a Panjer
 * recursion) plugs in; `fromPmfTable` adapts the engine's PmfTable.
 *
 * `CountTable` tabulates Poisson and negative binomial pmfs in a parametrisation that stays exact as
 * the variance approaches the mean. VARI-METRIC fits a negative binomial to every field pipeline,
 * and when the central is well stocked that variance exceeds the mean by as little as 1e-12 of it;
 * the textbook parameters q = μ/σ² and 1 − q then cancel (PmfTable's NB loses about 1e-16/(σ²/μ − 1)
 * relative accuracy in its ratio), whereas θ = (σ² − μ)/σ² and r·θ = μ²/σ² computed directly do not.
 */
import { PmfTable } from '../distributions';

/** A distribution on 0, 1, 2, …: pmf[k − start] = P(X = k) for start ≤ k < start + length, 0 elsewhere. */
export interface TabulatedDistribution {
  readonly mean: number;
  readonly variance: number;
  readonly start: number;
  readonly length: number;
  readonly pmf: Float64Array;
}

/**
 * Upper tail below which a full tabulation stops (relative to a total mass of 1): far enough that
 * backorders of 1e-12 still have ten correct digits.
 */
const TAIL_MASS = 1e-30;
/** Standard deviations below the mean where tabulation starts (the lower tail there is < 1e-25). */
const LOWER_SIGMAS = 12;

/**
 * Poisson (variance ≤ mean) or negative binomial pmf with the given mean and variance, tabulated
 * upwards from `start`. NB: P(X = k + 1) / P(X = k) = (k·θ + r·θ) / (k + 1) with θ = (σ² − μ)/σ² and
 * r·θ = μ²/σ²; θ = 0 is the Poisson (ratio μ/(k + 1)).
 *
 * When the distribution starts at 0 (μ − 12σ ≤ 0, every slow mover) the table grows lazily from
 * P(0) = (1 − θ)^r, or e^{−μ}; otherwise the whole body is tabulated at once from an unnormalised
 * start and normalised by its sum, which needs no ln Γ of huge arguments.
 */
export class CountTable implements TabulatedDistribution {
  pmf = new Float64Array(64);
  start = 0;
  length = 0;
  mean = 0;
  variance = 0;
  /** Poisson when the variance does not exceed the mean. */
  poisson = true;
  private theta = 0;
  private rTheta = 0;
  private next = 0;

  /** θ of the negative binomial, P(k + 1)/P(k) = (k·θ + r·θ)/(k + 1) (0 for the Poisson). */
  get ratio(): number {
    return this.theta;
  }
  /** r·θ of the negative binomial (the mean for the Poisson). */
  get shapeTimesRatio(): number {
    return this.rTheta;
  }
  private lazy = true;

  /** The distribution with this mean and variance; a variance below the mean is raised to it (Poisson). */
  reset(mean: number, variance: number): this {
    const m = mean > 0 ? mean : 0;
    const v = variance > m ? variance : m;
    this.mean = m;
    this.variance = v;
    this.poisson = !(v > m);
    this.theta = this.poisson ? 0 : (v - m) / v;
    this.rTheta = this.poisson ? m : (m * m) / v;
    this.length = 0;
    if (!(m > 0)) {
      this.start = 0;
      this.lazy = true;
      this.next = 1;
      return this;
    }
    const low = Math.floor(m - LOWER_SIGMAS * Math.sqrt(v));
    if (low <= 0) {
      this.start = 0;
      this.lazy = true;
      // ln P(0) = r·ln(1 − θ) = −(rθ)·(−ln(1 − θ)/θ), finite as θ → 0.
      this.next = this.poisson ? Math.exp(-m) : Math.exp((this.rTheta / this.theta) * Math.log1p(-this.theta));
      return this;
    }
    this.start = low;
    this.lazy = false;
    this.tabulateBody();
    return this;
  }

  /** Whether every non-negligible P(X = k) is tabulated already (otherwise the table grows on demand). */
  get complete(): boolean {
    return !this.lazy;
  }

  /** P(X = k). */
  at(k: number): number {
    const i = k - this.start;
    if (i < 0) return 0;
    if (i >= this.length) {
      if (!this.lazy) return 0;
      this.ensure(k);
    }
    return this.pmf[i];
  }

  /** Tabulates P(X = j) for every j ≤ k (a no-op beyond the tail of a fully tabulated body). */
  ensure(k: number): void {
    if (!this.lazy) return;
    while (this.start + this.length <= k) this.push(this.next);
  }

  /** Tabulates up to the upper tail: afterwards P(X ≥ start + length) < 1e-30. */
  tabulateTail(): void {
    if (!this.lazy) return;
    if (!(this.mean > 0)) {
      if (this.length === 0) this.push(1);
      return;
    }
    for (;;) {
      const k = this.start + this.length - 1;
      if (this.length > 0 && k > this.mean && this.tailBound(k, this.pmf[this.length - 1]) < TAIL_MASS) break;
      this.push(this.next);
    }
    this.lazy = false;
  }

  /** Bound on P(X > k) from p(k), past the mode: the ratio p(j+1)/p(j) never exceeds max(ratio(k), θ). */
  private tailBound(k: number, p: number): number {
    let ratio = (k * this.theta + this.rTheta) / (k + 1);
    if (this.theta > ratio) ratio = this.theta;
    return ratio < 1 ? (p * ratio) / (1 - ratio) : Infinity;
  }

  private push(value: number): void {
    if (this.length === this.pmf.length) {
      const grown = new Float64Array(this.pmf.length * 2);
      grown.set(this.pmf);
      this.pmf = grown;
    }
    const k = this.start + this.length;
    this.pmf[this.length++] = value;
    this.next = (value * (k * this.theta + this.rTheta)) / (k + 1);
  }

  private tabulateBody(): void {
    this.next = 1;
    let sum = 0;
    for (;;) {
      const value = this.next;
      this.push(value);
      sum += value;
      const k = this.start + this.length - 1;
      if (k > this.mean && this.tailBound(k, value) < TAIL_MASS * sum) break;
    }
    const scale = 1 / sum;
    for (let i = 0; i < this.length; i++) this.pmf[i] *= scale;
  }
}

/**
 * A PmfTable (the engine's single-location Poisson/NB) as a tabulated distribution, tabulated up to
 * `last` (choose it far enough into the tail for the precision wanted).
 */
export function fromPmfTable(table: PmfTable, mean: number, variance: number, last: number): TabulatedDistribution {
  table.ensure(last);
  return { mean, variance, start: table.start, length: Math.max(0, last - table.start + 1), pmf: table.pmf };
}

/** A distribution given by its pmf from `start` (P(X = start + i) = pmf[i]); mean and variance from the pmf. */
export function tabulated(pmf: ArrayLike<number>, start = 0): TabulatedDistribution {
  const values = Float64Array.from(pmf);
  let mean = 0;
  let second = 0;
  for (let i = 0; i < values.length; i++) {
    const k = start + i;
    mean += k * values[i];
    second += k * k * values[i];
  }
  return { mean, variance: second - mean * mean, start, length: values.length, pmf: values };
}

/**
 * Tail measures of a pipeline X for stock levels s = 0 … last, all from sums of positive terms
 * taken downwards from the tabulated tail (no cancellation, so tiny backorders keep their relative
 * precision):
 *   G(s) = P(X > s),  EBO(s) = E[(X − s)+] = Σ_{k ≥ s} G(k),
 *   E[(X − s)+²] = Σ_{k ≥ s} (2(k − s) + 1)·G(k), so VBO(s) = E[(X − s)+²] − EBO(s)²,
 * using G(s) = G(s+1) + p(s+1), EBO(s) = EBO(s+1) + G(s), E2(s) = E2(s+1) + 2·EBO(s+1) + G(s).
 */
export class TailTable {
  /** G(s) = P(X > s). */
  above = new Float64Array(64);
  /** EBO(s). */
  backorders = new Float64Array(64);
  /** VBO(s). */
  backorderVariance = new Float64Array(64);
  /** Levels tabulated: 0 … last. */
  last = -1;

  compute(dist: TabulatedDistribution, last: number): void {
    if (this.above.length <= last) {
      const size = Math.max(last + 1, this.above.length * 2);
      this.above = new Float64Array(size);
      this.backorders = new Float64Array(size);
      this.backorderVariance = new Float64Array(size);
    }
    this.last = last;
    const { pmf, start, length } = dist;
    const top = start + length - 1; // P(X > top) is taken as 0
    for (let s = top + 1; s <= last; s++) {
      this.above[s] = 0;
      this.backorders[s] = 0;
      this.backorderVariance[s] = 0;
    }
    let g = 0; // G(s + 1)
    let ebo = 0; // EBO(s + 1)
    let second = 0; // E[(X − s − 1)+²]
    for (let s = top - 1; s >= 0; s--) {
      const i = s + 1 - start;
      g += i >= 0 ? pmf[i] : 0;
      second += 2 * ebo + g;
      ebo += g;
      if (s <= last) {
        this.above[s] = g;
        this.backorders[s] = ebo;
        const vbo = second - ebo * ebo;
        this.backorderVariance[s] = vbo > 0 ? vbo : 0;
      }
    }
    if (top >= 0 && top <= last) {
      this.above[top] = 0;
      this.backorders[top] = 0;
      this.backorderVariance[top] = 0;
    }
  }
}
