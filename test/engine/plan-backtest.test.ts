/**
 * The stocking backtest of plan.ts: hold out the last H periods, decide the stock on the shorter
 * history exactly as the live plan does, replay the held-out demand at exactly that stock, and
 * report the fill rate promised for it. Every number below is worked out by hand.
 */
import { DEFAULT_PLAN_SETTINGS, MIN_DECISION_PERIODS, planPartLocation, type PartLocationRequest } from '../../src/engine/plan';
import { constant } from './planning-input';

// Poisson(2): F(5) = e^−2 (1 + 2 + 2 + 4/3 + 2/3 + 4/15) = 0.98343639151938556 (exact sum).
const F5 = 0.98343639151938556;

function request(demand: number[], fields: Partial<PartLocationRequest> = {}): PartLocationRequest {
  return { demand, periods: demand.length, leadTimePeriods: 1, targetFillRate: 0.95, unitCost: 100, holdingCostRate: 0.25, penaltyPerMiss: 0, ...fields };
}

// Decision history: 24 periods of 2 → SES rate 2, variance floored at 2, Poisson(2) lead-time demand
// (L = 1 period), S = 6 at 95 % (F(4) = 0.947 < 0.95 ≤ F(5) = 0.983) — see plan.test.ts.
const history = constant(2, 24);

