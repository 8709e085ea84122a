/**
 * Each part's cost–service curve and its convex envelope (Sherbrooke 2004, ch. 4 §4.6, the
 * marginal analysis of VARI-METRIC).
 *
 * The loss of a plan is Σ over the part's rows of wm·(annual misses within response) + wb·(customer
 * backorders); the optimiser chooses the weights. For a fixed central level s₀ the field rows are
 * independent, so the best plan for every number of field units comes from merging the fields'
 * loss curves by their marginal loss reduction per unit — after replacing each field's curve by its
 * lower convex envelope, since a fill-rate loss is not convex in s below the pipeline's mode.
 * Doing this for every s₀ and keeping, for each total number of units n = s₀ + Σ sⱼ, the least loss
 * gives the part's curve; its lower convex envelope (in money = unit cost × n, loss) holds exactly
 * the plans that minimise money + λ·loss for some λ (Everett 1963), which is what makes the greedy
 * across parts optimal at each of its points.
 */
import { FieldCurve, PartModel } from './part-model';
import type { NetworkProblem, NetworkSettings } from './problem';

/** Growable typed-array columns of the envelope vertices of all parts (CSR by part). */
export class EnvelopeStore {
  /** Vertices of part p: start[p] … start[p + 1] − 1, by increasing units. */
  start: Int32Array;
  units = new Int32Array(1024);
  central = new Int32Array(1024);
  loss = new Float64Array(1024);
  /** quantityCount values per vertex (see quantityLayout). */
  quantities: Float64Array;
  count = 0;

  constructor(
    partCount: number,
    readonly quantityCount: number,
  ) {
    this.start = new Int32Array(partCount + 1);
    this.quantities = new Float64Array(1024 * quantityCount);
  }

  reset(): void {
    this.count = 0;
  }

  push(units: number, central: number, loss: number, quantities: Float64Array, offset: number): void {
    if (this.count === this.units.length) {
      const n = this.units.length * 2;
      const grow = <T extends Int32Array | Float64Array>(a: T, size: number): T => {
        const b = new (a.constructor as new (n: number) => T)(size);
        b.set(a);
        return b;
      };
      this.units = grow(this.units, n);
      this.central = grow(this.central, n);
      this.loss = grow(this.loss, n);
      this.quantities = grow(this.quantities, n * this.quantityCount);
    }
    const i = this.count++;
    this.units[i] = units;
    this.central[i] = central;
    this.loss[i] = loss;
    const q = this.quantityCount;
    for (let k = 0; k < q; k++) this.quantities[i * q + k] = quantities[offset + k];
  }
}

/**
 * Tracked quantities of a plan, per vertex and per frontier point: annual misses within response
 * for each tier (index t) and for rows without a tier (index T), customer backorders (T + 1) and
 * expected annual penalties (T + 2).
 */
export function quantityLayout(tierCount: number): { misses: (tier: number) => number; backorders: number; penalty: number; count: number } {
  return { misses: (tier) => (tier >= 0 ? tier : tierCount), backorders: tierCount + 1, penalty: tierCount + 2, count: tierCount + 3 };
}

/** Builds envelopes part by part; reusable scratch, no allocation per part once warm. */
export class PartCurveBuilder {
  readonly model: PartModel;
  private readonly q: number;
  private readonly backordersSlot: number;
  private readonly penaltySlot: number;
  private readonly tierCount: number;
  // Best plan per total units n (scratch, indexed by n).
  private bestLoss = new Float64Array(256).fill(Infinity);
  private bestCentral = new Int32Array(256);
  private bestQuantities: Float64Array;
  // Per field of the part: the loss by level and its envelope's levels.
  private fieldLoss: Float64Array[] = [];
  private hullLevels: Int32Array[] = [];
  private hullCount = new Int32Array(16);
  private head = new Int32Array(16);
  private current: Float64Array;
  private hullN = new Int32Array(256);
  /** Field levels of the last allocate() (index j within the part). */
  levels = new Int32Array(16);

  constructor(
    readonly problem: NetworkProblem,
    readonly settings: NetworkSettings,
  ) {
    this.model = new PartModel(problem, settings);
    this.tierCount = problem.tiers.length;
    const layout = quantityLayout(this.tierCount);
    this.q = layout.count;
    this.backordersSlot = layout.backorders;
    this.penaltySlot = layout.penalty;
    this.bestQuantities = new Float64Array(256 * this.q);
    this.current = new Float64Array(this.q);
  }

