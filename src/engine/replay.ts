/**
 * Replay of a base-stock policy on actual demand: how many of the demanded units would have been
 * filled at once from stock.
 *
 * Model (continuous review, one-for-one replenishment, backorders — the model behind F(S − 1)):
 * every demanded unit triggers a replenishment that arrives L periods later, so the net stock
 * when a unit arrives is S minus the units demanded in the preceding L periods, and the unit is
 * filled at once exactly when fewer than S units were demanded in that window. Periods are
 * buckets, so the d units of period t are placed evenly inside it, at t + (j + ½)/d for
 * j = 0 … d − 1. Demand before the replay window fills the pipeline at its start, as it would have
 * in reality.
 */
export interface ReplayOutcome {
  demand: number;
  filled: number;
}

export class ReplayWorkspace {
  times = new Float64Array(1024);
  ensure(length: number): Float64Array {
    if (this.times.length < length) this.times = new Float64Array(Math.max(length, this.times.length * 2));
    return this.times;
  }
}

export function replayBaseStock(
  y: ArrayLike<number>,
  from: number,
  to: number,
  stock: number,
  leadTimePeriods: number,
  workspace: ReplayWorkspace = new ReplayWorkspace(),
): ReplayOutcome {
  const firstPeriod = Math.max(0, Math.floor(from - leadTimePeriods));
  let units = 0;
  for (let t = firstPeriod; t < to; t++) units += y[t] > 0 ? y[t] : 0;
  const times = workspace.ensure(units);
  let head = 0; // oldest unit still in the replenishment pipeline
  let tail = 0; // units seen so far
  let demand = 0;
  let filled = 0;
  for (let t = firstPeriod; t < to; t++) {
    const d = y[t];
    if (!(d > 0)) continue;
    const counted = t >= from;
    for (let j = 0; j < d; j++) {
      const time = t + (j + 0.5) / d;
      // Replenishments of units demanded at or before time − L have arrived.
      while (head < tail && times[head] <= time - leadTimePeriods) head++;
      if (counted) {
        demand++;
        if (tail - head < stock) filled++;
      }
      times[tail++] = time;
    }
  }
  return { demand, filled };
}
