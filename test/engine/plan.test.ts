/**
 * The live plan of one part-location, column by column, against hand calculations. Reference values
 * of the Poisson CDF are exact sums (40-digit decimals); those of the negative binomial's compound
 * fill rate were computed independently with SciPy (nbinom, logser), not with this code.
 */
import { DEFAULT_PLAN_SETTINGS, planPartLocation, type PartLocationRequest } from '../../src/engine/plan';
import { constant } from './planning-input';

// Poisson(2): F(k) = e^−2 Σ_{j≤k} 2^j / j!
const F = [0.13533528323661269, 0.40600584970983808, 0.67667641618306346, 0.85712346049854705, 0.94734698265628884, 0.98343639151938556, 0.99546619447375113];

function request(demand: number[], fields: Partial<PartLocationRequest> = {}): PartLocationRequest {
  return { demand, periods: demand.length, leadTimePeriods: 1, targetFillRate: 0.95, unitCost: 100, holdingCostRate: 0.25, penaltyPerMiss: 1500, ...fields };
}

describe('steady demand of 2 a period, lead time 1 period, target 95 %', () => {
  // 36 periods of 2: smooth (ADI 1, CV² 0). SES, the moving average and Croston all forecast exactly 2
  // on the held-out origins (MSE 0), and a tie keeps the first candidate, SES. Sample variance and
  // forecast error are 0, so the variance is floored at the rate: 2. Lead-time demand Poisson(2·1).
  // The smallest S with F(S − 1) ≥ 0.95 is 6: F(4) = 0.9473 < 0.95 ≤ F(5) = 0.9834.
  const steady = () => planPartLocation(request(constant(2, 36)), DEFAULT_PLAN_SETTINGS);

  test('profile, forecast and its accuracy', () => {
    const plan = steady();
    expect(plan).toMatchObject({ periods: 36, nonZeroPeriods: 36, totalQuantity: 72, adi: 1, cv2: 0, demandClass: 'smooth', method: 'SES', ratePerPeriod: 2 });
    expect(plan).toMatchObject({ forecastOrigins: 12, forecastMae: 0, forecastBias: 0, forecastMse: 0, forecastRmse: 0 });
  });

  test('variance floored at the rate; Poisson lead-time demand with mean = variance = rate × L', () => {
    const plan = steady();
    expect(plan).toMatchObject({ variancePerPeriod: 2, leadTimePeriods: 1, distribution: 'Poisson', leadTimeDemandMean: 2, leadTimeDemandVariance: 2 });
  });

  test('stock and its performance', () => {
    const plan = steady();
    expect(plan.stock).toBe(6);
    expect(plan.fillRate).toBeCloseTo(F[5], 14);
    expect(plan.classicFillRate).toBeCloseTo(F[5], 14);
    expect(plan.readyRate).toBeCloseTo(F[6], 14); // F(S)
    // Expected on hand Σ_{j<6} F(j) = 4.0059243838037357; EBO = on hand − S + μ = 0.0059243838037357.
    expect(plan.expectedOnHand).toBeCloseTo(4.0059243838037357, 13);
    expect(plan.expectedBackorders).toBeCloseTo(0.0059243838037357, 13);
  });

  test('economics: investment, holding cost, expected misses and penalty a year', () => {
    const plan = steady();
    expect(plan.investment).toBe(600); // 6 × 100
    expect(plan.annualHoldingCost).toBeCloseTo(4.0059243838037357 * 100 * 0.25, 11); // 100.148…
    // 2 a period × 12 periods a year × (1 − F(5)) = 24 × 0.0165636… = 0.3975266035347465
    expect(plan.expectedAnnualMisses).toBeCloseTo(0.3975266035347465, 13);
    expect(plan.expectedAnnualPenalty).toBeCloseTo(0.3975266035347465 * 1500, 10); // 596.29
  });

  test('weekly periods: misses use 365.25/7 periods a year', () => {
    const plan = steady();
    const weekly = planPartLocation(request(constant(2, 36)), { ...DEFAULT_PLAN_SETTINGS, periodsPerYear: 365.25 / 7 });
    expect(weekly.expectedAnnualMisses).toBeCloseTo(2 * (365.25 / 7) * (1 - F[5]), 12);
  });

  test('a lower target needs less stock: 90 % → S = 5 (F(4) = 0.9473), 85 % → S = 4 (F(3) = 0.8571)', () => {
    const plan = steady();
    expect(planPartLocation(request(constant(2, 36), { targetFillRate: 0.9 }), DEFAULT_PLAN_SETTINGS).stock).toBe(5);
    expect(planPartLocation(request(constant(2, 36), { targetFillRate: 0.85 }), DEFAULT_PLAN_SETTINGS).stock).toBe(4);
  });

  test('lead time scales the lead-time demand: L = 2.5 periods → Poisson(5)', () => {
    const plan = steady();
    const long = planPartLocation(request(constant(2, 36), { leadTimePeriods: 2.5 }), DEFAULT_PLAN_SETTINGS);
    expect(long).toMatchObject({ leadTimePeriods: 2.5, leadTimeDemandMean: 5, leadTimeDemandVariance: 5 });
    // Poisson(5): F(8) = 0.931906 < 0.95 ≤ F(9) = 0.968172 (exact sums) → S = 10.
    expect(long.stock).toBe(10);
    expect(long.fillRate).toBeCloseTo(0.96817194269379519, 13);
  });
});