  /** Adds part p's envelope vertices to the store under the row weights wm (per miss) and wb (per backorder). */
  build(p: number, wm: Float64Array, wb: Float64Array, store: EnvelopeStore): void {
    const m = this.model;
    m.setPart(p);
    let nLow = Infinity;
    let nHigh = -1;
    for (let s0 = 0; s0 <= m.centralCap; s0++) {
      m.setCentralLevel(s0);
      if (m.centralFill < this.settings.minFillRate && this.problem.ratePerDay[m.first] > 0) continue;
      const range = this.walk(s0, wm, wb, -1);
      if (range.low < nLow) nLow = range.low;
      if (range.high > nHigh) nHigh = range.high;
    }
    if (nHigh < 0) {
      // The Central's own customers cannot reach the floor within the search range: take its top level.
      m.setCentralLevel(m.centralCap);
      const range = this.walk(m.centralCap, wm, wb, -1);
      nLow = range.low;
      nHigh = range.high;
    }
    store.start[p] = store.count;
    // Lower convex envelope over n (monotone chain), then only its decreasing part.
    const hull = this.ensureHull(nHigh - nLow + 1);
    let h = 0;
    for (let n = nLow; n <= nHigh; n++) {
      const loss = this.bestLoss[n];
      if (loss === Infinity) continue;
      while (h >= 2) {
        const a = hull[h - 2];
        const b = hull[h - 1];
        // Drop b unless it lies strictly below the chord from a to n.
        if ((this.bestLoss[b] - this.bestLoss[a]) * (n - a) >= (loss - this.bestLoss[a]) * (b - a)) h--;
        else break;
      }
      hull[h++] = n;
    }
    let end = 1;
    while (end < h && this.bestLoss[hull[end]] < this.bestLoss[hull[end - 1]]) end++;
    for (let k = 0; k < end; k++) {
      const n = hull[k];
      store.push(n, this.bestCentral[n], this.bestLoss[n], this.bestQuantities, n * this.q);
    }
    store.start[p + 1] = store.count;
    for (let n = nLow; n <= nHigh; n++) this.bestLoss[n] = Infinity;
  }

  /**
   * The field levels of the plan with central level s0 and `units` units in total, as the envelope
   * built it (into `levels`); the model's field curves are left at that central level for reading
   * the measures.
   */
  allocate(p: number, s0: number, units: number, wm: Float64Array, wb: Float64Array): void {
    this.model.setPart(p);
    this.model.setCentralLevel(s0);
    this.walk(s0, wm, wb, units);
  }

  private ensureHull(size: number): Int32Array {
    if (this.hullN.length < size) this.hullN = new Int32Array(Math.max(size, this.hullN.length * 2));
    return this.hullN;
  }

  private ensureBest(n: number): void {
    if (n < this.bestLoss.length) return;
    const size = Math.max(n + 1, this.bestLoss.length * 2);
    const loss = new Float64Array(size).fill(Infinity);
    loss.set(this.bestLoss);
    this.bestLoss = loss;
    const central = new Int32Array(size);
    central.set(this.bestCentral);
    this.bestCentral = central;
    const quantities = new Float64Array(size * this.q);
    quantities.set(this.bestQuantities);
    this.bestQuantities = quantities;
  }

