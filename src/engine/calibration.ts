/**
 * Calibration of the stocking decision on the user's own history (Calibration = Auto,
 * docs/methods.md §6.1). Rolling-origin backtests over several windows: at each origin o the stock
 * is decided on periods [0, o) exactly as the live plan decides, and the next H = BacktestPeriods
 * periods are replayed. Per demand class one shift δ on the logit scale is fitted so that, summed
 * over every window, the promised and the achieved units filled meet:
 *     the decision aims at σ(logit(target) − δ) and promises σ(logit(model fill rate) + δ),
 *     Σ_windows Σ_i d_i·promise_i(δ) = Σ_windows Σ_i filled_i(δ)   (d = demand replayed).
 * δ < 0 means the model over-promised (the decision aims higher to keep the promise); δ > 0 that
 * it under-promised (it aims lower and saves stock).
 * Pooling several windows averages the drift between years instead of fitting one of them; δ is
 * then shrunk toward 0 as far as the windows' own shifts disagree (driftWeight) and by
 * N/(N + SHRINKAGE), N the class's part-location-windows with demand, and bounded by ±MAX_SHIFT. Decisions set by the evidence rules (stock-rule.ts) are not calibrated.
 */
import { DEMAND_CLASSES, type DemandClass } from './classify';
import { decisionCurve, MIN_DECISION_PERIODS, PlanWorkspace, type PartLocationRequest, type PlanSettings } from './plan';
import { replayBaseStock } from './replay';

export const MAX_SHIFT = 2;
const SHIFT_STEP = 0.125;
/** δ candidates −2, −1.875, …, 2. */
export const SHIFTS: readonly number[] = Array.from({ length: Math.round((2 * MAX_SHIFT) / SHIFT_STEP) + 1 }, (_, j) => -MAX_SHIFT + j * SHIFT_STEP);
export const SHRINKAGE = 100;
export const MAX_WINDOWS = 4;
/** At most this many part-locations are backtested for the fit (an even stride through the portfolio). */
export const MAX_SAMPLE = 6000;

/** One row of SPP Calibration: a window and a demand class. */
export interface CalibrationCell {
  /** 1 = the most recent window. */
  window: number;
  /** Periods decided on: [0, origin); replayed: [origin, origin + periods). */
  origin: number;
  periods: number;
  demandClass: DemandClass;
  partLocations: number;
  demand: number;
  /** Without calibration (δ = 0): promised and achieved fill rate, weighted by replayed demand. */
  promisedFillRate: number;
  achievedFillRate: number;
  /** The class's shift, and promised and achieved with it (in sample: the fit used these windows). */
  shift: number;
  calibratedPromisedFillRate: number;
  calibratedAchievedFillRate: number;
  /** Σ stock over the part-locations of the cell, without and with calibration. */
  stock: number;
  calibratedStock: number;
}