describe('stocking backtest', () => {
  test('the stock is decided on the shorter history and replayed at exactly S; the promise is FR(S)', () => {
    // Held out: a burst of 10 units in the 6th held-out period (period 30, 1-based), nothing else.
    // The pipeline is empty by then (the last units of the history, at 23.25 and 23.75, are back by
    // 24.75). The 10 units arrive at 29.05, 29.15, …, 29.95; the j-th (0-based) finds j units in
    // resupply (L = 1 period), so it is filled at once when j < S: 6 of 10 at S = 6 (7 at S + 1).
    const heldOut = [0, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0, 0];
    const plan = planPartLocation(request([...history, ...heldOut]), DEFAULT_PLAN_SETTINGS);
    expect(plan.backtestPeriods).toBe(12);
    expect(plan.backtestStock).toBe(6);
    expect(plan.backtestPromisedFillRate).toBeCloseTo(F5, 14);
    expect(plan.backtestDemand).toBe(10);
    expect(plan.backtestFilled).toBe(6);
    expect(plan.backtestAchievedFillRate).toBeCloseTo(0.6, 15);
    // The live plan sees the burst (it is planned on all 36 periods) and decides differently: the
    // backtest did not look ahead.
    expect(plan.stock).not.toBe(6);
    expect(plan.fillRate).not.toBeCloseTo(F5, 6);
  });

  test('demand just before the held-out window fills the pipeline at its start', () => {
    // Held out: 10 units in its first period (25, 1-based) and 10 in its 6th. First burst, units at
    // 24.05 + 0.1j: the history's last units (23.25 and 23.75) are back at 24.25 and 24.75, so unit j
    // finds j + 2 (j = 0, 1), j + 1 (j = 2 … 6; 24.25 is back exactly at 24.25) or j (j ≥ 7) in resupply:
    // 2, 3, 3, 4, 5, 6, 7, 7, 8, 9 → 5 filled at S = 6. Second burst: pipeline empty again → 6 filled.
    const heldOut = [10, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0, 0];
    const plan = planPartLocation(request([...history, ...heldOut]), DEFAULT_PLAN_SETTINGS);
    expect(plan).toMatchObject({ backtestStock: 6, backtestDemand: 20, backtestFilled: 11 });
    expect(plan.backtestAchievedFillRate).toBeCloseTo(11 / 20, 15);
  });

  test('steady held-out demand is all filled', () => {
    // 2 units a period at t + 0.25 and t + 0.75: each finds 1 unit in resupply (the one half a period
    // earlier; the one a whole period earlier is back exactly then), so all 24 are filled at S = 6.
    const plan = planPartLocation(request(constant(2, 36)), DEFAULT_PLAN_SETTINGS);
    expect(plan).toMatchObject({ backtestPeriods: 12, backtestStock: 6, backtestDemand: 24, backtestFilled: 24, backtestAchievedFillRate: 1 });
  });

  test('its own target and lead time: 85 % → S = 4; L = 2.5 → Poisson(5), S = 10', () => {
    const heldOut = [0, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0, 0];
    // S = 4 (F(3) = 0.857 ≥ 0.85 > F(2) = 0.677): 4 of the burst's 10 units filled.
    const low = planPartLocation(request([...history, ...heldOut], { targetFillRate: 0.85 }), DEFAULT_PLAN_SETTINGS);
    expect(low).toMatchObject({ backtestStock: 4, backtestDemand: 10, backtestFilled: 4 });
    expect(low.backtestPromisedFillRate).toBeCloseTo(0.85712346049854705, 14);
    // L = 2.5: S = 10 (F(9) = 0.968172 for Poisson(5)). The replay starts at period floor(24 − 2.5) = 21
    // (0-based); its 6 units, at 21.25 … 23.75, are all back by 26.25, long before the burst, so all 10 are filled.
    const long = planPartLocation(request([...history, ...heldOut], { leadTimePeriods: 2.5 }), DEFAULT_PLAN_SETTINGS);
    expect(long).toMatchObject({ backtestStock: 10, backtestDemand: 10, backtestFilled: 10 });
    expect(long.backtestPromisedFillRate).toBeCloseTo(0.96817194269379519, 13);
  });

  test('nothing demanded in the held-out periods: no achieved fill rate, but a decided stock', () => {
    const plan = planPartLocation(request([...history, ...constant(0, 12)]), DEFAULT_PLAN_SETTINGS);
    expect(plan).toMatchObject({ backtestPeriods: 12, backtestStock: 6, backtestDemand: 0, backtestFilled: 0 });
    expect(plan.backtestAchievedFillRate).toBeNaN();
  });

  test('BacktestPeriods sets the held-out window', () => {
    // H = 6 on 30 periods: decided on the 24 periods of 2 (S = 6), the burst in the last 6 replayed.
    const plan = planPartLocation(request([...history, 0, 0, 10, 0, 0, 0]), { ...DEFAULT_PLAN_SETTINGS, backtestPeriods: 6 });
    expect(plan).toMatchObject({ backtestPeriods: 6, backtestStock: 6, backtestDemand: 10, backtestFilled: 6 });
  });

  test(`at least ${MIN_DECISION_PERIODS} periods must remain for the decision`, () => {
    expect(MIN_DECISION_PERIODS).toBe(12);
    // 24 periods, 12 held out: 12 left, enough. The decision on 12 periods of 2 is still S = 6.
    const enough = planPartLocation(request(constant(2, 24)), DEFAULT_PLAN_SETTINGS);
    expect(enough).toMatchObject({ backtestPeriods: 12, backtestStock: 6, backtestDemand: 24, backtestFilled: 24, backtestAchievedFillRate: 1 });
    expect(enough.backtestPromisedFillRate).toBeCloseTo(F5, 14);
    // 23 periods: 11 left, no backtest.
    const short = planPartLocation(request(constant(2, 23)), DEFAULT_PLAN_SETTINGS);
    expect(short).toMatchObject({ backtestPeriods: 0, backtestStock: 0, backtestDemand: 0, backtestFilled: 0 });
    expect(short.backtestPromisedFillRate).toBeNaN();
    expect(short.backtestAchievedFillRate).toBeNaN();
  });

  test('the backtest decision uses the rolling-origin selection of the shorter history', () => {
    // 0, 4 alternating for 24 periods, then held out 12 more: Croston (rate 2) as in plan.test.ts, but
    // its one-step errors over the 23 forecasts of the shorter history are 16 + 22·4 = 104 → 104/23
    // = 4.5217 (the full history gives 152/35). NB(2, 104/23): compound FR(7) = 0.92659 < 0.95 ≤
    // FR(8) = 0.95463 (SciPy reference) → S = 8, promised 0.95463.
    const alternating = [].concat(...new Array(18).fill([0, 4])) as number[];
    const plan = planPartLocation(request(alternating), DEFAULT_PLAN_SETTINGS);
    expect(plan.backtestStock).toBe(8);
    expect(plan.backtestPromisedFillRate).toBeCloseTo(0.9546292287962176, 11);
    expect(plan.fillRate).toBeCloseTo(0.9587984324592594, 11); // the live promise, on 36 periods
    // Held out: 4 units every other period at t + 0.125 … t + 0.875, at most 4 in resupply < 8: all filled.
    expect(plan).toMatchObject({ backtestDemand: 24, backtestFilled: 24 });
  });
});
