/**
 * Decision quality on the real car-parts data (issue 10): the frontier (units against achieved fill
 * rate) and promised against achieved, for the engine's recipes and for baselines implemented here,
 * on hold-out windows of 12 months, lead times of ½, 1 and 3 months and targets 0.80–0.98.
 *
 * Each of the 2,509 full-length series (51 months) is one part-location (Standard, unit cost 1).
 * A window decides on the months before it and replays its 12 months with the engine's replay
 * (one-for-one base stock, backorders, a period's units spread evenly inside it).
 * Run alone: node --max-old-space-size=4096 -r @swc-node/register bench/decision-quality.ts (also in npm run bench).
 */
import { baseStockForFillRate } from '../src/engine/base-stock';
import { cdf, fitDistribution, PmfTable } from '../src/engine/distributions';
import { AIM_GRID } from '../src/engine/calibration';
import { applyMap, isotonicMap } from '../src/engine/calibration-map';
import { decisionCurve, DEFAULT_PLAN_SETTINGS, PlanWorkspace, type PlanSettings } from '../src/engine/plan';
import { PlanTable } from '../src/engine/plan-table';
import { planBatch, planPortfolio, type PlanBatch } from '../src/engine/portfolio';
import { syntheticInput } from './engine';
import { replayBaseStock, ReplayWorkspace } from '../src/engine/replay';
import { loadCarParts } from './reference-data';

export interface Window {
  name: string;
  /** Months decided on: [0, decide); replayed: [decide, decide + 12). */
  decide: number;
}

export const WINDOWS: readonly Window[] = [
  { name: 'decide on 27, replay months 28–39', decide: 27 },
  { name: 'decide on 33, replay months 34–45', decide: 33 },
  { name: 'decide on 39, replay months 40–51', decide: 39 },
];
export const LEAD_TIMES = [0.5, 1, 3];
export const TARGETS = [0.8, 0.85, 0.9, 0.95, 0.98];
/** Further targets for the frontier only. */
export const FRONTIER_TARGETS = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 0.99, 0.995];
const REPLAY = 12;

/** A stocking rule: stock and promised fill rate per series for one window, lead time and target. */
export type Recipe = (series: readonly number[][], decide: number, leadTime: number, target: number) => { stock: Float64Array; promised: Float64Array };

function engineRecipe(overrides: Partial<PlanSettings>): Recipe {
  return (series, decide, leadTime, target) => {
    const count = series.length;
    const batch: PlanBatch = {
      settings: { ...DEFAULT_PLAN_SETTINGS, ...overrides },
      count,
      periods: decide,
      series: series.map((s) => s.slice(0, decide)),
      leadTimePeriods: new Float64Array(count).fill(leadTime),
      targetFillRate: new Float64Array(count).fill(target),
      unitCost: new Float64Array(count).fill(1),
      holdingCostRate: new Float64Array(count).fill(0.25),
      penaltyPerMiss: new Float64Array(count),
    };
    const table = new PlanTable(count);
    planBatch(batch, table);
    return { stock: table.columns.stock, promised: table.columns.fillRate };
  };
}

function moments(y: readonly number[], from: number, to: number): { mean: number; variance: number } {
  const n = to - from;
  let sum = 0;
  let squares = 0;
  for (let t = from; t < to; t++) {
    sum += y[t];
    squares += y[t] * y[t];
  }
  const mean = sum / n;
  return { mean, variance: n > 1 ? Math.max(0, (squares - n * mean * mean) / (n - 1)) : 0 };
}

/** Baselines: a distribution on moments of the decision months, the smallest S whose fill rate reaches the target. */
function momentsRecipe(pick: (y: readonly number[], decide: number) => { mean: number; variance: number }, poisson: boolean): Recipe {
  return (series, decide, leadTime, target) => {
    const stock = new Float64Array(series.length);
    const promised = new Float64Array(series.length);
    const table = new PmfTable();
    series.forEach((y, i) => {
      const m = pick(y, decide);
      if (!(m.mean > 0)) {
        promised[i] = 1;
        return;
      }
      if (poisson) {
        const dist = { kind: 'Poisson' as const, mean: m.mean * leadTime, variance: m.mean * leadTime };
        let s = 1;
        while (cdf(dist, s - 1, table) < target) s++;
        stock[i] = s;
        promised[i] = cdf(dist, s - 1, table);
      } else {
        const result = baseStockForFillRate(fitDistribution(m.mean * leadTime, m.variance * leadTime), target, 'Compound', table);
        stock[i] = result.stock;
        promised[i] = result.fillRate;
      }
    });
    return { stock, promised };
  };
}

