import type { ForecastParams } from './types';

/**
 * TSB (Teunter, Syntetos & Babai 2011): the demand probability p is smoothed every period with β,
 * p ← p + β(1{d>0} − p), the size z only in periods with demand, z ← z + α(d − z); forecast = p·z.
 * Unlike Croston, the forecast decays through long runs of zeros, which suits parts going obsolete.
 * Starting levels follow the Croston convention above: z = first non-zero size, p = 1 / first
 * interval (counted from the start of the series). Before the first demand the forecast is 0.
 */
export function tsbForecasts(y: ArrayLike<number>, n: number, params: ForecastParams, out: Float64Array): void {
  const { alpha, beta } = params;
  let size = 0;
  let probability = 0;
  let started = false;
  out[0] = NaN;
  for (let t = 0; t < n; t++) {
    const d = y[t];
    if (!started) {
      if (d > 0) {
        started = true;
        size = d;
        probability = 1 / (t + 1);
      }
    } else if (d > 0) {
      probability += beta * (1 - probability);
      size += alpha * (d - size);
    } else {
      probability -= beta * probability;
    }
    out[t + 1] = started ? probability * size : 0;
  }
}
