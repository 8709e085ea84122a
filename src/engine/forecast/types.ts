export type ForecastMethod = 'Croston' | 'SBA' | 'TSB' | 'SES' | 'MovingAverage';

export const FORECAST_METHOD_NAMES: readonly ForecastMethod[] = ['Croston', 'SBA', 'TSB', 'SES', 'MovingAverage'];

export interface ForecastParams {
  /** Smoothing constant of SES and of the Croston/SBA/TSB size and interval levels. */
  alpha: number;
  /** TSB smoothing constant of the demand probability. */
  beta: number;
  /** Periods averaged by the moving average. */
  movingAverageWindow: number;
}

/**
 * Fills `out[t]` for t = 0 … n with the forecast of period t made from y[0 … t−1]; out[n] is the
 * forecast for the first period after the history. NaN where a method has no forecast yet
 * (before the first observation, or before the first demand for Croston-type methods).
 * One pass, O(n): a rolling-origin backtest reads its one-step forecasts straight from `out`.
 */
export type OneStepForecaster = (y: ArrayLike<number>, n: number, params: ForecastParams, out: Float64Array) => void;
