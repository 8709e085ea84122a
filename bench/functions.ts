/**
 * The custom functions' cost per cell: on the real car-parts series, SPP.FORECAST and
 * SPP.BASESTOCK / SPP.FILLRATE against the engine calls they wrap (the floor, measured in the same
 * run), so the ratio is the price of argument checking; and the slowest calls the limits in
 * src/functions/limits.ts still allow, the bound on how long one cell can hold up Excel.
 */
import { baseStockForFillRate, baseStockPerformance } from '../src/engine/base-stock';
import { demandProfile } from '../src/engine/classify';
import { fitDistribution, PmfTable } from '../src/engine/distributions';
import { chooseForecast, ForecastWorkspace } from '../src/engine/forecast/selection';
import { DEFAULT_PLAN_SETTINGS } from '../src/engine/plan';
import { forecast } from '../src/functions/demand';
import { LIMITS, NETWORK_LIMITS } from '../src/functions/limits';
import { baseStock, fillRate } from '../src/functions/stock';
import { buildNetworkProblem, evaluateNetwork } from '../src/engine/network';
import { irr } from '../src/functions/finance';
import { lastTimeBuy, lastTimeBuyFromHistory } from '../src/functions/lifecycle';
import { variMetric } from '../src/functions/network';
import { loadCarParts } from './reference-data';

export interface FunctionTiming {
  label: string;
  /** Microseconds per call through the custom function. */
  functionMicros: number;
  /** Microseconds per call of the engine directly. */
  engineMicros: number;
}

export interface WorstCase {
  call: string;
  milliseconds: number;
}

/** Best of `runs` of `fn` over all items, in microseconds per item (after one warm-up pass). */
function perCall<T>(items: T[], fn: (item: T) => unknown, runs = 5): number {
  for (const item of items) fn(item);
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    for (const item of items) fn(item);
    best = Math.min(best, performance.now() - start);
  }
  return (best * 1000) / items.length;
}

