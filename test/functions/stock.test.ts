/**
 * SPP.FILLRATE, SPP.READYRATE, SPP.EBO, SPP.BASESTOCK and SPP.LEADTIMEDEMAND against independent
 * references: exact Poisson and negative binomial values (closed forms in the comments), a
 * simulation of compound Poisson demand for the compound fill rate, and hand calculations. The
 * functions are called as Excel calls them: arguments as cells hold them, errors thrown.
 */
import { FILL_RATE_MODELS } from '../../src/functions/choices';
import { LIMITS } from '../../src/functions/limits';
import { baseStock, ebo, fillRate, leadTimeDemand, readyRate } from '../../src/functions/stock';
import { DEFAULT_PLAN_SETTINGS } from '../../src/engine/plan';
import { failure } from './helpers';

const e2 = Math.exp(-2);

describe('Poisson lead-time demand (no variance given)', () => {
  // Mean 2: P(0) = e⁻², P(1) = P(2) = 2e⁻², P(3) = (4/3)e⁻²; F(0) = e⁻², F(1) = 3e⁻², F(2) = 5e⁻², F(3) = (19/3)e⁻².
  test.each([
    // S, fill rate F(S − 1), ready rate F(S), EBO(S) = μ − S + Σ_{j<S} F(j)
    [0, 0, e2, 2],
    [1, e2, 3 * e2, 1 + e2],
    [2, 3 * e2, 5 * e2, 4 * e2],
    [3, 5 * e2, (19 / 3) * e2, 9 * e2 - 1],
  ])('mean 2, S = %p', (stock, fill, ready, backorders) => {
    expect(fillRate(2, stock)).toBeCloseTo(fill, 14);
    expect(readyRate(2, stock)).toBeCloseTo(ready, 14);
    expect(ebo(2, stock)).toBeCloseTo(backorders, 14);
  });

  test.each([
    // Exact sums with 50-digit decimals (the engine's reference values): mean, S, EBO, F(S − 1), F(S).
    [7, 5, 2.292600125697305, 0.17299160788207135, 0.30070827617436097],
    [47, 50, 1.514546939496945, 0.65012453566097905, 0.70140800231125922],
    [0.5, 1, 0.10653065971263342, 0.60653065971263342, 0.90979598956895014],
  ])('mean %p, S = %p', (mean, stock, backorders, fill, ready) => {
    expect(ebo(mean, stock)).toBeCloseTo(backorders, 13);
    expect(fillRate(mean, stock)).toBeCloseTo(fill, 14);
    expect(readyRate(mean, stock)).toBeCloseTo(ready, 14);
  });

  test('for Poisson demand both fill-rate models are F(S − 1)', () => {
    for (const model of FILL_RATE_MODELS) expect(fillRate(7, 5, null, model)).toBeCloseTo(0.17299160788207135, 14);
  });

  test('a variance at or below the mean is Poisson, as in the engine', () => {
    expect(fillRate(2, 2, 2)).toBe(fillRate(2, 2));
    expect(fillRate(2, 2, 1.5)).toBe(fillRate(2, 2));
    expect(ebo(2, 2, '')).toBe(ebo(2, 2));
  });

  test('BASESTOCK: the smallest S with F(S − 1) >= target (mean 7: F(11) = 0.94665, F(12) = 0.97300)', () => {
    for (const model of FILL_RATE_MODELS) {
      expect(baseStock(7, 0.95, null, model)).toBe(13);
      expect(baseStock(7, 0.9, null, model)).toBe(11); // F(9) = 0.83050, F(10) = 0.90148
      expect(baseStock(7, 0.9466, null, model)).toBe(12);
    }
  });
});

