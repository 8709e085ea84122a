/**
 * Network stocking by greedy marginal analysis over the parts' convex envelopes (Sherbrooke 2004,
 * ch. 4; Fox 1966; Everett 1963).
 *
 * Every part starts at its least plan that meets the fill-rate floor of each of its part-locations.
 * The greedy repeatedly moves the part whose next envelope step buys the largest loss reduction per
 * unit of money (a binary heap over parts). The sequence of plans it passes through is the
 * efficient frontier: each point minimises the loss among all plans of the same or less investment
 * (each is a Lagrangian minimiser, because every part sits on a vertex of its convex envelope).
 *
 * Loss ("objective"):
 * - 'fillRate': annual units not filled within response, each weighted by its tier's weight
 *   (1 per unit when no tier weights are given: the overall demand-weighted fill rate);
 * - 'penalty': expected annual penalties (misses × the row's penalty per miss);
 * - 'backorders': expected customer backorders (Σ field EBO + the Central customers' share of EBO₀).
 *
 * Modes:
 * - target: the chosen plan is the first frontier point where every tier's demand-weighted fill
 *   within response reaches its target. With the 'fillRate' objective the tier weights are
 *   calibrated first (calibrateTierWeights, on a sample of at most 2,000 parts); the envelopes of
 *   all parts are then built once with the winning weights, so the frontier is exact for the
 *   weights reported and a budget-mode run with them and the plan's investment gives the same plan.
 * - budget: the chosen plan is the last frontier point whose investment fits the budget (the
 *   money left over is reported; a budget below the floor plan's investment is infeasible).
 */
import { NetworkRows, summarizeNetwork, tierMet, writeCentralRow, writeFieldRow, type NetworkEvaluation } from './evaluate';
import { EnvelopeStore, PartCurveBuilder, quantityLayout } from './part-curve';
import { PlanningCancelled } from '../portfolio';
import { DEFAULT_NETWORK_SETTINGS, subProblem, type NetworkProblem, type NetworkSettings } from './problem';

export type NetworkObjective = 'fillRate' | 'penalty' | 'backorders';

export interface NetworkPlanOptions {
  mode?: 'target' | 'budget';
  /** Budget mode: the investment available. */
  budget?: number;
  objective?: NetworkObjective;
  /** Weights per tier of a unit missed ('fillRate' objective); given, they are used as they are (e.g. a target run's, to re-run at one of its frontier points). */
  tierWeights?: readonly number[];
  /**
   * Budget mode, 'fillRate' objective without tier weights: calibrate the tier weights on the tiers'
   * targets as target mode does, so that the budget plan is a point of the target run's frontier (a
   * point picked there is planned again exactly); otherwise every unit missed weighs alike. The
   * pipeline sets it.
   */
  weighTiersByTargets?: boolean;
  /** Target mode (or weighTiersByTargets), 'fillRate' objective without tier weights: rounds of tier-weight calibration on a sample of the parts (default 3). */
  calibrationRounds?: number;
  /** Target-mode calibration runs on every k-th part when there are more parts than this (default CALIBRATION_SAMPLE). */
  calibrationSample?: number;
  /**
   * The first calibration round guesses its ratio floor from a scout on every 8th part of the
   * calibration sample (firstRoundFloor; default true): the same rounds either way, false builds
   * the first round's envelopes whole.
   */
  calibrationScout?: boolean;
  /** Frontier points returned at most (besides the first, the last and the chosen one); default 100. */
  frontierPoints?: number;
  /**
   * Only the chosen plan is wanted (the stocking backtest): the envelopes are built exact only in
   * their steps of at least `ratioHint` loss reduction per money (a guess, e.g. a similar plan's
   * decidingRatio), which spares the field levels beyond; when the walk decides below the hint the
   * envelopes are built whole again, so the plan is the same either way. The frontier then ends at
   * the chosen point.
   */
  chosenOnly?: boolean;
  ratioHint?: number;
  onProgress?: (done: number, total: number) => void;
  shouldStop?: () => boolean;
}

