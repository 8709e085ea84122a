import { expectedDemandAfter, fitDecline, poissonLogLinear } from '../../../src/engine/mom/decline';
import { lastTimeBuy, periodsUntil, type LastTimeBuyInput } from '../../../src/engine/mom/last-time-buy';
import { buildPeriodGrid, monthPeriod } from '../../../src/model/periods';
import { createRng, type Rng } from '../../../src/sample/random';

/** A declining history used throughout: 24 months from 5 a month down to about 0.3. */
const DECLINING = [5, 4, 6, 3, 4, 2, 3, 3, 1, 2, 2, 1, 3, 0, 1, 1, 0, 2, 0, 1, 0, 0, 1, 0];

describe('exponential decline by Poisson maximum likelihood', () => {
  test('two periods: the saturated fit passes through both, a = ln 8, b = ln(2/8)', () => {
    const fit = poissonLogLinear([8, 2])!;
    expect(fit.intercept).toBeCloseTo(Math.log(8), 12);
    expect(fit.slope).toBeCloseTo(Math.log(0.25), 12);
  });

  test('reproduces scipy on a 24-month series, and solves the score equations', () => {
    // scipy.optimize.root of the score equations Σ(y − λ) = 0, Σ t(y − λ) = 0 (tol 1e-15):
    // a = 1.692183199957812, b = −0.121158762960374; Pearson φ = 0.5694849065235911 (floored to 1);
    // λ(24) = 0.2965240024843534; expected demand over the next 12.5 months 2.0261062733997197.
    const fit = fitDecline(DECLINING);
    expect(fit.model).toBe('exponential');
    expect(fit.intercept).toBeCloseTo(1.692183199957812, 11);
    expect(fit.slope).toBeCloseTo(-0.121158762960374, 11);
    expect(fit.rateAfterHistory).toBeCloseTo(0.2965240024843534, 12);
    expect(fit.dispersion).toBe(1);
    expect(expectedDemandAfter(fit, 12.5)).toBeCloseTo(2.0261062733997197, 11);
    let s0 = 0;
    let s1 = 0;
    DECLINING.forEach((y, t) => {
      const m = Math.exp(fit.intercept + fit.slope * t);
      s0 += y - m;
      s1 += t * (y - m);
    });
    expect(Math.abs(s0)).toBeLessThan(1e-10);
    expect(Math.abs(s1)).toBeLessThan(1e-9);
  });

  test('the geometric sum over the remaining periods, the last one pro rata', () => {
    // λ(n) = 2 halving each period: 2 + 1 + 0.5 over three periods, plus ½ × 0.25 of the fourth.
    const fit = { model: 'exponential' as const, intercept: 0, slope: Math.log(0.5), rateAfterHistory: 2, dispersion: 1, reason: '', fittedSlope: 0 };
    expect(expectedDemandAfter(fit, 3)).toBeCloseTo(3.5, 14);
    expect(expectedDemandAfter(fit, 3.5)).toBeCloseTo(3.625, 14);
    expect(expectedDemandAfter({ ...fit, slope: 0 }, 2.5)).toBe(5);
    expect(expectedDemandAfter(fit, 0)).toBe(0);
  });

  test('fallback to the constant rate, each with its reason', () => {
    expect(fitDecline([3, 1, 2])).toMatchObject({ model: 'constant', rateAfterHistory: 2, reason: 'the history has 3 periods, fewer than the 12 needed to fit a decline' });
    expect(fitDecline([0, 0, 5, 0, 0, 0, 0, 1, 0, 0, 0, 2])).toMatchObject({ model: 'constant', rateAfterHistory: 8 / 12, reason: 'the history has demand in 3 periods, fewer than the 4 needed to fit a decline' });
    const growing = fitDecline([0, 1, 0, 1, 1, 2, 1, 2, 3, 2, 3, 4]);
    expect(growing).toMatchObject({ model: 'constant', rateAfterHistory: 20 / 12, reason: 'the history shows no decline' });
    expect(growing.fittedSlope).toBeGreaterThan(0);
  });

  test('the fit is unbiased enough: 400 seeded histories of 6·0.95^t recover the slope', () => {
    // A check of the estimator, not of its own output: the mean of the fitted slopes over
    // independent simulated histories lies within 3 standard errors of ln 0.95.
    const rng = createRng(20240607);
    const slopes: number[] = [];
    for (let h = 0; h < 400; h++) {
      const history = Array.from({ length: 36 }, (_, t) => poisson(rng, 6 * 0.95 ** t));
      slopes.push(poissonLogLinear(history)!.slope);
    }
    const mean = slopes.reduce((s, x) => s + x, 0) / slopes.length;
    const sd = Math.sqrt(slopes.reduce((s, x) => s + (x - mean) ** 2, 0) / (slopes.length - 1));
    expect(Math.abs(mean - Math.log(0.95))).toBeLessThan((3 * sd) / Math.sqrt(slopes.length));
  });
});

