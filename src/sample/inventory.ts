/**
 * Inventory in the sample: what a planner with a rule of thumb would hold, with the noise of a
 * real network — most part-locations near a sound level, some short or stocked out, some carrying
 * excess, and end-of-life parts still stocked for the demand they used to have — so a run has
 * shortages, excess and obsolete stock to report around the recommended levels.
 *
 * The planner's level: demand over the replenishment cover plus z standard deviations, with the
 * dispersion of the part's demand pattern (a base-stock rule of thumb; Silver, Pyke & Thomas 2017,
 * ch. 7), at least one unit at a field location with demand. It is not the engine's recommendation
 * (the sample cannot run the planner it is made to test), only close to it on average.
 */
import type { DemandProfile } from './demand';
import { standardNormal, uniform, type Rng } from './random';

/** Shares of part-locations by how far they are from the planner's level (the rest: near it). */
const STOCKOUT_SHARE = 0.04;
const SHORT_SHARE = 0.14;
const EXCESS_SHARE = 0.14;

/** Safety factors: fields sell the 4- and 8-hour tiers (95–97%), Centrals' shelves back them up. */
const FIELD_Z = 1.9;
const CENTRAL_Z = 1.6;
/** Days a field's order waits at the Central on average, on top of its resupply time. */
export const FIELD_WAIT_DAYS = 3;

/**
 * Variance-to-mean ratio of a period's units: 1 for Poisson (smooth, intermittent); 1 + m/k for
 * negative binomial units (erratic, mean m, shape k); E[B²]/E[B] for compound Poisson orders of size
 * B = 1 + X, X negative binomial with mean e and shape k (lumpy): E[B] = 1 + e, E[B²] = e + e²/k + (1 + e)².
 */
export function periodDispersion(profile: DemandProfile, unitsPerPeriod: number): number {
  switch (profile.pattern) {
    case 'smooth':
    case 'intermittent':
      return 1;
    case 'erratic':
      return 1 + unitsPerPeriod / profile.shape;
    case 'lumpy': {
      const e = profile.batchExtra;
      return (e + (e * e) / profile.shape + (1 + e) ** 2) / (1 + e);
    }
  }
}

export interface PlannerInput {
  /** Units per period the planner plans for (today's rate; an end-of-life part's rate of old). */
  unitsPerPeriod: number;
  /** Replenishment cover in periods: the Central's supply or repair pipeline, a field's resupply plus its wait. */
  coverPeriods: number;
  /** Variance-to-mean ratio of the demand (periodDispersion). */
  dispersion: number;
  field: boolean;
}

/** The planner's level μ + z·√(v·μ) rounded at safety factor z, μ the demand over the cover; at least 1 at a field with demand. */
export function plannerLevel(input: PlannerInput, z = input.field ? FIELD_Z : CENTRAL_Z): number {
  const mean = input.unitsPerPeriod * input.coverPeriods;
  if (!(mean > 0)) return 0;
  const level = Math.max(0, Math.round(mean + z * Math.sqrt(input.dispersion * mean)));
  return input.field ? Math.max(1, level) : level;
}

/**
 * The inventory position (on hand + on order + in repair): the planner's level with the noise of a real network. A planner misjudges the
 * safety stock, not the demand over the cover, so shortfalls and scatter are in the safety factor:
 * near the level (z ± 0.4, normal), short (z lowered by 1 to 2.5 at a field, 0.5 to 1.5 at a Central), or in excess (1.5–3 times the
 * level: overbuying, cancelled projects). A field can also be stocked out; a Central, which every
 * field of the part depends on, is never left empty.
 */
export function samplePosition(input: PlannerInput, rng: Rng): number {
  const z = input.field ? FIELD_Z : CENTRAL_Z;
  const draw = rng();
  if (draw < STOCKOUT_SHARE && input.field) return 0;
  if (draw < STOCKOUT_SHARE + SHORT_SHARE) return plannerLevel({ ...input, field: false }, z - (input.field ? uniform(rng, 1, 2.5) : uniform(rng, 0.5, 1.5)));
  if (draw < STOCKOUT_SHARE + SHORT_SHARE + EXCESS_SHARE) return Math.round(plannerLevel(input) * uniform(rng, 1.5, 3));
  return plannerLevel(input, z + 0.4 * standardNormal(rng));
}
