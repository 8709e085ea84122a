/**
 * The demand decline model of the last-time buy (docs/methods.md › MOM assessment › Last-time buy): demand in period t
 * (t = 0 … n − 1 of the history, continuing beyond it) is Poisson-like with mean
 *     λ(t) = exp(a + b·t),  b ≤ 0,
 * an exponential decline fitted by Poisson maximum likelihood (a log-linear Poisson regression,
 * the GLM of McCullagh & Nelder with log link) where the history allows it. Overdispersion
 * (lumpy demand) is carried by the Pearson dispersion φ = Σ (y − λ)² / λ / (n − p), at least 1,
 * so that the variance of a sum of periods is φ times its mean (quasi-Poisson).
 *
 * The estimate's own uncertainty matters as much over a remaining life of years: the predictive
 * variance of the demand D over the remaining periods is φΛ (the demand's own noise) plus the
 * delta-method variance of Λ̂, gᵀ Σ g with g = ∂Λ/∂(a, b) and Σ = φ I⁻¹ the quasi-likelihood
 * covariance of (â, b̂) (I the Fisher information Σλ_t [1 t; t t²]).
 *
 * Fallback, the constant-rate model (b = 0, λ = mean of the history, its own Poisson MLE), when:
 * the history has fewer than `minPeriods` periods or fewer than `minDemandPeriods` periods with
 * demand (too little to read a trend from), the fit does not converge, or the fitted trend is not
 * a decline (b ≥ 0: an end-of-life part's demand is not extrapolated upwards).
 */

export interface DeclineOptions {
  /** Shortest history to fit a decline to (default 12 periods). */
  minPeriods?: number;
  /** Fewest periods with demand to fit a decline to (default 4). */
  minDemandPeriods?: number;
}

export interface DeclineFit {
  model: 'exponential' | 'constant';
  /** a: ln of the mean at period 0 (−Infinity when the history has no demand). */
  intercept: number;
  /** b: ln-change of the mean per period (0 for the constant model). */
  slope: number;
  /** λ(n): the mean of the first period after the history. */
  rateAfterHistory: number;
  /** Pearson dispersion φ ≥ 1. */
  dispersion: number;
  /** Why the constant model was used ('' for the exponential fit). */
  reason: string;
  /** The slope the Poisson fit found, also when it was not used (NaN when not fitted). */
  fittedSlope: number;
  /** Length n of the history fitted. */
  periods: number;
  /** Σ = φ I⁻¹: variances of a and b and their covariance (b's are 0 for the constant model). */
  covariance: { aa: number; ab: number; bb: number };
}

export function fitDecline(history: ArrayLike<number>, options: DeclineOptions = {}): DeclineFit {
  const minPeriods = options.minPeriods ?? 12;
  const minDemandPeriods = options.minDemandPeriods ?? 4;
  const n = history.length;
  let demandPeriods = 0;
  for (let t = 0; t < n; t++) if (history[t] > 0) demandPeriods++;
  if (n < minPeriods) return constantFit(history, `the history has ${n} periods, fewer than the ${minPeriods} needed to fit a decline`);
  if (demandPeriods < minDemandPeriods) return constantFit(history, `the history has demand in ${demandPeriods} periods, fewer than the ${minDemandPeriods} needed to fit a decline`);
  const fit = poissonLogLinear(history);
  if (!fit) return constantFit(history, 'the Poisson fit of a decline did not converge');
  if (!(fit.slope < 0)) return { ...constantFit(history, 'the history shows no decline'), fittedSlope: fit.slope };
  const lambda = (t: number) => Math.exp(fit.intercept + fit.slope * t);
  const dispersion = pearsonDispersion(history, lambda, 2);
  // Information in centred time s = t − c, inverted, then moved back to a at t = 0: a = a_c − b·c.
  const c = (n - 1) / 2;
  let i00 = 0;
  let i01 = 0;
  let i11 = 0;
  for (let t = 0; t < n; t++) {
    const m = lambda(t);
    i00 += m;
    i01 += (t - c) * m;
    i11 += (t - c) * (t - c) * m;
  }
  const det = i00 * i11 - i01 * i01;
  const vaa = (dispersion * i11) / det;
  const vab = (-dispersion * i01) / det;
  const vbb = (dispersion * i00) / det;
  return {
    model: 'exponential',
    intercept: fit.intercept,
    slope: fit.slope,
    rateAfterHistory: lambda(n),
    dispersion,
    reason: '',
    fittedSlope: fit.slope,
    periods: n,
    covariance: { aa: vaa + c * c * vbb - 2 * c * vab, ab: vab - c * vbb, bb: vbb },
  };
}

function constantFit(history: ArrayLike<number>, reason: string): DeclineFit {
  const n = history.length;
  let total = 0;
  for (let t = 0; t < n; t++) total += history[t];
  const mean = n > 0 ? total / n : 0;
  const dispersion = mean > 0 ? pearsonDispersion(history, () => mean, 1) : 1;
  return {
    model: 'constant',
    intercept: Math.log(mean),
    slope: 0,
    rateAfterHistory: mean,
    dispersion,
    reason,
    fittedSlope: NaN,
    periods: n,
    // Var(â) = φ / Σλ = φ / total for â = ln(mean).
    covariance: { aa: total > 0 ? dispersion / total : 0, ab: 0, bb: 0 },
  };
}

