/**
 * Stock on hand in the sample: roughly what a planner would hold, with the noise of real networks
 * (some part-locations short or stocked out, some carrying excess), so a run has both to report.
 */
import { logNormal, uniform, type Rng } from './random';

const STOCKOUT_SHARE = 0.08;
const EXCESS_SHARE = 0.06;

/**
 * Units on hand for a location whose demand runs at `unitsPerPeriod` and whose stock must cover
 * `coverPeriods` periods of replenishment time: demand over that time plus a square-root safety
 * margin, at least one unit (an FSL promising 4-hour service keeps a slow mover on the shelf),
 * scattered log-normally (σ = 0.6) so about half land under and half over.
 */
export function sampleOnHand(unitsPerPeriod: number, coverPeriods: number, rng: Rng): number {
  const demandOverCover = unitsPerPeriod * coverPeriods;
  const need = Math.max(1, demandOverCover + 1.5 * Math.sqrt(demandOverCover));
  const draw = rng();
  if (draw < STOCKOUT_SHARE) return 0;
  const excess = draw < STOCKOUT_SHARE + EXCESS_SHARE ? uniform(rng, 3, 6) : 1;
  return Math.round(need * excess * logNormal(rng, 1, 0.6));
}
