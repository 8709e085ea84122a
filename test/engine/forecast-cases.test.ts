import { crostonForecasts } from '../../src/engine/forecast/croston';
import { rollingOriginAccuracy } from '../../src/engine/forecast/selection';
import { DEFAULT_PLAN_SETTINGS, planPartLocation, PlanWorkspace, type PartLocationRequest } from '../../src/engine/plan';

const request = (demand: number[]): PartLocationRequest => ({ demand, periods: demand.length, leadTimePeriods: 1, targetFillRate: 0.95, unitCost: 1, holdingCostRate: 0.25, penaltyPerMiss: 0 });
const alternating = (n: number) => Array.from({ length: n }, (_, t) => (t % 2 === 1 ? 4 : 0));

describe('forecast cases by hand', () => {
  test('Croston with a demand in the very first period: size 3, interval 1 from then on', () => {
    // 3, 0, 0: after period 1 the levels are size 3, interval 1 (counted from the start): forecast 3.
    const out = new Float64Array(4);
    crostonForecasts([3, 0, 0], 3, { alpha: 0.1, beta: 0.1, movingAverageWindow: 12 }, out);
    expect([...out]).toEqual([NaN, 3, 3, 3]);
  });

  test('rolling-origin accuracy skips origins without a forecast', () => {
    // From origin 0: f[0] is NaN (no history), f[1] = 1 for y = 3 → one origin, error −2.
    expect(rollingOriginAccuracy('SES', [5, 3], 2, Float64Array.from([NaN, 1, 0]), 0)).toEqual({ method: 'SES', origins: 1, mae: 2, bias: -2, mse: 4 });
  });

  test('a history longer than the forecast buffers (64 periods)', () => {
    // 0, 4 alternating for 64 periods: Croston forecasts 2 (plan.test.ts); its one-step errors are 4
    // in period 1 and ±2 in the 62 after: (16 + 62·4)/63 = 264/63 > sample variance 64·4/63.
    const plan = planPartLocation(request(alternating(64)), DEFAULT_PLAN_SETTINGS);
    expect(plan.method).toBe('Croston');
    expect(plan.ratePerPeriod).toBeCloseTo(2, 14);
    expect(plan.variancePerPeriod).toBeCloseTo(264 / 63, 13);
  });

  test('a workspace reused for another series forgets the previous one', () => {
    const workspace = new PlanWorkspace();
    planPartLocation(request(new Array(36).fill(2)), DEFAULT_PLAN_SETTINGS, workspace);
    const reused = planPartLocation(request(alternating(36)), DEFAULT_PLAN_SETTINGS, workspace);
    expect(reused).toEqual(planPartLocation(request(alternating(36)), DEFAULT_PLAN_SETTINGS));
    expect(reused.variancePerPeriod).toBeCloseTo(152 / 35, 13); // plan.test.ts
  });
});
