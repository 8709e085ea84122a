/**
 * Pieces of planPartLocation that only the mutation run showed to be unpinned (BENCHMARKS.md,
 * "Mutation testing"): the occurrence rate of the Compound lead-time demand (never below the
 * part's life and last-year frequency, docs/methods.md §4.2), the level-error variance term of the
 * Moments lead-time demand, the calibration's decision curves, and that only [0, periods) is read.
 * Every expected value is worked by hand in the comments.
 */
import { decisionCurve, DEFAULT_PLAN_SETTINGS, planPartLocation, PlanWorkspace, type PartLocationRequest, type PlanSettings } from '../../src/engine/plan';
import { constant } from './planning-input';

function request(demand: number[], fields: Partial<PartLocationRequest> = {}): PartLocationRequest {
  return { demand, periods: demand.length, leadTimePeriods: 2, targetFillRate: 0.95, unitCost: 100, holdingCostRate: 0.25, penaltyPerMiss: 0, ...fields };
}

// Compound occurrences × sizes, SES forecast (a weighted average of the history that puts positive
// weight on its zeros, so strictly below the largest per-period value 1), textbook Poisson counts.
const compound: PlanSettings = { ...DEFAULT_PLAN_SETTINGS, leadTimeDemand: 'Compound', forecastMethod: 'SES', distribution: 'Poisson', calibration: 'Off' };

// 36 periods: one unit every fourth period for 24 periods (t = 0, 4, …, 20: 6 units), then one
// unit every period for the last 12 (12 units). Every order is 1 unit, so the size distribution is
// the unit point mass (mean 1, variance 0).
const growing = [...Array.from({ length: 24 }, (_, t) => (t % 4 === 0 ? 1 : 0)), ...constant(1, 12)];
// 30 empty periods, then one unit in each of the last 6.
const newPart = [...constant(0, 30), ...constant(1, 6)];

describe('Compound lead-time demand: the occurrence rate is at least the life and the last-year frequency', () => {
  test('a growing part: the last year (12 units / 12 periods = 1) beats the life mean (18 / 36 = 0.5) and SES (< 1)', () => {
    const plan = planPartLocation(request(growing), compound);
    // Rate max(SES, 0.5, 1) = 1 a period; lead time 2 → 2 occurrences of one unit: Poisson(2), mean = variance = 2.
    expect(plan.leadTimeModel).toBe('Compound');
    expect(plan.ratePerPeriod).toBeCloseTo(1, 14);
    expect(plan.meanOrderSize).toBeCloseTo(1, 14);
    expect(plan.occurrencesPerPeriod).toBeCloseTo(1, 14);
    expect(plan.distribution).toBe('Poisson');
    expect(plan.leadTimeDemandMean).toBeCloseTo(2, 14);
    expect(plan.leadTimeDemandVariance).toBeCloseTo(2, 14);
    // Poisson(2) with unit orders: fill rate F(S − 1); F(4) = 0.9473 < 0.95 ≤ F(5) = 0.9834 → S = 6.
    expect(plan.stock).toBe(6);
    expect(plan.fillRate).toBeCloseTo(0.98343639151938556, 12);
  });

  test('a new part: the life mean (6 units since its first demand 6 periods ago = 1) beats the last year (6 / 12 = 0.5)', () => {
    const plan = planPartLocation(request(newPart), compound);
    expect(plan.reasonCode).toBe('target');
    expect(plan.ratePerPeriod).toBeCloseTo(1, 14);
    expect(plan.leadTimeDemandMean).toBeCloseTo(2, 14);
    expect(plan.stock).toBe(6);
  });

  test('only the first `periods` values are read: a value past the end changes nothing', () => {
    // The same plan from the series alone and from the series followed by 1000 units in period 36.
    for (const series of [growing, newPart]) {
      const alone = planPartLocation(request(series), compound);
      const longer = planPartLocation({ ...request([...series, 1000]), periods: series.length }, compound);
      expect(longer).toEqual(alone);
    }
    const moments = planPartLocation({ ...request([...newPart, 1000]), periods: 36 }, DEFAULT_PLAN_SETTINGS);
    expect(moments.periodsWithoutDemand).toBe(0);
    expect(moments).toEqual(planPartLocation(request(newPart), DEFAULT_PLAN_SETTINGS));
  });
});

describe('Moments lead-time demand with a level-error variance c²', () => {
  test('variance L·v + c²·(L·rate)²: steady 2 a period, L = 3, c² = 0.1 → 6 + 0.1 · 36 = 9.6', () => {
    // Steady 2 a period: SES forecasts 2, the variance is floored at the rate (v = 2; plan.test.ts).
    // Mean 2 · 3 = 6; variance 2 · 3 + 0.1 · 2² · 3² = 6 + 3.6 = 9.6 > mean → negative binomial.
    const settings: PlanSettings = { ...DEFAULT_PLAN_SETTINGS, levelErrorVariance: { smooth: 0.1 } };
    const plan = planPartLocation(request(constant(2, 36), { leadTimePeriods: 3 }), settings);
    expect(plan.demandClass).toBe('smooth');
    expect(plan.leadTimeDemandMean).toBeCloseTo(6, 13);
    expect(plan.leadTimeDemandVariance).toBeCloseTo(9.6, 13);
    expect(plan.distribution).toBe('NegativeBinomial');
    // Another class's c² does not apply.
    const other = planPartLocation(request(constant(2, 36), { leadTimePeriods: 3 }), { ...DEFAULT_PLAN_SETTINGS, levelErrorVariance: { lumpy: 0.1 } });
    expect(other.leadTimeDemandVariance).toBeCloseTo(6, 13);
  });
});

