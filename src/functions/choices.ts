/**
 * The named choices of the custom functions (fill-rate model, forecast method, period length) and
 * their defaults, taken from the engine and the workbook contract rather than restated here, so a
 * new engine model or a changed default reaches the grid without touching the functions.
 */
import type { FillRateModel } from '../engine/base-stock';
import { FORECAST_METHOD_NAMES, type ForecastMethod } from '../engine/forecast/types';
import { DEFAULT_PLAN_SETTINGS } from '../engine/plan';
import { SETTINGS_SPEC, tableSpec, type TableName } from '../model/contract';
import type { PeriodLength } from '../model/types';
import type { NumberRule } from './arguments';

/**
 * Every fill-rate model of the engine, with the one-line help the function's documentation gives.
 * A Record over the engine's type: a model added to the engine does not compile until it is
 * described here, and then every fill-rate function accepts it.
 */
export const FILL_RATE_MODEL_HELP: Readonly<Record<FillRateModel, string>> = {
  Compound: 'share of demanded units filled at once when demand comes in batches',
  Classic: 'F(S − 1), the textbook fill rate for unit-sized demand',
};

export const FILL_RATE_MODELS = Object.keys(FILL_RATE_MODEL_HELP) as FillRateModel[];

/** The analysis' default (DEFAULT_PLAN_SETTINGS, the engine's calibrated defaults). */
export const DEFAULT_FILL_RATE_MODEL: FillRateModel = DEFAULT_PLAN_SETTINGS.fillRateModel;

export type ForecastMethodChoice = ForecastMethod | 'Auto';
export const FORECAST_METHOD_CHOICES: readonly ForecastMethodChoice[] = ['Auto', ...FORECAST_METHOD_NAMES];
export const DEFAULT_FORECAST_METHOD: ForecastMethodChoice = DEFAULT_PLAN_SETTINGS.forecastMethod;

function setting(key: string) {
  const spec = SETTINGS_SPEC.find((s) => s.key === key);
  if (!spec) throw new Error(`The contract has no setting ${key}`);
  return spec;
}

/** The bounds the Settings table enforces for a numeric setting, so a formula accepts what a workbook does. */
export function settingRule(key: string): NumberRule {
  const { min, minExclusive, max, maxExclusive, type } = setting(key);
  return { min, minExclusive, max, maxExclusive, integer: type === 'integer' };
}

/** The bounds an input column enforces (e.g. SLATiers.TargetFillRate: 0 < x < 1). */
export function columnRule(table: TableName, key: string): NumberRule {
  const column = tableSpec(table).columns.find((c) => c.key === key);
  if (!column) throw new Error(`The contract has no column ${table}.${key}`);
  const { min, minExclusive, max, maxExclusive, type } = column;
  return { min, minExclusive, max, maxExclusive, integer: type === 'integer' };
}

export const PERIOD_LENGTHS = setting('PeriodLength').values as readonly PeriodLength[];
export const DEFAULT_PERIOD_LENGTH = setting('PeriodLength').default as PeriodLength;

/** The measures SPP.VARIMETRIC returns; EBO is the default (the function's name is its measure). */
export const VARIMETRIC_MEASURES = ['EBO', 'FillRate', 'ReadyRate', 'ExpectedOnHand', 'PipelineMean', 'PipelineVariance'] as const;
export type VariMetricMeasure = (typeof VARIMETRIC_MEASURES)[number];

/** The measures of SPP.LASTTIMEBUY; Quantity is the default. */
export const LAST_TIME_BUY_MEASURES = ['Quantity', 'Coverage', 'ExpectedDemand', 'ExpectedNeed', 'ExpectedLeftover', 'ExpectedShortage'] as const;
export type LastTimeBuyMeasure = (typeof LAST_TIME_BUY_MEASURES)[number];

/** SPP.LASTTIMEBUYFROMHISTORY's, which add the fitted decline model. */
export const LAST_TIME_BUY_FIT_MEASURES = [...LAST_TIME_BUY_MEASURES, 'Rate', 'Decline', 'Dispersion'] as const;
export type LastTimeBuyFitMeasure = (typeof LAST_TIME_BUY_FIT_MEASURES)[number];
