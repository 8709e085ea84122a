/**
 * Custom functions for a demand history: the Syntetos–Boylan classification (ADI, CV², class) and
 * the forecast per period (docs/methods.md §2–3). Thin wrappers over the engine's classify.ts and
 * forecast/, the code behind the analysis' SPP Demand Profile sheet.
 *
 * A history is one row or one column of periods, oldest first; empty cells are periods without
 * demand (arguments.ts, demandHistory).
 */
import { demandProfile, type DemandProfile } from '../engine/classify';
import { chooseForecast, ForecastWorkspace } from '../engine/forecast/selection';
import { DEFAULT_PLAN_SETTINGS } from '../engine/plan';
import { choice, demandHistory, optionalNumber } from './arguments';
import { DEFAULT_FORECAST_METHOD, FORECAST_METHOD_CHOICES, settingRule } from './choices';
import { divisionByZero } from './errors';

/** The bounds of the Alpha, Beta and MovingAverageWindow settings. */
const RULES = { alpha: settingRule('Alpha'), beta: settingRule('Beta'), window: settingRule('MovingAverageWindow') };

/** Reused for every call (calculation is single-threaded); startSeries() forgets the previous history. */
const workspace = new ForecastWorkspace();

function profileOf(history_range: unknown[][]): DemandProfile {
  return demandProfile(demandHistory('history_range', history_range));
}

/**
 * Forecast demand per period after the history, by an intermittent-demand method or chosen by Auto.
 * @customfunction
 * @param history_range Demand per period, one row or one column, oldest first; empty cells count as 0.
 * @param [method] Auto (default), Croston, SBA, TSB, SES or MovingAverage.
 * @param [alpha] Smoothing constant of SES and of Croston, SBA and TSB sizes, > 0 and <= 1 (default 0.1).
 * @param [beta] TSB smoothing constant of the demand probability, > 0 and <= 1 (default 0.1).
 * @param [window] Periods averaged by MovingAverage, a whole number >= 1 (default 12).
 * @returns Forecast demand per period in units.
 */
export function forecast(history_range: unknown[][], method?: unknown, alpha?: unknown, beta?: unknown, window?: unknown): number {
  const y = demandHistory('history_range', history_range);
  const defaults = DEFAULT_PLAN_SETTINGS.forecast;
  const setting = choice('method', method, FORECAST_METHOD_CHOICES, DEFAULT_FORECAST_METHOD);
  const params = {
    alpha: optionalNumber('alpha', alpha, defaults.alpha, RULES.alpha),
    beta: optionalNumber('beta', beta, defaults.beta, RULES.beta),
    movingAverageWindow: optionalNumber('window', window, defaults.movingAverageWindow, RULES.window),
  };
  workspace.startSeries();
  const profile = demandProfile(y);
  // Auto backtests over the default BacktestPeriods, as the analysis does with default settings.
  return chooseForecast(y, y.length, profile.demandClass, setting, params, DEFAULT_PLAN_SETTINGS.backtestPeriods, workspace).ratePerPeriod;
}

/**
 * Demand class after Syntetos & Boylan: smooth, erratic, intermittent or lumpy (none without demand).
 * @customfunction
 * @param history_range Demand per period, one row or one column, oldest first; empty cells count as 0.
 * @returns smooth, erratic, intermittent, lumpy or none.
 */
export function demandClass(history_range: unknown[][]): string {
  return profileOf(history_range).demandClass;
}

/**
 * Average inter-demand interval: periods in the history / periods with demand.
 * @customfunction
 * @param history_range Demand per period, one row or one column, oldest first; empty cells count as 0.
 * @returns ADI in periods; #DIV/0! when no period has demand.
 */
export function adi(history_range: unknown[][]): number {
  const profile = profileOf(history_range);
  if (profile.nonZeroPeriods === 0) throw divisionByZero('ADI is undefined: no period of the history has demand');
  return profile.adi;
}

/**
 * Squared coefficient of variation of the non-zero demand sizes, (s / m)²; 0 with fewer than two demands.
 * @customfunction
 * @param history_range Demand per period, one row or one column, oldest first; empty cells count as 0.
 * @returns CV²; #DIV/0! when no period has demand.
 */
export function cv2(history_range: unknown[][]): number {
  const profile = profileOf(history_range);
  if (profile.nonZeroPeriods === 0) throw divisionByZero('CV² is undefined: no period of the history has demand');
  return profile.cv2;
}
