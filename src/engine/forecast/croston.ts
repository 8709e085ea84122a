import type { ForecastParams } from './types';

/**
 * Croston (1972) with the conventions of R `forecast::croston` (Hyndman; forecast 8.x): sizes and
 * intervals are smoothed by SES with initial = "simple", i.e. the first non-zero size and the
 * first interval — counted from the start of the series, so a first demand in period 3 (1-based)
 * has interval 3 — are the starting levels. Forecast = size level / interval level.
 * Before the first demand the forecast is 0 once at least one period is seen (R returns zeros for
 * an all-zero series) and NaN for an empty history.
 *
 * SBA (Syntetos & Boylan 2005) multiplies the Croston forecast by (1 − α/2) to remove its bias.
 */
export function crostonForecasts(y: ArrayLike<number>, n: number, params: ForecastParams, out: Float64Array, sba = false): void {
  const { alpha } = params;
  const factor = sba ? 1 - alpha / 2 : 1;
  let size = 0;
  let interval = 0;
  let lastDemandAt = -1; // 0-based index of the previous demand
  out[0] = NaN;
  for (let t = 0; t < n; t++) {
    const d = y[t];
    if (d > 0) {
      if (lastDemandAt < 0) {
        size = d;
        interval = t + 1;
      } else {
        size += alpha * (d - size);
        interval += alpha * (t - lastDemandAt - interval);
      }
      lastDemandAt = t;
    }
    out[t + 1] = lastDemandAt < 0 ? 0 : (factor * size) / interval;
  }
}

export function sbaForecasts(y: ArrayLike<number>, n: number, params: ForecastParams, out: Float64Array): void {
  crostonForecasts(y, n, params, out, true);
}