describe('negative binomial lead-time demand (variance above the mean)', () => {
  // Mean 1, variance 2: NB with q = mean / variance = ½ and r = mean² / (variance − mean) = 1, the
  // geometric distribution P(X = k) = (½)^(k+1). As compound Poisson its batches are Logarithmic(½):
  // P(B = j) = (½)^j / (j ln 2), E[B] = 1 / ln 2. Compound fill rate
  // FR(S) = Σ_{k<S} P(X = k) · E[min(B, S − k)] / E[B]; FR(1) = ½ ln 2, FR(2) = 1.25 ln 2 − ¼.
  const compound = [0, 0.5 * Math.LN2, 1.25 * Math.LN2 - 0.25, 0.7854377586898837, 0.8831799071314992, 0.9374787382989461];
  const classic = [0, 0.5, 0.75, 0.875, 0.9375, 0.96875]; // F(S − 1) = 1 − (½)^S

  test.each([1, 2, 3, 4, 5])('geometric demand, S = %p: compound and classic fill rate', (stock) => {
    expect(fillRate(1, stock, 2, 'Compound')).toBeCloseTo(compound[stock], 14);
    expect(fillRate(1, stock, 2, 'Classic')).toBeCloseTo(classic[stock], 14);
    expect(readyRate(1, stock, 2)).toBeCloseTo(1 - 0.5 ** (stock + 1), 14);
    // EBO(S) = E[(X − S)+] = Σ_{k>S} (k − S)(½)^(k+1) = (½)^S for the geometric.
    expect(ebo(1, stock, 2)).toBeCloseTo(0.5 ** stock, 14);
  });

  test('BASESTOCK: smallest S reaching the target under each model', () => {
    expect(baseStock(1, 0.7, 2, 'Compound')).toBe(3); // FR(2) = 0.616 < 0.7 <= FR(3) = 0.785
    expect(baseStock(1, 0.7, 2, 'Classic')).toBe(2); // F(1) = 0.75
    expect(baseStock(1, 0.9, 2, 'Compound')).toBe(5); // FR(4) = 0.883 < 0.9 <= FR(5) = 0.937
    expect(baseStock(1, 0.9, 2, 'Classic')).toBe(4); // F(2) = 0.875 < 0.9 <= F(3) = 0.9375
  });

  test('exact rational NB values: r = 3, q = ¼ (mean 9, variance 36), S = 10 and 20', () => {
    // Summed exactly with Python fractions (the engine's reference): EBO(S), F(S − 1), F(S).
    expect(ebo(9, 10, 36)).toBeCloseTo(1.9322574734687805, 12);
    expect(fillRate(9, 10, 36, 'Classic')).toBeCloseTo(0.60932499170303345, 13);
    expect(readyRate(9, 20, 36)).toBeCloseTo(0.95079666475997726, 13);
  });

  test('compound fill rate matches a simulation of compound Poisson demand with logarithmic batches', () => {
    // Continuous-time base-stock system: batches arrive as a Poisson process, sizes Logarithmic(θ),
    // every unit resupplied L periods after its demand; a batch takes what is on the shelf.
    // NB(r = 2, q = 0.4): lead-time demand mean r(1 − q)/q = 3, variance mean/q = 7.5.
    // Math's functions bound once: looked up on Jest's sandboxed global they cost 10× the run time.
    const { imul, log, max, min } = Math;
    const L = 1.5;
    const r = 2;
    const q = 0.4;
    const theta = 1 - q;
    const batchesPerPeriod = (-r * log(q)) / L;
    let seed = 20240611;
    const uniform = () => {
      seed = (seed + 0x6d2b79f5) | 0; // mulberry32
      let t = imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
    };
    const logarithmic = () => {
      let u = uniform() * -log(1 - theta);
      let j = 1;
      let p = theta;
      while (u > p / j) {
        u -= p / j;
        j++;
        p *= theta;
      }
      return j;
    };
    const batches = 300_000;
    for (const stock of [1, 3, 6, 10]) {
      const times = new Float64Array(batches);
      const sizes = new Float64Array(batches);
      let head = 0;
      let inResupply = 0;
      let time = 0;
      let units = 0;
      let filled = 0;
      for (let i = 0; i < batches; i++) {
        time += -log(uniform()) / batchesPerPeriod;
        while (head < i && times[head] <= time - L) inResupply -= sizes[head++];
        const batch = logarithmic();
        units += batch;
        filled += min(batch, max(0, stock - inResupply));
        times[i] = time;
        sizes[i] = batch;
        inResupply += batch;
      }
      expect(fillRate(3, stock, 7.5, 'Compound')).toBeCloseTo(filled / units, 2);
    }
  });
});

describe('defaults and choices come from the engine', () => {
  test('the model defaults to the engine default, and the models differ where batches matter', () => {
    const byDefault = fillRate(1, 3, 2);
    expect(byDefault).toBe(fillRate(1, 3, 2, DEFAULT_PLAN_SETTINGS.fillRateModel));
    for (const model of FILL_RATE_MODELS.filter((m) => m !== DEFAULT_PLAN_SETTINGS.fillRateModel)) expect(fillRate(1, 3, 2, model)).not.toBe(byDefault);
    expect(baseStock(1, 0.9, 2)).toBe(baseStock(1, 0.9, 2, DEFAULT_PLAN_SETTINGS.fillRateModel));
  });

  test('model names are matched like workbook enums', () => {
    expect(fillRate(1, 3, 2, 'classic')).toBe(fillRate(1, 3, 2, 'Classic'));
    expect(failure(() => fillRate(1, 3, 2, 'Exact'))).toEqual(['#VALUE!', `model must be one of ${FILL_RATE_MODELS.join(', ')}, found "Exact"`]);
  });
});

