/**
 * The occurrence–size lead-time demand model against hand calculations and independent
 * references: brute-force convolution over the count, the negative binomial as a compound
 * Poisson with logarithmic sizes (Quenouille 1949), and the Poisson cdf for unit sizes.
 */
import fc from 'fast-check';
import { CompoundPmf, type CountDistribution } from '../../../src/engine/lead-time-demand/panjer';
import { compoundBaseStock, compoundFillRate, compoundLeadTimeDemand, compoundPerformance, countDispersion } from '../../../src/engine/lead-time-demand/compound';
import { sizeDistribution, sizesFromPmf, unitSizes } from '../../../src/engine/lead-time-demand/sizes';
import { cdf, PmfTable } from '../../../src/engine/distributions';

/** P(N = n) from the closed forms, for the brute-force reference. */
function countPmf(count: CountDistribution, n: number): number {
  const logChoose = (a: number, b: number) => lnGammaRef(a + 1) - lnGammaRef(b + 1) - lnGammaRef(a - b + 1);
  if (count.kind === 'Poisson') return Math.exp(-count.mean + n * Math.log(count.mean) - lnGammaRef(n + 1));
  if (count.kind === 'Binomial') return n > count.trials ? 0 : Math.exp(logChoose(count.trials, n) + n * Math.log(count.probability) + (count.trials - n) * Math.log1p(-count.probability));
  const { r, beta } = count;
  return Math.exp(lnGammaRef(n + r) - lnGammaRef(r) - lnGammaRef(n + 1) - r * Math.log1p(beta) + n * Math.log(beta / (1 + beta)));
}