  /**
   * At central level s0 (already set on the model): the field curves, their envelopes, and the
   * merged sequence of plans by increasing units. With target < 0 every plan is recorded in the
   * best-per-units buckets; otherwise the walk stops at `target` units and leaves the levels.
   */
  private walk(s0: number, wm: Float64Array, wb: Float64Array, target: number): { low: number; high: number } {
    const m = this.model;
    const pr = this.problem;
    const fields = m.fieldCount;
    this.ensureFields(fields);
    const cur = this.current;
    cur.fill(0);
    const centralRow = m.first;
    const centralTier = pr.tier[centralRow];
    cur[centralTier >= 0 ? centralTier : this.tierCount] += m.centralMisses;
    const centralBackorders = m.centralCustomerBackorders;
    cur[this.backordersSlot] += centralBackorders;
    cur[this.penaltySlot] += pr.penaltyPerMiss[centralRow] * m.centralMisses;
    let loss = wm[centralRow] * m.centralMisses + wb[centralRow] * centralBackorders;
    let units = s0;
    for (let j = 0; j < fields; j++) {
      const curve = m.fieldCurve(j);
      const a = curve.minLevel;
      const b = curve.maxLevel;
      this.levels[j] = a;
      const row = curve.row;
      const fieldLoss = this.fieldLossFor(j, b + 1);
      const wmr = wm[row];
      const wbr = wb[row];
      for (let s = a; s <= b; s++) fieldLoss[s] = wmr * curve.misses[s] + wbr * curve.backorders[s];
      this.fieldHull(j, a, b, fieldLoss);
      units += a;
      loss += fieldLoss[a];
      addQuantities(cur, curve, a, pr.tier[row] >= 0 ? pr.tier[row] : this.tierCount, this.backordersSlot, this.penaltySlot, pr.penaltyPerMiss[row], 1);
    }
    const low = units;
    if (target < 0) this.record(units, loss, s0);
    else if (units === target) return { low, high: units };
    // Merge the fields' envelope steps by decreasing loss reduction per unit (ties: the lower field).
    const head = this.head;
    for (let j = 0; j < fields; j++) head[j] = 0;
    for (;;) {
      let bestJ = -1;
      let bestRatio = 0;
      for (let j = 0; j < fields; j++) {
        const k = head[j];
        if (k + 1 >= this.hullCount[j]) continue;
        const levels = this.hullLevels[j];
        const fl = this.fieldLoss[j];
        const ratio = (fl[levels[k]] - fl[levels[k + 1]]) / (levels[k + 1] - levels[k]);
        if (bestJ < 0 || ratio > bestRatio) {
          bestJ = j;
          bestRatio = ratio;
        }
      }
      if (bestJ < 0) break;
      const k = head[bestJ]++;
      const levels = this.hullLevels[bestJ];
      const from = levels[k];
      const to = levels[k + 1];
      const fl = this.fieldLoss[bestJ];
      const curve = m.fields[bestJ];
      const row = curve.row;
      const slot = pr.tier[row] >= 0 ? pr.tier[row] : this.tierCount;
      addQuantities(cur, curve, from, slot, this.backordersSlot, this.penaltySlot, pr.penaltyPerMiss[row], -1);
      addQuantities(cur, curve, to, slot, this.backordersSlot, this.penaltySlot, pr.penaltyPerMiss[row], 1);
      loss += fl[to] - fl[from];
      units += to - from;
      this.levels[bestJ] = to;
      if (target < 0) this.record(units, loss, s0);
      else if (units === target) return { low, high: units };
    }
    if (target >= 0) throw new Error(`Network envelope: no plan with ${target} units at central level ${s0}`);
    return { low, high: units };
  }

  private record(units: number, loss: number, s0: number): void {
    this.ensureBest(units);
    if (!(loss < this.bestLoss[units])) return;
    this.bestLoss[units] = loss;
    this.bestCentral[units] = s0;
    const q = this.q;
    const offset = units * q;
    for (let k = 0; k < q; k++) this.bestQuantities[offset + k] = this.current[k];
  }

  /** Lower convex envelope of field j's loss on levels a … b, keeping only its decreasing part. */
  private fieldHull(j: number, a: number, b: number, loss: Float64Array): void {
    let levels = this.hullLevels[j];
    if (levels.length < b - a + 1) levels = this.hullLevels[j] = new Int32Array(Math.max(b - a + 1, levels.length * 2));
    let h = 0;
    for (let s = a; s <= b; s++) {
      while (h >= 2) {
        const x = levels[h - 2];
        const y = levels[h - 1];
        if ((loss[y] - loss[x]) * (s - x) >= (loss[s] - loss[x]) * (y - x)) h--;
        else break;
      }
      levels[h++] = s;
    }
    let end = 1;
    while (end < h && loss[levels[end]] < loss[levels[end - 1]]) end++;
    this.hullCount[j] = end;
  }

  private fieldLossFor(j: number, size: number): Float64Array {
    if (this.fieldLoss[j].length < size) this.fieldLoss[j] = new Float64Array(Math.max(size, this.fieldLoss[j].length * 2));
    return this.fieldLoss[j];
  }

  private ensureFields(n: number): void {
    while (this.fieldLoss.length < n) {
      this.fieldLoss.push(new Float64Array(16));
      this.hullLevels.push(new Int32Array(16));
    }
    if (this.hullCount.length < n) {
      this.hullCount = new Int32Array(n * 2);
      this.head = new Int32Array(n * 2);
    }
    if (this.levels.length < n) this.levels = new Int32Array(n * 2);
  }
}

function addQuantities(q: Float64Array, curve: FieldCurve, level: number, slot: number, backordersSlot: number, penaltySlot: number, penaltyPerMiss: number, sign: number): void {
  const misses = curve.misses[level];
  q[slot] += sign * misses;
  q[backordersSlot] += sign * curve.backorders[level];
  q[penaltySlot] += sign * penaltyPerMiss * misses;
}
