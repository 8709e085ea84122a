/**
 * Named instances after Axsäter, S., *Inventory Control* (2nd ed. 2006, 3rd ed. 2015), Springer —
 * chapter 5, single-echelon (S − 1, S) policies under continuous review with Poisson and compound
 * Poisson demand, complete backordering:
 *   inventory level IL = S − D(L) in steady state, D(L) the demand during the lead time;
 *   compound Poisson demand: customers arrive at rate λ, each demands B units with P(B = j) = f_j,
 *     P(D(L) = k) = Σ_n e^{−λL} (λL)^n / n! · f^{n*}_k   (f^{n*} the n-fold convolution);
 *   fill rate (share of units delivered at once, partial deliveries allowed)
 *     = Σ_{k<S} P(D(L) = k) · Σ_j f_j · min(j, S − k) / E[B];
 *   with logarithmic batch sizes, D(L) is negative binomial (Quenouille 1949, used by Axsäter §5).
 *
 * Parameters are ours. The expected values are computed here a second way — the convolution and
 * the double sum above, written out directly — and in the comments with 40-digit mpmath; the engine
 * computes them from the negative binomial's pmf and its batch table instead.
 */
import { baseStockForFillRate, baseStockPerformance, compoundFillRate } from '../../src/engine/base-stock';
import { cdf, type DemandDistribution } from '../../src/engine/distributions';

const N = 160; // units tabulated; the tail beyond is below 1e-25 for these parameters

/** Logarithmic batch sizes: f_j = θ^j / (j·(−ln(1 − θ))), j ≥ 1. */
function logarithmic(theta: number): number[] {
  const f = [0];
  for (let j = 1; j <= N; j++) f.push(Math.pow(theta, j) / (j * -Math.log(1 - theta)));
  return f;
}

/** P(D(L) = k), k = 0 … N, for a Poisson(λL) number of customers with batch pmf f, by convolution. */
function compoundPoissonPmf(lambdaL: number, f: number[]): number[] {
  const pmf = new Array<number>(N + 1).fill(0);
  let fold = [1, ...new Array<number>(N).fill(0)]; // f^{0*}
  let weight = Math.exp(-lambdaL);
  for (let n = 0; n < 80; n++) {
    for (let k = 0; k <= N; k++) pmf[k] += weight * fold[k];
    const next = new Array<number>(N + 1).fill(0);
    for (let k = 0; k <= N; k++) if (fold[k] > 0) for (let j = 1; k + j <= N; j++) next[k + j] += fold[k] * f[j];
    fold = next;
    weight *= lambdaL / (n + 1);
  }
  return pmf;
}

function axsaterFillRate(pmf: number[], f: number[], S: number): number {
  const meanBatch = f.reduce((sum, fj, j) => sum + j * fj, 0);
  let units = 0;
  for (let k = 0; k < S; k++) {
    let delivered = 0;
    for (let j = 1; j <= N; j++) delivered += f[j] * Math.min(j, S - k);
    units += pmf[k] * delivered;
  }
  return units / meanBatch;
}

/**
 * Instance `axsater_compound_poisson_logarithmic`: customers arrive at λL = −1.5·ln 0.4 = 1.374436
 * per lead time, each wanting Logarithmic(θ = 0.6) units (E[B] = 0.6/(0.4·ln 2.5) = 1.637035).
 * D(L) ~ NB(r = 1.5, q = 0.4): mean r·θ/q = 2.25, variance mean/q = 5.625.
 */
const INSTANCE = {
  name: 'axsater_compound_poisson_logarithmic',
  lambdaL: -1.5 * Math.log(0.4),
  theta: 0.6,
  leadTimeDemand: { kind: 'NegativeBinomial', mean: 2.25, variance: 5.625 } as DemandDistribution,
  // mpmath (40 digits), convolution and double sum: S → fill rate
  fillRate: [NaN, 0.154536837953332, 0.34696394493927465, 0.52227195539325063, 0.66282819912163762, 0.76797359075481555, 0.84329297884521982, 0.89567530199485657, 0.93133442135570533, 0.9552199026887682, 0.97101827575718764, 0.9813624022360657],
};

