/**
 * SPP.FORECAST, SPP.DEMANDCLASS, SPP.ADI and SPP.CV2 against independent references: R's
 * forecast::croston on the 2,509 full car-parts series (../shared/reference/carparts), and hand
 * calculations shown in the comments. Histories are passed as Excel passes a range: a 2-D array.
 */
import { loadCarParts, loadCrostonReference } from '../../bench/reference-data';
import { FORECAST_METHOD_CHOICES } from '../../src/functions/choices';
import { adi, cv2, demandClass, forecast } from '../../src/functions/demand';
import { column, failure, row } from './helpers';

describe('SPP.FORECAST with Croston against R forecast::croston (alpha 0.1), car-parts data', () => {
  const series = new Map(loadCarParts().map((s) => [s.part, s.quantities]));
  const reference = loadCrostonReference();

  test('every full series, on the first 39 months (a column) and on all 51 (a row), to 1e-12 relative', () => {
    expect(reference).toHaveLength(2509);
    let worst = 0;
    for (const { part, first39, all51 } of reference) {
      const y = series.get(part)!;
      const early = forecast(column(y.slice(0, 39)), 'Croston', 0.1);
      const late = forecast(row(y), 'croston', 0.1);
      worst = Math.max(worst, Math.abs(early - first39) / Math.max(1e-300, first39), Math.abs(late - all51) / Math.max(1e-300, all51));
    }
    expect(worst).toBeLessThan(1e-12);
  });

  test('SBA is Croston × (1 − α/2) on the same series', () => {
    for (const { part, all51 } of reference.slice(0, 200)) {
      expect(forecast(row(series.get(part)!), 'SBA', 0.1)).toBeCloseTo(all51 * 0.95, 12);
    }
  });
});

describe('SPP.FORECAST by hand', () => {
  // y = 0 0 3 0 1 0 0 2 (oldest first), α = 0.1, β = 0.2.
  const y = [0, 0, 3, 0, 1, 0, 0, 2];

  test('Croston: first size 3 and first interval 3 (counted from the start), then smoothed at each demand', () => {
    // After period 5: z = 3 + 0.1(1 − 3) = 2.8, p = 3 + 0.1(2 − 3) = 2.9. After period 8: z = 2.8 + 0.1(2 − 2.8) = 2.72,
    // p = 2.9 + 0.1(3 − 2.9) = 2.91. Forecast z / p.
    expect(forecast(row(y), 'Croston', 0.1)).toBeCloseTo(2.72 / 2.91, 14);
  });

  test('TSB: probability smoothed every period with β, size at demands with α', () => {
    // Start at the first demand (period 3): z = 3, π = 1/3. Period 4: π = 0.8π; 5: π += 0.2(1 − π), z = 2.8;
    // 6, 7: π = 0.8π; 8: π += 0.2(1 − π), z = 2.72. Forecast π·z.
    let p = 1 / 3;
    p *= 0.8;
    p += 0.2 * (1 - p);
    p *= 0.8 * 0.8;
    p += 0.2 * (1 - p);
    expect(forecast(column(y), 'TSB', 0.1, 0.2)).toBeCloseTo(p * 2.72, 14);
  });

  test('SES starts at the first observation; MovingAverage averages the last window periods', () => {
    let level = 0;
    for (const d of y.slice(1)) level += 0.3 * (d - level);
    expect(forecast(row(y), 'SES', 0.3)).toBeCloseTo(level, 14);
    expect(forecast(row(y), 'MovingAverage', null, null, 3)).toBeCloseTo((0 + 0 + 2) / 3, 14);
    expect(forecast(row(y), 'Moving Average', null, null, 4)).toBeCloseTo((1 + 0 + 0 + 2) / 4, 14);
    expect(forecast(row(y), 'MovingAverage')).toBeCloseTo(6 / 8, 14); // default window 12 > 8 periods: all of them
  });

  test('defaults: alpha 0.1 and method Auto, choosing by one-step MSE over the held-out origins', () => {
    expect(forecast(row(y), 'Croston')).toBe(forecast(row(y), 'Croston', 0.1));
    // Intermittent (ADI 8/3 > 1.32, CV² 0.25 <= 0.49): candidates SBA, Croston. 8 periods leave
    // min(12, 8 − 6) = 2 origins, periods 7 and 8 (demand 0 and 2), both forecast after period 5 as
    // c = 2.8 / 2.9 = 0.966 (Croston) and 0.95c = 0.917 (SBA). MSE(x) = (x² + (x − 2)²) / 2 is least
    // at x = 1, so Croston, nearer 1, wins; Auto then forecasts Croston's 2.72 / 2.91.
    expect(forecast(row(y))).toBe(forecast(row(y), 'Croston'));
    expect(forecast(row(y), 'auto')).toBeCloseTo(2.72 / 2.91, 14);
    // Three periods: nothing to backtest, so the class's first candidate (smooth: SES).
    expect(forecast(row([2, 3, 2]))).toBe(forecast(row([2, 3, 2]), 'SES'));
  });

  test('empty cells are periods without demand', () => {
    const blanks = [['', null, 3, '', 1, null, '  ', 2]];
    expect(forecast(blanks, 'Croston')).toBe(forecast(row(y), 'Croston'));
    expect(demandClass(blanks)).toBe('intermittent');
  });

  test('no demand at all forecasts 0', () => {
    expect(forecast(row([0, 0, 0]))).toBe(0);
    expect(forecast([['', '']], 'Croston')).toBe(0);
  });

  test('bad arguments', () => {
    expect(failure(() => forecast(row(y), 'Holt'))).toEqual(['#VALUE!', `method must be one of ${FORECAST_METHOD_CHOICES.join(', ')}, found "Holt"`]);
    expect(failure(() => forecast(row(y), 'SES', 0))).toEqual(['#NUM!', 'alpha must be a number > 0 and <= 1, found 0']);
    expect(failure(() => forecast(row(y), 'TSB', 0.1, 1.5))).toEqual(['#NUM!', 'beta must be a number > 0 and <= 1, found 1.5']);
    expect(failure(() => forecast(row(y), 'MovingAverage', null, null, 2.5))).toEqual(['#NUM!', 'window must be a whole number >= 1, found 2.5']);
    expect(failure(() => forecast([['Part', 1, 2]]))).toEqual(['#VALUE!', 'history_range period 1 of 3 (row 1, column 1 of the range) must be a number, found "Part"']);
  });
});

