/**
 * Calibration of the stocking decision on the user's own history (Calibration = Auto,
 * docs/methods.md §6.1). Rolling-origin backtests over several windows: at each origin o the stock
 * is decided on periods [0, o) exactly as the live plan decides, for a grid of aims, and the next
 * H = BacktestPeriods periods are replayed at each of those stocks. Per demand class a monotone map
 * and lead-time band g from the model's fill rate to the achieved one is fitted on all windows
 * together (isotonic regression weighted by replayed demand, calibration-map.ts) and shrunk toward
 * the band's map over all classes by N/(N + SHRINKAGE). The live decision is then the least S with g(FR(S)) ≥ target,
 * and it promises g(FR(S)) — where no stock reaches the target on this evidence, the promise says so.
 * Pooling the windows averages the drift between years instead of fitting one of them. Decisions
 * set by the evidence rules (stock-rule.ts) are not calibrated.
 */
import { applyMap, blendMaps, IDENTITY_MAP, isotonicMap, LEAD_TIME_BANDS, leadTimeBand, mapMaximum, MAX_AIM, requiredModelFillRate, type CalibrationMap, type ClassMaps, type LeadTimeBand } from './calibration-map';
import { DEMAND_CLASSES, type DemandClass } from './classify';
import { decisionCurve, MIN_DECISION_PERIODS, PlanWorkspace, type PartLocationRequest, type PlanSettings } from './plan';
import { replayBaseStock } from './replay';

export const SHRINKAGE = 100;
/** Fewer part-location-windows with replayed demand than this and the plan is not calibrated: a map fitted on a handful of backtests is noise (at this many, the shrinkage weight is ½). */
export const MIN_EVIDENCE = SHRINKAGE;
export const MAX_WINDOWS = 4;
/** At most this many part-locations are backtested for the fit (an even stride through the portfolio). */
export const MAX_SAMPLE = 6000;
/** The aims every backtested decision is taken at: σ(−1.5), σ(−1.25), …, σ(7) = MAX_AIM ≈ 18 % … 99.9 %. */
export const AIM_GRID: readonly number[] = Array.from({ length: 35 }, (_, j) => (j === 34 ? MAX_AIM : 1 / (1 + Math.exp(1.5 - 0.25 * j))));

/** One row of SPP Calibration: a window and a demand class. */
export interface CalibrationCell {
  /** 1 = the most recent window. */
  window: number;
  /** Periods decided on: [0, origin); replayed: [origin, origin + periods). */
  origin: number;
  periods: number;
  demandClass: DemandClass;
  leadTimeBand: LeadTimeBand;
  partLocations: number;
  demand: number;
  /** Without calibration: promised and achieved fill rate, weighted by replayed demand. */
  promisedFillRate: number;
  achievedFillRate: number;
  /** The most the class's map lets any stock achieve (a target above it is unreachable on this evidence). */
  reachableFillRate: number;
  /** With the class's map: promised and achieved (in sample: the fit used these windows). */
  calibratedPromisedFillRate: number;
  calibratedAchievedFillRate: number;
  /** Σ stock over the part-locations of the cell, without and with calibration. */
  stock: number;
  calibratedStock: number;
}

export interface Calibration {
  /** The maps per class and lead-time band; null when the backtests are too few to calibrate on (MIN_EVIDENCE). */
  maps: Record<DemandClass, ClassMaps> | null;
  /** Part-location-windows with replayed demand behind each class's fit. */
  observations: Record<DemandClass, number>;
  cells: CalibrationCell[];
}

/** The calibration windows' origins, most recent first: n − H, n − H − H/2, … while at least MIN_DECISION_PERIODS remain. */
export function calibrationOrigins(periods: number, holdout: number): number[] {
  const step = Math.max(1, Math.ceil(holdout / 2));
  const origins: number[] = [];
  for (let o = periods - holdout; o >= MIN_DECISION_PERIODS && origins.length < MAX_WINDOWS; o -= step) origins.push(o);
  return origins;
}

/** One backtested decision curve: for each aim of the grid (and the target) the stock, its model fill rate and what it filled. */
interface Backtest {
  window: number;
  demandClass: DemandClass;
  /** Index in LEAD_TIME_BANDS. */
  band: number;
  target: number;
  demand: number;
  /** Per aim, ascending: stock, model fill rate, units filled. */
  stocks: Int32Array;
  fillRates: Float64Array;
  filled: Float64Array;
  /** Index of the target among the aims. */
  targetIndex: number;
}

