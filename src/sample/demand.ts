/**
 * Demand patterns of the sample, one per Syntetos–Boylan class, and the simulation of a part's
 * demand history at one location.
 */
import type { Lifecycle } from '../model/types';
import { chance, uniform, type Rng } from './random';
import { sampleCompoundPoisson, sampleNegativeBinomial, samplePoisson } from './samplers';

export type DemandPattern = 'smooth' | 'erratic' | 'intermittent' | 'lumpy';

export const DEMAND_PATTERNS: readonly DemandPattern[] = ['smooth', 'erratic', 'intermittent', 'lumpy'];

/** Share of parts per pattern: service parts are mostly slow movers. */
export const PATTERN_SHARES: Readonly<Record<DemandPattern, number>> = { smooth: 0.2, erratic: 0.15, intermittent: 0.4, lumpy: 0.25 };

export interface DemandProfile {
  pattern: DemandPattern;
  /**
   * Per month at a typical FSL at the start of the history: mean units (smooth, intermittent,
   * erratic) or mean orders (lumpy).
   */
  rate: number;
  /** Negative binomial shape of erratic quantities and lumpy batch sizes; smaller is wilder. */
  shape: number;
  /** Lumpy only: mean units per order beyond the first. */
  batchExtra: number;
  /** Rate at the last period relative to the first: below 1 a declining part, above 1 a growing one. */
  endRatio: number;
}

/**
 * Parameters chosen so that each pattern stays in its class at every location scale (0.6 to 4
 * times a typical FSL) over 36 monthly periods: e.g. erratic's shape ≤ 1.4 keeps CV² ≈ 1/mean +
 * 1/shape above 0.49, and its mean ≥ 8 keeps zero periods rare enough for ADI < 1.32.
 */
export function drawDemandProfile(pattern: DemandPattern, lifecycle: Lifecycle, rng: Rng): DemandProfile {
  const endRatio = drawEndRatio(lifecycle, rng);
  switch (pattern) {
    case 'smooth':
      return { pattern, rate: uniform(rng, 4, 15), shape: 0, batchExtra: 0, endRatio };
    case 'erratic':
      return { pattern, rate: uniform(rng, 8, 25), shape: uniform(rng, 0.8, 1.4), batchExtra: 0, endRatio };
    case 'intermittent':
      return { pattern, rate: uniform(rng, 0.08, 0.4), shape: 0, batchExtra: 0, endRatio };
    case 'lumpy':
      return { pattern, rate: uniform(rng, 0.08, 0.4), shape: uniform(rng, 0.6, 1.2), batchExtra: uniform(rng, 2, 8), endRatio };
  }
}

/** EndOfLife parts fade out, a third of Active parts grow (a rising installed base), Mature ones sag. */
function drawEndRatio(lifecycle: Lifecycle, rng: Rng): number {
  switch (lifecycle) {
    case 'EndOfLife':
      return uniform(rng, 0.2, 0.5);
    case 'Mature':
      return uniform(rng, 0.8, 1);
    case 'Active':
      return chance(rng, 0.35) ? uniform(rng, 1.3, 2) : 1;
  }
}

/** Demand multiplier of period `t` of `periods` from the drift alone: geometric from 1 to endRatio. */
export function driftAt(profile: DemandProfile, t: number, periods: number): number {
  if (periods < 2) return profile.endRatio;
  return Math.pow(profile.endRatio, t / (periods - 1));
}

/** Expected units per period when the profile's rate is multiplied by `multiplier`. */
export function expectedUnits(profile: DemandProfile, multiplier: number): number {
  const mean = profile.rate * multiplier;
  return profile.pattern === 'lumpy' ? mean * (1 + profile.batchExtra) : mean;
}

/** Units demanded in one period with the profile's rate scaled by `multiplier`. */
export function drawUnits(profile: DemandProfile, multiplier: number, rng: Rng): number {
  const mean = profile.rate * multiplier;
  switch (profile.pattern) {
    case 'smooth':
    case 'intermittent':
      return samplePoisson(rng, mean);
    case 'erratic':
      return sampleNegativeBinomial(rng, mean, profile.shape);
    case 'lumpy':
      return sampleCompoundPoisson(rng, mean, profile.batchExtra, profile.shape);
  }
}

/**
 * A demand history of `periods` periods at a location whose demand is `scale` times a typical
 * FSL's; `monthsPerPeriod` converts the monthly rates (1 for months, 7 / (365.25 / 12) for weeks).
 */
export function simulateDemand(profile: DemandProfile, scale: number, periods: number, monthsPerPeriod: number, rng: Rng): number[] {
  const quantities = new Array<number>(periods);
  for (let t = 0; t < periods; t++) quantities[t] = drawUnits(profile, scale * monthsPerPeriod * driftAt(profile, t, periods), rng);
  return quantities;
}
