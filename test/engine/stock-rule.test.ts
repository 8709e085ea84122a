/**
 * Obsolescence and near-zero demand (stock-rule.ts): the stock the evidence supports, the reason in
 * the results, and the property that a part-location without demand for the last N periods is never
 * stocked above it.
 */
import fc from 'fast-check';
import { DEFAULT_PLAN_SETTINGS, planPartLocation, type PartLocationRequest, type PlanSettings } from '../../src/engine/plan';
import { demandRecency, evidenceCap } from '../../src/engine/stock-rule';
import { stockReason } from '../../src/model/stock-action';

const request = (demand: number[], extra: Partial<PartLocationRequest> = {}): PartLocationRequest => ({
  demand,
  periods: demand.length,
  leadTimePeriods: 1,
  targetFillRate: 0.95,
  unitCost: 18500,
  holdingCostRate: 0.25,
  penaltyPerMiss: 0,
  ...extra,
});
const reason = (plan: ReturnType<typeof planPartLocation>, criticality: 'Critical' | 'Standard' = 'Standard') =>
  stockReason({ plan, targetFillRate: 0.95, criticality, slaTier: 'Gold', leadTimeDays: 30 });

describe('the evidence rules', () => {
  test('recency: periods since the last and the first demand', () => {
    expect(demandRecency([0, 2, 0, 1, 0, 0], 6)).toEqual({ periodsWithoutDemand: 2, periodsSinceFirstDemand: 5 });
    expect(demandRecency([0, 0], 2)).toEqual({ periodsWithoutDemand: 2, periodsSinceFirstDemand: 0 });
    expect(demandRecency([3], 1)).toEqual({ periodsWithoutDemand: 0, periodsSinceFirstDemand: 1 });
    // Only y[0 … n) is read: demand in period n (the next, not yet in the history) changes nothing.
    expect(demandRecency([0, 0, 5], 2)).toEqual({ periodsWithoutDemand: 2, periodsSinceFirstDemand: 0 });
    expect(demandRecency([4, 0, 0, 5], 3)).toEqual({ periodsWithoutDemand: 2, periodsSinceFirstDemand: 3 });
  });

  test('caps: obsolete after N periods, at most 2 units over a year, insurance for Critical parts', () => {
    const base = { totalQuantity: 10, periodsWithoutDemand: 3, periodsSinceFirstDemand: 30, critical: false, obsoleteAfterPeriods: 18, periodsPerYear: 12 };
    expect(evidenceCap(base)).toBeNull();
    expect(evidenceCap({ ...base, periodsWithoutDemand: 18 })).toEqual({ code: 'obsolete', cap: 0 });
    expect(evidenceCap({ ...base, periodsWithoutDemand: 17 })).toBeNull();
    expect(evidenceCap({ ...base, periodsWithoutDemand: 18, critical: true })).toEqual({ code: 'obsoleteInsurance', cap: 1 });
    expect(evidenceCap({ ...base, totalQuantity: 2 })).toEqual({ code: 'fewUnits', cap: 0 });
    expect(evidenceCap({ ...base, totalQuantity: 3 })).toBeNull();
    expect(evidenceCap({ ...base, totalQuantity: 1, critical: true })).toEqual({ code: 'fewUnitsInsurance', cap: 1 });
    // A new part: 2 units in its first 11 periods is not near-zero demand yet.
    expect(evidenceCap({ ...base, totalQuantity: 2, periodsSinceFirstDemand: 11 })).toBeNull();
    // … and exactly a year after the first demand it is (methods §5.1: "at least a year").
    expect(evidenceCap({ ...base, totalQuantity: 2, periodsSinceFirstDemand: 12 })).toEqual({ code: 'fewUnits', cap: 0 });
    expect(evidenceCap({ ...base, totalQuantity: 0 })).toEqual({ code: 'noDemand', cap: 0 });
  });
});

