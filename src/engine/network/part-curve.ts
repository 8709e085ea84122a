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
import { PartModel } from './part-model';
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

/** Growable Int32/Float64 scratch. */
function grown<T extends Int32Array | Float64Array>(a: T, size: number, fill?: number): T {
  if (a.length >= size) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2));
  if (fill !== undefined) b.fill(fill);
  b.set(a);
  return b;
}

/**
 * Builds envelopes part by part; reusable scratch, no allocation per part once warm.
 *
 * For one part it keeps, for every central level s₀, each field's misses and backorders on its
 * allowed levels (a per-part pool), the fields' minimum levels and the merged sequence of field
 * steps; the best plan for each total n is then known by (s₀, number of steps), and the tracked
 * quantities are rebuilt only for the envelope's vertices.
 */
export class PartCurveBuilder {
  readonly model: PartModel;
  private readonly q: number;
  private readonly backordersSlot: number;
  private readonly penaltySlot: number;
  private readonly tierCount: number;
  // Best plan per total units n (scratch, indexed by n): its loss, central level and merge steps.
  private bestLoss = new Float64Array(256).fill(Infinity);
  private bestCentral = new Int32Array(256);
  private bestSteps = new Int32Array(256);
  private hullN = new Int32Array(256);
  // Per part, per central level: field curves in the pool, the fields' base levels, the merge steps.
  private poolMisses = new Float64Array(4096);
  private poolBackorders = new Float64Array(4096);
  private poolUsed = 0;
  /** Index (s₀·fields + j) → pool offset of level curveMin, and curveMin (the field's least level). */
  private curveOffset = new Int32Array(256);
  private curveMin = new Int32Array(256);
  private stepStart = new Int32Array(64);
  private stepField = new Int32Array(1024);
  private stepTo = new Int32Array(1024);
  private stepUsed = 0;
  private centralMissesAt = new Float64Array(64);
  private centralBackordersAt = new Float64Array(64);
  // Per field at the current central level: loss by level and its envelope.
  private fieldLoss: Float64Array[] = [];
  private hullLevels: Int32Array[] = [];
  /** Per field: loss reduction per unit of each envelope step (−∞ after the last). */
  private hullRatios: Float64Array[] = [];
  private head = new Int32Array(16);
  private headRatio = new Float64Array(16);
  private active = new Int32Array(16);
  private vertexQuantities: Float64Array;
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
    this.vertexQuantities = new Float64Array(this.q);
  }

  /** Loss reduction per unit below which the field curves of the current build may stop (see build). */
  private perUnitFloor = 0;
  /** With a floor: min over the plans recorded so far of loss + perUnitFloor × units (see build). */
  private leastValue = Infinity;
  /** Central levels the builds so far left out by the floor's bound (for the tests). */
  centralLevelsSkipped = 0;

  /**
   * Adds part p's envelope vertices to the store under the row weights wm (per miss) and wb (per
   * backorder). With ratioFloor > 0 (loss reduction per unit of money) the envelope is exact only in
   * its steps of at least that ratio: enough for a greedy walk that stops before its steps fall
   * below it (PartModel.fieldCurve's perUnitFloor); the vertices after may be missing or wrong.
   *
   * The same bound ends the central levels: with π = ratioFloor × unit cost, the vertices reached
   * by such steps are the plans that minimise loss + π′·units for some π′ ≥ π. Every plan at
   * central level s₀ has at least s₀ units and a loss ≥ 0, so when π·s₀ exceeds V, the least
   * loss + π·units of a plan recorded so far (which then has fewer than s₀ units), no plan at s₀
   * or above minimises for any π′ ≥ π: π′·s₀ − (its loss + π′·its units) only grows with π′. The
   * levels are walked upwards, V only falls, so the first such level ends the part.
   */
  build(p: number, wm: Float64Array, wb: Float64Array, store: EnvelopeStore, ratioFloor = 0): void {
    const m = this.model;
    m.setPart(p);
    this.perUnitFloor = ratioFloor * m.unitCost;
    const fields = m.fieldCount;
    const levels = m.centralCap + 1;
    this.ensureFields(fields);
    this.curveOffset = grown(this.curveOffset, levels * fields);
    this.curveMin = grown(this.curveMin, levels * fields);
    this.stepStart = grown(this.stepStart, levels + 1);
    this.centralMissesAt = grown(this.centralMissesAt, levels);
    this.centralBackordersAt = grown(this.centralBackordersAt, levels);
    this.poolUsed = 0;
    this.stepUsed = 0;
    let nLow = Infinity;
    let nHigh = -1;
    const centralRate = this.problem.ratePerDay[m.first];
    const floor = this.perUnitFloor;
    this.leastValue = Infinity;
    for (let s0 = 0; s0 < levels; s0++) {
      // The margin keeps rounding in V on the safe side.
      if (floor > 0 && floor * s0 > this.leastValue * (1 + 1e-9)) {
        this.centralLevelsSkipped += levels - s0;
        break;
      }
      m.setCentralLevel(s0);
      this.stepStart[s0] = this.stepUsed;
      if (centralRate > 0 && m.centralFill < this.settings.minFillRate && s0 < m.centralCap) {
        this.stepStart[s0 + 1] = this.stepUsed;
        continue; // the Central's own customers miss the floor (at the top level it is kept regardless)
      }
      const range = this.walk(s0, wm, wb, -1, true);
      if (range.low < nLow) nLow = range.low;
      if (range.high > nHigh) nHigh = range.high;
      this.stepStart[s0 + 1] = this.stepUsed;
    }
    store.start[p] = store.count;
    // Lower convex envelope over n (monotone chain), then only its decreasing part.
    this.hullN = grown(this.hullN, nHigh - nLow + 1);
    const hull = this.hullN;
    const best = this.bestLoss;
    let h = 0;
    for (let n = nLow; n <= nHigh; n++) {
      const loss = best[n];
      if (loss === Infinity) continue;
      while (h >= 2) {
        const a = hull[h - 2];
        const b = hull[h - 1];
        // Drop b unless it lies strictly below the chord from a to n.
        if ((best[b] - best[a]) * (n - a) >= (loss - best[a]) * (b - a)) h--;
        else break;
      }
      hull[h++] = n;
    }
    let end = 1;
    while (end < h && best[hull[end]] < best[hull[end - 1]]) end++;
    this.replayedCentral = -1;
    for (let k = 0; k < end; k++) {
      const n = hull[k];
      this.quantitiesAt(this.bestCentral[n], this.bestSteps[n], fields);
      store.push(n, this.bestCentral[n], best[n], this.vertexQuantities, 0);
    }
    store.start[p + 1] = store.count;
    for (let n = nLow; n <= nHigh; n++) best[n] = Infinity;
  }

  /**
   * The field levels of the plan with central level s0 and `units` units in total, as the envelope
   * built it (into `levels`); the model's field curves are left, complete, at that central level
   * for reading the measures.
   */
  allocate(p: number, s0: number, units: number, wm: Float64Array, wb: Float64Array): void {
    this.model.setPart(p);
    this.model.setCentralLevel(s0);
    this.ensureFields(this.model.fieldCount);
    this.perUnitFloor = 0;
    this.walk(s0, wm, wb, units, false);
  }

  /** The plan whose field levels `levels` holds after quantitiesAt (central level −1: none). */
  private replayedCentral = -1;
  private replayedSteps = 0;

  /** Tracked quantities of the plan (s0, first `steps` merge steps), from the pool, into vertexQuantities. */
  private quantitiesAt(s0: number, steps: number, fields: number): void {
    const pr = this.problem;
    const m = this.model;
    const q = this.vertexQuantities;
    q.fill(0);
    const centralRow = m.first;
    const centralTier = pr.tier[centralRow];
    q[centralTier >= 0 ? centralTier : this.tierCount] += this.centralMissesAt[s0];
    q[this.backordersSlot] += this.centralBackordersAt[s0];
    q[this.penaltySlot] += pr.penaltyPerMiss[centralRow] * this.centralMissesAt[s0];
    const level = this.levels;
    const base = s0 * fields;
    // The vertices come by increasing units, so one central level's come by increasing steps: the
    // field levels of the one before are replayed on from where they stand.
    let from = this.stepStart[s0];
    if (s0 === this.replayedCentral && steps >= this.replayedSteps) from += this.replayedSteps;
    else for (let j = 0; j < fields; j++) level[j] = this.curveMin[base + j];
    for (let k = from, last = this.stepStart[s0] + steps; k < last; k++) level[this.stepField[k]] = this.stepTo[k];
    this.replayedCentral = s0;
    this.replayedSteps = steps;
    for (let j = 0; j < fields; j++) {
      const row = centralRow + 1 + j;
      const i = this.curveOffset[base + j] + level[j] - this.curveMin[base + j];
      const misses = this.poolMisses[i];
      const t = pr.tier[row];
      q[t >= 0 ? t : this.tierCount] += misses;
      q[this.backordersSlot] += this.poolBackorders[i];
      q[this.penaltySlot] += pr.penaltyPerMiss[row] * misses;
    }
  }

  /**
   * At central level s0 (already set on the model): the field curves, their envelopes, and the
   * merged sequence of plans by increasing units. Building (target < 0), every plan is recorded in
   * the best-per-units buckets and the curves and steps are kept in the pool; allocating, the walk
   * stops at `target` units and leaves the levels.
   */
  private walk(s0: number, wm: Float64Array, wb: Float64Array, target: number, lean: boolean): { low: number; high: number } {
    const m = this.model;
    const fields = m.fieldCount;
    const building = target < 0;
    const centralRow = m.first;
    const centralMisses = m.centralMisses;
    const centralBackorders = m.centralCustomerBackorders;
    if (building) {
      this.centralMissesAt[s0] = centralMisses;
      this.centralBackordersAt[s0] = centralBackorders;
    }
    let loss = wm[centralRow] * centralMisses + wb[centralRow] * centralBackorders;
    let units = s0;
    for (let j = 0; j < fields; j++) {
      const curve = m.fieldCurve(j, 0, lean, this.perUnitFloor, wm[centralRow + 1 + j], wb[centralRow + 1 + j]);
      const a = curve.minLevel;
      const b = curve.maxLevel;
      this.levels[j] = a;
      const row = curve.row;
      const fieldLoss = this.fieldLossFor(j, b + 1);
      const wmr = wm[row];
      const wbr = wb[row];
      const cm = curve.misses;
      const cb = curve.backorders;
      // One pass: the loss by level, its lower convex envelope (monotone chain) and, building, the
      // pool's copy of the field's misses and backorders.
      let hullLevels = this.hullLevels[j];
      if (hullLevels.length < b - a + 1) hullLevels = this.hullLevels[j] = new Int32Array(Math.max(b - a + 1, hullLevels.length * 2));
      let offset = 0;
      if (building) {
        const size = b - a + 1;
        if (this.poolUsed + size > this.poolMisses.length) {
          this.poolMisses = grown(this.poolMisses, this.poolUsed + size);
          this.poolBackorders = grown(this.poolBackorders, this.poolUsed + size);
        }
        offset = this.poolUsed;
        const index = s0 * fields + j;
        this.curveOffset[index] = offset;
        this.curveMin[index] = a;
        this.poolUsed += size;
      }
      const pm = this.poolMisses;
      const pb = this.poolBackorders;
      let h = 0;
      for (let s = a; s <= b; s++) {
        const misses = cm[s];
        const backorders = cb[s];
        const ls = wmr * misses + wbr * backorders;
        fieldLoss[s] = ls;
        if (building) {
          pm[offset + s - a] = misses;
          pb[offset + s - a] = backorders;
        }
        while (h >= 2) {
          const x = hullLevels[h - 2];
          const y = hullLevels[h - 1];
          // Drop y unless it lies strictly below the chord from x to s.
          if ((fieldLoss[y] - fieldLoss[x]) * (s - x) >= (ls - fieldLoss[x]) * (y - x)) h--;
          else break;
        }
        hullLevels[h++] = s;
      }
      this.fieldSteps(j, h, fieldLoss);
      units += a;
      loss += fieldLoss[a];
    }
    const low = units;
    let steps = 0;
    if (building) this.record(units, loss, s0, 0);
    else if (units === target) return { low, high: units };
    // Merge the fields' envelope steps by decreasing loss reduction per unit (ties: the lower
    // field). The fields with steps left are kept in order[first … count − 1], sorted by their
    // next step's ratio (ties: the lower field): the step taken is the front's, and the front
    // field then moves back to its new ratio's place — usually a few places, not a scan of all.
    const head = this.head;
    const headRatio = this.headRatio;
    const order = this.active;
    let count = 0;
    for (let j = 0; j < fields; j++) {
      head[j] = 0;
      const r = this.stepRatio(j, 0);
      headRatio[j] = r;
      if (!(r > -Infinity)) continue;
      let i = count++;
      while (i > 0 && headRatio[order[i - 1]] < r) {
        order[i] = order[i - 1];
        i--;
      }
      order[i] = j;
    }
    let first = 0;
    while (first < count) {
      const bestJ = order[first];
      const k = head[bestJ]++;
      const r = this.stepRatio(bestJ, k + 1);
      headRatio[bestJ] = r;
      if (r === -Infinity) first++;
      else {
        let i = first;
        for (;;) {
          const next = i + 1;
          if (next >= count) break;
          const other = order[next];
          const ro = headRatio[other];
          if (ro > r || (ro === r && other < bestJ)) {
            order[i] = other;
            i = next;
          } else break;
        }
        order[i] = bestJ;
      }
      const hullLevels = this.hullLevels[bestJ];
      const from = hullLevels[k];
      const to = hullLevels[k + 1];
      const fl = this.fieldLoss[bestJ];
      loss += fl[to] - fl[from];
      units += to - from;
      this.levels[bestJ] = to;
      steps++;
      if (building) {
        if (this.stepUsed === this.stepField.length) {
          this.stepField = grown(this.stepField, this.stepUsed + 1);
          this.stepTo = grown(this.stepTo, this.stepUsed + 1);
        }
        this.stepField[this.stepUsed] = bestJ;
        this.stepTo[this.stepUsed++] = to;
        this.record(units, loss, s0, steps);
      } else if (units === target) return { low, high: units };
    }
    if (!building) throw new Error(`Network envelope: no plan with ${target} units at central level ${s0}`);
    return { low, high: units };
  }

  private record(units: number, loss: number, s0: number, steps: number): void {
    if (units >= this.bestLoss.length) {
      this.bestLoss = grown(this.bestLoss, units + 1, Infinity);
      this.bestCentral = grown(this.bestCentral, units + 1);
      this.bestSteps = grown(this.bestSteps, units + 1);
    }
    if (this.perUnitFloor > 0) {
      const value = loss + this.perUnitFloor * units;
      if (value < this.leastValue) this.leastValue = value;
    }
    if (!(loss < this.bestLoss[units])) return;
    this.bestLoss[units] = loss;
    this.bestCentral[units] = s0;
    this.bestSteps[units] = steps;
  }

  /** Of field j's lower convex envelope (h levels in hullLevels[j]): the ratios of its steps while the loss falls, then −∞, where the merge leaves the field. */
  private fieldSteps(j: number, h: number, loss: Float64Array): void {
    const levels = this.hullLevels[j];
    let ratios = this.hullRatios[j];
    if (ratios.length < h) ratios = this.hullRatios[j] = new Float64Array(Math.max(h, ratios.length * 2));
    // One pass: the steps while the loss falls (a − b > 0 exactly when b < a) and their ratios; most
    // steps are of one unit, where the division is skipped (x / 1 is x, so the same bits).
    let k = 0;
    let before = loss[levels[0]];
    while (k + 1 < h) {
      const after = loss[levels[k + 1]];
      const drop = before - after;
      if (!(drop > 0)) break;
      const units = levels[k + 1] - levels[k];
      ratios[k] = units === 1 ? drop : drop / units;
      before = after;
      k++;
    }
    ratios[k] = -Infinity;
  }

  /** Loss reduction per unit of field j's envelope step k ≤ its last (−∞ there: fieldSteps' sentinel). */
  private stepRatio(j: number, k: number): number {
    return this.hullRatios[j][k];
  }

  private fieldLossFor(j: number, size: number): Float64Array {
    if (this.fieldLoss[j].length < size) this.fieldLoss[j] = new Float64Array(Math.max(size, this.fieldLoss[j].length * 2));
    return this.fieldLoss[j];
  }

  private ensureFields(n: number): void {
    while (this.fieldLoss.length < n) {
      this.fieldLoss.push(new Float64Array(16));
      this.hullLevels.push(new Int32Array(16));
      this.hullRatios.push(new Float64Array(16));
    }
    if (this.head.length < n) {
      this.head = new Int32Array(n * 2);
      this.headRatio = new Float64Array(n * 2);
      this.active = new Int32Array(n * 2);
    }
    if (this.levels.length < n) this.levels = new Int32Array(n * 2);
  }
}
