import { crostonForecasts, sbaForecasts } from './croston';
import { movingAverageForecasts } from './moving-average';
import { sesForecasts } from './ses';
import { tsbForecasts } from './tsb';
import type { ForecastMethod, OneStepForecaster } from './types';

export * from './types';

export const FORECASTERS: Readonly<Record<ForecastMethod, OneStepForecaster>> = {
  Croston: (y, n, p, out) => crostonForecasts(y, n, p, out),
  SBA: sbaForecasts,
  TSB: tsbForecasts,
  SES: sesForecasts,
  MovingAverage: movingAverageForecasts,
};
