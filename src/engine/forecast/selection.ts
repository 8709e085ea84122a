import type { DemandClass } from '../classify';
import { FORECASTERS } from './index';
import { FORECAST_METHOD_NAMES, type ForecastMethod, type ForecastParams } from './types';

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
  /** One-step forecasts of the chosen method: forecasts[t] for period t, forecasts[n] the next. Owned by the workspace. */
  forecasts: Float64Array;
}

/** The least history before the first backtest origin, so that every method has warmed up a little. */
export const MIN_TRAINING_PERIODS = 6;

/**
 * Reusable buffers, and a cache of each method's one-step forecasts for the current series: a
 * forecast of period t uses only y[0 … t−1], so the forecasts of the whole history also serve
 * every shorter prefix of it (the stocking backtest decides on a prefix). Call startSeries()
 * before planning another series.
 */
export class ForecastWorkspace {
  private readonly buffers: Float64Array[] = FORECAST_METHOD_NAMES.map(() => new Float64Array(64));
  private readonly computedUpTo = new Int32Array(FORECAST_METHOD_NAMES.length).fill(-1);

  startSeries(): void {
    this.computedUpTo.fill(-1);
  }

  /** One-step forecasts of y[0 … n) by `method`, computed once per series and prefix-reused. */
  forecasts(method: ForecastMethod, y: ArrayLike<number>, n: number, params: ForecastParams): Float64Array {
    const index = METHOD_INDEX[method];
    let out = this.buffers[index];
    if (out.length < n + 1) {
      out = this.buffers[index] = new Float64Array(Math.max(n + 1, out.length * 2));
      this.computedUpTo[index] = -1;
    }
    if (this.computedUpTo[index] < n) {
      FORECASTERS[method](y, n, params, out);
      this.computedUpTo[index] = n;
    }
    return out;
  }
}

const METHOD_INDEX = Object.fromEntries(FORECAST_METHOD_NAMES.map((m, i) => [m, i])) as Record<ForecastMethod, number>;

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
  candidates: Readonly<Record<DemandClass, readonly ForecastMethod[]>> = CANDIDATES,
): ForecastChoice {
  const holdout = Math.min(backtestPeriods, n - MIN_TRAINING_PERIODS);
  const from = n - holdout;
  const methods = setting === 'Auto' ? candidates[demandClass] : SINGLE[setting];
  let best: ForecastAccuracy | null = null;
  for (let i = 0; i < methods.length; i++) {
    const out = workspace.forecasts(methods[i], y, n, params);
    if (holdout <= 0) break;
    const accuracy = rollingOriginAccuracy(methods[i], y, n, out, from);
    if (accuracy.origins > 0 && (best === null || accuracy.mse < best.mse)) best = accuracy;
  }
  const chosen = best ? best.method : methods[0];
  const forecasts = workspace.forecasts(chosen, y, n, params);
  const next = n > 0 ? forecasts[n] : 0;
  return { method: chosen, ratePerPeriod: Number.isFinite(next) && next > 0 ? next : 0, accuracy: best, forecasts };
}

const SINGLE = Object.fromEntries(FORECAST_METHOD_NAMES.map((m) => [m, [m]])) as unknown as Record<ForecastMethod, readonly ForecastMethod[]>;
