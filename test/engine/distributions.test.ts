import fc from 'fast-check';
import { baseStockForFillRate, baseStockPerformance, compoundFillRate } from '../../src/engine/base-stock';
import { cdf, expectedBackorders, fitDistribution, logGamma, type DemandDistribution } from '../../src/engine/distributions';

const poisson = (mean: number): DemandDistribution => ({ kind: 'Poisson', mean, variance: mean });
const negBin = (mean: number, variance: number): DemandDistribution => ({ kind: 'NegativeBinomial', mean, variance });

describe('Poisson loss and CDF against exact values', () => {
  // Reference values: exact sums with 50-digit decimals (Python decimal), and the textbook values.
  test.each([
    [7, 5, 2.292600125697305, 0.17299160788207135, 0.30070827617436097],
    [47, 50, 1.514546939496945, 0.65012453566097905, 0.70140800231125922],
    [0.5, 1, 0.10653065971263342, 0.60653065971263342, 0.90979598956895014],
    [2, 4, 0.075141009628061278, 0.85712346049854704, 0.94734698265628881],
  ])('mean %p, S = %p', (mean, stock, ebo, fillRate, readyRate) => {
    const dist = poisson(mean);
    expect(expectedBackorders(dist, stock)).toBeCloseTo(ebo, 13);
    expect(cdf(dist, stock - 1)).toBeCloseTo(fillRate, 14);
    expect(cdf(dist, stock)).toBeCloseTo(readyRate, 14);
  });

  test('large means neither underflow nor lose the tail (normal limit)', () => {
    // For mean 1e6 the Poisson is N(1e6, 1e6) to within ~1/(6σ) skewness: F(μ + σ) ≈ Φ(1) = 0.8413.
    const dist = poisson(1e6);
    expect(cdf(dist, 1e6 + 1000)).toBeCloseTo(0.8413, 2);
    expect(expectedBackorders(dist, 1e6)).toBeCloseTo(1000 * 0.3989422804, -1); // σ·φ(0)
  });
});

describe('negative binomial loss against exact rational arithmetic', () => {
  // NB(r, q) with P(X = k) = C(k + r − 1, k) q^r (1 − q)^k summed exactly with Python fractions.
  test.each([
    // r, q, S, EBO(S), F(S − 1), F(S)
    [3, 1 / 4, 10, 1.9322574734687805, 0.60932499170303345, 0.66739830374717712],
    [3, 1 / 4, 20, 0.24854373571395172, 0.93935057166788738, 0.95079666475997726],
    [1, 1 / 2, 2, 0.25, 0.75, 0.875],
  ])('r = %p, q = %p, S = %p', (r, q, stock, ebo, fillRate, readyRate) => {
    const mean = (r * (1 - q)) / q;
    const dist = negBin(mean, mean / q);
    expect(expectedBackorders(dist, stock)).toBeCloseTo(ebo, 12);
    expect(cdf(dist, stock - 1)).toBeCloseTo(fillRate, 13);
    expect(cdf(dist, stock)).toBeCloseTo(readyRate, 13);
  });

  test('fitDistribution picks Poisson up to variance = mean', () => {
    expect(fitDistribution(2, 1.5).kind).toBe('Poisson');
    expect(fitDistribution(2, 2).kind).toBe('Poisson');
    expect(fitDistribution(2, 2.5)).toEqual({ kind: 'NegativeBinomial', mean: 2, variance: 2.5 });
    expect(fitDistribution(0, 3)).toEqual({ kind: 'Poisson', mean: 0, variance: 0 });
  });

  test('logGamma matches factorials and Γ(½) = √π', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
    expect(logGamma(171)).toBeCloseTo(706.5730622457874, 9);
  });
});