export interface FrontierPoint {
  investment: number;
  /** Demand-weighted fill rate within response over all part-locations. */
  fillRate: number;
  /** Per tier, in the problem's order (NaN for a tier without demand). */
  fillRateByTier: number[];
  expectedAnnualPenalty: number;
  /** Customer backorders. */
  expectedBackorders: number;
  /** The objective's loss at this point. */
  loss: number;
  chosen: boolean;
}

export interface NetworkPlan extends NetworkEvaluation {
  mode: 'target' | 'budget';
  objective: NetworkObjective;
  budget: number;
  /** Target mode: every tier met; budget mode: the budget covers the floor plan. */
  feasible: boolean;
  /** Budget mode: budget minus the chosen plan's investment. */
  unspentBudget: number;
  frontier: FrontierPoint[];
  /** The frontier point of the plan (also in `frontier`, marked chosen). */
  chosen: FrontierPoint;
  /** Tier weights behind the frontier ('fillRate' objective); pass them back to re-run in budget mode on the same frontier. */
  tierWeights: number[];
  /** Calibration rounds run (0 without calibration). */
  rounds: number;
  /** Greedy steps on the whole frontier. */
  steps: number;
  /** Loss reduction per money of the step that decided the chosen point (see Walk); a hint for chosenOnly runs of similar plans. */
  decidingRatio: number;
}

/** The result of one greedy walk. */
interface Walk {
  frontier: FrontierPoint[];
  chosen: FrontierPoint;
  feasible: boolean;
  /** Per part: central level and units of the chosen vertex. */
  central: Int32Array;
  units: Int32Array;
  investment: number;
  /** Annual misses per tier at the chosen point. */
  misses: Float64Array;
  steps: number;
  /**
   * Loss reduction per money of the step that decided the chosen point — target: the step that met
   * every tier (Infinity for the floor plan); budget: the first step that did not fit (Infinity when
   * the floor plan did not) — or NaN when the walk ran to the end without deciding.
   */
  decidingRatio: number;
}

