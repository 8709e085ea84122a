/**
 * Calibration on rolling backtests (calibration.ts, calibration-map.ts): the windows, the isotonic
 * map, its inverse and the shrinkage by hand, and a seeded simulation in which a model that is known
 * to over-promise (Poisson forced on clumped demand) is corrected so that promised and achieved meet
 * on fresh data.
 */
import fc from 'fast-check';
import { AIM_GRID, calibrate, calibrationOrigins, driftWeight } from '../../src/engine/calibration';
import { applyMap, blendMaps, IDENTITY_MAP, isotonicMap, mapMaximum, MAX_AIM, requiredModelFillRate, type CalibrationMap } from '../../src/engine/calibration-map';
import { stockReason } from '../../src/model/stock-action';
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

  test('the aims: σ(−1.5 + j/4), j = 0 … 34', () => {
    expect(AIM_GRID).toHaveLength(35);
    expect(AIM_GRID[0]).toBeCloseTo(1 / (1 + Math.exp(1.5)), 15);
    expect(AIM_GRID[6]).toBe(0.5);
    expect(AIM_GRID[34]).toBeCloseTo(1 / (1 + Math.exp(-7)), 15);
  });

  // Points (0.1, 0.2), (0.2, 0.5), (0.3, 0.3) of weight 2, (0.4, 0.9): the third violates the second,
  // pooled to weight 3 at x = (0.2 + 0.6)/3, y = (0.5 + 0.6)/3; anchored at (0, 0).
  const map = isotonicMap([0.3, 0.1, 0.4, 0.2], [0.3, 0.2, 0.9, 0.5], [2, 1, 1, 1]);
  test('pool-adjacent-violators, weighted', () => {
    expect(map.model).toHaveLength(4);
    [0, 0.1, 0.8 / 3, 0.4].forEach((x, k) => expect(map.model[k]).toBeCloseTo(x, 15));
    [0, 0.2, 1.1 / 3, 0.9].forEach((y, k) => expect(map.achieved[k]).toBeCloseTo(y, 15));
    expect(mapMaximum(map)).toBe(0.9);
    // Everything violating: one block at the weighted means.
    const flat = isotonicMap([0.5, 0.6], [0.8, 0.7], [1, 3]);
    expect(flat.model[1]).toBeCloseTo(0.575, 15);
    expect(flat.achieved[1]).toBeCloseTo(0.725, 15);
    expect(isotonicMap([], [], [])).toBe(IDENTITY_MAP);
  });

  test('g linear between knots, constant above them; its least inverse; an unreachable target', () => {
    // 0.3 lies a quarter of the way from 0.8/3 to 0.4: 1.1/3 + (0.9 − 1.1/3)/4 = 0.5.
    expect(applyMap(map, 0.3)).toBeCloseTo(0.5, 12);
    expect(applyMap(map, 0.05)).toBeCloseTo(0.1, 12);
    expect(applyMap(map, 0.7)).toBe(0.9);
    expect(requiredModelFillRate(map, 0.5)).toBeCloseTo(0.3, 12);
    expect(requiredModelFillRate(map, 0.1)).toBeCloseTo(0.05, 12);
    // 95 % is above what g ever reaches (90 %): the least p at which g reaches 90 %.
    expect(requiredModelFillRate(map, 0.95)).toBeCloseTo(0.4, 12);
    // Never above the highest aim backtested, σ(7).
    expect(MAX_AIM).toBeCloseTo(1 / (1 + Math.exp(-7)), 15);
    expect(requiredModelFillRate({ model: [0, 1], achieved: [0, 0.97] }, 0.99)).toBe(MAX_AIM);
  });

  test('the live decision under a map, and the reason it gives (Poisson lead-time demand of 2 units)', () => {
    // g: (0, 0), (0.5, 0.6), (0.9, 0.9). Poisson(2): F(2) = 0.6767, F(3) = 0.8571, F(4) = 0.9473.
    const g: CalibrationMap = { model: [0, 0.5, 0.9], achieved: [0, 0.6, 0.9] };
    const settings: PlanSettings = { ...DEFAULT_PLAN_SETTINGS, distribution: 'Poisson', fillRateModel: 'Classic', calibrationMaps: { smooth: [g, g, g], erratic: [g, g, g], intermittent: [g, g, g], lumpy: [g, g, g] } };
    const request = (target: number): PartLocationRequest => ({ demand: new Array(24).fill(2), periods: 24, leadTimePeriods: 1, targetFillRate: target, unitCost: 1, holdingCostRate: 0.25, penaltyPerMiss: 0 });
    const F = (s: number) => { let c = 0; let term = Math.exp(-2); for (let k = 0; k <= s; k++) { c += term; term *= 2 / (k + 1); } return c; };
    // 80 %: g reaches it at p = 0.5 + 0.4 × (0.2/0.3) = 0.7667, the least S with F(S − 1) ≥ 0.7667 is 4; promise g(F(3)).
    const reachable = planPartLocation(request(0.8), settings);
    expect(reachable.stock).toBe(4);
    expect(reachable.modelFillRate).toBeCloseTo(F(3), 12);
    expect(reachable.fillRate).toBeCloseTo(0.6 + (0.3 * (F(3) - 0.5)) / 0.4, 12);
    expect(stockReason({ plan: reachable, targetFillRate: 0.8, criticality: 'Standard', slaTier: null, leadTimeDays: 30 })).toMatch(/^Stocked 4: calibrated fill rate 86\.8% \(model 85\.7%\) meets the Standard parts’ target of 80%/);
    // 95 %: out of reach (g ≤ 90 %): the least S with F(S − 1) ≥ 0.9 is 5, and it promises 90 %.
    const unreachable = planPartLocation(request(0.95), settings);
    expect(unreachable.stock).toBe(5);
    expect(unreachable.fillRate).toBeCloseTo(0.9, 12);
    expect(stockReason({ plan: unreachable, targetFillRate: 0.95, criticality: 'Standard', slaTier: null, leadTimeDays: 30 })).toMatch(/^Stocked 5: the Standard parts’ target of 95% is out of reach on the backtests of your history, which achieved at most 90% at this stock \(model 94\.7%\)/);
  });

  test('blending with the identity: halfway at weight ½', () => {
    expect(applyMap(blendMaps(map, IDENTITY_MAP, 0.5), 0.3)).toBeCloseTo(0.4, 12);
    expect(blendMaps(map, IDENTITY_MAP, 1)).toBe(map);
    expect(blendMaps(map, IDENTITY_MAP, 0)).toBe(IDENTITY_MAP);
  });
});