/** ln Γ by Stirling's series after shifting x above 30 (independent of the engine's Lanczos). */
function lnGammaRef(x: number): number {
  let shift = 0;
  while (x < 30) {
    shift -= Math.log(x);
    x += 1;
  }
  const inv = 1 / x;
  return shift + (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + inv / 12 - inv ** 3 / 360 + inv ** 5 / 1260;
}

/** P(X = k) by summing P(N = n)·f^{*n}(k) over n, the n-fold convolutions computed directly. */
function bruteForce(count: CountDistribution, size: number[], kMax: number): number[] {
  const result = new Array<number>(kMax + 1).fill(0);
  let conv = new Array<number>(kMax + 1).fill(0);
  conv[0] = 1;
  for (let n = 0; n <= kMax; n++) {
    const pn = countPmf(count, n);
    for (let k = 0; k <= kMax; k++) result[k] += pn * conv[k];
    const next = new Array<number>(kMax + 1).fill(0);
    for (let k = 0; k <= kMax; k++) for (let j = 1; j < size.length && j + k <= kMax; j++) next[k + j] += conv[k] * size[j];
    conv = next;
  }
  return result;
}

describe('Panjer recursion', () => {
  test('Poisson(1) with sizes 1 or 2 (½ each), by hand: e⁻¹, ½e⁻¹, ⅝e⁻¹', () => {
    const table = new CompoundPmf();
    table.reset({ kind: 'Poisson', mean: 1 }, Float64Array.from([0, 0.5, 0.5]));
    // P(X=2) = P(N=1)·P(B=2) + P(N=2)·P(B=1)² = e⁻¹·½ + (e⁻¹/2)·¼ = ⅝e⁻¹.
    expect(table.at(0)).toBeCloseTo(Math.exp(-1), 15);
    expect(table.at(1)).toBeCloseTo(0.5 * Math.exp(-1), 15);
    expect(table.at(2)).toBeCloseTo(0.625 * Math.exp(-1), 15);
  });

  test('Binomial(2, ½) with unit sizes is Binomial(2, ½): ¼, ½, ¼, 0', () => {
    const table = new CompoundPmf();
    table.reset({ kind: 'Binomial', trials: 2, probability: 0.5 }, Float64Array.from([0, 1]));
    expect([0, 1, 2, 3].map((k) => table.at(k))).toEqual([0.25, 0.5, 0.25, 0].map((x) => expect.closeTo(x, 15)));
  });

  test('NB(r = 2, β = 1) with sizes 1 or 3: P(X = 3) by hand', () => {
    // P(N=0) = ¼, P(N=1) = ¼, P(N=2) = 3/16, P(N=3) = ⅛. Sizes P(1) = 0.7, P(3) = 0.3.
    // P(X=3) = P(N=1)·0.3 + P(N=3)·0.7³ = 0.075 + 0.042875 = 0.117875.
    const table = new CompoundPmf();
    table.reset({ kind: 'NegativeBinomial', r: 2, beta: 1 }, Float64Array.from([0, 0.7, 0, 0.3]));
    expect(table.at(0)).toBeCloseTo(0.25, 15);
    expect(table.at(3)).toBeCloseTo(0.117875, 14);
  });

  test('agrees with brute-force convolution for every count kind and random size pmfs', () => {
    const sizePmf = fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }).map((w) => {
      const total = w.reduce((a, b) => a + b, 0);
      return [0, ...w.map((x) => x / total)];
    });
    const count = fc.oneof(
      fc.double({ min: 0.05, max: 4, noNaN: true }).map((mean): CountDistribution => ({ kind: 'Poisson', mean })),
      fc.record({ trials: fc.integer({ min: 1, max: 6 }), probability: fc.double({ min: 0.05, max: 0.9, noNaN: true }) }).map((b): CountDistribution => ({ kind: 'Binomial', ...b })),
      fc.record({ r: fc.double({ min: 0.2, max: 5, noNaN: true }), beta: fc.double({ min: 0.05, max: 3, noNaN: true }) }).map((b): CountDistribution => ({ kind: 'NegativeBinomial', ...b })),
    );
    fc.assert(
      fc.property(count, sizePmf, (n, size) => {
        const table = new CompoundPmf();
        table.reset(n, Float64Array.from(size));
        const reference = bruteForce(n, size, 25);
        for (let k = 0; k <= 25; k++) expect(table.at(k)).toBeCloseTo(reference[k], 10);
      }),
      { numRuns: 60, seed: 20261202 },
    );
  });

  test('a compound Poisson with logarithmic sizes is the negative binomial (Quenouille)', () => {
    // NB with mean 3, variance 7.5: q = 0.4, r = 2; Poisson rate −r·ln q, sizes Logarithmic(θ = 0.6).
    const q = 0.4;
    const r = 2;
    const theta = 1 - q;
    const size = new Float64Array(400);
    for (let j = 1; j < size.length; j++) size[j] = -Math.pow(theta, j) / (j * Math.log(q));
    const compound = new CompoundPmf();
    compound.reset({ kind: 'Poisson', mean: -r * Math.log(q) }, size);
    const nb = new PmfTable();
    nb.reset({ kind: 'NegativeBinomial', mean: 3, variance: 7.5 });
    for (let k = 0; k < 40; k++) expect(compound.at(k)).toBeCloseTo(nb.at(k), 12);
  });
});

