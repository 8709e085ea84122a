/**
 * Per-period demand variance behind the lead-time demand distribution.
 *
 * - 'sample': sample variance of demand per period over the history;
 * - 'forecastError': mean squared one-step-ahead forecast error of the chosen method over the
 *   history (Syntetos & Boylan's recommendation: it also carries the error of the rate itself
 *   and any drift the method lags behind);
 * - 'max' (default): the larger of the two — on the car-parts data the safest of the three at
 *   equal cost (BENCHMARKS.md).
 * Never below the rate: demand is at least as variable as Poisson.
 */
import type { DemandProfile } from './classify';

export type VarianceEstimate = 'sample' | 'forecastError' | 'max';

export function forecastErrorVariance(y: ArrayLike<number>, n: number, forecasts: Float64Array): number {
  let count = 0;
  let squared = 0;
  for (let t = 0; t < n; t++) {
    const f = forecasts[t];
    if (Number.isNaN(f)) continue;
    const e = y[t] - f;
    squared += e * e;
    count++;
  }
  return count > 0 ? squared / count : 0;
}

export function perPeriodVariance(
  estimate: VarianceEstimate,
  y: ArrayLike<number>,
  n: number,
  forecasts: Float64Array,
  rate: number,
  profile: DemandProfile,
): number {
  let variance: number;
  if (estimate === 'sample') variance = profile.variancePerPeriod;
  else if (estimate === 'forecastError') variance = forecastErrorVariance(y, n, forecasts);
  else variance = Math.max(profile.variancePerPeriod, forecastErrorVariance(y, n, forecasts));
  return Math.max(variance, rate);
}
