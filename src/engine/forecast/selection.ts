import type { DemandClass } from '../classify';
import { FORECASTERS } from './index';
import type { ForecastMethod, ForecastParams } from './types';

/**
 * Candidates per demand class for Auto. Smooth demand is served by level methods; the
 * Croston family is built for intermittence (Syntetos, Boylan & Croston 2005: SBA for
 * intermittent and lumpy, Croston where intervals are short); TSB adds a forecast that decays
 * when a part stops selling. The first candidate is the fallback when the history is too short
 * to backtest.
 */
export const CANDIDATES: Readonly<Record<DemandClass, readonly ForecastMethod[]>> = {
  smooth: ['SES', 'MovingAverage', 'Croston'],
  erratic: ['SES', 'SBA', 'MovingAverage'],
  intermittent: ['SBA', 'Croston'],
  lumpy: ['SBA', 'Croston'],
  none: ['SES'],
};

/** Errors of one-step-ahead forecasts over a rolling origin: forecast − actual, so bias > 0 means over-forecasting. */
export interface ForecastAccuracy {
  method: ForecastMethod;
  /** Number of origins evaluated. */
  origins: number;
  mae: number;
  bias: number;
  mse: number;
}

export interface ForecastChoice {
  method: ForecastMethod;
  /** Forecast demand per period after the history. */
  ratePerPeriod: number;
  /** Rolling-origin accuracy of the chosen method over the last backtest periods; null when the history is too short. */
  accuracy: ForecastAccuracy | null;
  /** Every candidate's accuracy (empty when not backtested). */
  candidates: ForecastAccuracy[];
  /** One-step forecasts of the chosen method: forecasts[t] for period t, forecasts[n] the next. Owned by the workspace. */
  forecasts: Float64Array;
}

/** The least history before the first backtest origin, so that every method has warmed up a little. */
export const MIN_TRAINING_PERIODS = 6;

/** Reusable buffers: planning allocates nothing per part-location in the hot loop. */
export class ForecastWorkspace {
  private buffers = new Map<ForecastMethod, Float64Array>();
  buffer(method: ForecastMethod, length: number): Float64Array {
    let buffer = this.buffers.get(method);
    if (!buffer || buffer.length < length) {
      buffer = new Float64Array(Math.max(length, 64));
      this.buffers.set(method, buffer);
    }
    return buffer;
  }
}

/** Accuracy of the one-step forecasts in `forecasts` over periods [from, n). */
export function rollingOriginAccuracy(method: ForecastMethod, y: ArrayLike<number>, n: number, forecasts: Float64Array, from: number): ForecastAccuracy {
  let origins = 0;
  let absolute = 0;
  let signed = 0;
  let squared = 0;
  for (let t = from; t < n; t++) {
    const f = forecasts[t];
    if (Number.isNaN(f)) continue;
    const e = f - y[t];
    origins++;
    absolute += Math.abs(e);
    signed += e;
    squared += e * e;
  }
  if (origins === 0) return { method, origins: 0, mae: NaN, bias: NaN, mse: NaN };
  return { method, origins, mae: absolute / origins, bias: signed / origins, mse: squared / origins };
}

/**
 * Forecast of y[0 … n) with `setting`. Auto runs every candidate of the demand class once over
 * the history (O(n) each), scores the one-step forecasts of the last `backtestPeriods` periods —
 * a rolling origin, each forecast made only from the periods before it — and keeps the lowest mean
 * squared error (the mean, not the median, is what stock levels need; MAE would favour forecasts
 * of zero on intermittent demand). Ties keep the earlier candidate.
 */
export function chooseForecast(
  y: ArrayLike<number>,
  n: number,
  demandClass: DemandClass,
  setting: ForecastMethod | 'Auto',
  params: ForecastParams,
  backtestPeriods: number,
  workspace: ForecastWorkspace,
): ForecastChoice {
  const holdout = Math.min(backtestPeriods, n - MIN_TRAINING_PERIODS);
  const from = n - holdout;
  const methods = setting === 'Auto' ? CANDIDATES[demandClass] : [setting];
  const candidates: ForecastAccuracy[] = [];
  let best = -1;
  for (let i = 0; i < methods.length; i++) {
    const method = methods[i];
    const out = workspace.buffer(method, n + 1);
    FORECASTERS[method](y, n, params, out);
    if (holdout <= 0) continue;
    const accuracy = rollingOriginAccuracy(method, y, n, out, from);
    candidates.push(accuracy);
    if (accuracy.origins > 0 && (best < 0 || accuracy.mse < candidates[best].mse)) best = candidates.length - 1;
  }
  const chosen = best >= 0 ? candidates[best].method : methods[0];
  const forecasts = workspace.buffer(chosen, n + 1);
  const next = n > 0 ? forecasts[n] : 0;
  return {
    method: chosen,
    ratePerPeriod: Number.isFinite(next) && next > 0 ? next : 0,
    accuracy: best >= 0 ? candidates[best] : null,
    candidates,
    forecasts,
  };
}