describe('decision curves for the calibration', () => {
  // Poisson(2) lead-time demand (steady 2 a period, L = 1; plan.test.ts): F(3) = 0.8571, F(4) = 0.9473,
  // F(5) = 0.9834; with unit orders the fill rate of S is F(S − 1).
  const F3 = 0.85712346049854705;
  const F4 = 0.94734698265628884;
  const F5 = 0.98343639151938556;

  test('one least stock per aim, in ascending order: 0.85 → 4, 0.90 → 5, 0.95 → 6, 0.96 → 6', () => {
    const curve = decisionCurve(request(constant(2, 36), { leadTimePeriods: 1 }), 36, DEFAULT_PLAN_SETTINGS, new PlanWorkspace(), [0.85, 0.9, 0.95, 0.96]);
    expect(curve).not.toBeNull();
    expect(curve!.demandClass).toBe('smooth');
    expect(curve!.ratePerPeriod).toBe(2);
    expect(Array.from(curve!.stocks)).toEqual([4, 5, 6, 6]);
    [F3, F4, F5, F5].forEach((f, j) => expect(curve!.fillRates[j]).toBeCloseTo(f, 12));
  });

  test('under Compound too (unit orders: the same Poisson(2))', () => {
    const curve = decisionCurve(request(constant(1, 36), { leadTimePeriods: 2 }), 36, compound, new PlanWorkspace(), [0.85, 0.95]);
    // Rate 1 a period (SES on steady 1), L = 2: Poisson(2) occurrences of one unit.
    expect(Array.from(curve!.stocks)).toEqual([4, 6]);
    expect(curve!.fillRates[0]).toBeCloseTo(F3, 12);
    expect(curve!.fillRates[1]).toBeCloseTo(F5, 12);
  });

  test('each stock of a curve is the plan’s own decision at that target (Compound, orders of 2: not the Moments fill rate)', () => {
    // Steady 2 a period in orders of 2: the compound fill rate (orders of 2 with a smoothed size tail)
    // is not that of a Poisson or negative binomial on the same mean and variance, so a curve that
    // read the Moments fill rates would step at other stocks. By definition the curve's stock for aim
    // a is the least S the plan takes at target a, with the fill rate the plan promises.
    const settings: PlanSettings = { ...compound, distribution: 'Auto' };
    const aims = [0.8, 0.85, 0.9, 0.95, 0.98];
    const steady = request(constant(2, 36), { leadTimePeriods: 3 });
    const curve = decisionCurve(steady, 36, settings, new PlanWorkspace(), aims)!;
    aims.forEach((aim, j) => {
      const plan = planPartLocation({ ...steady, targetFillRate: aim }, settings);
      expect(plan.leadTimeModel).toBe('Compound');
      expect(curve.stocks[j]).toBe(plan.stock);
      expect(curve.fillRates[j]).toBeCloseTo(plan.fillRate, 12);
    });
    expect(new Set(curve.stocks).size).toBeGreaterThan(2);
  });

  test('none when the evidence rules set the stock: one unit 24 months ago is obsolete', () => {
    expect(decisionCurve(request([1, ...constant(0, 23)]), 24, DEFAULT_PLAN_SETTINGS, new PlanWorkspace(), [0.9])).toBeNull();
  });
});

describe('what the floors and the evidence forecast leave alone', () => {
  test('a zero forecast is not lifted by the life floor: moving average 0 → not stocked under Compound as under Moments', () => {
    // 5 units in each of the first 20 periods, then 14 empty ones: 14 < 18 periods without demand (not
    // obsolete), 100 units (not near-zero). The 12-period moving average of the last 12 periods is 0.
    const series = [...constant(5, 20), ...constant(0, 14)];
    for (const leadTimeDemand of ['Compound', 'Moments'] as const) {
      const plan = planPartLocation(request(series), { ...DEFAULT_PLAN_SETTINGS, forecastMethod: 'MovingAverage', leadTimeDemand, calibration: 'Off' });
      expect([plan.ratePerPeriod, plan.stock, plan.reasonCode, plan.leadTimeModel]).toEqual([0, 0, 'forecastZero', 'Moments']);
    }
  });

  test('no demand at all: the method is Auto’s candidate for class none (SES), not the evidence rules’ TSB', () => {
    const plan = planPartLocation(request(constant(0, 24)), DEFAULT_PLAN_SETTINGS);
    expect([plan.demandClass, plan.reasonCode, plan.method]).toEqual(['none', 'noDemand', 'SES']);
  });
});