const part = (over: Partial<LastTimeBuyInput>): LastTimeBuyInput => ({
  partId: 'PN-1003',
  history: new Array(12).fill(1),
  periodsRemaining: 5,
  position: 3,
  repairable: false,
  scrapRate: 0,
  unitCost: 100,
  salvageValue: NaN,
  ...over,
});

describe('last-time buy against exact Poisson sums', () => {
  test('constant rate 1 a month for 5 months: need Poisson(5), 95% quantile 9, buy 9 − 3 = 6', () => {
    // Exact (mpmath, 30 digits): F(8) = 0.931906365278151, F(9) = 0.968171942693795;
    // E[(9 − N)+] = Σ_{j<9} F(j) = 4.05401565785340; E[(N − 9)+] = 5 − 9 + 4.054 = 0.0540156578534.
    const r = lastTimeBuy(part({}));
    expect(r.decline!.model).toBe('constant');
    expect(r.expectedDemand).toBeCloseTo(5, 12);
    expect(r.quantity).toBe(6);
    expect(r.coverage).toBeCloseTo(0.968171942693795, 13);
    expect(r.expectedLeftover).toBeCloseTo(4.0540156578534, 12);
    expect(r.expectedShortage).toBeCloseTo(0.0540156578534, 12);
    expect(r.leftoverCost).toBeCloseTo(405.40156578534, 9);
    expect(r.buyCost).toBe(600);
    expect(r.note).toBe(
      'Buy 6 of PN-1003 to cover the 5.0 months to EndOfSupport with 96.8% confidence (target 95%): 5.0 units of demand expected at a constant rate of 1.00 a month (the history shows no decline), 5.0 units needed, 3 in the inventory position. Expected leftover 4.1 units (USD 405), expected shortage 0.05 units.',
    );
  });

  test('a repairable with ScrapRate 0.2: only condemned returns need new units, Poisson(1), quantile 3', () => {
    // Thinning Poisson(5) by 0.2 gives Poisson(1): F(2) = 0.919698602928606, F(3) = 0.981011843123846;
    // E[(3 − N)+] = 2.02333692644293, E[(N − 3)+] = 0.0233369264429328.
    const r = lastTimeBuy(part({ repairable: true, scrapRate: 0.2, position: 1, salvageValue: 20 }));
    expect(r.expectedNeed).toBeCloseTo(1, 12);
    expect(r.quantity).toBe(2);
    expect(r.coverage).toBeCloseTo(0.981011843123846, 13);
    expect(r.expectedLeftover).toBeCloseTo(2.02333692644293, 12);
    expect(r.expectedShortage).toBeCloseTo(0.0233369264429328, 12);
    expect(r.leftoverCostNetOfSalvage).toBeCloseTo(2.02333692644293 * 80, 10);
  });

  test('a position above the quantile buys nothing and reports its leftover', () => {
    const r = lastTimeBuy(part({ position: 12 }));
    expect(r.quantity).toBe(0);
    expect(r.coverage).toBeGreaterThan(0.99);
    expect(r.expectedLeftover).toBeCloseTo(12 - 5 + r.expectedShortage, 12);
  });

  test('no EndOfSupport, or EndOfSupport in the past: no buy, said so', () => {
    expect(lastTimeBuy(part({ periodsRemaining: null }))).toMatchObject({ quantity: null, note: 'PN-1003 is EndOfLife without an EndOfSupport date: no last-time buy computed.' });
    expect(lastTimeBuy(part({ periodsRemaining: -2 }))).toMatchObject({ quantity: null, note: 'PN-1003: EndOfSupport is not after the end of the demand history, so no last-time buy is needed.' });
  });
});