export interface Calibration {
  shifts: Record<DemandClass, number>;
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

const logit = (p: number): number => Math.log(p / (1 - p));
const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

interface Accumulator {
  demand: number;
  count: number;
  promised: Float64Array;
  filled: Float64Array;
  stock: Float64Array;
}

const accumulator = (): Accumulator => ({ demand: 0, count: 0, promised: new Float64Array(SHIFTS.length), filled: new Float64Array(SHIFTS.length), stock: new Float64Array(SHIFTS.length) });

/** The part-location i of a batch-like source as a planning request. */
export type RequestOf = (i: number) => PartLocationRequest;

/** Fits the shifts on rolling-origin backtests of `count` part-locations with `periods` periods of history. */
export function calibrate(count: number, periods: number, requestOf: RequestOf, settings: PlanSettings, workspace = new PlanWorkspace()): Calibration {
  const holdout = settings.backtestPeriods;
  const origins = calibrationOrigins(periods, holdout);
  const plain: PlanSettings = { ...settings, calibrationShifts: undefined };
  const byClass = new Map<DemandClass, Accumulator>();
  const byCell = new Map<string, Accumulator>();
  const stride = Math.max(1, Math.ceil(count / MAX_SAMPLE));
  const aims = new Float64Array(SHIFTS.length);
  for (let i = 0; i < count; i += stride) {
    const request = requestOf(i);
    const t = logit(request.targetFillRate);
    // Ascending aims for decisionCurve: aim k belongs to shift SHIFTS[last − k] (a higher δ aims lower).
    const last = SHIFTS.length - 1;
    for (let k = 0; k <= last; k++) aims[k] = logistic(t - SHIFTS[last - k]);
    origins.forEach((origin, w) => {
      const curve = decisionCurve(request, origin, plain, workspace, aims);
      if (!curve) return;
      let lastStock = -1;
      let filled = 0;
      let demand = 0;
      const cls = byClass.get(curve.demandClass) ?? byClass.set(curve.demandClass, accumulator()).get(curve.demandClass)!;
      const key = `${w}\u0000${curve.demandClass}`;
      const cell = byCell.get(key) ?? byCell.set(key, accumulator()).get(key)!;
      for (let j = 0; j < SHIFTS.length; j++) {
        const k = SHIFTS.length - 1 - j;
        const stock = curve.stocks[k];
        if (stock !== lastStock) {
          const outcome = replayBaseStock(request.demand, origin, origin + holdout, stock, request.leadTimePeriods, workspace.replay);
          filled = outcome.filled;
          demand = outcome.demand;
          lastStock = stock;
        }
        if (demand === 0) return;
        const promise = curve.fillRates[k] >= 1 ? 1 : logistic(logit(curve.fillRates[k]) + SHIFTS[j]);
        for (const acc of [cls, cell]) {
          acc.promised[j] += demand * promise;
          acc.filled[j] += filled;
          acc.stock[j] += stock;
        }
      }
      for (const acc of [cls, cell]) {
        acc.demand += demand;
        acc.count++;
      }
    });
  }
  const shifts = Object.fromEntries(DEMAND_CLASSES.map((c) => [c, 0])) as Record<DemandClass, number>;
  const observations = Object.fromEntries(DEMAND_CLASSES.map((c) => [c, 0])) as Record<DemandClass, number>;
  for (const [demandClass, acc] of byClass) {
    observations[demandClass] = acc.count;
    const perWindow = origins.map((_, w) => byCell.get(`${w}\u0000${demandClass}`)).filter((cell): cell is Accumulator => cell !== undefined && cell.count > 0).map(fitShift);
    shifts[demandClass] = shrink(fitShift(acc), acc.count) * driftWeight(fitShift(acc), perWindow);
  }
  const cells: CalibrationCell[] = [];
  for (const [key, acc] of byCell) {
    const [w, demandClass] = key.split('\u0000') as [string, DemandClass];
    const window = Number(w);
    const zero = SHIFTS.indexOf(0);
    const fitted = nearestShift(shifts[demandClass]);
    cells.push({
      window: window + 1,
      origin: origins[window],
      periods: holdout,
      demandClass,
      partLocations: acc.count,
      demand: acc.demand,
      promisedFillRate: acc.promised[zero] / acc.demand,
      achievedFillRate: acc.filled[zero] / acc.demand,
      shift: shifts[demandClass],
      calibratedPromisedFillRate: acc.promised[fitted] / acc.demand,
      calibratedAchievedFillRate: acc.filled[fitted] / acc.demand,
      stock: acc.stock[zero],
      calibratedStock: acc.stock[fitted],
    });
  }
  cells.sort((a, b) => a.window - b.window || DEMAND_CLASSES.indexOf(a.demandClass) - DEMAND_CLASSES.indexOf(b.demandClass));
  return { shifts, observations, cells };
}

/** The δ where promised − achieved changes sign (linear between candidates); an end when it never does. */
export function fitShift(acc: { promised: ArrayLike<number>; filled: ArrayLike<number> }): number {
  const gap = (j: number) => acc.promised[j] - acc.filled[j];
  for (let j = 1; j < SHIFTS.length; j++) {
    const a = gap(j - 1);
    const b = gap(j);
    if (a === 0) return SHIFTS[j - 1];
    if ((a > 0 && b <= 0) || (a < 0 && b >= 0)) return SHIFTS[j - 1] + ((SHIFTS[j] - SHIFTS[j - 1]) * a) / (a - b);
  }
  // No crossing: over-promising at every shift calls for the most stock (the lowest δ), under-promising for the least.
  return gap(0) > 0 ? SHIFTS[0] : SHIFTS[SHIFTS.length - 1];
}

/**
 * How much of the pooled δ survives the drift between windows: the windows' own shifts δ_w scatter
 * around the pooled one by s² (sample variance), so the pooled δ is known to s²/W; the
 * positive-part James–Stein weight max(0, 1 − (s²/W)/δ²) shrinks it toward 0 as far as the windows
 * disagree. One window tells nothing about drift: weight ½.
 */
export function driftWeight(pooled: number, perWindow: readonly number[]): number {
  const w = perWindow.length;
  if (w === 0 || pooled === 0) return 0;
  if (w === 1) return 0.5;
  const mean = perWindow.reduce((a, b) => a + b, 0) / w;
  const variance = perWindow.reduce((a, b) => a + (b - mean) * (b - mean), 0) / (w - 1);
  return Math.max(0, 1 - variance / w / (pooled * pooled));
}

/** Shrinks δ toward 0 with the weight of its evidence, N / (N + SHRINKAGE). */
export function shrink(shift: number, observations: number): number {
  return (shift * observations) / (observations + SHRINKAGE);
}

function nearestShift(shift: number): number {
  return Math.min(SHIFTS.length - 1, Math.max(0, Math.round((shift + MAX_SHIFT) / SHIFT_STEP)));
}