describe('compound (batch) fill rate', () => {
  test('geometric lead-time demand, S = 1: P(X = 0)·E[min(B, 1)] / E[B] = ½·ln 2', () => {
    // NB r = 1, q = ½: P(X = 0) = ½, batches Logarithmic(½) with E[B] = 1/ln 2.
    expect(compoundFillRate(negBin(1, 2), 1)).toBeCloseTo(0.5 * Math.LN2, 14);
  });

  test('equals F(S − 1) for Poisson demand', () => {
    expect(compoundFillRate(poisson(7), 5)).toBeCloseTo(0.17299160788207135, 14);
  });

  test('tends to F(S − 1) as the batches shrink to single units', () => {
    const nearlyPoisson = negBin(3, 3 * (1 + 1e-7));
    expect(compoundFillRate(nearlyPoisson, 4)).toBeCloseTo(cdf(poisson(3), 3), 5);
  });

  test('matches a simulation of compound Poisson demand with logarithmic batches', () => {
    // Continuous-time base-stock simulation: batches arrive at rate λ per period, each unit is
    // resupplied L periods after its demand; count units filled at once.
    const L = 2;
    const r = 1.5;
    const q = 0.4; // NB lead-time demand: mean r(1−q)/q = 2.25, variance mean/q = 5.625
    const theta = 1 - q;
    const lambda = (-r * Math.log(q)) / L; // batches per period
    const dist = negBin((r * (1 - q)) / q, (r * (1 - q)) / (q * q));
    let seed = 12345; // mulberry32
    const uniform = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
    };
    const logarithmic = () => {
      let u = uniform() * -Math.log(1 - theta);
      let j = 1;
      let p = theta;
      while (u > p / j) {
        u -= p / j;
        j++;
        p *= theta;
      }
      return j;
    };
    for (const stock of [2, 5, 9]) {
      const pipeline: number[] = [];
      let head = 0;
      let time = 0;
      let units = 0;
      let filled = 0;
      for (let i = 0; i < 400000; i++) {
        time += -Math.log(uniform()) / lambda;
        while (head < pipeline.length && pipeline[head] <= time - L) head++;
        const onHand = Math.max(0, stock - (pipeline.length - head));
        const batch = logarithmic();
        units += batch;
        filled += Math.min(batch, onHand);
        for (let j = 0; j < batch; j++) pipeline.push(time);
      }
      expect(filled / units).toBeCloseTo(compoundFillRate(dist, stock), 2);
    }
  });
});

describe('base-stock search', () => {
  test('classic: the smallest S with F(S − 1) ≥ target (Poisson mean 7)', () => {
    // F(10) = 0.90148, F(11) = 0.94665, F(12) = 0.97300022657473133 (exact Poisson values, 40-digit decimals).
    const result = baseStockForFillRate(poisson(7), 0.95, 'Classic');
    expect(result.stock).toBe(13);
    expect(result.fillRate).toBeCloseTo(0.97300022657473133, 14);
    expect(baseStockForFillRate(poisson(7), 0.9, 'Classic').stock).toBe(11);
  });

  test('compound model needs at least the classic stock', () => {
    const dist = negBin(2, 8);
    const classic = baseStockForFillRate(dist, 0.95, 'Classic');
    const compound = baseStockForFillRate(dist, 0.95, 'Compound');
    expect(compound.stock).toBeGreaterThan(classic.stock);
    expect(compound.fillRate).toBeGreaterThanOrEqual(0.95);
    expect(compoundFillRate(dist, compound.stock - 1)).toBeLessThan(0.95);
  });

  test('degenerate lead-time demand (instant resupply) still needs one unit', () => {
    const result = baseStockForFillRate(poisson(0), 0.95, 'Compound');
    expect(result).toMatchObject({ stock: 1, fillRate: 1, readyRate: 1, expectedBackorders: 0, expectedOnHand: 1 });
  });

  const distributions = fc.oneof(
    fc.double({ min: 0.01, max: 200, noNaN: true }).map(poisson),
    fc.tuple(fc.double({ min: 0.01, max: 200, noNaN: true }), fc.double({ min: 1.05, max: 30, noNaN: true })).map(([m, ratio]) => negBin(m, m * ratio)),
  );

  test('property: fill rate and ready rate rise with S; EBO falls and is convex; on hand = S − μ + EBO', () => {
    fc.assert(
      fc.property(distributions, fc.integer({ min: 0, max: 300 }), (dist, stock) => {
        for (const model of ['Classic', 'Compound'] as const) {
          const a = baseStockPerformance(dist, stock, model);
          const b = baseStockPerformance(dist, stock + 1, model);
          const c = baseStockPerformance(dist, stock + 2, model);
          expect(b.fillRate).toBeGreaterThanOrEqual(a.fillRate - 1e-12);
          expect(b.readyRate).toBeGreaterThanOrEqual(a.readyRate - 1e-12);
          expect(b.expectedBackorders).toBeLessThanOrEqual(a.expectedBackorders + 1e-12);
          expect(a.expectedBackorders - b.expectedBackorders).toBeGreaterThanOrEqual(b.expectedBackorders - c.expectedBackorders - 1e-9);
          expect(a.expectedOnHand).toBeCloseTo(stock - dist.mean + a.expectedBackorders, 8);
          expect(a.fillRate).toBeLessThanOrEqual(a.classicFillRate + 1e-12);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('property: the chosen S is the smallest meeting the target', () => {
    fc.assert(
      fc.property(distributions, fc.double({ min: 0.5, max: 0.995, noNaN: true }), fc.constantFrom('Classic' as const, 'Compound' as const), (dist, target, model) => {
        const chosen = baseStockForFillRate(dist, target, model);
        expect(chosen.fillRate).toBeGreaterThanOrEqual(target);
        expect(baseStockPerformance(dist, chosen.stock - 1, model).fillRate).toBeLessThan(target);
      }),
      { numRuns: 300 },
    );
  });
});
