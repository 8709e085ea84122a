/**
 * The size of one demand occurrence: the units of a period with demand. Read from the
 * part-location's own non-zero periods; where it has few (fewer than MIN_OWN_SIZES), the same part's
 * sizes at its other locations are pooled in with a combined weight that tops the own count up to
 * MIN_OWN_SIZES (a part sells in similar lots everywhere). The empirical pmf is then smoothed
 * toward a shifted geometric distribution of the same mean with weight SMOOTHING / (n + SMOOTHING),
 * n the weighted count: one or two observed sizes do not rule out a larger one, and the geometric
 * is the maximum-entropy law on 1, 2, … of a given mean. Sizes of 1 only (mean 1) stay exactly 1.
 */

export const MIN_OWN_SIZES = 5;
export const SMOOTHING = 1;
/** The geometric tail is cut where it holds less than this; the pmf is renormalised. */
const TAIL = 1e-6;

export interface SizeDistribution {
  /** pmf[j] = P(B = j) for j = 1 … maxSize; pmf[0] = 0. */
  pmf: Float64Array;
  maxSize: number;
  mean: number;
  variance: number;
  /** Own non-zero periods read. */
  observations: number;
  /** Sizes pooled from other locations (0 when the own ones suffice). */
  pooled: number;
}

/** A demand quantity as a whole number of units (≥ 1 when there is demand). */
const units = (d: number): number => (d >= 1 ? Math.round(d) : 1);

/**
 * The size pmf from y[0 … n) (non-zero entries are sizes) and, when given, the same part's demand
 * at its other locations over the same periods (`otherSeries`, read over [0, n) too, so a backtest
 * never sees the future).
 */
export function sizeDistribution(y: ArrayLike<number>, n: number, otherSeries: readonly ArrayLike<number>[] = []): SizeDistribution {
  const others: number[] = [];
  for (const series of otherSeries) for (let t = 0; t < n; t++) if (series[t] > 0) others.push(series[t]);
  return sizeDistributionOf(y, n, others);
}

/** As sizeDistribution, with the other locations' sizes given as a flat list of sizes. */
export function sizeDistributionOf(y: ArrayLike<number>, n: number, others: ArrayLike<number>): SizeDistribution {
  let observations = 0;
  let maxSize = 1;
  for (let t = 0; t < n; t++) {
    if (y[t] > 0) {
      observations++;
      const u = units(y[t]);
      if (u > maxSize) maxSize = u;
    }
  }
  const poolWeight = observations < MIN_OWN_SIZES && others.length > 0 ? Math.min(1, (MIN_OWN_SIZES - observations) / others.length) : 0;
  if (poolWeight > 0) for (let i = 0; i < others.length; i++) maxSize = Math.max(maxSize, units(others[i]));
  const counts = new Float64Array(maxSize + 1);
  for (let t = 0; t < n; t++) if (y[t] > 0) counts[units(y[t])] += 1;
  if (poolWeight > 0) for (let i = 0; i < others.length; i++) counts[units(others[i])] += poolWeight;
  let weight = 0;
  let sum = 0;
  for (let j = 1; j <= maxSize; j++) {
    weight += counts[j];
    sum += j * counts[j];
  }
  if (weight === 0) return unitSizes(0);
  const empiricalMean = sum / weight;
  if (empiricalMean === 1) return { ...unitSizes(observations), pooled: poolWeight > 0 ? others.length : 0 };
  // Shifted geometric on 1, 2, … with the empirical mean: P(B = j) = (1 − θ)·θ^{j−1}, θ = 1 − 1/mean.
  const theta = 1 - 1 / empiricalMean;
  const geometricMax = Math.max(maxSize, Math.ceil(1 + Math.log(TAIL) / Math.log(theta)));
  const pmf = new Float64Array(geometricMax + 1);
  const smoothing = SMOOTHING / (weight + SMOOTHING);
  let geometric = 1 - theta;
  let geometricTotal = 0;
  for (let j = 1; j <= geometricMax; j++) {
    geometricTotal += geometric;
    geometric *= theta;
  }
  geometric = 1 - theta;
  for (let j = 1; j <= geometricMax; j++) {
    pmf[j] = (1 - smoothing) * (j <= maxSize ? counts[j] / weight : 0) + (smoothing * geometric) / geometricTotal;
    geometric *= theta;
  }
  return finish(pmf, observations, poolWeight > 0 ? others.length : 0);
}

/** Every occurrence demands one unit. */
export function unitSizes(observations: number): SizeDistribution {
  const pmf = new Float64Array(2);
  pmf[1] = 1;
  return { pmf, maxSize: 1, mean: 1, variance: 0, observations, pooled: 0 };
}

/** A size distribution from an explicit pmf (pmf[0] ignored), for tests and callers with their own sizes. */
export function sizesFromPmf(pmf: ArrayLike<number>): SizeDistribution {
  const copy = new Float64Array(pmf.length);
  for (let j = 1; j < pmf.length; j++) copy[j] = pmf[j];
  return finish(copy, 0, 0);
}

function finish(pmf: Float64Array, observations: number, pooled: number): SizeDistribution {
  let total = 0;
  let mean = 0;
  let second = 0;
  let maxSize = 1;
  for (let j = 1; j < pmf.length; j++) {
    total += pmf[j];
    mean += j * pmf[j];
    second += j * j * pmf[j];
    if (pmf[j] > 0) maxSize = j;
  }
  mean /= total;
  second /= total;
  for (let j = 1; j < pmf.length; j++) pmf[j] /= total;
  return { pmf, maxSize, mean, variance: Math.max(0, second - mean * mean), observations, pooled };
}
