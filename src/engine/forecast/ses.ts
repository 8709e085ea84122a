import type { ForecastParams } from './types';

/**
 * Simple exponential smoothing with initial = "simple" (R `forecast::ses`): level starts at the
 * first observation, then l ← l + α(y − l); the forecast is the level.
 */
export function sesForecasts(y: ArrayLike<number>, n: number, params: ForecastParams, out: Float64Array): void {
  const { alpha } = params;
  out[0] = NaN;
  if (n === 0) return;
  let level = y[0];
  out[1] = level;
  for (let t = 1; t < n; t++) {
    level += alpha * (y[t] - level);
    out[t + 1] = level;
  }
}
