import { demandProfile } from '../../src/engine/classify';
import { DEFAULT_PLAN_SETTINGS, planPartLocation, type PartLocationRequest } from '../../src/engine/plan';
import { planSettingsFrom } from '../../src/engine/portfolio';
import { forecastErrorVariance, perPeriodVariance } from '../../src/engine/variance';
import { defaultSettings } from '../../src/pipeline/validateSettings';

const f = (...values: number[]) => Float64Array.from(values);

describe('forecast-error variance: mean squared one-step error over the periods that have a forecast', () => {
  test('by hand: divisor = number of forecasts, not periods', () => {
    // y = 2, 0, 4, 1 with forecasts –, 2, 1, 3: errors y − f = −2, 3, −2 → (4 + 9 + 4) / 3 = 17/3.
    // (Divided by the 4 periods it would be 4.25; by 3 − 1 it would be 8.5.)
    expect(forecastErrorVariance([2, 0, 4, 1], 4, f(NaN, 2, 1, 3, 9))).toBeCloseTo(17 / 3, 14);
  });

  test('only the first n periods count; the forecast after the history (f[n]) is not an error', () => {
    // n = 3: errors −2 and 3 → 13 / 2.
    expect(forecastErrorVariance([2, 0, 4, 1], 3, f(NaN, 2, 1, 3, 9))).toBeCloseTo(6.5, 14);
  });

  test('a NaN forecast anywhere is skipped, and no forecast at all gives 0', () => {
    // Errors at t = 0 (2 − 1 = 1) and t = 3 (1 − 0 = 1): (1 + 1) / 2 = 1.
    expect(forecastErrorVariance([2, 0, 4, 1], 4, f(1, NaN, NaN, 0, 9))).toBe(1);
    expect(forecastErrorVariance([2, 0, 4, 1], 4, f(NaN, NaN, NaN, NaN, NaN))).toBe(0);
    expect(forecastErrorVariance([], 0, f(NaN))).toBe(0);
  });
});

describe('per-period variance estimates', () => {
  // y = 0, 2, 0, 4, 0, 6, 0, 8: mean 2.5, Σ(y − 2.5)² = 4·6.25 + 0.25 + 2.25 + 12.25 + 30.25 = 70,
  // sample variance 70 / (8 − 1) = 10 (with the divisor n it would be 8.75).
  const y = [0, 2, 0, 4, 0, 6, 0, 8];
  const profileOf = () => demandProfile(y);
  // Forecasts of 2.5 from period 1 on: errors y − 2.5 over t = 1 … 7 = −0.5, −2.5, 1.5, −2.5, 3.5, −2.5, 5.5;
  // squares 0.25 + 6.25 + 2.25 + 6.25 + 12.25 + 6.25 + 30.25 = 63.75 → 63.75 / 7 = 9.107142857…
  const level = f(NaN, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5);
  // Forecasts of 0: squares 4 + 0 + 16 + 0 + 36 + 0 + 64 = 120 → 120 / 7 = 17.142857…
  const zero = f(NaN, 0, 0, 0, 0, 0, 0, 0, 0);

  test('the sample variance uses the divisor n − 1', () => {
    const profile = profileOf();
    expect(profile.variancePerPeriod).toBeCloseTo(10, 13);
    expect(perPeriodVariance('sample', y, 8, level, 1, profile)).toBeCloseTo(10, 13);
    expect(perPeriodVariance('sample', y, 8, zero, 1, profile)).toBeCloseTo(10, 13);
  });

  test('forecastError is the MSE of the one-step forecasts', () => {
    const profile = profileOf();
    expect(perPeriodVariance('forecastError', y, 8, level, 1, profile)).toBeCloseTo(63.75 / 7, 13);
    expect(perPeriodVariance('forecastError', y, 8, zero, 1, profile)).toBeCloseTo(120 / 7, 13);
  });

  test('max is the larger of the two, whichever it is', () => {
    const profile = profileOf();
    expect(perPeriodVariance('max', y, 8, level, 1, profile)).toBeCloseTo(10, 13); // sample 10 > 9.107
    expect(perPeriodVariance('max', y, 8, zero, 1, profile)).toBeCloseTo(120 / 7, 13); // 17.14 > sample 10
  });

  test('never below the rate (demand at least as variable as Poisson)', () => {
    const profile = profileOf();
    expect(perPeriodVariance('sample', y, 8, level, 12, profile)).toBe(12);
    expect(perPeriodVariance('forecastError', y, 8, level, 12, profile)).toBe(12);
    expect(perPeriodVariance('max', y, 8, zero, 20, profile)).toBe(20);
    // Exactly at the rate either way.
    expect(perPeriodVariance('sample', y, 8, level, 10, profile)).toBeCloseTo(10, 13);
  });
});

