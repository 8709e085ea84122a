import type { ForecastParams } from './types';

/** Moving average of the last N periods (fewer at the start of the history). */
export function movingAverageForecasts(y: ArrayLike<number>, n: number, params: ForecastParams, out: Float64Array): void {
  const window = Math.max(1, Math.floor(params.movingAverageWindow));
  out[0] = NaN;
  let sum = 0;
  for (let t = 0; t < n; t++) {
    sum += y[t];
    if (t >= window) sum -= y[t - window];
    out[t + 1] = sum / Math.min(t + 1, window);
  }
}
