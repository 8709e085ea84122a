/**
 * VARI-METRIC for one part: the Central's pipeline and its backorders at each central stock level,
 * and each field location's pipeline, fill rates, backorders and costs at each field stock level
 * given the central level (Sherbrooke 2004, ch. 4; Graves 1985). docs/methods.md §9 has every
 * formula; this is the only place that computes them, for the optimiser and for `evaluateNetwork`.
 *
 * Central (row 0 of the part): demand λ₀ = λ_c + Σⱼ λⱼ (its own customers plus the one-for-one
 * replenishment orders of its fields), pipeline X₀ over T₀ days with mean λ₀T₀ (Poisson, or NB with
 * variance Σ vᵢλᵢT₀, or a supplied distribution); with stock s₀: EBO₀ = E[(X₀ − s₀)+],
 * VBO₀ = Var[(X₀ − s₀)+], and A₀ = P(X₀ ≤ s₀ − 1), the chance that a unit is on the shelf.
 *
 * Field j: share fⱼ = λⱼ/λ₀; the central's backorders are split among the locations that placed
 * them, so the field's pipeline has
 *   mean  λⱼTⱼ + fⱼ·EBO₀,
 *   variance  vⱼλⱼTⱼ + fⱼ(vⱼ − fⱼv̄)·EBO₀ + fⱼ²·VBO₀,  v̄ = Σᵢ fᵢvᵢ
 * (METRIC: vⱼ × mean, the delay taken as fixed), and a negative binomial is fitted to them
 * (Poisson when the variance is not above the mean). For Poisson demand (all v = 1) the variance is
 * Graves' binomial split λⱼTⱼ + fⱼ(1 − fⱼ)EBO₀ + fⱼ²VBO₀; with batch demand a backordered batch
 * belongs to one location as a whole, and the law of total variance over the backordered batches
 * gives the vⱼ and v̄ terms (docs/methods.md §9.2; the simulation confirms it, where the binomial
 * split understated a field's backorders by a third).
 * Fill from the shelf FR(s) (fill-rate.ts). Within the tier's response time, when the Central's
 * emergency delivery is in time (coverable), a field stockout is filled from the Central when the
 * Central has a unit on its shelf (probability A₀). When it has, it has no backorders, so the
 * field's pipeline is then only its own resupply demand Dⱼ over Tⱼ (NB with mean λⱼTⱼ and ratio vⱼ):
 *   W(s) = FR(s) + A₀ · (1 − FR_D(s)),
 * made non-decreasing in s (more stock never serves worse). Taking the two stockouts as
 * independent, FR + (1 − FR)·A₀, overstated W by up to 8 points in the simulation.
 */
import { CountTable, TailTable, type TabulatedDistribution } from './count-distribution';
import { BatchTable, shelfFillRate } from './fill-rate';
import type { NetworkProblem, NetworkSettings } from './problem';

/** A field location's measures at stock levels 0 … last, for the central level the model is at. */
export class FieldCurve {
  row = 0;
  hasDemand = false;
  coverable = false;
  pipelineMean = 0;
  pipelineVariance = 0;
  /** Smallest level meeting the fill-rate floor (within response). */
  lo = 0;
  /** Search limit: first level ≥ lo whose shelf is empty with probability ≤ maxStockoutProbability. */
  hi = 0;
  /** Levels tabulated: 0 … last (≥ hi). */
  last = 0;
  /** Coverable rows: serving from the Central is the cheaper option at this central level. */
  serveFromCentral = false;
  /** Annual cost (holding + emergency shipments + penalties) of serving from the Central (s = 0), and the least over field levels ≥ max(lo, 1). */
  centralOptionCost = NaN;
  fieldOptionCost = NaN;
  bestFieldLevel = -1;
  fill = new Float64Array(16);
  within = new Float64Array(16);
  ready = new Float64Array(16);
  backorders = new Float64Array(16);
  onHand = new Float64Array(16);
  misses = new Float64Array(16);
  emergency = new Float64Array(16);
  cost = new Float64Array(16);

  /** The levels the optimiser may choose from at this central level. */
  get minLevel(): number {
    if (!this.hasDemand || this.serveFromCentral) return 0;
    return this.coverable && this.lo < 1 ? 1 : this.lo;
  }
  get maxLevel(): number {
    if (!this.hasDemand || this.serveFromCentral) return 0;
    return this.hi;
  }