describe('SPP.DEMANDCLASS, SPP.ADI and SPP.CV2 (Syntetos–Boylan cut-offs ADI 1.32, CV² 0.49)', () => {
  test.each([
    // history, ADI = n / non-zero periods, CV² = (s/m)² of the sizes (s with divisor k − 1), class
    ['0 0 3 0 1 0 0 2', [0, 0, 3, 0, 1, 0, 0, 2], 8 / 3, 0.25, 'intermittent'], // sizes 3 1 2: m 2, s 1
    ['5 5 5 5', [5, 5, 5, 5], 1, 0, 'smooth'],
    ['1 9 1 9', [1, 9, 1, 9], 1, 64 / 75, 'erratic'], // m 5, s² = 4·16/3 = 64/3 → CV² = (64/3)/25
    ['0 10 0 0 1 0', [0, 10, 0, 0, 1, 0], 3, 81 / 2 / (5.5 * 5.5), 'lumpy'], // sizes 10 1: m 5.5, s² = 40.5
    ['0 0 4 0', [0, 0, 4, 0], 4, 0, 'intermittent'], // one demand: CV² 0 by convention
  ])('%s', (_label, y, expectedAdi, expectedCv2, expectedClass) => {
    expect(adi(row(y))).toBeCloseTo(expectedAdi, 14);
    expect(cv2(column(y))).toBeCloseTo(expectedCv2 as number, 14);
    expect(demandClass(row(y))).toBe(expectedClass);
  });

  test('no demand: class none, and ADI and CV² divide by zero (#DIV/0!)', () => {
    expect(demandClass(row([0, 0, 0]))).toBe('none');
    expect(failure(() => adi(row([0, 0, 0])))).toEqual(['#DIV/0!', 'ADI is undefined: no period of the history has demand']);
    expect(failure(() => cv2([['', '']]))[0]).toBe('#DIV/0!');
  });
});