/** φ = Σ (y − λ)² / λ / (n − p), at least 1 (demand is never taken as less variable than Poisson). */
function pearsonDispersion(history: ArrayLike<number>, lambda: (t: number) => number, parameters: number): number {
  const n = history.length;
  if (n <= parameters) return 1;
  let sum = 0;
  for (let t = 0; t < n; t++) {
    const m = lambda(t);
    const r = history[t] - m;
    sum += (r * r) / m;
  }
  const phi = sum / (n - parameters);
  return phi > 1 ? phi : 1;
}

/**
 * Maximum likelihood of y_t ~ Poisson(exp(a + b t)) by Newton's method on the centred time
 * s = t − t̄ (which keeps the information matrix well conditioned), from b = 0 and a = ln ȳ,
 * halving steps that would lower the likelihood. The optimum solves the score equations
 * Σ (y_t − λ_t) = 0 and Σ t (y_t − λ_t) = 0. Null when it does not converge in 200 steps.
 */
export function poissonLogLinear(history: ArrayLike<number>): { intercept: number; slope: number } | null {
  const n = history.length;
  const centre = (n - 1) / 2;
  let total = 0;
  for (let t = 0; t < n; t++) total += history[t];
  if (!(total > 0) || n < 2) return null;
  let a = Math.log(total / n);
  let b = 0;
  const logLikelihood = (a: number, b: number) => {
    let sum = 0;
    for (let t = 0; t < n; t++) {
      const eta = a + b * (t - centre);
      sum += history[t] * eta - Math.exp(eta);
    }
    return sum;
  };
  let current = logLikelihood(a, b);
  for (let iteration = 0; iteration < 200; iteration++) {
    let ga = 0;
    let gb = 0;
    let i00 = 0;
    let i01 = 0;
    let i11 = 0;
    for (let t = 0; t < n; t++) {
      const s = t - centre;
      const m = Math.exp(a + b * s);
      const r = history[t] - m;
      ga += r;
      gb += s * r;
      i00 += m;
      i01 += s * m;
      i11 += s * s * m;
    }
    const det = i00 * i11 - i01 * i01;
    if (!(det > 0)) return null;
    let da = (i11 * ga - i01 * gb) / det;
    let db = (i00 * gb - i01 * ga) / det;
    let step = 1;
    let next = logLikelihood(a + da, b + db);
    while (!(next >= current) && step > 1e-10) {
      step /= 2;
      da /= 2;
      db /= 2;
      next = logLikelihood(a + da, b + db);
    }
    a += da;
    b += db;
    current = next;
    if (Math.abs(da) < 1e-13 * (1 + Math.abs(a)) && Math.abs(db) < 1e-13 * (1 + Math.abs(b))) {
      return Number.isFinite(a) && Number.isFinite(b) ? { intercept: a - b * centre, slope: b } : null;
    }
  }
  return null;
}

/**
 * Expected demand over the T periods after the history (T may be fractional: the last, partial
 * period counts pro rata): Λ = Σ_{j=0}^{m−1} λ(n + j) + f·λ(n + m) with m = ⌊T⌋, f = T − m;
 * the sum is geometric, e^{a + b n} (1 − e^{b m}) / (1 − e^{b}).
 */
export function expectedDemandAfter(fit: DeclineFit, periods: number): number {
  if (!(periods > 0) || !(fit.rateAfterHistory > 0)) return 0;
  const m = Math.floor(periods);
  const f = periods - m;
  const start = fit.rateAfterHistory; // λ(n)
  const b = fit.slope;
  const whole = b === 0 ? m * start : (start * -Math.expm1(b * m)) / -Math.expm1(b);
  return whole + f * start * Math.exp(b * m);
}

/**
 * Predictive variance of the demand over the T periods after the history: φΛ + gᵀ Σ g, with
 * g = (∂Λ/∂a, ∂Λ/∂b) = (Λ, Σ_j w_j (n + j) λ(n + j)) over the same periods and weights w_j
 * (1, and f for the partial last period) as expectedDemandAfter.
 */
export function demandVarianceAfter(fit: DeclineFit, periods: number): number {
  if (!(periods > 0) || !(fit.rateAfterHistory > 0)) return 0;
  const m = Math.floor(periods);
  const f = periods - m;
  let total = 0;
  let gb = 0;
  for (let j = 0; j <= m; j++) {
    const w = j < m ? 1 : f;
    if (w === 0) continue;
    const l = w * fit.rateAfterHistory * Math.exp(fit.slope * j);
    total += l;
    gb += (fit.periods + j) * l;
  }
  const { aa, ab, bb } = fit.covariance;
  return fit.dispersion * total + total * total * aa + 2 * total * gb * ab + gb * gb * bb;
}
