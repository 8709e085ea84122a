/**
 * The MOM engine core: speed of the excess analysis and disposition on a large portfolio (as a
 * ratio to a floor measured in the same run: one pass that only reads every history), and the
 * calibration of the last-time buy on the real car-parts demand.
 *
 *     node --max-old-space-size=8192 -r @swc-node/register bench/mom.ts
 *
 * Last-time-buy calibration: for each of the 2,509 full car-parts series, the decline model is
 * fitted on the first 39 months and the quantity that covers the next 12 months at confidence c
 * is computed with an empty inventory position; the held-out 12 months then say whether it did.
 * A calibrated model covers about c of the parts. (The car parts are not end-of-life parts; the
 * check is of the demand model and its uncertainty, not of an end-of-life scenario.)
 */
import { disposeExcess } from '../src/engine/mom/disposition';
import { analyseExcess } from '../src/engine/mom/excess';
import { lastTimeBuy } from '../src/engine/mom/last-time-buy';
import { createRng } from '../src/sample/random';
import { loadCarParts } from './reference-data';

function portfolio(n: number, periods: number) {
  const rng = createRng(11);
  const history: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const h = new Float64Array(periods);
    const p = 0.05 + 0.6 * rng();
    for (let t = 0; t < periods; t++) h[t] = rng() < p ? 1 + Math.floor(4 * rng()) : 0;
    history.push(h);
  }
  const locations = 50;
  const parts = Math.ceil(n / locations);
  const partId = Array.from({ length: n }, (_, i) => `P${i % parts}`);
  const locationId = Array.from({ length: n }, (_, i) => `L${Math.floor(i / parts)}`);
  const num = (f: (i: number) => number) => Float64Array.from({ length: n }, (_, i) => f(i));
  return {
    excess: {
      count: n,
      partId,
      locationId,
      onHand: num(() => Math.floor(8 * rng())),
      onOrder: num(() => (rng() < 0.2 ? 1 : 0)),
      inRepair: num(() => 0),
      recommendedStock: num(() => Math.floor(5 * rng())),
      unitCost: num(() => 10 + 500 * rng()),
      ratePerPeriod: num(() => rng()),
      history,
    },
    disposition: {
      count: n,
      partId,
      locationId,
      locationType: locationId.map((l) => (l === 'L0' || l === 'L1' ? 'Central' : 'Field') as 'Central' | 'Field'),
      parent: locationId.map((l) => (l === 'L0' || l === 'L1' ? null : Number(l.slice(1)) % 2 === 0 ? 'L0' : 'L1')),
      holdingCostRate: num(() => 0.25),
      annualDemand: num(() => 12 * rng()),
      repairable: partId.map((_, i) => i % 3 === 0),
      scrapRate: num(() => 0.2),
      salePrice: num((i) => (i % 2 === 0 ? 700 : NaN)),
      salvageValue: num(() => 5),
      yearsToEndOfSupport: num(() => Infinity),
    },
  };
}

function timeExcess(n: number, periods: number): void {
  const data = portfolio(n, periods);
  const runs: { floor: number; excess: number; disposition: number }[] = [];
  for (let run = 0; run < 3; run++) {
    let start = performance.now();
    let sink = 0;
    for (const h of data.excess.history) for (let t = 0; t < h.length; t++) sink += h[t];
    const floor = performance.now() - start;
    start = performance.now();
    const table = analyseExcess(data.excess, { periodsPerYear: 12 });
    const excess = performance.now() - start;
    start = performance.now();
    const result = disposeExcess(table, { ...data.disposition, onOrder: data.excess.onOrder, unitCost: data.excess.unitCost });
    const disposition = performance.now() - start;
    if (sink < 0 || result.lines.length < 0) throw new Error('unreachable');
    runs.push({ floor, excess, disposition });
  }
  const best = (k: 'floor' | 'excess' | 'disposition') => Math.min(...runs.map((r) => r[k]));
  console.log(`${n.toLocaleString('en-US')} part-locations × ${periods} periods (50 locations, 2 Centrals), best of 3:`);
  console.log(`  floor (read every history once): ${best('floor').toFixed(1)} ms`);
  console.log(`  analyseExcess: ${best('excess').toFixed(1)} ms = ${(best('excess') / best('floor')).toFixed(1)} × floor`);
  console.log(`  disposeExcess: ${best('disposition').toFixed(1)} ms = ${(best('disposition') / best('floor')).toFixed(1)} × floor`);
}

function calibrateLastTimeBuy(): void {
  const series = loadCarParts().filter((s) => s.quantities.length === 51);
  const horizon = 12;
  console.log(`\nLast-time buy on ${series.length} car-parts series: fitted on 39 months, covering the next ${horizon}, position 0`);
  console.log('| Confidence | Parts covered | Exponential fits covered | Constant-rate fits covered | Units bought / demanded |');
  console.log('|---|---|---|---|---|');
  for (const confidence of [0.8, 0.9, 0.95]) {
    let covered = 0;
    const byModel = { exponential: [0, 0], constant: [0, 0] };
    let bought = 0;
    let demanded = 0;
    for (const s of series) {
      const history = s.quantities.slice(0, 39);
      const actual = s.quantities.slice(39).reduce((a, x) => a + x, 0);
      const r = lastTimeBuy({ partId: s.part, history, periodsRemaining: horizon, position: 0, repairable: false, scrapRate: 0, unitCost: 1, salvageValue: NaN }, { confidence });
      const ok = actual <= r.quantity! ? 1 : 0;
      covered += ok;
      const m = byModel[r.decline!.model];
      m[0] += ok;
      m[1]++;
      bought += r.quantity!;
      demanded += actual;
    }
    const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}% of ${b}`;
    console.log(`| ${confidence} | ${pct(covered, series.length)} | ${pct(byModel.exponential[0], byModel.exponential[1])} | ${pct(byModel.constant[0], byModel.constant[1])} | ${(bought / demanded).toFixed(2)} |`);
  }
}

console.log('## MOM engine');
timeExcess(200_000, 36);
calibrateLastTimeBuy();