  grow(size: number): void {
    if (this.fill.length >= size) return;
    const n = Math.max(size, this.fill.length * 2);
    const copy = (a: Float64Array) => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    this.fill = copy(this.fill);
    this.within = copy(this.within);
    this.ready = copy(this.ready);
    this.backorders = copy(this.backorders);
    this.onHand = copy(this.onHand);
    this.misses = copy(this.misses);
    this.emergency = copy(this.emergency);
    this.cost = copy(this.cost);
  }
}

/** Reusable state for evaluating one part at a time (the optimiser's hot path allocates nothing). */
export class PartModel {
  readonly centralTable = new CountTable();
  readonly tail = new TailTable();
  readonly fieldTable = new CountTable();
  readonly centralBatch = new BatchTable();
  private readonly fieldBatches: BatchTable[] = [];
  /** Per field: its resupply demand Dⱼ over Tⱼ (coverable fields), and FR_D(s) computed so far. */
  private readonly transitTables: CountTable[] = [];
  private transitFill: Float64Array[] = [];
  private transitUpTo: Int32Array = new Int32Array(16);
  readonly fields: FieldCurve[] = [];

  // The part.
  part = 0;
  first = 0;
  fieldCount = 0;
  unitCost = 0;
  totalRate = 0;
  pipelineDays = 0;
  central: TabulatedDistribution = this.centralTable;
  /** Search limit of the central level: first s with P(X₀ ≥ s) ≤ maxStockoutProbability. */
  centralCap = 0;
  /** v̄ = Σᵢ fᵢvᵢ, the variance-to-mean ratio of the Central's demand. */
  centralRatio = 1;

  // The central level.
  s0 = 0;
  ebo0 = 0;
  vbo0 = 0;
  /** A₀ = P(X₀ ≤ s₀ − 1). */
  available = 0;
  /** F₀(s₀) = P(X₀ ≤ s₀). */
  centralReady = 0;
  /** Fill rate of the Central's own customers from its shelf. */
  centralFill = 1;
  centralOnHand = 0;
  /** Annual units of the Central's own customers not filled from its shelf. */
  centralMisses = 0;

  constructor(
    readonly problem: NetworkProblem,
    readonly settings: NetworkSettings,
  ) {}

  /** Loads part p; central levels up to max(centralCap, minLevels) can then be set. */
  setPart(p: number, minLevels = 0): void {
    const pr = this.problem;
    const first = pr.firstRow[p];
    const end = pr.firstRow[p + 1];
    this.part = p;
    this.first = first;
    this.fieldCount = end - first - 1;
    this.unitCost = pr.unitCost[p];
    this.pipelineDays = pr.centralPipelineDays[p];
    let rate = 0;
    let spread = 0; // Σ vᵢλᵢ
    for (let r = first; r < end; r++) {
      rate += pr.ratePerDay[r];
      spread += pr.varianceToMean[r] * pr.ratePerDay[r];
    }
    this.totalRate = rate;
    this.centralRatio = rate > 0 ? spread / rate : 1;
    const supplied = pr.centralPipeline[p];
    if (supplied) this.central = supplied;
    else {
      this.centralTable.reset(rate * this.pipelineDays, spread * this.pipelineDays);
      this.centralTable.tabulateTail();
      this.central = this.centralTable;
    }
    // Search limit: P(X₀ ≥ s) = G(s − 1) ≤ ε. Tabulate the tail measures far enough to find it.
    const eps = this.settings.maxStockoutProbability;
    let last = Math.max(minLevels, 16, Math.ceil(this.central.mean + 8 * Math.sqrt(this.central.variance)));
    for (;;) {
      this.tail.compute(this.central, last);
      let cap = -1;
      if (!(rate > 0)) cap = 0;
      else for (let s = 1; s <= last; s++) if (this.tail.above[s - 1] <= eps) {
          cap = s;
          break;
        }
      if (cap >= 0 && last >= minLevels) {
        this.centralCap = cap;
        break;
      }
      last *= 2;
    }
    const useBatches = this.settings.fillRateModel === 'Compound';
    this.centralBatch.reset(useBatches ? pr.varianceToMean[first] : 1);
    this.tabulateCentralFills();
    while (this.fields.length < this.fieldCount) this.fields.push(new FieldCurve());
    while (this.fieldBatches.length < this.fieldCount) {
      this.fieldBatches.push(new BatchTable());
      this.transitTables.push(new CountTable());
      this.transitFill.push(new Float64Array(16));
    }
    if (this.transitUpTo.length < this.fieldCount) this.transitUpTo = new Int32Array(this.fieldCount * 2);
    for (let j = 0; j < this.fieldCount; j++) {
      const row = first + 1 + j;
      this.fieldBatches[j].reset(useBatches ? pr.varianceToMean[row] : 1);
      this.transitUpTo[j] = -1;
      if (pr.coverable[row] === 1) {
        const transit = pr.ratePerDay[row] * pr.resupplyDays[row];
        this.transitTables[j].reset(transit, pr.varianceToMean[row] * transit);
      }
    }
  }