describe('last-time buy against a seeded simulation', () => {
  test('declining, overdispersed demand: simulated coverage, leftover and shortage match the formulas', () => {
    // History from λ(t) = 8·0.96^t with gamma-Poisson (negative binomial) periods of variance 2.5 × mean,
    // then 10,000 remaining lives drawn from the fitted model: periods NB with the fitted φ, each
    // unit condemned with probability 0.3 (repairable). The sum of NB periods with a common φ and the
    // binomial thinning are both NB again, so the formulas should match the simulation up to noise.
    const rng = createRng(7);
    const history = Array.from({ length: 36 }, (_, t) => negativeBinomial(rng, 8 * 0.96 ** t, 2.5));
    const input = part({ history, periodsRemaining: 18.5, position: 4, repairable: true, scrapRate: 0.3 });
    const r = lastTimeBuy(input, { confidence: 0.9 });
    const fit = r.decline!;
    expect(fit.model).toBe('exponential');
    expect(fit.dispersion).toBeGreaterThan(1.3);
    const stock = r.position + r.quantity!;
    const runs = 10_000;
    let covered = 0;
    const leftover: number[] = [];
    const shortage: number[] = [];
    for (let run = 0; run < runs; run++) {
      let need = 0;
      for (let j = 0; j <= 18; j++) {
        const share = j < 18 ? 1 : 0.5;
        const demand = negativeBinomial(rng, share * fit.rateAfterHistory * Math.exp(fit.slope * j), fit.dispersion);
        for (let u = 0; u < demand; u++) if (rng() < 0.3) need++;
      }
      if (need <= stock) covered++;
      leftover.push(Math.max(0, stock - need));
      shortage.push(Math.max(0, need - stock));
    }
    const p = covered / runs;
    expect(Math.abs(p - r.coverage)).toBeLessThan(4 * Math.sqrt((r.coverage * (1 - r.coverage)) / runs));
    expect(r.coverage).toBeGreaterThanOrEqual(0.9);
    // Means within 4 standard errors of the formulas.
    for (const [sample, expected] of [[leftover, r.expectedLeftover], [shortage, r.expectedShortage]] as const) {
      const mean = sample.reduce((a, x) => a + x, 0) / runs;
      const se = Math.sqrt(sample.reduce((a, x) => a + (x - mean) ** 2, 0) / (runs - 1) / runs);
      expect(Math.abs(mean - expected)).toBeLessThan(4 * se);
    }
  });
});

describe('periods until EndOfSupport', () => {
  test('from the end of the last month of the history to the end of the EndOfSupport day', () => {
    const grid = buildPeriodGrid('Month', monthPeriod(2023, 1), monthPeriod(2025, 12)); // history ends 2025-12-31
    // 2026-01-01 … 2027-06-30 inclusive = 546 days = 546 / 30.4375 months.
    expect(periodsUntil('2027-06-30', grid)).toBeCloseTo(546 / 30.4375, 12);
    expect(periodsUntil('2025-12-31', grid)).toBe(0);
    expect(periodsUntil('2025-06-30', grid)!).toBeLessThan(0);
    expect(periodsUntil('2025-02-30', grid)).toBeNull();
  });

  test('weeks: from the Monday after the last ISO week', () => {
    // Week period 0 is Monday 1970-01-05 … Sunday 1970-01-11; a grid of weeks 0 … 1 ends on 1970-01-18.
    const grid = buildPeriodGrid('Week', 0, 1);
    expect(periodsUntil('1970-01-25', grid)).toBe(1);
  });
});

/** Knuth's Poisson sampler (small means only). */
function poisson(rng: Rng, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let product = rng();
  while (product > limit) {
    k++;
    product *= rng();
  }
  return k;
}

/** Gamma(shape, 1) by Marsaglia–Tsang (shape ≥ 1; boosted for shape < 1). */
function gamma(rng: Rng, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * Math.pow(rng() || 1e-300, 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      const u1 = 1 - rng();
      x = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * rng());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Negative binomial with the given mean and variance-to-mean ratio φ > 1, as a gamma-Poisson mixture. */
function negativeBinomial(rng: Rng, mean: number, phi: number): number {
  if (mean <= 0) return 0;
  const shape = mean / (phi - 1);
  return poisson(rng, gamma(rng, shape) * (phi - 1));
}
