import { loadCarParts, loadCrostonReference } from '../../bench/reference-data';
import { crostonForecasts, sbaForecasts } from '../../src/engine/forecast/croston';
import { movingAverageForecasts } from '../../src/engine/forecast/moving-average';
import { chooseForecast, ForecastWorkspace, rollingOriginAccuracy } from '../../src/engine/forecast/selection';
import { sesForecasts } from '../../src/engine/forecast/ses';
import { tsbForecasts } from '../../src/engine/forecast/tsb';

const params = { alpha: 0.1, beta: 0.1, movingAverageWindow: 3 };

function forecasts(fn: typeof crostonForecasts, y: number[], p = params): number[] {
  const out = new Float64Array(y.length + 1);
  fn(y, y.length, p, out);
  return [...out];
}

describe('Croston against R forecast::croston (alpha 0.1) on the 2,509 full car-parts series', () => {
  const series = new Map(loadCarParts().map((s) => [s.part, s.quantities]));
  const reference = loadCrostonReference();

  test('the reference covers every full-length series', () => {
    expect(reference).toHaveLength(2509);
    for (const row of reference) expect(series.get(row.part)).toHaveLength(51);
  });

  test('fitted on the first 39 months and on all 51 months, to floating-point precision', () => {
    const out = new Float64Array(52);
    let worst = 0;
    for (const row of reference) {
      const y = series.get(row.part)!;
      crostonForecasts(y, 39, { ...params, alpha: 0.1 }, out);
      worst = Math.max(worst, Math.abs(out[39] - row.first39) / Math.max(1e-300, Math.abs(row.first39)));
      crostonForecasts(y, 51, { ...params, alpha: 0.1 }, out);
      worst = Math.max(worst, Math.abs(out[51] - row.all51) / Math.max(1e-300, Math.abs(row.all51)));
    }
    expect(worst).toBeLessThan(1e-12);
  });
});

describe('forecast methods by hand', () => {
  const y = [0, 0, 3, 0, 1, 0, 0, 2];

  test('Croston: first size and first interval from the start of the series as starting levels', () => {
    // Demand at periods 3, 5, 8 (1-based): size 3 → 3 + 0.1(1 − 3) = 2.8 → 2.8 + 0.1(2 − 2.8) = 2.72;
    // interval 3 → 3 + 0.1(2 − 3) = 2.9 → 2.9 + 0.1(3 − 2.9) = 2.91.
    const f = forecasts(crostonForecasts, y);
    expect(f[0]).toBeNaN();
    expect(f.slice(1, 3)).toEqual([0, 0]);
    expect(f[3]).toBeCloseTo(3 / 3, 15);
    expect(f[4]).toBeCloseTo(3 / 3, 15);
    expect(f[5]).toBeCloseTo(2.8 / 2.9, 15);
    expect(f[7]).toBeCloseTo(2.8 / 2.9, 15);
    expect(f[8]).toBeCloseTo(2.72 / 2.91, 15);
  });

  test('SBA = Croston × (1 − α/2)', () => {
    const croston = forecasts(crostonForecasts, y);
    const sba = forecasts(sbaForecasts, y);
    for (let t = 1; t <= y.length; t++) expect(sba[t]).toBeCloseTo(croston[t] * 0.95, 15);
  });

  test('TSB: probability smoothed every period, size only on demand', () => {
    // First demand at period 3: p = 1/3, z = 3. Period 4 (0): p = 1/3·0.9 = 0.3. Period 5 (1):
    // p = 0.3 + 0.1·0.7 = 0.37, z = 3 + 0.1(1 − 3) = 2.8. Periods 6, 7 (0): p = 0.37·0.81 = 0.2997.
    // Period 8 (2): p = 0.2997 + 0.1·0.7003 = 0.36973, z = 2.8 + 0.1(2 − 2.8) = 2.72.
    const f = forecasts(tsbForecasts, y);
    expect(f[2]).toBe(0);
    expect(f[3]).toBeCloseTo(1, 15);
    expect(f[4]).toBeCloseTo(0.9, 15);
    expect(f[5]).toBeCloseTo(0.37 * 2.8, 15);
    expect(f[7]).toBeCloseTo(0.2997 * 2.8, 15);
    expect(f[8]).toBeCloseTo(0.36973 * 2.72, 14);
  });

  test('SES starts at the first observation', () => {
    const f = forecasts(sesForecasts, [4, 2, 6]);
    // l = 4 → 4 + 0.1(2 − 4) = 3.8 → 3.8 + 0.1(6 − 3.8) = 4.02
    expect(f[0]).toBeNaN();
    expect(f.slice(1)).toEqual([4, expect.closeTo(3.8, 15), expect.closeTo(4.02, 15)]);
  });

  test('moving average over the last N periods', () => {
    const f = forecasts(movingAverageForecasts, [3, 0, 6, 9, 0]);
    expect(f.slice(1)).toEqual([3, 1.5, 3, 5, 5]);
  });
});

describe('Auto: rolling-origin selection', () => {
  test('accuracy is measured only on the held-out origins, as forecast − actual', () => {
    const y = [1, 1, 1, 1, 5, 1];
    const f = new Float64Array([NaN, 1, 1, 1, 1, 1, 1]);
    expect(rollingOriginAccuracy('SES', y, 6, f, 4)).toEqual({ method: 'SES', origins: 2, mae: 2, bias: -2, mse: 8 });
  });

  test('picks the candidate with the lowest mean squared error', () => {
    // A level shift: the 3-period moving average catches up faster than SES with α = 0.1.
    // Held-out periods 8…13 (0-based), forecasts from the 3-period average of the 3 before:
    // 2, 4.33, 6.67, 9, 9, 9 against actual 9s → errors −7, −4.67, −2.33, 0, 0, 0.
    const y = [2, 2, 2, 2, 2, 2, 2, 2, 9, 9, 9, 9, 9, 9];
    const choice = chooseForecast(y, y.length, 'smooth', 'Auto', params, 6, new ForecastWorkspace());
    expect(choice.method).toBe('MovingAverage');
    expect(choice.ratePerPeriod).toBe(9);
    expect(choice.accuracy!.mse).toBeCloseTo((49 + (14 / 3) ** 2 + (7 / 3) ** 2) / 6, 12);
    expect(choice.accuracy!.bias).toBeCloseTo(-(7 + 14 / 3 + 7 / 3) / 6, 12);
    // SES with α = 0.1 is slower: its first held-out error alone is −7 and later ones stay large.
    const ses = chooseForecast(y, y.length, 'smooth', 'SES', params, 6, new ForecastWorkspace());
    expect(ses.accuracy!.mse).toBeGreaterThan(choice.accuracy!.mse);
  });

  test('too short to backtest: the first candidate of the class, no accuracy', () => {
    const choice = chooseForecast([0, 2, 0, 1], 4, 'lumpy', 'Auto', params, 12, new ForecastWorkspace());
    expect(choice.method).toBe('SBA');
    expect(choice.accuracy).toBeNull();
  });
});