describe('the issue’s near-zero cases get the stock their evidence supports', () => {
  // One unit in month 1 and nothing in the next 23 months: SBA 0.95 gave 2 units, TSB 4.
  const oneUnit = [1, ...new Array(23).fill(0)];
  test('one unit in 24 months, Standard: not stocked, with the reason', () => {
    const plan = planPartLocation(request(oneUnit), DEFAULT_PLAN_SETTINGS);
    expect(plan.stock).toBe(0);
    expect(plan.reasonCode).toBe('obsolete');
    expect(plan.periodsWithoutDemand).toBe(23);
    expect(reason(plan)).toBe('Not stocked: no demand for 23 months');
  });

  test('one unit in 24 months, Critical: one unit as insurance, its fill rate from TSB’s forecast', () => {
    const plan = planPartLocation(request(oneUnit, { critical: true }), DEFAULT_PLAN_SETTINGS);
    expect(plan.stock).toBe(1);
    expect(plan.reasonCode).toBe('obsoleteInsurance');
    expect(plan.method).toBe('TSB');
    // TSB with β = 0.1 from p = 1 after the first period: p = 0.9²³, size 1 → rate 0.9²³ = 0.0886.
    expect(plan.ratePerPeriod).toBeCloseTo(0.9 ** 23, 12);
    // With Poisson lead-time demand of one month the single unit fills a demand when none is in resupply: e^{−rate}.
    const poisson = planPartLocation(request(oneUnit, { critical: true }), { ...DEFAULT_PLAN_SETTINGS, distribution: 'Poisson' });
    expect(poisson.fillRate).toBeCloseTo(Math.exp(-(0.9 ** 23)), 12);
    expect(reason(plan, 'Critical')).toBe('Stocked 1 as insurance: no demand for 23 months (Critical part)');
  });

  test('two units in 24 months, the last one recent: not stocked (Standard), one as insurance (Critical)', () => {
    const twoUnits = [1, ...new Array(20).fill(0), 1, 0, 0];
    const standard = planPartLocation(request(twoUnits), DEFAULT_PLAN_SETTINGS);
    expect([standard.stock, standard.reasonCode]).toEqual([0, 'fewUnits']);
    expect(reason(standard)).toBe('Not stocked: 2 units in 24 months');
    const critical = planPartLocation(request(twoUnits, { critical: true }), DEFAULT_PLAN_SETTINGS);
    expect([critical.stock, critical.reasonCode]).toEqual([1, 'fewUnitsInsurance']);
    expect(reason(critical, 'Critical')).toBe('Stocked 1 as insurance: 2 units in 24 months (Critical part)');
  });

  test('regular demand: the target rule, stated with its tier', () => {
    const plan = planPartLocation(request(new Array(24).fill(2)), DEFAULT_PLAN_SETTINGS);
    expect(plan.reasonCode).toBe('target');
    expect(reason(plan, 'Critical')).toMatch(/^Stocked \d+: stock meets the target of tier Gold of 95%/);
  });

  test('without the rules (absent settings) the old behaviour: the target decides', () => {
    const { obsoleteAfterPeriods: _o, nearZeroRule: _n, ...withoutRules } = DEFAULT_PLAN_SETTINGS;
    const plan = planPartLocation(request(oneUnit), withoutRules);
    expect(plan.reasonCode).toBe('target');
    expect(plan.stock).toBeGreaterThan(0);
  });
});

describe('property: no demand for the last N periods → never above the evidence', () => {
  const settingsArb = fc.constantFrom<PlanSettings>(DEFAULT_PLAN_SETTINGS, { ...DEFAULT_PLAN_SETTINGS, leadTimeDemand: 'Compound' }, { ...DEFAULT_PLAN_SETTINGS, forecastMethod: 'SES' });
  test('stock ≤ 1 for a Critical part and 0 otherwise, whatever came before', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 18, max: 30 }),
        fc.boolean(),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        settingsArb,
        (head, quiet, critical, target, settings) => {
          const demand = [...head, ...new Array(quiet).fill(0)];
          const plan = planPartLocation(request(demand, { critical, targetFillRate: target, leadTimePeriods: 2 }), settings);
          expect(plan.stock).toBeLessThanOrEqual(critical ? 1 : 0);
        },
      ),
      { numRuns: 120, seed: 3 },
    );
  });
});