export const ENGINE_RECIPES: Record<string, Partial<PlanSettings>> = {
  'Engine: Moments (NB, compound NB fill rate), evidence rules': { calibration: 'Off' },
  'Engine: Compound (occurrences × sizes), evidence rules': { leadTimeDemand: 'Compound', calibration: 'Off' },
  'Engine: Moments, evidence rules, Calibration = Auto': { calibration: 'Auto' },
  'Engine: Compound, evidence rules, Calibration = Auto': { leadTimeDemand: 'Compound', calibration: 'Auto' },
};

export const BASELINES: Record<string, Recipe> = {
  'Baseline: Poisson on the mean': momentsRecipe((y, n) => moments(y, 0, n), true),
  'Baseline: NB on mean and variance': momentsRecipe((y, n) => moments(y, 0, n), false),
  'Baseline: NB on max(full, last 12) moments': momentsRecipe((y, n) => {
    const full = moments(y, 0, n);
    const last = moments(y, n - 12, n);
    return { mean: Math.max(full.mean, last.mean), variance: Math.max(full.variance, last.variance) };
  }, false),
};

export interface RecipeOutcome {
  recipe: string;
  window: string;
  leadTime: number;
  target: number;
  units: number;
  promised: number;
  achieved: number;
}

/** Replays every series' window at its stock: demand and units filled, summed. */
function replay(series: readonly number[][], decide: number, leadTime: number, stock: Float64Array, promisedPer: Float64Array, workspace: ReplayWorkspace) {
  let demand = 0;
  let filled = 0;
  let promised = 0;
  let units = 0;
  series.forEach((y, i) => {
    const outcome = replayBaseStock(y, decide, decide + REPLAY, stock[i], leadTime, workspace);
    demand += outcome.demand;
    filled += outcome.filled;
    promised += promisedPer[i] * outcome.demand;
    units += stock[i];
  });
  return { units, promised: promised / demand, achieved: filled / demand };
}

/**
 * The clairvoyant minimum: knowing the replayed demand, the fewest units that fill a share of it —
 * per series the filled units as a function of S, their upper concave envelopes, and the steepest
 * segments taken first across all series. Returns (units, achieved) points.
 */
export function clairvoyantFrontier(series: readonly number[][], decide: number, leadTime: number, workspace: ReplayWorkspace): { units: number; achieved: number }[] {
  const segments: { slope: number; units: number; filled: number }[] = [];
  let demand = 0;
  for (const y of series) {
    const total = replayBaseStock(y, decide, decide + REPLAY, 0, leadTime, workspace).demand;
    demand += total;
    if (total === 0) continue;
    const curve = [0];
    for (let s = 1; curve[curve.length - 1] < total; s++) curve.push(replayBaseStock(y, decide, decide + REPLAY, s, leadTime, workspace).filled);
    // Upper concave envelope from (0, 0).
    const hull = [0];
    for (let s = 1; s < curve.length; s++) {
      while (hull.length >= 2) {
        const a = hull[hull.length - 2];
        const b = hull[hull.length - 1];
        if ((curve[b] - curve[a]) * (s - a) <= (curve[s] - curve[a]) * (b - a)) hull.pop();
        else break;
      }
      hull.push(s);
    }
    for (let k = 1; k < hull.length; k++) {
      const du = hull[k] - hull[k - 1];
      const df = curve[hull[k]] - curve[hull[k - 1]];
      segments.push({ slope: df / du, units: du, filled: df });
    }
  }
  segments.sort((a, b) => b.slope - a.slope);
  const points = [{ units: 0, achieved: 0 }];
  let units = 0;
  let filled = 0;
  for (const s of segments) {
    units += s.units;
    filled += s.filled;
    points.push({ units, achieved: filled / demand });
  }
  return points;
}

/** Units at an achieved fill rate, linearly between the two frontier points around it (NaN outside). */
export function unitsAt(points: readonly { units: number; achieved: number }[], achieved: number): number {
  const sorted = [...points].sort((a, b) => a.achieved - b.achieved);
  for (let k = 1; k < sorted.length; k++) {
    const a = sorted[k - 1];
    const b = sorted[k];
    if (a.achieved <= achieved && achieved <= b.achieved) return b.achieved === a.achieved ? a.units : a.units + ((b.units - a.units) * (achieved - a.achieved)) / (b.achieved - a.achieved);
  }
  return NaN;
}