describe('unit fill rate of compound demand', () => {
  test('Poisson(1) occurrences, sizes 1 or 2: fill rate of S = 2 is 2e⁻¹/1.5 by hand', () => {
    // E[B] = 1.5; E[min(B,1)] = 1, E[min(B,2)] = 1.5; fill(2) = (P(X=0)·1.5 + P(X=1)·1) / 1.5.
    const ltd = compoundLeadTimeDemand(1.5, 1, sizesFromPmf([0, 0.5, 0.5]));
    expect(ltd.count).toEqual({ kind: 'Poisson', mean: 1 });
    expect(compoundFillRate(ltd, 2)).toBeCloseTo((2 * Math.exp(-1)) / 1.5, 14);
    expect(compoundFillRate(ltd, 1)).toBeCloseTo(Math.exp(-1) / 1.5, 14);
    expect(compoundFillRate(ltd, 0)).toBe(0);
  });

  test('unit sizes: the fill rate is the Poisson F(S − 1) and the stock the Poisson base stock', () => {
    for (const mean of [0.3, 2, 7.5]) {
      const ltd = compoundLeadTimeDemand(mean, 1, unitSizes(10));
      for (let s = 1; s < 15; s++) expect(compoundFillRate(ltd, s)).toBeCloseTo(cdf({ kind: 'Poisson', mean, variance: mean }, s - 1), 12);
      const result = compoundBaseStock(ltd, 0.95);
      expect(cdf({ kind: 'Poisson', mean, variance: mean }, result.stock - 1)).toBeGreaterThanOrEqual(0.95);
      expect(cdf({ kind: 'Poisson', mean, variance: mean }, result.stock - 2)).toBeLessThan(0.95);
    }
  });

  test('performance: EBO, on hand and ready rate by hand for Poisson(1), sizes 1 or 2, S = 2', () => {
    const ltd = compoundLeadTimeDemand(1.5, 1, sizesFromPmf([0, 0.5, 0.5]));
    const e = Math.exp(-1);
    const p = compoundPerformance(ltd, 2);
    // E[(S − X)+] = 2·P(0) + 1·P(1) = 2.5e⁻¹; EBO = μ − S + E[(S − X)+]; ready = P(X ≤ 2).
    expect(p.expectedOnHand).toBeCloseTo(2.5 * e, 14);
    expect(p.expectedBackorders).toBeCloseTo(1.5 - 2 + 2.5 * e, 14);
    expect(p.readyRate).toBeCloseTo(e + 0.5 * e + 0.625 * e, 14);
    expect(p.classicFillRate).toBeCloseTo(1.5 * e, 14);
  });

  test('rate uncertainty: an arrival sees NB(r + 1, β) — Θ ~ Exp(1), S = 1 gives E[Θe^{−Θ}]/E[Θ] = ¼', () => {
    // Count dispersion 2 at one occurrence per lead time: NB(r = 1, β = 1), i.e. Poisson(Θ) with Θ ~ Exp(1).
    const ltd = compoundLeadTimeDemand(1, 1, unitSizes(10), 2);
    expect(ltd.count).toEqual({ kind: 'NegativeBinomial', r: 1, beta: 1 });
    expect(ltd.arrivalCount).toEqual({ kind: 'NegativeBinomial', r: 2, beta: 1 });
    // ∫ θ·e^{−θ}·e^{−θ} dθ = ¼, while the stationary P(X = 0) = ½ (the ready rate of S = 0 ... the time average).
    expect(compoundFillRate(ltd, 1)).toBeCloseTo(0.25, 14);
    expect(compoundPerformance(ltd, 0).readyRate).toBeCloseTo(0.5, 14);
    // S = 2: E[Θ·P(Poisson(Θ) ≤ 1)] = ∫ θ(1 + θ)e^{−2θ} dθ = ¼ + 2/8 = ½.
    expect(compoundFillRate(ltd, 2)).toBeCloseTo(0.5, 14);
  });

  test('the mean and variance of lead-time demand: E[N]·Var(B) + Var(N)·E[B]²', () => {
    // Sizes 1 or 3 (½ each): E[B] = 2, Var(B) = 1. Rate 4 per period over 1.5 periods: E[N] = 3.
    const ltd = compoundLeadTimeDemand(4, 1.5, sizesFromPmf([0, 0.5, 0, 0.5]), 2.5);
    expect(ltd.mean).toBeCloseTo(6, 14);
    expect(ltd.variance).toBeCloseTo(3 * 1 + 2.5 * 3 * 4, 12);
    // Count dispersion read back from a per-period mean and variance: V = λ·Var(B) + c·λ·E[B]².
    expect(countDispersion(4, 2 * 1 + 2.5 * 2 * 4, ltd.sizes)).toBeCloseTo(2.5, 12);
    expect(countDispersion(4, 1, ltd.sizes)).toBe(1);
  });
});