/** Binary max-heap of parts keyed by the ratio of their next envelope step (ties: lower part first). */
class PartHeap {
  private keys: Float64Array;
  private parts: Int32Array;
  size = 0;
  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(1, capacity));
    this.parts = new Int32Array(Math.max(1, capacity));
  }
  private above(i: number, j: number): boolean {
    const a = this.keys[i];
    const b = this.keys[j];
    return a > b || (a === b && this.parts[i] < this.parts[j]);
  }
  private swap(i: number, j: number): void {
    const k = this.keys[i];
    this.keys[i] = this.keys[j];
    this.keys[j] = k;
    const p = this.parts[i];
    this.parts[i] = this.parts[j];
    this.parts[j] = p;
  }
  push(key: number, part: number): void {
    let i = this.size++;
    this.keys[i] = key;
    this.parts[i] = part;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.above(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }
  pop(): number {
    const top = this.parts[0];
    const last = --this.size;
    if (last > 0) {
      this.keys[0] = this.keys[last];
      this.parts[0] = this.parts[last];
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < last && this.above(l, m)) m = l;
        if (r < last && this.above(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
}

/** Optimises the network's stock (see the module comment) and returns the plan's measures, tiers and frontier. */
export function planNetwork(problem: NetworkProblem, settings: NetworkSettings = DEFAULT_NETWORK_SETTINGS, options: NetworkPlanOptions = {}): NetworkPlan {
  const mode = options.mode ?? 'target';
  const objective = options.objective ?? 'fillRate';
  const budget = options.budget ?? Infinity;
  if (mode === 'budget' && !(budget >= 0)) throw new Error('Network plan: budget mode needs a budget ≥ 0');
  if (!(settings.minFillRate >= 0 && settings.minFillRate < 1)) throw new Error('Network plan: MinFillRate must be in [0, 1)');
  const T = problem.tiers.length;
  const { byTier: tierDemand, total: totalDemand } = annualDemand(problem, settings);
  const allowed = problem.tiers.map((t, i) => (1 - t.targetFillRate) * tierDemand[i]);
  const maxPoints = options.frontierPoints ?? 100;

  const calibrate = (mode === 'target' || options.weighTiersByTargets === true) && objective === 'fillRate' && !options.tierWeights;
  const initial: number[] = options.tierWeights ? [...options.tierWeights] : calibrate ? allowed.map((a, i) => (tierDemand[i] > 0 ? 1 / Math.max(a, 1e-9 * tierDemand[i]) : 0)) : new Array<number>(T).fill(1);
  const tierWeighted = Boolean(options.tierWeights) || calibrate;
  const calibration = calibrate ? calibrateTierWeights(problem, settings, initial, options, maxPoints) : { weights: initial, rounds: 0, decidingRatio: 0 };
  const weights = calibration.weights;
  if (options.shouldStop?.()) throw new PlanningCancelled();

  const builder = new PartCurveBuilder(problem, settings);
  const store = new EnvelopeStore(problem.partCount, quantityLayout(T).count);
  const wm = new Float64Array(problem.rowCount);
  const wb = new Float64Array(problem.rowCount);
  setRowWeights(problem, objective, tierWeighted ? weights : null, wm, wb);
  const buildAll = (ratioFloor: number) => {
    store.reset();
    for (let p = 0; p < problem.partCount; p++) {
      if (p % 500 === 0) {
        if (options.shouldStop?.()) throw new PlanningCancelled();
        options.onProgress?.(p, problem.partCount);
      }
      builder.build(p, wm, wb, store, ratioFloor);
    }
    options.onProgress?.(problem.partCount, problem.partCount);
    return greedyWalk(problem, store, mode, budget, tierDemand, totalDemand, maxPoints);
  };
  // Without a hint, a calibrated plan guesses its floor from the calibration sample's deciding ratio
  // at the winning weights (same weights, every k-th part: a ratio of the same scale).
  const floor = options.chosenOnly ? usableFloor(options.ratioHint ?? calibration.decidingRatio * CALIBRATION_FLOOR_SHARE) : 0;
  let walk = buildAll(floor);
  if (!decidedAbove(walk, floor)) walk = buildAll(0);
  if (options.chosenOnly) walk.frontier.splice(walk.frontier.indexOf(walk.chosen) + 1);
  // The chosen plan's rows: each part's field levels at its chosen vertex, with complete measures.
  const rows = new NetworkRows(problem.rowCount);
  for (let p = 0; p < problem.partCount; p++) {
    builder.allocate(p, walk.central[p], walk.units[p], wm, wb);
    const model = builder.model;
    writeCentralRow(model, rows);
    for (let j = 0; j < model.fieldCount; j++) writeFieldRow(model, model.fields[j], builder.levels[j], rows);
  }
  const summary = summarizeNetwork(problem, rows);
  return {
    rows,
    ...summary,
    mode,
    objective,
    budget,
    feasible: walk.feasible,
    unspentBudget: mode === 'budget' ? budget - walk.chosen.investment : NaN,
    frontier: walk.frontier,
    chosen: walk.chosen,
    tierWeights: weights,
    rounds: calibration.rounds,
    steps: walk.steps,
    decidingRatio: walk.decidingRatio,
  };
}

/** A ratio floor for the envelopes: the hint when it is a positive finite number, else 0 (whole envelopes). */
function usableFloor(hint: number): number {
  return hint > 0 && Number.isFinite(hint) ? hint : 0;
}

/**
 * Whether a walk over envelopes built with this ratio floor is the walk over the whole envelopes:
 * every step it took before deciding had at least the floor's ratio, and those steps are exact
 * (PartCurveBuilder.build); the steps below the floor, which may be wrong, all come after them.
 * The margin keeps rounding in the ratios on the safe side.
 */
function decidedAbove(walk: Walk, floor: number): boolean {
  return floor === 0 || walk.decidingRatio >= floor * (1 + 1e-9);
}

/** Calibration rounds after the first build their envelopes down to this share of the last round's deciding ratio (scaled by the weights' change). */
const CALIBRATION_FLOOR_SHARE = 0.5;

/** Parts in the calibration sample at most (a deterministic sample, every k-th part, on larger networks). */
export const CALIBRATION_SAMPLE = 2000;

/**
 * Tier weights for target mode. Start at 1 / (the tier's allowed misses); each round multiplies the
 * weight of every tier the chosen point over-serves by (misses / allowed misses)², at least 0.05 (a
 * tier's misses fall roughly as the square root of its weight), builds the envelopes again and
 * walks to the first point meeting every tier. The weights of the cheapest such plan win. Rounds
 * run on every k-th part when the network has more than CALIBRATION_SAMPLE parts: tier weights
 * are a property of the tiers, not of single parts, and a sample of 2,000 parts estimates them at
 * a fraction of the cost; the plan itself is then optimised over all parts with the winning weights.
 */
function calibrateTierWeights(problem: NetworkProblem, settings: NetworkSettings, initial: number[], options: NetworkPlanOptions, maxPoints: number): { weights: number[]; rounds: number; decidingRatio: number } {
  const rounds = Math.max(0, options.calibrationRounds ?? 3);
  let run = 0;
  if (rounds === 0) return { weights: initial, rounds: 0, decidingRatio: 0 };
  const P = problem.partCount;
  const step = Math.max(1, Math.ceil(P / Math.max(1, options.calibrationSample ?? CALIBRATION_SAMPLE)));
  const sample = step === 1 ? problem : everyKthPart(problem, step);
  const T = sample.tiers.length;
  const { byTier: demand, total } = annualDemand(sample, settings);
  const allowed = sample.tiers.map((t, i) => (1 - t.targetFillRate) * demand[i]);
  const builder = new PartCurveBuilder(sample, settings);
  const store = new EnvelopeStore(sample.partCount, quantityLayout(T).count);
  const wm = new Float64Array(sample.rowCount);
  const wb = new Float64Array(sample.rowCount);
  // Each round needs only its chosen point, so its envelopes stop below a ratio floor guessed from
  // the round before (the loss scales with the weights) or, for the first, from a scout on a
  // sub-sample; a round that decides below its floor is built whole again, so the rounds are
  // exactly those of whole envelopes.
  const buildWalk = (ratioFloor: number) => {
    store.reset();
    for (let p = 0; p < sample.partCount; p++) builder.build(p, wm, wb, store, ratioFloor);
    return greedyWalk(sample, store, 'target', Infinity, demand, total, maxPoints);
  };
  const walkWith = (weights: readonly number[], ratioFloor: number) => {
    setRowWeights(sample, 'fillRate', weights, wm, wb);
    const floor = usableFloor(ratioFloor);
    const walk = buildWalk(floor);
    return decidedAbove(walk, floor) ? walk : buildWalk(0);
  };
  let weights = initial;
  let walk = walkWith(weights, options.calibrationScout === false ? 0 : firstRoundFloor(sample, settings, initial, maxPoints));
  let best = walk.feasible ? { weights, investment: walk.investment, decidingRatio: walk.decidingRatio } : null;
  for (let round = 0; round < rounds && walk.feasible; round++) {
    if (options.shouldStop?.()) throw new PlanningCancelled();
    let converged = true;
    const misses = walk.misses;
    let leastChange = 1;
    weights = weights.map((w, t) => {
      if (!(demand[t] > 0) || !(allowed[t] > 0)) return w;
      const ratio = misses[t] / allowed[t];
      if (ratio < 0.995) converged = false;
      const change = Math.min(1, Math.max(0.05, ratio * ratio));
      leastChange = Math.min(leastChange, change);
      return w * change;
    });
    if (converged) break;
    walk = walkWith(weights, walk.decidingRatio * leastChange * CALIBRATION_FLOOR_SHARE);
    run++;
    if (walk.feasible && (!best || walk.investment < best.investment)) best = { weights, investment: walk.investment, decidingRatio: walk.decidingRatio };
  }
  return { weights: best ? best.weights : initial, rounds: run, decidingRatio: best ? best.decidingRatio : 0 };
}

/** A calibration sample of at least this many parts guesses its first round's ratio floor from a scout (firstRoundFloor). */
const SCOUT_MIN_SAMPLE = 400;
/** The scout walks every k-th part of the calibration sample. */
const SCOUT_STEP = 8;

/**
 * A ratio floor for the first calibration round, which has no round before it to guess from: the
 * deciding ratio of a scout — the same walk with the same weights on every SCOUT_STEP-th part of
 * the sample, whole envelopes — times CALIBRATION_FLOOR_SHARE. A sub-sample reaches the tiers'
 * targets at about the same ratio (the ratio is a property of the tiers' weights, and the parts are
 * taken evenly); when the round decides below the floor all the same it is walked again on whole
 * envelopes, so the round is exactly that of whole envelopes. 0 (whole envelopes) for small samples.
 */
function firstRoundFloor(sample: NetworkProblem, settings: NetworkSettings, weights: readonly number[], maxPoints: number): number {
  if (sample.partCount < SCOUT_MIN_SAMPLE) return 0;
  const scout = everyKthPart(sample, SCOUT_STEP);
  const T = scout.tiers.length;
  const { byTier: scoutDemand, total: scoutTotal } = annualDemand(scout, settings);
  const builder = new PartCurveBuilder(scout, settings);
  const store = new EnvelopeStore(scout.partCount, quantityLayout(T).count);
  const wm = new Float64Array(scout.rowCount);
  const wb = new Float64Array(scout.rowCount);
  setRowWeights(scout, 'fillRate', weights, wm, wb);
  for (let p = 0; p < scout.partCount; p++) builder.build(p, wm, wb, store, 0);
  const walk = greedyWalk(scout, store, 'target', Infinity, scoutDemand, scoutTotal, maxPoints);
  return walk.feasible ? usableFloor(walk.decidingRatio * CALIBRATION_FLOOR_SHARE) : 0;
}

/** Annual demand of the problem's rows, by tier and in total (rows summed in order). */
function annualDemand(problem: NetworkProblem, settings: NetworkSettings): { byTier: Float64Array; total: number } {
  const byTier = new Float64Array(problem.tiers.length);
  let total = 0;
  for (let r = 0; r < problem.rowCount; r++) {
    const d = problem.ratePerDay[r] * settings.daysPerYear;
    total += d;
    if (problem.tier[r] >= 0) byTier[problem.tier[r]] += d;
  }
  return { byTier, total };
}

/** The sub-problem of parts 0, k, 2k, … (a deterministic, evenly spread sample). */
function everyKthPart(problem: NetworkProblem, k: number): NetworkProblem {
  return subProblem(problem, Int32Array.from({ length: Math.ceil(problem.partCount / k) }, (_, i) => i * k));
}

/** Row weights of the loss: per unit missed within response (wm) and per customer backorder (wb). */
function setRowWeights(problem: NetworkProblem, objective: NetworkObjective, tierWeights: readonly number[] | null, wm: Float64Array, wb: Float64Array): void {
  for (let r = 0; r < problem.rowCount; r++) {
    const t = problem.tier[r];
    wm[r] = objective === 'penalty' ? problem.penaltyPerMiss[r] : objective === 'fillRate' ? (tierWeights ? (t >= 0 ? tierWeights[t] : 0) : 1) : 0;
    wb[r] = objective === 'backorders' ? 1 : 0;
  }
}

/** The greedy over the envelopes: the whole frontier (thinned), the chosen point and each part's vertex there. */
function greedyWalk(problem: NetworkProblem, store: EnvelopeStore, mode: 'target' | 'budget', budget: number, tierDemand: Float64Array, demand: number, maxPoints: number): Walk {
  const P = problem.partCount;
  const T = problem.tiers.length;
  const layout = quantityLayout(T);
  const q = layout.count;
  const at = new Int32Array(P); // current vertex of each part
  const totals = new Float64Array(q);
  const heap = new PartHeap(P);
  const ratioOf = (p: number, v: number) => (store.loss[v] - store.loss[v + 1]) / (problem.unitCost[p] * (store.units[v + 1] - store.units[v]));
  let investment = 0;
  let loss = 0;
  let maxInvestment = 0;
  let minLoss = 0;
  for (let p = 0; p < P; p++) {
    const v = store.start[p];
    const end = store.start[p + 1] - 1;
    at[p] = v;
    if (end < v) continue;
    investment += problem.unitCost[p] * store.units[v];
    loss += store.loss[v];
    for (let k = 0; k < q; k++) totals[k] += store.quantities[v * q + k];
    maxInvestment += problem.unitCost[p] * store.units[end];
    minLoss += store.loss[end];
    if (v < end) heap.push(ratioOf(p, v), p);
  }
  const investmentStep = (maxInvestment - investment) / Math.max(1, maxPoints);
  const lossStep = (loss - minLoss) / Math.max(1, maxPoints);

  const point = (chosen: boolean): FrontierPoint => {
    let misses = 0;
    for (let t = 0; t <= T; t++) misses += totals[t];
    const byTier = new Array<number>(T);
    for (let t = 0; t < T; t++) byTier[t] = tierDemand[t] > 0 ? 1 - totals[t] / tierDemand[t] : NaN;
    return {
      investment,
      fillRate: demand > 0 ? 1 - misses / demand : NaN,
      fillRateByTier: byTier,
      expectedAnnualPenalty: totals[layout.penalty],
      expectedBackorders: totals[layout.backorders],
      loss,
      chosen,
    };
  };
  const allMet = () => {
    for (let t = 0; t < T; t++) if (!tierMet(totals[t], tierDemand[t], problem.tiers[t].targetFillRate)) return false;
    return true;
  };

  const frontier: FrontierPoint[] = [];
  let chosen: FrontierPoint | null = null;
  const chosenCentral = new Int32Array(P);
  const chosenUnits = new Int32Array(P);
  let chosenMisses = new Float64Array(T);
  let lastInvestment = investment;
  let lastLoss = loss;
  const record = (isChosen: boolean) => {
    const pt = point(isChosen);
    frontier.push(pt);
    lastInvestment = investment;
    lastLoss = loss;
    if (!isChosen) return;
    chosen = pt;
    for (let p = 0; p < P; p++) {
      const v = at[p];
      if (v < store.start[p + 1]) {
        chosenCentral[p] = store.central[v];
        chosenUnits[p] = store.units[v];
      }
    }
    chosenMisses = totals.slice(0, T);
  };

  // The floor plan is the first point; budget mode is infeasible below it.
  const feasibleStart = mode === 'target' ? allMet() : investment <= budget;
  let feasible = feasibleStart;
  let open = mode === 'budget' ? feasibleStart : !feasibleStart; // budget: still within it; target: still looking
  const decidedAtStart = mode === 'target' ? feasibleStart : !feasibleStart;
  record(decidedAtStart);
  let steps = 0;
  let decidingRatio = decidedAtStart ? Infinity : NaN;
  while (heap.size > 0) {
    const p = heap.pop();
    const v = at[p];
    const next = v + 1;
    const cost = problem.unitCost[p] * (store.units[next] - store.units[v]);
    if (mode === 'budget' && open && investment + cost > budget) {
      open = false;
      if (frontier[frontier.length - 1].investment === investment) frontier.pop();
      record(true);
      decidingRatio = ratioOf(p, v);
    }
    investment += cost;
    loss += store.loss[next] - store.loss[v];
    for (let k = 0; k < q; k++) totals[k] += store.quantities[next * q + k] - store.quantities[v * q + k];
    at[p] = next;
    steps++;
    if (next < store.start[p + 1] - 1) heap.push(ratioOf(p, next), p);
    if (mode === 'target' && open && allMet()) {
      open = false;
      feasible = true;
      record(true);
      decidingRatio = ratioOf(p, v);
    } else if (heap.size === 0 || investment - lastInvestment >= investmentStep || lastLoss - loss >= lossStep) record(false);
  }
  if (!chosen) {
    // Budget mode with money to spare at the end of the frontier, or target mode with a tier that
    // cannot be met within the search range: the last point.
    frontier.pop();
    record(true);
  }
  const c = chosen as unknown as FrontierPoint;
  return { frontier, chosen: c, feasible, central: chosenCentral, units: chosenUnits, investment: c.investment, misses: chosenMisses, steps, decidingRatio };
}