export function fullSeries(): number[][] {
  return loadCarParts()
    .filter((s) => s.quantities.length === 51)
    .map((s) => s.quantities);
}

export function decisionQuality(recipes: Record<string, Recipe> = { ...Object.fromEntries(Object.entries(ENGINE_RECIPES).map(([k, v]) => [k, engineRecipe(v)])), ...BASELINES }, series = fullSeries()) {
  const workspace = new ReplayWorkspace();
  const outcomes: RecipeOutcome[] = [];
  const clairvoyant: { window: string; leadTime: number; points: { units: number; achieved: number }[] }[] = [];
  for (const window of WINDOWS) {
    for (const leadTime of LEAD_TIMES) {
      clairvoyant.push({ window: window.name, leadTime, points: clairvoyantFrontier(series, window.decide, leadTime, workspace) });
      for (const [recipe, rule] of Object.entries(recipes)) {
        for (const target of [...new Set([...FRONTIER_TARGETS, ...TARGETS])].sort((a, b) => a - b)) {
          const { stock, promised } = rule(series, window.decide, leadTime, target);
          outcomes.push({ recipe, window: window.name, leadTime, target, ...replay(series, window.decide, leadTime, stock, promised, workspace) });
        }
      }
    }
  }
  return { outcomes, clairvoyant };
}

export { engineRecipe };

const pct = (x: number) => `${(100 * x).toFixed(1)}`;

/** The tables of BENCHMARKS.md, line by line. */
export function decisionQualitySection(log: (line: string) => void, result = decisionQuality()): void {
  const { outcomes, clairvoyant } = result;
  const recipes = [...new Set(outcomes.map((o) => o.recipe))];
  log('Promised / achieved fill rate (%) and units, per window, lead time and target:');
  for (const window of WINDOWS) {
    for (const leadTime of LEAD_TIMES) {
      log(`\n${window.name}, lead time ${leadTime} month(s)`);
      log(`| Recipe | ${TARGETS.map((t) => `${pct(t)}`).join(' | ')} | worst |promised − achieved| |`);
      log(`|---|${TARGETS.map(() => '---').join('|')}|---|`);
      for (const recipe of recipes) {
        const row = TARGETS.map((t) => outcomes.find((o) => o.recipe === recipe && o.window === window.name && o.leadTime === leadTime && o.target === t)!);
        const worst = Math.max(...row.map((o) => Math.abs(o.promised - o.achieved)));
        log(`| ${recipe} | ${row.map((o) => `${pct(o.promised)} / ${pct(o.achieved)} / ${Math.round(o.units).toLocaleString('en-US')}`).join(' | ')} | ${pct(worst)} |`);
      }
    }
  }
  log('\nWorst |promised − achieved| (points) over lead times ½, 1, 3 and targets 80–98 %, per window (goal: ≤ 2, aim ≤ 1):');
  log(`| Recipe | ${WINDOWS.map((w) => w.name).join(' | ')} |`);
  log(`|---|${WINDOWS.map(() => '---').join('|')}|`);
  for (const recipe of recipes) {
    const worst = WINDOWS.map((w) => Math.max(...outcomes.filter((o) => o.recipe === recipe && o.window === w.name && TARGETS.includes(o.target)).map((o) => Math.abs(o.promised - o.achieved))));
    log(`| ${recipe} | ${worst.map(pct).join(' | ')} |`);
  }
  log('\nFrontier: units needed at an equal achieved fill rate (interpolated between targets), and the engine default against the best baseline:');
  const levels = [0.85, 0.9, 0.93];
  log(`| Window | Lead time | Achieved | ${recipes.join(' | ')} | Clairvoyant minimum |`);
  log(`|---|---|---|${recipes.map(() => '---').join('|')}|---|`);
  for (const window of WINDOWS) {
    for (const leadTime of LEAD_TIMES) {
      for (const level of levels) {
        const units = recipes.map((recipe) => unitsAt(outcomes.filter((o) => o.recipe === recipe && o.window === window.name && o.leadTime === leadTime).map((o) => ({ units: o.units, achieved: o.achieved })), level));
        const c = clairvoyant.find((x) => x.window === window.name && x.leadTime === leadTime)!;
        log(`| ${window.name} | ${leadTime} | ${pct(level)} | ${units.map((u) => (Number.isNaN(u) ? '–' : Math.round(u).toLocaleString('en-US'))).join(' | ')} | ${Math.round(unitsAt(c.points, level)).toLocaleString('en-US')} |`);
      }
    }
  }
}

