import fc from 'fast-check';
import { createRng, deriveSeed, type Rng } from '../../src/sample/random';
import { logGamma, sampleCompoundPoisson, sampleGamma, sampleNegativeBinomial, samplePoisson } from '../../src/sample/samplers';

const DRAWS = 100_000;

function moments(draw: () => number, n = DRAWS): { mean: number; variance: number } {
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    sum += x;
    sumSquares += x * x;
  }
  const mean = sum / n;
  return { mean, variance: (sumSquares - n * mean * mean) / (n - 1) };
}

/**
 * The sample mean is within 4.5 standard errors of the true mean; the sample variance within 4.5
 * standard errors of the true variance, using Var(s²) ≈ (μ₄ − σ⁴) / n from the true fourth
 * central moment μ₄. A correct sampler fails this about once in 100,000 seeds.
 */
function expectMoments(draw: () => number, mean: number, variance: number, fourthCentral: number): void {
  const actual = moments(draw);
  expect(Math.abs(actual.mean - mean)).toBeLessThan(4.5 * Math.sqrt(variance / DRAWS));
  expect(Math.abs(actual.variance - variance)).toBeLessThan(4.5 * Math.sqrt((fourthCentral - variance * variance) / DRAWS));
}

describe('createRng', () => {
  it('gives numbers in [0, 1), the same sequence for the same seed', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const a = createRng(seed);
        const b = createRng(seed);
        for (let i = 0; i < 50; i++) {
          const x = a();
          if (!(x >= 0 && x < 1) || x !== b()) return false;
        }
        return true;
      }),
    );
  });

  it('is uniform: mean 1/2, variance 1/12', () => {
    const rng = createRng(1);
    expectMoments(rng, 0.5, 1 / 12, 1 / 80);
  });

  it('derives distinct seeds for distinct streams and for seeds that differ above 2^32', () => {
    const seeds = new Set<number>();
    for (let stream = 0; stream < 10; stream++) for (let i = 0; i < 1000; i++) seeds.add(deriveSeed(7, stream, i));
    expect(seeds.size).toBe(10_000);
    expect(deriveSeed(1)).not.toBe(deriveSeed(1 + 2 ** 32));
  });
});

describe('samplers', () => {
  let rng: Rng;
  beforeEach(() => {
    rng = createRng(20250101);
  });

  it('logGamma matches log factorials', () => {
    let logFactorial = 0;
    for (let k = 1; k <= 170; k++) {
      logFactorial += Math.log(k);
      expect(logGamma(k + 1)).toBeCloseTo(logFactorial, 8);
    }
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });

  // λ = 0.3 and 4 use Knuth's method, 45 and 800 the PTRS rejection sampler.
  it.each([0.3, 4, 45, 800])('Poisson(%p) has mean and variance λ', (lambda) => {
    expectMoments(() => samplePoisson(rng, lambda), lambda, lambda, lambda * (1 + 3 * lambda));
  });

  it.each([0.3, 4, 45])('Poisson(%p) has P(0) = exp(-λ) and P(k) right around the mode', (lambda) => {
    const k = Math.floor(lambda);
    const hits = [0, k].map(() => 0);
    for (let i = 0; i < DRAWS; i++) {
      const x = samplePoisson(rng, lambda);
      if (x === 0) hits[0]++;
      if (x === k) hits[1]++;
    }
    [0, k].forEach((value, j) => {
      const p = Math.exp(-lambda + value * Math.log(lambda) - logGamma(value + 1));
      expect(Math.abs(hits[j] / DRAWS - p)).toBeLessThan(4.5 * Math.sqrt((p * (1 - p)) / DRAWS) + 1e-9);
    });
  });

  it('Poisson gives 0 for a zero or negative mean', () => {
    expect(samplePoisson(rng, 0)).toBe(0);
    expect(samplePoisson(rng, -1)).toBe(0);
  });

  it.each([
    [0.5, 2],
    [1, 3],
    [2.5, 1],
    [9, 0.5],
  ])('Gamma(shape %p, scale %p) has mean kθ and variance kθ²', (shape, scale) => {
    // Fourth central moment of a gamma: 3k(k + 2)θ⁴.
    expectMoments(() => sampleGamma(rng, shape, scale), shape * scale, shape * scale * scale, 3 * shape * (shape + 2) * scale ** 4);
  });

  it.each([
    [5, 1],
    [12, 0.8],
    [2, 4],
  ])('negative binomial(mean %p, shape %p) has variance mean + mean²/shape', (mean, shape) => {
    const variance = mean + (mean * mean) / shape;
    expectMoments(() => sampleNegativeBinomial(rng, mean, shape), mean, variance, negativeBinomialFourthCentral(mean, shape));
  });

  it('compound Poisson has mean λ·E[S] and variance λ·E[S²]', () => {
    const [rate, extra, shape] = [0.6, 4, 1];
    // Batch size S = 1 + NB(extra, shape); its raw moments from the pmf, summed far into the tail.
    const sizeMoment = (power: number) => sumOver(2000, (k) => negativeBinomialPmf(k, extra, shape) * (1 + k) ** power);
    // Cumulants of a compound Poisson are κₙ = λ·E[Sⁿ]; μ₄ = κ₄ + 3κ₂².
    const variance = rate * sizeMoment(2);
    expectMoments(() => sampleCompoundPoisson(rng, rate, extra, shape), rate * sizeMoment(1), variance, rate * sizeMoment(4) + 3 * variance * variance);
  });
});

function negativeBinomialPmf(k: number, mean: number, shape: number): number {
  const p = shape / (shape + mean);
  return Math.exp(logGamma(k + shape) - logGamma(shape) - logGamma(k + 1) + shape * Math.log(p) + k * Math.log(1 - p));
}

function sumOver(n: number, term: (k: number) => number): number {
  let sum = 0;
  for (let k = 0; k < n; k++) sum += term(k);
  return sum;
}

/** μ₄ = κ₄ + 3κ₂² from the negative binomial's cumulants, written with mean m and shape r. */
function negativeBinomialFourthCentral(m: number, r: number): number {
  const q = m / r; // (1 − p) / p
  const k2 = r * q * (1 + q);
  const k4 = r * q * (1 + q) * (1 + 6 * q * (1 + q));
  return k4 + 3 * k2 * k2;
}