  /** Sets the central stock s₀ (≤ the levels tabulated in setPart). */
  setCentralLevel(s0: number): void {
    const t = this.tail;
    this.s0 = s0;
    this.ebo0 = t.backorders[s0];
    this.vbo0 = t.backorderVariance[s0];
    this.available = s0 > 0 ? 1 - t.above[s0 - 1] : 0;
    this.centralReady = 1 - t.above[s0];
    this.centralOnHand = s0 - this.central.mean + this.ebo0;
    if (this.centralOnHand < 0) this.centralOnHand = 0;
    const rate = this.problem.ratePerDay[this.first];
    if (rate > 0) {
      this.centralFill = this.centralBatch.unit ? this.available : s0 <= this.centralFillsUpTo ? this.centralFills[s0] : shelfFillRate(this.central, s0, this.centralBatch);
      this.centralMisses = rate * this.settings.daysPerYear * (1 - this.centralFill);
    } else {
      this.centralFill = 1;
      this.centralMisses = 0;
    }
  }

  /** The Central customers' FR₀(s) for s = 0 … centralFillsUpTo (−1: none, read by the sum). */
  private centralFills = new Float64Array(64);
  private centralFillsUpTo = -1;
  /** Scratch: P(N + B = k) of the Central's pipeline N and its customers' batch B. */
  private batchPipeline = new Float64Array(256);