describe('the default variance estimate is Max', () => {
  test('the contract default (Max) maps to max, and each setting to its estimate', () => {
    expect(planSettingsFrom(defaultSettings()).varianceEstimate).toBe('max');
    expect(planSettingsFrom({ ...defaultSettings(), varianceEstimate: 'Sample' }).varianceEstimate).toBe('sample');
    expect(planSettingsFrom({ ...defaultSettings(), varianceEstimate: 'ForecastError' }).varianceEstimate).toBe('forecastError');
    expect(DEFAULT_PLAN_SETTINGS.varianceEstimate).toBe('max');
  });

  test('the engine defaults equal the contract defaults', () => {
    expect(planSettingsFrom(defaultSettings())).toEqual(DEFAULT_PLAN_SETTINGS);
  });

  test('a plan with the defaults uses the larger estimate, on series where either one is larger', () => {
    const request = (demand: number[]): PartLocationRequest => ({ demand, periods: demand.length, leadTimePeriods: 1, targetFillRate: 0.9, unitCost: 1, holdingCostRate: 0.25, penaltyPerMiss: 0 });
    const plan = (demand: number[], varianceEstimate = DEFAULT_PLAN_SETTINGS.varianceEstimate) => planPartLocation(request(demand), { ...DEFAULT_PLAN_SETTINGS, varianceEstimate });
    // Auto picks the 12-period moving average for both series (its last 12 one-step errors are 0).
    //
    // A level shift, 12 × 1 then 12 × 9: mean 5, sample variance 24·16 / 23 = 384/23 = 16.696.
    // MA(12) forecasts 1 up to period 12, then 1 + 8k/12 in period 12 + k (k = 0 … 11): errors
    // 8(12 − k)/12, Σ squares = 64/144 · Σ_{j=1..12} j² = 64/144 · 650; over 23 forecasts = 12.560.
    const shift = [...new Array(12).fill(1), ...new Array(12).fill(9)];
    // One early spike, 20 then 23 × 1: mean 43/24, Σ(y − m)² = 423 − 24·(43/24)² = 8303/24,
    // sample variance 8303/552 = 15.042. MA forecasts (20 + t − 1)/t in period t ≤ 12: errors −19/t,
    // then 0: Σ squares = 361 · Σ_{t=1..12} 1/t²; over 23 forecasts = 24.563.
    const spike = [20, ...new Array(23).fill(1)];
    const sumInverseSquares = Array.from({ length: 12 }, (_, i) => 1 / (i + 1) ** 2).reduce((a, b) => a + b);
    const cases = [
      { series: shift, sample: 384 / 23, forecastError: ((64 / 144) * 650) / 23 },
      { series: spike, sample: 8303 / 552, forecastError: (361 * sumInverseSquares) / 23 },
    ];
    for (const { series, sample, forecastError } of cases) {
      expect(plan(series).method).toBe('MovingAverage');
      expect(plan(series, 'sample').variancePerPeriod).toBeCloseTo(sample, 12);
      expect(plan(series, 'forecastError').variancePerPeriod).toBeCloseTo(forecastError, 12);
      expect(plan(series).variancePerPeriod).toBeCloseTo(Math.max(sample, forecastError), 12);
    }
  });
});