export function benchFunctions(): { timings: FunctionTiming[]; worst: WorstCase[]; series: number } {
  const series = loadCarParts().map((s) => s.quantities);
  const { forecast: params, backtestPeriods } = DEFAULT_PLAN_SETTINGS;
  const workspace = new ForecastWorkspace();
  const rows = series.map((y) => [y]); // one row of cells, as Excel passes a range
  const engineForecast = (y: number[]) => {
    workspace.startSeries();
    return chooseForecast(y, y.length, demandProfile(y).demandClass, 'Auto', params, backtestPeriods, workspace).ratePerPeriod;
  };
  // Lead-time demand of one month, variance = 2 × mean: the typical car-parts dispersion (median 2.1).
  const stocks = series.map(engineForecast).filter((rate) => rate > 0).map((mean) => ({ mean, variance: 2 * mean, dist: fitDistribution(mean, 2 * mean) }));
  const withStock = stocks.map((s) => ({ ...s, stock: baseStockForFillRate(s.dist, 0.95).stock }));
  const table = new PmfTable(); // the engine reused as the functions reuse it (and as the portfolio does)
  const timings: FunctionTiming[] = [
    { label: 'SPP.FORECAST(history) (Auto)', functionMicros: perCall(rows, (row) => forecast(row)), engineMicros: perCall(series, engineForecast) },
    { label: 'SPP.BASESTOCK(mean, 0.95, variance)', functionMicros: perCall(stocks, (s) => baseStock(s.mean, 0.95, s.variance)), engineMicros: perCall(stocks, (s) => baseStockForFillRate(s.dist, 0.95, 'Compound', table)) },
    { label: 'SPP.FILLRATE(mean, stock, variance)', functionMicros: perCall(withStock, (s) => fillRate(s.mean, s.stock, s.variance)), engineMicros: perCall(withStock, (s) => baseStockPerformance(s.dist, s.stock, 'Compound', table)) },
    ...networkTimings(stocks.map((s) => s.mean)),
  ];
  const d = LIMITS.dispersion;
  const worstCalls: [string, () => unknown][] = [
    [`SPP.BASESTOCK(100, 0.9999, ${100 * d})`, () => baseStock(100, 0.9999, 100 * d)],
    [`SPP.BASESTOCK(10000, 0.9999, ${1e4 * d})`, () => baseStock(1e4, 0.9999, 1e4 * d)],
    [`SPP.BASESTOCK(${LIMITS.variance / d}, 0.9999, ${LIMITS.variance})`, () => baseStock(LIMITS.variance / d, 0.9999, LIMITS.variance)],
    [`SPP.BASESTOCK(${LIMITS.mean}, 0.9999, ${LIMITS.variance})`, () => baseStock(LIMITS.mean, 0.9999, LIMITS.variance)],
    [`SPP.FILLRATE(1, ${LIMITS.stock}, ${d})`, () => fillRate(1, LIMITS.stock, d)],
  ];
  // Round 2: the network, lifecycle and finance functions at their limits.
  const spread = NETWORK_LIMITS.batchSpread;
  worstCalls.push(
    [`SPP.VARIMETRIC(0.1, 2, ${NETWORK_LIMITS.fieldStock}, 0.3, 14, 3, "FillRate", ${d})`, () => variMetric(0.1, 2, NETWORK_LIMITS.fieldStock, 0.3, 14, 3, 'FillRate', d)],
    [`SPP.VARIMETRIC(1, 50, 0, 1, 50, 0, "FillRate", ${spread / 100}) (spread at its limit, ratio ${spread / 100})`, () => variMetric(1, 50, 0, 1, 50, 0, 'FillRate', spread / 100)],
    [`SPP.VARIMETRIC(100, 50, 0, 100, 50, 0, "FillRate", ${spread / 1e4}) (spread at its limit, ratio ${spread / 1e4})`, () => variMetric(100, 50, 0, 100, 50, 0, 'FillRate', spread / 1e4)],
    [`SPP.VARIMETRIC(1000, 500, ${NETWORK_LIMITS.fieldStock}, 1000, 1000, ${LIMITS.stock}) (Poisson, central pipeline ${LIMITS.mean})`, () => variMetric(1000, 500, NETWORK_LIMITS.fieldStock, 1000, 1000, LIMITS.stock)],
    [`SPP.LASTTIMEBUY(${LIMITS.mean / 100}, 0, 100, 0.9999, 0, , ${d})`, () => lastTimeBuy(LIMITS.mean / 100, 0, 100, 0.9999, 0, null, d)],
    ['SPP.LASTTIMEBUYFROMHISTORY(520 periods, 120)', () => lastTimeBuyFromHistory([Array.from({ length: 520 }, (_, t) => Math.round(50 * Math.exp(-t / 200)))], 120)],
    ['SPP.IRR(-100, 230, -132) (two sign changes: the 20,000-cell scan)', () => irr([[-100], [230], [-132]])],
  );
  // Why the dispersion is capped: the engine itself at 10 × the limit, which the functions refuse.
  worstCalls.push([`engine base stock for mean 100, variance ${100 * d * 10}, target 0.9999 (outside the limits)`, () => baseStockForFillRate(fitDistribution(100, 100 * d * 10), 0.9999)]);
  const worst = worstCalls.map(([call, fn]) => ({ call, milliseconds: perCall([0], fn, 3) / 1000 }));
  return { timings, worst, series: series.length };
}

/**
 * SPP.VARIMETRIC against the engine call it wraps: evaluateNetwork on the same one-field network,
 * the problem built once outside the timing. A field with one month of a car-parts forecast a day
 * × 1/30, 3 days from a Central with 4 × its demand and a 30-day pipeline, one unit in the field and
 * two at the Central.
 */
function networkTimings(monthlyRates: number[]): FunctionTiming[] {
  const cases = monthlyRates.slice(0, 500).map((monthly) => {
    const rate = monthly / 30;
    const location = { tier: null, holdingCostRate: 0, penaltyPerMiss: 0 };
    const problem = buildNetworkProblem(
      [{ unitCost: 0, centralPipelineDays: 30, central: { ...location, ratePerDay: 3 * rate }, fields: [{ ...location, ratePerDay: rate, resupplyDays: 3, emergencyHours: null }] }],
      [],
    );
    return { rate, problem };
  });
  return [
    {
      label: 'SPP.VARIMETRIC(rate, 3, 1, 4 × rate, 30, 2)',
      functionMicros: perCall(cases, (c) => variMetric(c.rate, 3, 1, 4 * c.rate, 30, 2)),
      engineMicros: perCall(cases, (c) => evaluateNetwork(c.problem, [2, 1]).rows.columns.expectedBackorders[1]),
    },
  ];
}