/** The part-location i of a batch-like source as a planning request. */
export type RequestOf = (i: number) => PartLocationRequest;

/** Fits the maps on rolling-origin backtests of `count` part-locations with `periods` periods of history. */
export function calibrate(count: number, periods: number, requestOf: RequestOf, settings: PlanSettings, workspace = new PlanWorkspace()): Calibration {
  const holdout = settings.backtestPeriods;
  const origins = calibrationOrigins(periods, holdout);
  const plain: PlanSettings = { ...settings, calibrationMaps: undefined };
  const stride = Math.max(1, Math.ceil(count / MAX_SAMPLE));
  const backtests: Backtest[] = [];
  for (let i = 0; i < count; i += stride) {
    const request = requestOf(i);
    const target = request.targetFillRate;
    const aims = [...AIM_GRID.filter((a) => a !== target), target].sort((a, b) => a - b);
    const targetIndex = aims.indexOf(target);
    origins.forEach((origin, window) => {
      const curve = decisionCurve(request, origin, plain, workspace, aims);
      if (!curve) return;
      const filled = new Float64Array(aims.length);
      let lastStock = -1;
      let lastFilled = 0;
      let demand = 0;
      for (let k = 0; k < aims.length; k++) {
        if (curve.stocks[k] !== lastStock) {
          const outcome = replayBaseStock(request.demand, origin, origin + holdout, curve.stocks[k], request.leadTimePeriods, workspace.replay);
          lastStock = curve.stocks[k];
          lastFilled = outcome.filled;
          demand = outcome.demand;
          if (demand === 0) return;
        }
        filled[k] = lastFilled;
      }
      backtests.push({ window, demandClass: curve.demandClass, band: leadTimeBand(request.leadTimePeriods), target, demand, stocks: curve.stocks, fillRates: curve.fillRates, filled, targetIndex });
    });
  }
  const maps = backtests.length >= MIN_EVIDENCE ? fitMaps(backtests) : null;
  const observations = Object.fromEntries(DEMAND_CLASSES.map((c) => [c, 0])) as Record<DemandClass, number>;
  for (const b of backtests) observations[b.demandClass]++;
  const uncalibrated = Object.fromEntries(DEMAND_CLASSES.map((c) => [c, LEAD_TIME_BANDS.map(() => IDENTITY_MAP)])) as unknown as Record<DemandClass, ClassMaps>;
  return { maps, observations, cells: calibrationCells(backtests, maps ?? uncalibrated, origins, holdout) };
}

/**
 * Per class and lead-time band the isotonic map of achieved on model fill rate over every
 * (backtest, aim) — each aim's decision counts once with the weight of the replayed demand, so a
 * part whose stock jumps over several aims weighs as often as it is decided there. Shrunk in a
 * hierarchy, each level toward the one above by N/(N + SHRINKAGE), N its part-location-windows:
 * all backtests toward no correction, the band toward all, the class in the band toward the band;
 * then its correction g(p) − p toward none as far as the windows' own maps disagree (driftWeight).
 */
export function fitMaps(backtests: readonly Pick<Backtest, 'window' | 'demandClass' | 'band' | 'demand' | 'fillRates' | 'filled' | 'targetIndex'>[]): Record<DemandClass, ClassMaps> {
  type Keyed = Pick<Backtest, 'window' | 'demandClass' | 'band'>;
  const fit = (keep: (b: Keyed) => boolean) => {
    const x: number[] = [];
    const y: number[] = [];
    const w: number[] = [];
    let n = 0;
    for (const b of backtests) {
      if (!keep(b)) continue;
      n++;
      for (let k = 0; k < b.fillRates.length; k++) {
        if (k === b.targetIndex) continue; // the grid alone: the map does not depend on the targets in use
        x.push(b.fillRates[k]);
        y.push(b.filled[k] / b.demand);
        w.push(b.demand);
      }
    }
    return { map: isotonicMap(x, y, w), n };
  };
  const shrunk = (own: { map: CalibrationMap; n: number }, prior: CalibrationMap) => (own.n === 0 ? prior : blendMaps(own.map, prior, own.n / (own.n + SHRINKAGE)));
  const pooled = shrunk(fit(() => true), IDENTITY_MAP);
  const bands = LEAD_TIME_BANDS.map((_, band) => shrunk(fit((b) => b.band === band), pooled));
  const windows = [...new Set(backtests.map((b) => b.window))];
  return Object.fromEntries(
    DEMAND_CLASSES.map((c) => [
      c,
      bands.map((bandMap, band) => {
        const own = fit((b) => b.demandClass === c && b.band === band);
        if (own.n === 0) return bandMap;
        const perWindow = windows.map((w) => fit((b) => b.demandClass === c && b.band === band && b.window === w)).filter((f) => f.n > 0).map((f) => f.map);
        return blendMaps(shrunk(own, bandMap), IDENTITY_MAP, driftWeight(own.map, perWindow));
      }),
    ]),
  ) as unknown as Record<DemandClass, ClassMaps>;
}