test('drift between windows: positive-part James–Stein weight 1 − Σ s²/W ÷ Σ (g − p)², ½ for one window', () => {
  const offset = (d: number): CalibrationMap => ({ model: [0, 1], achieved: [d, 1 + d] });
  // Windows correct by −0.02 and −0.04 everywhere, the pooled map by −0.03: s² = 0.0002, s²/W = 0.0001 against 0.0009.
  expect(driftWeight(offset(-0.03), [offset(-0.02), offset(-0.04)])).toBeCloseTo(1 - 0.0001 / 0.0009, 12);
  // Windows that disagree in sign: the pooled correction is mostly drift, nothing survives.
  expect(driftWeight(offset(0.005), [offset(0.05), offset(-0.04)])).toBe(0);
  expect(driftWeight(offset(0.04), [offset(0.04)])).toBe(0.5);
  expect(driftWeight(IDENTITY_MAP, [offset(0.01), offset(0.02)])).toBe(0);
});

test('property: the isotonic map is non-decreasing, and so is the stock it asks for as the target rises', () => {
  const point = fc.record({ x: fc.double({ min: 0, max: 1, noNaN: true }), y: fc.double({ min: 0, max: 1, noNaN: true }), w: fc.double({ min: 0.01, max: 10, noNaN: true }) });
  fc.assert(
    fc.property(fc.array(point, { minLength: 1, maxLength: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (points, a, b) => {
      const m = isotonicMap(points.map((p) => p.x), points.map((p) => p.y), points.map((p) => p.w));
      const [lo, hi] = a < b ? [a, b] : [b, a];
      expect(applyMap(m, lo)).toBeLessThanOrEqual(applyMap(m, hi) + 1e-12);
      expect(requiredModelFillRate(m, lo)).toBeLessThanOrEqual(requiredModelFillRate(m, hi) + 1e-12);
      // The least inverse reaches its target (or g's maximum), unless it is held at the highest aim.
      const p = requiredModelFillRate(m, hi);
      if (p < MAX_AIM) expect(applyMap(m, p)).toBeGreaterThanOrEqual(Math.min(hi, mapMaximum(m)) - 1e-9);
    }),
  );
});

describe('a model that over-promises is calibrated (seeded simulation)', () => {
  // Demand in small clumps (compound Poisson, 2 orders a period of 1.5 units on average), planned as if it were Poisson: the
  // textbook model promises more than it delivers, and the calibration learns a map below the identity.
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

  test('the map lies below the identity and the in-sample windows meet once calibrated', () => {
    const classes = Object.entries(calibration.observations).filter(([, n]) => n > 0).map(([c]) => c as keyof typeof calibration.maps);
    expect(classes.length).toBeGreaterThan(0);
    // Lead time 1 period: the band 1 to 2 periods.
    for (const c of classes) expect(applyMap(calibration.maps![c][1], 0.9)).toBeLessThan(0.9);
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
    const after = fresh({ ...settings, calibrationMaps: calibration.maps! });
    expect(before.promised - before.achieved).toBeGreaterThan(0.03);
    expect(Math.abs(after.promised - after.achieved)).toBeLessThan(Math.abs(before.promised - before.achieved) / 2);
  });
});

describe('lead times of half a period and of three periods in one portfolio: each band gets its own map (seeded simulation)', () => {
  // The same clumped demand as above, planned as Poisson; half the part-locations at ½ period, half at 3 periods.
  const periods = 48;
  const count = 400;
  const rng = createRng(20261203);
  const series = Array.from({ length: count }, () => Array.from({ length: periods + 12 }, () => sampleCompoundPoisson(rng, 2, 0.5, 2)));
  const leadTime = (i: number) => (i % 2 === 0 ? 0.5 : 3);
  const settings: PlanSettings = { ...DEFAULT_PLAN_SETTINGS, distribution: 'Poisson', fillRateModel: 'Classic', forecastMethod: 'SES' };
  const request = (i: number): PartLocationRequest => ({ demand: series[i], periods, leadTimePeriods: leadTime(i), targetFillRate: 0.9, unitCost: 1, holdingCostRate: 0.25, penaltyPerMiss: 0 });
  const calibration = calibrate(count, periods, request, settings);

  /** Promised − achieved on the next 12 periods (never seen by the calibration), for the part-locations at one lead time. */
  function gap(planSettings: PlanSettings, L: number): number {
    let demand = 0;
    let filled = 0;
    let promised = 0;
    series.forEach((y, i) => {
      if (leadTime(i) !== L) return;
      const plan = planPartLocation(request(i), planSettings);
      const outcome = replayBaseStock(y, periods, periods + 12, plan.stock, L);
      demand += outcome.demand;
      filled += outcome.filled;
      promised += plan.fillRate * outcome.demand;
    });
    return (promised - filled) / demand;
  }

  test('the bands’ maps differ, and in each band the calibrated promise is within a point of what is achieved', () => {
    const calibrated = { ...settings, calibrationMaps: calibration.maps! };
    const c = (['smooth', 'erratic', 'intermittent', 'lumpy'] as const).reduce((best, k) => (calibration.observations[k] > calibration.observations[best] ? k : best));
    expect(Math.abs(applyMap(calibration.maps![c][0], 0.9) - applyMap(calibration.maps![c][2], 0.9))).toBeGreaterThan(0.01);
    for (const L of [0.5, 3]) {
      const before = gap(settings, L);
      const after = gap(calibrated, L);
      expect(Math.abs(after)).toBeLessThan(Math.max(0.01, Math.abs(before) / 2));
    }
  });
});

test('property: under any calibration map the planned stock never rises when the target falls', () => {
  const point = fc.record({ x: fc.double({ min: 0, max: 1, noNaN: true }), y: fc.double({ min: 0, max: 1, noNaN: true }) });
  const demand = [3, 0, 1, 0, 0, 5, 2, 0, 1, 1, 0, 4, 0, 2, 0, 1, 3, 0, 0, 2, 1, 0, 6, 1];
  fc.assert(
    fc.property(fc.array(point, { minLength: 1, maxLength: 20 }), fc.double({ min: 0.5, max: 0.999, noNaN: true }), fc.double({ min: 0.5, max: 0.999, noNaN: true }), (points, a, b) => {
      const g = isotonicMap(points.map((p) => p.x), points.map((p) => p.y), points.map(() => 1));
      const settings: PlanSettings = { ...DEFAULT_PLAN_SETTINGS, calibrationMaps: { smooth: [g, g, g], erratic: [g, g, g], intermittent: [g, g, g], lumpy: [g, g, g] } };
      const plan = (target: number) => planPartLocation({ demand, periods: demand.length, leadTimePeriods: 1, targetFillRate: target, unitCost: 1, holdingCostRate: 0.25, penaltyPerMiss: 0 }, settings);
      const [lo, hi] = a < b ? [a, b] : [b, a];
      const low = plan(lo);
      const high = plan(hi);
      expect(low.stock).toBeLessThanOrEqual(high.stock);
      expect(low.fillRate).toBeLessThanOrEqual(high.fillRate + 1e-12);
    }),
    { numRuns: 200 },
  );
});

test('the least inverse reaches its target even where two knots are a few ulps apart (fast-check counterexample, seed 208704506)', () => {
  // Knots at 0 and 5e-324 (the smallest double): halfway between them rounds to 0, where g is 0.
  const m = isotonicMap([5e-324], [2e-9], [1]);
  expect(m.model).toEqual([0, 5e-324]);
  expect(requiredModelFillRate(m, 1e-9)).toBe(5e-324);
  expect(applyMap(m, requiredModelFillRate(m, 1e-9))).toBe(2e-9);
});

test('the least inverse stays monotone in the target near zero (fast-check counterexample, seed 2089391874)', () => {
  const m = isotonicMap([0, 1.2652763170626796e-10], [1.0482850284504597e-12, 0], [1.2552763170626795, 0.01]);
  const [lo, hi] = [6.4e-323, 1.531507078796797e-307];
  expect(requiredModelFillRate(m, lo)).toBeLessThanOrEqual(requiredModelFillRate(m, hi));
  expect(applyMap(m, requiredModelFillRate(m, hi))).toBeGreaterThanOrEqual(hi);
});