if (require.main === module) {
  decisionQualitySection((line) => console.log(line));
  console.log('');
  decisionQualityDrift((line) => console.log(line));
  console.log('');
  decisionQualityCost((line) => console.log(line));
}

/**
 * The drift a calibration map on earlier years cannot learn: per replay year (decide on o months,
 * replay the next 12), the isotonic map of achieved on the model's fill rate over the target-set
 * part-locations (Moments, Calibration Off; the same points as calibration.ts), read at a few model
 * fill rates, and the ratio of the year's replayed demand to 12 × the forecast.
 */
export function decisionQualityDrift(log: (line: string) => void, series = fullSeries(), origins = [15, 21, 27, 33, 39], at = [0.8, 0.9, 0.95]): void {
  const settings: PlanSettings = { ...DEFAULT_PLAN_SETTINGS, calibration: 'Off' };
  const workspace = new PlanWorkspace();
  log('Achieved fill rate (%) at a fixed model fill rate, per replay year (isotonic map of that year alone; Moments, Calibration Off, target-set part-locations):');
  log(`| Lead time | Model fill rate | ${origins.map((o) => `decide on ${o}`).join(' | ')} |`);
  log(`|---|---|${origins.map(() => '---').join('|')}|`);
  const ratios = new Map<number, number>();
  for (const leadTime of LEAD_TIMES) {
    const maps = origins.map((o) => {
      const x: number[] = [];
      const y: number[] = [];
      const w: number[] = [];
      let forecast = 0;
      let replayed = 0;
      for (const s of series) {
        const request = { demand: s, periods: o, leadTimePeriods: leadTime, targetFillRate: 0.9, unitCost: 1, holdingCostRate: 0.25, penaltyPerMiss: 0 };
        const curve = decisionCurve(request, o, settings, workspace, AIM_GRID);
        if (!curve) continue;
        forecast += 12 * curve.ratePerPeriod;
        for (let t = o; t < o + REPLAY; t++) replayed += s[t];
        for (let k = 0; k < AIM_GRID.length; k++) {
          const outcome = replayBaseStock(s, o, o + REPLAY, curve.stocks[k], leadTime, workspace.replay);
          if (outcome.demand === 0) break;
          x.push(curve.fillRates[k]);
          y.push(outcome.filled / outcome.demand);
          w.push(outcome.demand);
        }
      }
      ratios.set(o, replayed / forecast);
      return isotonicMap(x, y, w);
    });
    for (const p of at) log(`| ${leadTime} | ${pct(p)} | ${maps.map((m) => pct(applyMap(m, p))).join(' | ')} |`);
  }
  log(`\nReplayed demand ÷ (12 × forecast) of the target-set part-locations: ${origins.map((o) => `decide on ${o}: ${ratios.get(o)!.toFixed(2)}`).join(', ')}.`);
}

/** What Calibration = Auto and LeadTimeDemand = Compound cost: planPortfolio time against the defaults in the same run (best of 3 each). */
export function decisionQualityCost(log: (line: string) => void, partLocations = 20_000, periods = 36): void {
  const input = syntheticInput(partLocations, periods);
  const time = (settings: Partial<typeof input.settings>) => {
    let best = Infinity;
    for (let k = 0; k < 3; k++) {
      const start = performance.now();
      planPortfolio({ ...input, settings: { ...input.settings, ...settings } });
      best = Math.min(best, performance.now() - start);
    }
    return best / 1000;
  };
  planPortfolio(syntheticInput(2000, periods, 2));
  const floor = time({ calibration: 'Off' });
  log(`planPortfolio, ${partLocations.toLocaleString('en-US')} synthetic part-locations × ${periods} periods, best of 3 (ratios to Moments with Calibration Off in the same run):`);
  log(`| Settings | Seconds | Ratio |`);
  log(`|---|---|---|`);
  log(`| Moments, Calibration Off | ${floor.toFixed(2)} | 1.00 |`);
  for (const [name, settings] of [
    ['LeadTimeDemand = Compound', { leadTimeDemand: 'Compound' as const, calibration: 'Off' as const }],
    ['Calibration = Auto', { calibration: 'Auto' as const }],
    ['Compound and Calibration = Auto', { leadTimeDemand: 'Compound' as const, calibration: 'Auto' as const }],
  ] as const) {
    const t = time(settings);
    log(`| ${name} | ${t.toFixed(2)} | ${(t / floor).toFixed(2)} |`);
  }
}