/**
 * How much of a class's correction g(p) − p survives the drift between windows: at the grid's aims
 * the windows' own corrections scatter around the pooled one by s²(p), so the pooled correction is
 * known to s²/W; the positive-part James–Stein weight max(0, 1 − Σ_p s²(p)/W ÷ Σ_p (g(p) − p)²)
 * shrinks it toward no correction as far as the windows disagree. One window tells nothing about drift: ½.
 */
export function driftWeight(pooled: CalibrationMap, perWindow: readonly CalibrationMap[]): number {
  const w = perWindow.length;
  if (w === 0) return 0;
  if (w === 1) return 0.5;
  let spread = 0;
  let signal = 0;
  for (const p of AIM_GRID) {
    const corrections = perWindow.map((m) => applyMap(m, p) - p);
    const mean = corrections.reduce((a, b) => a + b, 0) / w;
    spread += corrections.reduce((a, b) => a + (b - mean) * (b - mean), 0) / (w - 1) / w;
    const g = applyMap(pooled, p) - p;
    signal += g * g;
  }
  return signal > 0 ? Math.max(0, 1 - spread / signal) : 0;
}

/** The index of the least stock among a backtest's aims whose model fill rate reaches `p` (the last when none does). */
function indexReaching(b: Backtest, p: number): number {
  for (let k = 0; k < b.fillRates.length; k++) if (b.fillRates[k] >= p) return k;
  return b.fillRates.length - 1;
}

function calibrationCells(backtests: readonly Backtest[], maps: Record<DemandClass, ClassMaps>, origins: readonly number[], holdout: number): CalibrationCell[] {
  const cells = new Map<string, CalibrationCell>();
  for (const b of backtests) {
    const key = `${b.window}\u0000${b.demandClass}\u0000${b.band}`;
    const map = maps[b.demandClass][b.band];
    const cell =
      cells.get(key) ??
      cells
        .set(key, { window: b.window + 1, origin: origins[b.window], periods: holdout, demandClass: b.demandClass, leadTimeBand: LEAD_TIME_BANDS[b.band], partLocations: 0, demand: 0, promisedFillRate: 0, achievedFillRate: 0, reachableFillRate: mapMaximum(map), calibratedPromisedFillRate: 0, calibratedAchievedFillRate: 0, stock: 0, calibratedStock: 0 })
        .get(key)!;
    const k = b.targetIndex;
    const c = indexReaching(b, requiredModelFillRate(map, b.target));
    cell.partLocations++;
    cell.demand += b.demand;
    cell.promisedFillRate += b.fillRates[k] * b.demand;
    cell.achievedFillRate += b.filled[k];
    cell.calibratedPromisedFillRate += applyMap(map, b.fillRates[c]) * b.demand;
    cell.calibratedAchievedFillRate += b.filled[c];
    cell.stock += b.stocks[k];
    cell.calibratedStock += b.stocks[c];
  }
  for (const cell of cells.values()) {
    cell.promisedFillRate /= cell.demand;
    cell.achievedFillRate /= cell.demand;
    cell.calibratedPromisedFillRate /= cell.demand;
    cell.calibratedAchievedFillRate /= cell.demand;
  }
  return [...cells.values()].sort((a, b) => a.window - b.window || DEMAND_CLASSES.indexOf(a.demandClass) - DEMAND_CLASSES.indexOf(b.demandClass) || LEAD_TIME_BANDS.indexOf(a.leadTimeBand) - LEAD_TIME_BANDS.indexOf(b.leadTimeBand));
}