describe(`${INSTANCE.name} (Axsäter, Inventory Control, ch. 5: compound Poisson demand, (S − 1, S) policy)`, () => {
  const f = logarithmic(INSTANCE.theta);
  const pmf = compoundPoissonPmf(INSTANCE.lambdaL, f);

  test('the convolution is the negative binomial the engine uses (Quenouille)', () => {
    for (let k = 0; k <= 40; k++) {
      const engine = cdf(INSTANCE.leadTimeDemand, k) - cdf(INSTANCE.leadTimeDemand, k - 1);
      expect(engine).toBeCloseTo(pmf[k], 14);
    }
    const mean = pmf.reduce((sum, p, k) => sum + k * p, 0);
    expect(mean).toBeCloseTo(2.25, 12);
  });

  test('S = 1: only a customer finding nothing in resupply is served, one unit: q^r / E[B] = 0.4^1.5 / 1.637035', () => {
    expect(compoundFillRate(INSTANCE.leadTimeDemand, 1)).toBeCloseTo(Math.pow(0.4, 1.5) / (0.6 / (0.4 * Math.log(2.5))), 14);
  });

  test('fill rate for S = 1 … 11 against the table and against the direct double sum', () => {
    for (let S = 1; S <= 11; S++) {
      expect(axsaterFillRate(pmf, f, S)).toBeCloseTo(INSTANCE.fillRate[S], 13);
      expect(compoundFillRate(INSTANCE.leadTimeDemand, S)).toBeCloseTo(INSTANCE.fillRate[S], 13);
    }
  });

  test('the least S for 95 % is 9 (FR(8) = 0.93133 < 0.95 ≤ FR(9) = 0.95522); for 90 % it is 8', () => {
    expect(baseStockForFillRate(INSTANCE.leadTimeDemand, 0.95, 'Compound')).toMatchObject({ stock: 9 });
    expect(baseStockForFillRate(INSTANCE.leadTimeDemand, 0.95, 'Compound').fillRate).toBeCloseTo(INSTANCE.fillRate[9], 13);
    expect(baseStockForFillRate(INSTANCE.leadTimeDemand, 0.9, 'Compound').stock).toBe(8);
  });

  test('counting customers instead of units (F(S − 1), the Classic model) overstates the fill rate', () => {
    for (let S = 1; S <= 11; S++) {
      const perCustomer = pmf.slice(0, S).reduce((a, b) => a + b, 0);
      expect(baseStockPerformance(INSTANCE.leadTimeDemand, S, 'Classic').fillRate).toBeCloseTo(perCustomer, 13);
      expect(perCustomer).toBeGreaterThan(INSTANCE.fillRate[S]);
    }
  });

  test('expected inventory level E[IL] = S − E[D(L)] and on hand = E[(S − D)+], by summation', () => {
    for (const S of [3, 9]) {
      const onHand = pmf.reduce((sum, p, k) => sum + Math.max(0, S - k) * p, 0);
      const backorders = pmf.reduce((sum, p, k) => sum + Math.max(0, k - S) * p, 0);
      const performance = baseStockPerformance(INSTANCE.leadTimeDemand, S);
      expect(performance.expectedOnHand).toBeCloseTo(onHand, 12);
      expect(performance.expectedBackorders).toBeCloseTo(backorders, 12);
      expect(onHand - backorders).toBeCloseTo(S - 2.25, 12);
    }
  });
});

/**
 * Instance `axsater_poisson_unit_demand`: pure Poisson demand (every customer wants one unit), mean
 * lead-time demand 4. With unit demand the fill rate equals P(IL > 0) = P(D(L) ≤ S − 1) and both
 * fill-rate models agree. F(5) = 0.785130, F(6) = 0.889326, F(7) = 0.948866, F(8) = 0.978637 (mpmath, 30 digits).
 */
describe('axsater_poisson_unit_demand (Axsäter, ch. 5: Poisson demand, fill rate = P(IL > 0))', () => {
  const dist: DemandDistribution = { kind: 'Poisson', mean: 4, variance: 4 };
  const F = { 5: 0.785130387030405, 6: 0.889326021597426, 7: 0.948866384207153, 8: 0.978636565512016 } as Record<number, number>;

  test('F(S − 1) by the table, by direct summation, and by both models', () => {
    let p = Math.exp(-4);
    let sum = 0;
    for (let k = 0; k <= 8; k++) {
      sum += p;
      if (F[k] !== undefined) {
        expect(sum).toBeCloseTo(F[k], 13);
        expect(compoundFillRate(dist, k + 1)).toBeCloseTo(F[k], 13);
        expect(baseStockPerformance(dist, k + 1, 'Classic').fillRate).toBeCloseTo(F[k], 13);
      }
      p *= 4 / (k + 1);
    }
  });

  test('the least S for 95 % is 9 (F(7) = 0.94887 < 0.95 ≤ F(8) = 0.97864)', () => {
    expect(baseStockForFillRate(dist, 0.95, 'Compound').stock).toBe(9);
    expect(baseStockForFillRate(dist, 0.95, 'Classic').stock).toBe(9);
  });
});