describe('no lead-time demand', () => {
  test('mean 0 is read as no demand: not stocked, no backorder, and a unit demanded all the same is filled only from stock (as the analysis reports)', () => {
    expect(baseStock(0, 0.95)).toBe(0);
    // The limits as the mean falls to 0: F(S − 1) → 1 for S ≥ 1, and 0 for S = 0 at every mean.
    expect(fillRate(0, 0)).toBe(0);
    expect(fillRate(0, 0, 0, 'Classic')).toBe(0);
    expect(fillRate(0, 1)).toBe(1);
    expect(fillRate(0, 2, 0, 'Classic')).toBe(1);
    expect(readyRate(0, 0)).toBe(1);
    expect(ebo(0, 0)).toBe(0);
  });

  test('positive demand and no stock: nothing is filled at once', () => {
    expect(fillRate(0.3, 0)).toBe(0);
    expect(ebo(0.3, 0)).toBeCloseTo(0.3, 14);
  });
});

describe('bad arguments give Excel errors, never a number', () => {
  test.each([
    ['text for the mean', () => fillRate('two', 2), '#VALUE!', 'mean must be a number, found "two"'],
    ['a missing stock', () => fillRate(2, null), '#VALUE!', 'stock is required'],
    ['a negative mean', () => ebo(-1, 2), '#NUM!', `mean must be a number from 0 to ${LIMITS.mean}, found -1`],
    ['a fractional stock', () => readyRate(2, 1.5), '#NUM!', `stock must be a whole number from 0 to ${LIMITS.stock}, found 1.5`],
    ['a negative variance', () => fillRate(2, 2, -1), '#NUM!', `variance must be a number from 0 to ${LIMITS.variance}, found -1`],
    ['a target of 100 %', () => baseStock(2, 1), '#NUM!', 'target_fill_rate must be a number > 0 and < 1, found 1'],
    ['a target of 0', () => baseStock(2, 0), '#NUM!', 'target_fill_rate must be a number > 0 and < 1, found 0'],
    ['a target as text', () => baseStock(2, '95%'), '#VALUE!', 'target_fill_rate must be a number, found "95%"'],
  ])('%s', (_label, call, code, message) => {
    expect(failure(call)).toEqual([code, message]);
  });

  test('beyond the work limits: #NUM! instead of freezing Excel', () => {
    expect(failure(() => fillRate(LIMITS.mean * 2, 5))[0]).toBe('#NUM!');
    expect(failure(() => fillRate(5, LIMITS.stock + 1))[0]).toBe('#NUM!');
    expect(failure(() => baseStock(1, 0.95, LIMITS.dispersion * 2))).toEqual(['#NUM!', `variance must be at most ${LIMITS.dispersion} × mean (${LIMITS.dispersion}), found ${LIMITS.dispersion * 2}`]);
  });

  test('a target the engine search cannot reach is #NUM!, not a stock short of it', () => {
    // Mean 0.01, variance 1: rare, huge batches (E[B] ≈ 21.5); the engine stops searching at
    // mean + 60σ + 100 = 160 units, where the compound fill rate is still below 0.99.
    const [code, message] = failure(() => baseStock(0.01, 0.99, 1));
    expect(code).toBe('#NUM!');
    expect(message).toMatch(/^no base stock up to 16\d units reaches a Compound fill rate of 0.99/);
  });
});

describe('SPP.LEADTIMEDEMAND', () => {
  test('rate × days / days per period (a month is 365.25 / 12 = 30.4375 days, a week 7)', () => {
    expect(leadTimeDemand(2.5, 45)).toBeCloseTo(3.696098562628337, 14);
    expect(leadTimeDemand(2.5, 45, 'Month')).toBe(leadTimeDemand(2.5, 45));
    expect(leadTimeDemand(2.5, 45, 'week')).toBeCloseTo(16.071428571428573, 14);
    expect(leadTimeDemand(0, 45)).toBe(0);
    expect(leadTimeDemand(1, 365.25 / 12)).toBeCloseTo(1, 15);
  });

  test('bad arguments', () => {
    expect(failure(() => leadTimeDemand(-1, 10))).toEqual(['#NUM!', 'rate_per_period must be a number >= 0, found -1']);
    expect(failure(() => leadTimeDemand(1, 'ten'))).toEqual(['#VALUE!', 'lead_time_days must be a number, found "ten"']);
    expect(failure(() => leadTimeDemand(1, 10, 'Day'))).toEqual(['#VALUE!', 'period_length must be one of Month, Week, found "Day"']);
  });
});