describe('order sizes', () => {
  test('own sizes smoothed toward a geometric of the same mean with weight 1/(n + 1)', () => {
    // Sizes 2, 2, 4 (mean 8/3): empirical ⅔ at 2, ⅓ at 4; weight ¼ on the geometric with θ = 1 − 3/8.
    const sizes = sizeDistribution([0, 2, 0, 2, 4, 0], 6);
    expect(sizes.observations).toBe(3);
    expect(sizes.mean).toBeCloseTo(8 / 3, 5);
    const theta = 5 / 8;
    const geometricAt = (j: number) => (1 - theta) * theta ** (j - 1);
    // The geometric is cut where its tail is below 1e-6 and renormalised: within 1e-6 of the closed form.
    expect(sizes.pmf[1]).toBeCloseTo(0.25 * geometricAt(1), 5);
    expect(sizes.pmf[2]).toBeCloseTo(0.75 * (2 / 3) + 0.25 * geometricAt(2), 5);
    expect(sizes.pmf[4]).toBeCloseTo(0.75 * (1 / 3) + 0.25 * geometricAt(4), 5);
  });

  test('sizes of one unit stay exactly one; few own sizes pool the other locations up to five', () => {
    expect(sizeDistribution([1, 0, 1, 1], 4).pmf[1]).toBe(1);
    // One own size (3) and four elsewhere (1, 1, 1, 1) each weighted 1: empirical mean (3 + 4)/5.
    const pooled = sizeDistribution([0, 3, 0], 3, [[1, 1, 0], [1, 1, 0]]);
    expect(pooled.pooled).toBe(4);
    expect(pooled.mean).toBeCloseTo(7 / 5, 5);
    // Other locations' demand after the decision's periods is not read.
    expect(sizeDistribution([0, 3, 0], 2, [[1, 1, 9]]).pooled).toBe(2);
  });
});

describe('properties (fast-check)', () => {
  const sizesArb = fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 15 }).map((s) => sizeDistribution(s, s.length));
  test('at fixed sizes and count dispersion, the stock never falls when the rate rises', () => {
    fc.assert(
      fc.property(sizesArb, fc.double({ min: 0.01, max: 5, noNaN: true }), fc.double({ min: 1, max: 3, noNaN: true }), fc.double({ min: 1, max: 4, noNaN: true }), fc.double({ min: 0.5, max: 0.99, noNaN: true }), (sizes, rate, factor, c, target) => {
        const low = compoundBaseStock(compoundLeadTimeDemand(rate, 1, sizes, c), target).stock;
        const high = compoundBaseStock(compoundLeadTimeDemand(rate * factor, 1, sizes, c), target).stock;
        expect(high).toBeGreaterThanOrEqual(low);
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  test('the stock never rises when the target falls', () => {
    fc.assert(
      fc.property(sizesArb, fc.double({ min: 0.01, max: 5, noNaN: true }), fc.double({ min: 1, max: 4, noNaN: true }), fc.double({ min: 0.5, max: 0.99, noNaN: true }), fc.double({ min: 0, max: 0.4, noNaN: true }), (sizes, rate, c, target, drop) => {
        const ltd = compoundLeadTimeDemand(rate, 2, sizes, c);
        const high = compoundBaseStock(ltd, target);
        const low = compoundBaseStock(ltd, target * (1 - drop));
        expect(low.stock).toBeLessThanOrEqual(high.stock);
        expect(high.fillRate).toBeGreaterThanOrEqual(target);
        // Minimal: one unit less misses the target.
        if (high.stock > 1) expect(compoundFillRate(ltd, high.stock - 1)).toBeLessThan(target);
      }),
      { numRuns: 150, seed: 11 },
    );
  });
});
