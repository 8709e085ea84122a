/**
 * Calibration on rolling backtests (calibration.ts): the windows, the fit and the shrinkage by
 * hand, and a seeded simulation in which a model that is known to over-promise (Poisson forced on
 * clumped demand) is corrected so that promised and achieved meet on fresh data.
 */
import { calibrate, calibrationOrigins, driftWeight, fitShift, MAX_SHIFT, shrink, SHIFTS, SHRINKAGE } from '../../src/engine/calibration';
import { DEFAULT_PLAN_SETTINGS, planPartLocation, type PartLocationRequest, type PlanSettings } from '../../src/engine/plan';
import { replayBaseStock } from '../../src/engine/replay';
import { createRng } from '../../src/sample/random';
import { sampleCompoundPoisson } from '../../src/sample/samplers';

describe('calibration by hand', () => {
  test('windows: most recent first, half a holdout apart, at least 12 periods decided on, at most 4', () => {
    expect(calibrationOrigins(51, 12)).toEqual([39, 33, 27, 21]);
    expect(calibrationOrigins(27, 12)).toEqual([15]);
    expect(calibrationOrigins(23, 12)).toEqual([]);
    expect(calibrationOrigins(40, 6)).toEqual([34, 31, 28, 25]);
  });

  test('the fit: where promised − achieved changes sign, linearly between candidates', () => {
    const promised = SHIFTS.map(() => 100);
    // Achieved rises by 4 units per candidate and crosses 100 between δ = 0.25 and 0.375 (at 98 and 102).
    const zero = SHIFTS.indexOf(0);
    const filled = SHIFTS.map((_, j) => 90 + 4 * (j - zero));
    expect(fitShift({ promised, filled })).toBeCloseTo(0.25 + 0.125 * 0.5, 12);
    // Never crossing: over-promising everywhere takes the most stock (lowest δ), under-promising the least.
    expect(fitShift({ promised, filled: SHIFTS.map(() => 50) })).toBe(-MAX_SHIFT);
    expect(fitShift({ promised, filled: SHIFTS.map(() => 150) })).toBe(MAX_SHIFT);
  });

  test('shrinkage toward 0 by N / (N + 100)', () => {
    expect(SHRINKAGE).toBe(100);
    expect(shrink(1, 100)).toBe(0.5);
    expect(shrink(-0.8, 300)).toBeCloseTo(-0.6, 12);
    expect(shrink(2, 0)).toBe(0);
  });
});

test('drift between windows: positive-part James–Stein weight 1 − (s²/W)/δ², ½ for one window', () => {
  // Windows −1, −0.5, −0.6: mean −0.7, s² = (0.09 + 0.04 + 0.01)/2 = 0.07; pooled −0.7: 1 − (0.07/3)/0.49.
  expect(driftWeight(-0.7, [-1, -0.5, -0.6])).toBeCloseTo(1 - 0.07 / 3 / 0.49, 12);
  // Windows that disagree in sign: the pooled shift is mostly drift, nothing survives.
  expect(driftWeight(0.1, [1, -0.8])).toBe(0);
  expect(driftWeight(0.4, [0.4])).toBe(0.5);
  expect(driftWeight(0, [0.3, 0.2])).toBe(0);
});

describe('a model that over-promises is calibrated (seeded simulation)', () => {
  // Demand in small clumps (compound Poisson, 2 orders a period of 1.5 units on average), planned as if it were Poisson: the
  // textbook model promises more than it delivers, and the calibration learns a negative shift.
  const periods = 48;
  const count = 400;
  const rng = createRng(20261202);
  const series = Array.from({ length: count }, () => Array.from({ length: periods + 12 }, () => sampleCompoundPoisson(rng, 2, 0.5, 2)));
  const settings: PlanSettings = { ...DEFAULT_PLAN_SETTINGS, distribution: 'Poisson', fillRateModel: 'Classic', forecastMethod: 'SES' };
  const request = (y: number[], n: number): PartLocationRequest => ({ demand: y, periods: n, leadTimePeriods: 1, targetFillRate: 0.9, unitCost: 1, holdingCostRate: 0.25, penaltyPerMiss: 0 });
  const calibration = calibrate(count, periods, (i) => request(series[i], periods), settings);

  /** Decide on the first 48 periods and replay the next 12 (data the calibration never saw). */
  function fresh(planSettings: PlanSettings) {
    let demand = 0;
    let filled = 0;
    let promised = 0;
    for (const y of series) {
      const plan = planPartLocation(request(y, periods), planSettings);
      const outcome = replayBaseStock(y, periods, periods + 12, plan.stock, 1);
      demand += outcome.demand;
      filled += outcome.filled;
      promised += plan.fillRate * outcome.demand;
    }
    return { promised: promised / demand, achieved: filled / demand };
  }

  test('the shift is negative and the in-sample windows meet once calibrated', () => {
    const shift = calibration.shifts.smooth + calibration.shifts.erratic + calibration.shifts.intermittent + calibration.shifts.lumpy;
    expect(shift).toBeLessThan(-0.3);
    expect(calibration.cells.length).toBeGreaterThan(0);
    let gapBefore = 0;
    let gapAfter = 0;
    let demand = 0;
    for (const cell of calibration.cells) {
      gapBefore += (cell.promisedFillRate - cell.achievedFillRate) * cell.demand;
      gapAfter += (cell.calibratedPromisedFillRate - cell.calibratedAchievedFillRate) * cell.demand;
      demand += cell.demand;
    }
    expect(gapBefore / demand).toBeGreaterThan(0.03);
    expect(Math.abs(gapAfter / demand)).toBeLessThan(0.01);
  });

  test('on the next 12 periods the calibrated promise is closer to what is achieved', () => {
    const before = fresh(settings);
    const after = fresh({ ...settings, calibrationShifts: calibration.shifts });
    expect(before.promised - before.achieved).toBeGreaterThan(0.03);
    expect(Math.abs(after.promised - after.achieved)).toBeLessThan(Math.abs(before.promised - before.achieved) / 2);
  });
});
