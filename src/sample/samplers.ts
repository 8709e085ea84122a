/**
 * Samplers for the count distributions of service-parts demand: Poisson (unit demands arriving at
 * random), gamma, and the negative binomial as a gamma–Poisson mixture (a demand rate that itself
 * varies from period to period, which gives the over-dispersion of erratic and lumpy demand).
 */
import { standardNormal, type Rng } from './random';

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7; about 15 significant digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Below this mean, Knuth's multiplication method is both exact and fastest. */
const KNUTH_LIMIT = 30;

/** Poisson(mean): Knuth's method for small means, Hörmann's PTRS transformed rejection above. */
export function samplePoisson(rng: Rng, mean: number): number {
  if (!(mean > 0)) return 0;
  if (mean < KNUTH_LIMIT) {
    const limit = Math.exp(-mean);
    let k = 0;
    let product = rng();
    while (product > limit) {
      k++;
      product *= rng();
    }
    return k;
  }
  return poissonPtrs(rng, mean);
}

/** W. Hörmann (1993), "The transformed rejection method for generating Poisson random variables". */
function poissonPtrs(rng: Rng, mean: number): number {
  const sqrtMean = Math.sqrt(mean);
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * sqrtMean;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng() - 0.5;
    const v = rng();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -mean + k * logMean - logGamma(k + 1)) return k;
  }
}

/** Gamma(shape, scale) by Marsaglia & Tsang (2000); shapes below 1 use the U^(1/shape) boost. */
export function sampleGamma(rng: Rng, shape: number, scale: number): number {
  if (shape < 1) return sampleGamma(rng, shape + 1, scale) * Math.pow(1 - rng(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}

/**
 * Negative binomial with the given mean and shape r (the "size"): variance = mean + mean²/r.
 * Drawn as Poisson(Gamma(r, mean/r)), so r → ∞ approaches Poisson and small r means wild swings.
 */
export function sampleNegativeBinomial(rng: Rng, mean: number, shape: number): number {
  if (!(mean > 0)) return 0;
  return samplePoisson(rng, sampleGamma(rng, shape, mean / shape));
}

/**
 * Compound Poisson: Poisson(rate) orders, each of 1 + NB(extraMean, shape) units. Models lumpy
 * demand: rare orders, but an order is a batch (a kit, a fleet retrofit, a site rebuild).
 */
export function sampleCompoundPoisson(rng: Rng, rate: number, extraMean: number, shape: number): number {
  const orders = samplePoisson(rng, rate);
  let units = 0;
  for (let i = 0; i < orders; i++) units += 1 + sampleNegativeBinomial(rng, extraMean, shape);
  return units;
}
