/**
 * A calibration map g: the model's fill rate → the fill rate achieved on backtests (docs/methods.md
 * §6.1). Fitted by isotonic regression (pool-adjacent-violators, weighted by replayed demand), so g
 * is the demand-weighted mean achieved fill rate among backtested decisions whose model fill rate
 * was p, constrained to be non-decreasing in p (Barlow et al. 1972; Zadrozny & Elkan 2002 for its
 * use as a calibration map). Between the fitted blocks g is linear through the blocks' weighted
 * centres; outside them it is constant, so g is continuous and non-decreasing and the decision
 * "least S with g(FR(S)) ≥ target" keeps the base-stock policy's monotonicity in the target.
 */

export interface CalibrationMap {
  /** Knots, ascending in `model`, non-decreasing in `achieved`. */
  model: readonly number[];
  achieved: readonly number[];
}

/** The highest aim a backtested decision is taken at (σ(7) ≈ 99.91 %): the map has no evidence above it, so no decision aims higher. */
export const MAX_AIM = 1 / (1 + Math.exp(-7));

/**
 * Lead-time bands the maps are kept apart by — under one period, one to two periods, two or more:
 * the replay spreads a period's units inside it, so below a period the model under-promises and
 * at several periods its lead-time demand misses the level's drift; one map across them would
 * average opposite errors (BENCHMARKS.md, "Decision quality").
 */
export const LEAD_TIME_BANDS = ['under 1 period', '1 to 2 periods', '2 periods or more'] as const;
export type LeadTimeBand = (typeof LEAD_TIME_BANDS)[number];
export function leadTimeBand(leadTimePeriods: number): number {
  return leadTimePeriods < 1 ? 0 : leadTimePeriods < 2 ? 1 : 2;
}

/** A demand class's maps, one per lead-time band (LEAD_TIME_BANDS' order). */
export type ClassMaps = readonly CalibrationMap[];

/** The identity map (no calibration). */
export const IDENTITY_MAP: CalibrationMap = Object.freeze({ model: [0, 1], achieved: [0, 1] });

/** Points (x, y) with weights w; returns the pooled blocks as knots (weighted mean x, weighted mean y). */
export function isotonicMap(x: ArrayLike<number>, y: ArrayLike<number>, w: ArrayLike<number>): CalibrationMap {
  const order = Array.from({ length: x.length }, (_, i) => i).filter((i) => w[i] > 0);
  order.sort((a, b) => x[a] - x[b] || y[a] - y[b]);
  // Pool-adjacent-violators on the sorted points: a stack of blocks, merged while a block's mean
  // is not above the one before it (ties in x are pooled too, so each knot has one x).
  const sw: number[] = [];
  const swx: number[] = [];
  const swy: number[] = [];
  for (const i of order) {
    sw.push(w[i]);
    swx.push(w[i] * x[i]);
    swy.push(w[i] * y[i]);
    while (sw.length >= 2) {
      const k = sw.length - 1;
      const violates = swy[k] / sw[k] <= swy[k - 1] / sw[k - 1] || swx[k] / sw[k] <= swx[k - 1] / sw[k - 1];
      if (!violates) break;
      sw[k - 1] += sw[k];
      swx[k - 1] += swx[k];
      swy[k - 1] += swy[k];
      sw.pop();
      swx.pop();
      swy.pop();
    }
  }
  if (sw.length === 0) return IDENTITY_MAP;
  const model = sw.map((s, k) => swx[k] / s);
  const achieved = sw.map((s, k) => swy[k] / s);
  // No stock fills nothing, whatever the model: g(0) = 0 anchors the map below its first block.
  if (model[0] > 0) {
    model.unshift(0);
    achieved.unshift(0);
  }
  return { model, achieved };
}

/** g(p): linear between knots, constant outside them. */
export function applyMap(map: CalibrationMap, p: number): number {
  const { model, achieved } = map;
  const last = model.length - 1;
  if (p <= model[0]) return achieved[0];
  if (p >= model[last]) return achieved[last];
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (model[mid] <= p) lo = mid;
    else hi = mid;
  }
  // The fraction first: a product of two tiny differences would underflow.
  return achieved[lo] + (achieved[hi] - achieved[lo]) * ((p - model[lo]) / (model[hi] - model[lo]));
}

/** The most any model fill rate achieves under g. */
export function mapMaximum(map: CalibrationMap): number {
  return map.achieved[map.achieved.length - 1];
}

/**
 * The least model fill rate p with g(p) ≥ target; when no p reaches it, the least p at which g
 * reaches its maximum (more stock would buy no achieved fill rate on this evidence). Never above MAX_AIM.
 */
export function requiredModelFillRate(map: CalibrationMap, target: number): number {
  const { model, achieved } = map;
  const top = mapMaximum(map);
  const t = Math.min(target, top);
  if (t <= achieved[0]) return Math.min(model[0], MAX_AIM);
  let k = 1;
  while (achieved[k] < t) k++;
  // achieved[k − 1] < t ≤ achieved[k]: linear inside the segment. Rounding may land a few ulps low
  // (knots a few ulps apart, denormals): step up to the least double that reaches t. g is monotone,
  // so the result stays monotone in the target.
  let p = model[k - 1] + (model[k] - model[k - 1]) * ((t - achieved[k - 1]) / (achieved[k] - achieved[k - 1]));
  for (let step = 0; applyMap(map, p) < t && p < model[k]; step++) p = step < 64 ? nextUp(p) : model[k];
  return Math.min(MAX_AIM, p);
}

const ulp = new Float64Array(1);
const ulpBits = new BigInt64Array(ulp.buffer);
/** The next double above x ≥ 0. */
function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  ulp[0] = x;
  ulpBits[0] += 1n;
  return ulp[0];
}

/** A convex combination of maps (the class's map shrunk toward the pooled one): non-decreasing again, on the union of the knots. */
export function blendMaps(a: CalibrationMap, b: CalibrationMap, weightOfA: number): CalibrationMap {
  if (weightOfA >= 1) return a;
  if (weightOfA <= 0) return b;
  const knots = [...new Set([...a.model, ...b.model])].sort((p, q) => p - q);
  return { model: knots, achieved: knots.map((p) => weightOfA * applyMap(a, p) + (1 - weightOfA) * applyMap(b, p)) };
}