describe('alternating 0, 4: intermittent demand, negative binomial with the compound fill rate', () => {
  // 36 periods 0, 4, 0, 4, …: ADI 2, CV² 0 → intermittent; candidates SBA, Croston. Croston's size
  // stays 4 and its interval 2 (first demand in period 2, 1-based), so it forecasts exactly 2; SBA
  // forecasts 1.9. On the last 12 origins Croston errs ±2 (MSE 4), SBA 1.9 and −2.1 (MSE 4.01):
  // Croston wins, rate 2. Its one-step errors over all 35 forecasts: 4 in period 1 (forecast 0 before
  // the first demand), then ±2 in 34 periods: (16 + 34·4) / 35 = 152/35 = 4.342857; the sample
  // variance 36·4/35 = 4.114 is smaller, so Max takes 152/35 > rate: negative binomial.
  const alternatingPlan = () => planPartLocation(request([].concat(...new Array(18).fill([0, 4]))), DEFAULT_PLAN_SETTINGS);

  test('profile, forecast, accuracy and variance', () => {
    const plan = alternatingPlan();
    expect(plan).toMatchObject({ periods: 36, nonZeroPeriods: 18, totalQuantity: 72, adi: 2, cv2: 0, demandClass: 'intermittent', method: 'Croston' });
    expect(plan.ratePerPeriod).toBeCloseTo(2, 14);
    // Last 12 origins: six errors +2 (forecast 2, demand 0) and six −2.
    expect(plan).toMatchObject({ forecastOrigins: 12, forecastMae: 2, forecastBias: 0, forecastMse: 4, forecastRmse: 2 });
    expect(plan.variancePerPeriod).toBeCloseTo(152 / 35, 13);
    expect(plan.distribution).toBe('NegativeBinomial');
    expect(plan.leadTimeDemandMean).toBeCloseTo(2, 14);
    expect(plan.leadTimeDemandVariance).toBeCloseTo(152 / 35, 13);
  });

  test('stock and performance (SciPy reference)', () => {
    const plan = alternatingPlan();
    // NB(mean 2, variance 152/35): compound FR(7) = 0.93195 < 0.95 ≤ FR(8) = 0.95880.
    expect(plan.stock).toBe(8);
    expect(plan.fillRate).toBeCloseTo(0.9587984324592594, 11);
    expect(plan.classicFillRate).toBeCloseTo(0.9767916386017074, 11); // F(7)
    expect(plan.readyRate).toBeCloseTo(0.9866038089814869, 11); // F(8)
    expect(plan.expectedOnHand).toBeCloseTo(6.031201248493268, 10);
    expect(plan.expectedBackorders).toBeCloseTo(6.031201248493268 - 8 + 2, 10);
    expect(plan.expectedAnnualMisses).toBeCloseTo(2 * 12 * (1 - 0.9587984324592594), 10);
  });

  test('Classic fill rate: the smallest S with F(S − 1) ≥ 95 % is 7 (F(6) = 0.96008)', () => {
    const plan = alternatingPlan();
    const classic = planPartLocation(request([].concat(...new Array(18).fill([0, 4]))), { ...DEFAULT_PLAN_SETTINGS, fillRateModel: 'Classic' });
    expect(classic.stock).toBe(7);
    expect(classic.fillRate).toBeCloseTo(0.9600807153778814, 11);
  });

  test('Distribution = Poisson forces variance = rate', () => {
    const plan = alternatingPlan();
    const poisson = planPartLocation(request([].concat(...new Array(18).fill([0, 4]))), { ...DEFAULT_PLAN_SETTINGS, distribution: 'Poisson' });
    expect(poisson).toMatchObject({ distribution: 'Poisson', stock: 6 });
    expect(poisson.variancePerPeriod).toBeCloseTo(2, 14);
    expect(poisson.fillRate).toBeCloseTo(F[5], 12);
  });
});

describe('edge cases', () => {
  test('no demand: nothing stocked, no backorder expected, and no fill promised for a unit that comes all the same', () => {
    // S = 0 fills no unit at any positive rate: fill rate 0 is its limit as the rate falls to 0; the ready rate's limit is 1.
    const plan = planPartLocation(request(constant(0, 24)), DEFAULT_PLAN_SETTINGS);
    expect(plan).toMatchObject({ demandClass: 'none', ratePerPeriod: 0, stock: 0, fillRate: 0, classicFillRate: 0, readyRate: 1, expectedBackorders: 0, expectedOnHand: 0 });
    expect(plan).toMatchObject({ investment: 0, annualHoldingCost: 0, expectedAnnualMisses: 0, expectedAnnualPenalty: 0, distribution: 'Poisson', leadTimeDemandMean: 0 });
  });

  test('too short to backtest the forecast: no origins, NaN errors, still a plan', () => {
    // 6 periods of 2: no origin after the 6 warm-up periods; SES (first smooth candidate) forecasts 2.
    const plan = planPartLocation(request(constant(2, 6)), DEFAULT_PLAN_SETTINGS);
    expect(plan.forecastOrigins).toBe(0);
    for (const field of ['forecastMae', 'forecastBias', 'forecastMse', 'forecastRmse'] as const) expect(plan[field]).toBeNaN();
    expect(plan).toMatchObject({ method: 'SES', ratePerPeriod: 2, stock: 6 });
  });

  test('RMSE is the square root of the MSE', () => {
    // 12 × 1 then 12 × 9: the moving average's last 12 errors are 8(12 − k)/12, k = 0 … 11
    // (see variance.test.ts), so MSE = (64/144)·650/12 and RMSE its square root.
    const plan = planPartLocation(request([...constant(1, 12), ...constant(9, 12)]), DEFAULT_PLAN_SETTINGS);
    expect(plan.method).toBe('MovingAverage');
    expect(plan.forecastMse).toBeCloseTo(((64 / 144) * 650) / 12, 12);
    expect(plan.forecastRmse).toBeCloseTo(Math.sqrt(((64 / 144) * 650) / 12), 12);
  });
});