  /**
   * FR₀(s) of the Central's own customers with batch demand, for every level the tail table holds,
   * in O(1) a level instead of the O(s) sum of shelfFillRate (which made a part's central levels
   * cost O(cap²)). With D(k) = P(N ≤ k < N + B) = Σ_{j>k} (P(N + B = j) − P(N = j)),
   *   E[B]·(1 − FR(s)) = E[(N + B − max(s, N))⁺] = Σ_{k≥s} D(k),
   * both sums taken downwards from the tail, so the misses 1 − FR keep their relative precision at
   * high levels (the forward form (E[(s − N)⁺] − E[(s − N − B)⁺]) / E[B] of the field curves
   * loses it: 6e-13 absolute, 5e-9 of the misses at 99.99%). P(N + B = k) comes from the recurrence
   * of docs/methods.md §9.2, carried on past N's table until it is below 1e-32. Only for a pipeline
   * tabulated here from 0 (negative binomial or Poisson); a supplied distribution or one tabulated
   * from start > 0 keeps the sum, level by level.
   */
  private tabulateCentralFills(): void {
    this.centralFillsUpTo = -1;
    const table = this.centralTable;
    const batch = this.centralBatch;
    if (!(this.problem.ratePerDay[this.first] > 0) || batch.unit || this.central !== table || table.start !== 0) return;
    const last = this.tail.last;
    const pmf = table.pmf;
    const length = table.length;
    const q = table.ratio;
    const rq = table.shapeTimesRatio;
    const theta = batch.theta;
    const b1 = batch.firstProbability;
    if (this.centralFills.length <= last) this.centralFills = new Float64Array(Math.max(last + 1, this.centralFills.length * 2));
    const fills = this.centralFills;
    const meanBatch = batch.meanBatch;
    // Forward: w[k] = P(N + B = k) until past both tables and negligible, and the forward form of
    // FR, which is the precise one while FR is small.
    let w = this.batchPipeline;
    w[0] = 0;
    let top = 0;
    let wBefore = 0;
    let pBefore = 0;
    let cumulative = 0; // F(k − 1)
    let sumOfCdf = 0; // E[(k − N)⁺]
    let cumulativeW = 0; // P(N + B ≤ k − 1)
    let sumOfW = 0; // E[(k − N − B)⁺]
    for (let k = 0; ; k++) {
      const p = k < length ? pmf[k] : 0;
      if (k <= last) {
        const fill = (sumOfCdf - sumOfW) / meanBatch;
        fills[k] = k === 0 ? 0 : fill < 0 ? 0 : fill > 1 ? 1 : fill;
        cumulative += p;
        sumOfCdf += cumulative < 1 ? cumulative : 1;
        cumulativeW += w[k];
        sumOfW += cumulativeW < 1 ? cumulativeW : 1;
      }
      const next = (((q + theta) * k + rq) * w[k] - theta * (q * (k - 1) + rq) * wBefore + b1 * (p - q * pBefore)) / (k + 1);
      wBefore = w[k];
      pBefore = p;
      if (k + 1 === w.length) {
        const grown = new Float64Array(w.length * 2);
        grown.set(w);
        w = this.batchPipeline = grown;
      }
      w[k + 1] = next;
      top = k + 1;
      if (k >= last && k >= length && next < 1e-32 && next <= wBefore) break;
    }
    // Downward: D(k) and Σ_{j≥k} D(j), from D(top) = 0; the precise form once FR is above ½.
    let gap = 0; // D(k)
    let shortfall = 0; // Σ_{j≥k} D(j) = E[B]·(1 − FR(k))
    for (let k = top; k > 0; k--) {
      if (k < top) gap += w[k + 1] - (k + 1 < length ? pmf[k + 1] : 0);
      shortfall += gap;
      if (k <= last) {
        const fill = 1 - shortfall / meanBatch;
        if (!(fill > 0.5)) break;
        fills[k] = fill < 1 ? fill : 1;
      }
    }
    this.centralFillsUpTo = last;
  }

  /** FR_D(s): the shelf fill rate if field j's pipeline were only its resupply demand (coverable fields). */
  private transitFillAt(j: number, s: number): number {
    if (s > this.transitUpTo[j]) {
      let fills = this.transitFill[j];
      if (fills.length <= s) {
        const grown = new Float64Array(Math.max(s + 1, fills.length * 2));
        grown.set(fills);
        fills = this.transitFill[j] = grown;
      }
      const table = this.transitTables[j];
      for (let k = this.transitUpTo[j] + 1; k <= s; k++) {
        table.ensure(k);
        fills[k] = shelfFillRate(table, k, this.fieldBatches[j]);
      }
      this.transitUpTo[j] = s;
    }
    return this.transitFill[j][s];
  }

  /** Backorders of the Central's own customers: their share f_c of EBO₀. */
  get centralCustomerBackorders(): number {
    return this.totalRate > 0 ? (this.problem.ratePerDay[this.first] / this.totalRate) * this.ebo0 : 0;
  }

  /**
   * Field j's (0-based within the part) pipeline and measures at the current central level, for
   * levels 0 … max(hi, minLast), with the fill-rate floor, the search limit and the field-or-central
   * decision. `lean` (the optimiser's pass) fills only what the envelope needs — misses, backorders,
   * and the option costs of coverable rows — from the same arithmetic.
   *
   * `perUnitFloor` > 0 (lean only; wmr, wbr the row's loss weights): the curve may stop before the
   * search limit, at the first level t ≥ minLevel where no later level can matter to a walk that
   * takes only envelope steps of at least perUnitFloor loss reduction per unit: with L(s) ≥ 0,
   * L(s) + π·s > π·(t + 1) > min_{s′≤t} (L(s′) + π·s′) for every π ≥ perUnitFloor, so the envelope's
   * vertices reached by such steps are those of the whole curve. A coverable row also needs its
   * least field-option cost settled: a later level costs at least its holding, holding × E[(s − N)+],
   * which only grows. `hi` is then t. Lean, a coverable row that will be served from the Central
   * also stops as soon as that is settled.
   */
  fieldCurve(j: number, minLast = 0, lean = false, perUnitFloor = 0, wmr = 0, wbr = 0): FieldCurve {
    const pr = this.problem;
    const st = this.settings;
    const c = this.fields[j];
    const row = this.first + 1 + j;
    c.row = row;
    const rate = pr.ratePerDay[row];
    c.coverable = pr.coverable[row] === 1;
    c.hasDemand = rate > 0;
    if (!c.hasDemand) {
      c.pipelineMean = 0;
      c.pipelineVariance = 0;
      c.lo = c.hi = 0;
      c.serveFromCentral = false;
      c.centralOptionCost = c.fieldOptionCost = NaN;
      c.bestFieldLevel = -1;
      const last = minLast > 0 ? minLast : 0;
      c.grow(last + 1);
      c.last = last;
      for (let s = 0; s <= last; s++) {
        c.fill[s] = c.within[s] = c.ready[s] = 1;
        c.backorders[s] = c.misses[s] = c.emergency[s] = 0;
        c.onHand[s] = s;
        c.cost[s] = s * this.unitCost * pr.holdingCostRate[row];
      }
      return c;
    }
    const share = rate / this.totalRate;
    const vmr = pr.varianceToMean[row];
    const transit = rate * pr.resupplyDays[row];
    const mean = transit + share * this.ebo0;
    const split = share * (vmr - share * this.centralRatio) * this.ebo0 + share * share * this.vbo0;
    const variance = st.model === 'Metric' ? vmr * mean : vmr * transit + (split > 0 ? split : 0);
    c.pipelineMean = mean;
    c.pipelineVariance = variance;
    const table = this.fieldTable.reset(mean, variance);
    const batch = this.fieldBatches[j];
    const eps = st.maxStockoutProbability;
    const floor = st.minFillRate;
    const perYear = rate * st.daysPerYear;
    const coverable = c.coverable;
    const A0 = coverable ? this.available : 0;
    const holding = this.unitCost * pr.holdingCostRate[row];
    const penalty = pr.penaltyPerMiss[row];
    const emergencyCost = st.emergencyShipmentCost;
    let cumulative = 0; // F(s − 1)
    let sumOfCdf = 0; // Σ_{k<s} F(k) = E[(s − N)+]
    let lo = -1;
    let hi = -1;
    c.grow(Math.ceil(mean + 12 * Math.sqrt(variance)) + minLast + 16);
    let fills = c.fill;
    let withins = c.within;
    let pmf = table.pmf;
    const start = table.start;
    let known = -1; // pmf tabulated up to here
    // Batch demand on a pipeline tabulated from 0: FR(s) = (E[(s − N)+] − E[(s − N − B)+]) / E[B],
    // with the pmf w of N + B from its exact three-term recurrence (docs/methods.md
    // §9.2), O(1) a level instead of the O(s) convolution. A body tabulated from start > 0 keeps the
    // convolution: the recurrence needs exact values at its first two points.
    const recurrence = !batch.unit && start === 0;
    const q = table.ratio;
    const rq = table.shapeTimesRatio;
    const theta = batch.theta;
    const b1 = batch.firstProbability;
    const meanBatch = batch.meanBatch;
    let w = 0; // P(N + B = s)
    let wBefore = 0; // P(N + B = s − 1)
    let pBefore = 0; // P(N = s − 1)
    let cumulativeW = 0; // P(N + B ≤ s − 1)
    let sumOfW = 0; // Σ_{k<s} P(N + B ≤ k) = E[(s − N − B)+]
    const cutting = lean && perUnitFloor > 0;
    let withinBefore = 0; // the fill within response at s − 1 (it never falls as s grows)
    // FR_D(s) as far as transitFillAt has tabulated it (read here without the call).
    let transitFills = this.transitFill[j];
    let transitUpTo = this.transitUpTo[j];
    let least = Infinity; // min over minLevel ≤ s′ ≤ s of L(s′) + perUnitFloor·s′
    let leastCost = Infinity; // min over max(lo, 1) ≤ s′ ≤ s of the field option's cost
    for (let s = 0; ; s++) {
      if (s + 2 > fills.length) {
        c.grow(s + 2);
        fills = c.fill;
        withins = c.within;
      }
      if (s > known) {
        if (table.complete) known = Infinity;
        else {
          table.ensure(s);
          known = s;
        }
        pmf = table.pmf;
      }
      const i = s - start;
      const p = i >= 0 && i < table.length ? pmf[i] : 0;
      let fill: number;
      if (batch.unit) fill = s > 0 ? (cumulative < 1 ? cumulative : 1) : 0;
      else if (s === 0) fill = 0;
      else if (recurrence) {
        fill = (sumOfCdf - sumOfW) / meanBatch;
        if (fill > 1) fill = 1;
        else if (fill < 0) fill = 0;
      } else {
        batch.at(s); // tabulates E[min(B, m)] up to m = s
        const minBatch = batch.minBatch;
        let sum = 0;
        const top = s < start + table.length ? s : start + table.length;
        for (let k = start; k < top; k++) sum += pmf[k - start] * minBatch[s - k];
        fill = sum / batch.meanBatch;
        if (fill > 1) fill = 1;
      }
      let within = fill;
      if (A0 > 0) {
        if (s > transitUpTo) {
          this.transitFillAt(j, s);
          transitFills = this.transitFill[j];
          transitUpTo = this.transitUpTo[j];
        }
        within += A0 * (1 - transitFills[s]);
      }
      if (within > 1) within = 1;
      if (within < withinBefore) within = withinBefore;
      withinBefore = within;
      const backorders = mean - s + sumOfCdf;
      const misses = perYear * (1 - within);
      withins[s] = within;
      c.backorders[s] = backorders > 0 ? backorders : 0;
      c.misses[s] = misses;
      const empty = 1 - cumulative; // P(N ≥ s)
      cumulative += p;
      const ready = cumulative < 1 ? cumulative : 1;
      if (!lean || coverable) {
        const emergency = perYear * (within - fill);
        c.cost[s] = holding * sumOfCdf + emergencyCost * emergency + penalty * misses;
        if (!lean) {
          fills[s] = fill;
          c.onHand[s] = sumOfCdf;
          c.emergency[s] = emergency;
          c.ready[s] = ready;
        }
      }
      sumOfCdf += ready;
      if (recurrence) {
        cumulativeW += w;
        sumOfW += cumulativeW < 1 ? cumulativeW : 1;
        const next = (((q + theta) * s + rq) * w - theta * (q * (s - 1) + rq) * wBefore + b1 * (p - q * pBefore)) / (s + 1);
        wBefore = w;
        w = next;
        pBefore = p;
      }
      if (lo < 0 && within >= floor) lo = s;
      if (lo >= 0 && hi < 0 && empty <= eps) hi = s;
      if (hi >= 0 && s >= minLast) {
        c.last = s;
        break;
      }
      if (lean && coverable && lo >= 0 && s >= (lo > 1 ? lo : 1)) {
        if (c.cost[s] < leastCost) leastCost = c.cost[s];
        // Served from the Central (its range is then 0 … 0) once the least field-option cost is
        // settled — a later level costs at least holding × E[(s − N)+], which only grows — and is
        // not below the Central option's: no later level matters.
        if (lo === 0 && holding * sumOfCdf >= leastCost && c.cost[0] <= leastCost) {
          hi = s;
          c.last = s;
          break;
        }
      }
      if (cutting && lo >= 0 && s >= (coverable && lo < 1 ? 1 : lo)) {
        const value = wmr * misses + wbr * c.backorders[s] + perUnitFloor * s;
        if (value < least) least = value;
        if (perUnitFloor * (s + 1) > least && (!coverable || holding * sumOfCdf >= leastCost)) {
          hi = s;
          c.last = s;
          break;
        }
      }
    }
    c.lo = lo;
    c.hi = hi;
    c.serveFromCentral = false;
    c.centralOptionCost = c.fieldOptionCost = NaN;
    c.bestFieldLevel = -1;
    if (c.coverable) {
      c.centralOptionCost = c.cost[0];
      let best = Infinity;
      for (let s = lo > 1 ? lo : 1; s <= hi; s++) if (c.cost[s] < best) {
          best = c.cost[s];
          c.bestFieldLevel = s;
        }
      c.fieldOptionCost = best;
      c.serveFromCentral = lo === 0 && c.centralOptionCost <= best;
    }
    return c;
  }
}
