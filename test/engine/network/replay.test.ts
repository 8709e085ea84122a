/**
 * The network replay (the stocking backtest through the network policy): hand-worked cases, the
 * single-location replay where the Central never runs short, and unit-for-unit agreement with the
 * independent event simulation (simulation.ts) fed the same arrivals.
 */
import { replayNetwork } from '../../../src/engine/network/replay';
import { replayBaseStock } from '../../../src/engine/replay';
import { createRng } from '../../../src/sample/random';
import { samplePoisson } from '../../../src/sample/samplers';
import { simulateNetwork } from './simulation';

describe('replay through the network', () => {
  test('a field waits for the Central when it is short; emergency supply fills within response', () => {
    // Field stock 0, Central stock 1, supplier 10 periods, resupply 1. Units at 0.5 and 2.5:
    // the first finds the field empty and the Central with a unit → emergency delivery (within
    // response, not from the shelf; the Central reorders, back at 10.5); the second finds both
    // empty → backordered at the field, ordered from the Central, which waits for 10.5.
    const outcome = replayNetwork({ series: [null, [1, 0, 1, 0]], from: 0, to: 4, centralLeadTimePeriods: 10, resupplyPeriods: [1], stock: [1, 0], coverable: [true] });
    expect(Array.from(outcome.demand)).toEqual([0, 2]);
    expect(Array.from(outcome.filled)).toEqual([0, 0]);
    expect(Array.from(outcome.filledWithinResponse)).toEqual([0, 1]);
    // Not coverable: neither is filled in time.
    const plain = replayNetwork({ series: [null, [1, 0, 1, 0]], from: 0, to: 4, centralLeadTimePeriods: 10, resupplyPeriods: [1], stock: [1, 0] });
    expect(Array.from(plain.filledWithinResponse)).toEqual([0, 0]);
  });

  test('field stock is resupplied after the Central ships', () => {
    // Field stock 1, Central stock 1, supplier 10, resupply 1. Unit at 0.5 filled from the field
    // shelf; its replacement leaves the Central at 0.5 and arrives at 1.5, so the unit at 3.5 is
    // filled too. With Central stock 0 the replacement waits for the supplier (10.5 → 11.5): the
    // unit at 3.5 is not filled.
    const series = [null, [1, 0, 0, 1, 0]];
    expect(Array.from(replayNetwork({ series, from: 0, to: 5, centralLeadTimePeriods: 10, resupplyPeriods: [1], stock: [1, 1] }).filled)).toEqual([0, 2]);
    expect(Array.from(replayNetwork({ series, from: 0, to: 5, centralLeadTimePeriods: 10, resupplyPeriods: [1], stock: [0, 1] }).filled)).toEqual([0, 1]);
  });

  test('first come, first served at the Central; the Central\'s own customers first at equal times', () => {
    // Central stock 1, supplier 2; both the Central's customer and the field's arrive at 0.5.
    const outcome = replayNetwork({ series: [[1, 0, 0], [1, 0, 0]], from: 0, to: 3, centralLeadTimePeriods: 2, resupplyPeriods: [1], stock: [1, 0] });
    expect(Array.from(outcome.filled)).toEqual([1, 0]);
    // Demand before `from` fills the pipeline: the same units with the window starting at 1 count nothing.
    const later = replayNetwork({ series: [[1, 1, 0], [0, 0, 0]], from: 1, to: 3, centralLeadTimePeriods: 2, resupplyPeriods: [1], stock: [1, 0] });
    expect(Array.from(later.demand)).toEqual([1, 0]);
    expect(Array.from(later.filled)).toEqual([0, 0]); // the unit of period 0 is still with the supplier at 1.5
  });

  test('with a Central that never runs short, a field replays as the single-location replay', () => {
    const rng = createRng(3);
    const series = Array.from({ length: 300 }, () => samplePoisson(rng, 0.9));
    for (const stock of [1, 2, 4]) {
      const outcome = replayNetwork({ series: [null, series], from: 50, to: 300, centralLeadTimePeriods: 4, resupplyPeriods: [2.5], stock: [1000, stock] });
      const single = replayBaseStock(series, 50, 300, stock, 2.5);
      expect(outcome.demand[1]).toBe(single.demand);
      expect(outcome.filled[1]).toBe(single.filled);
    }
  });

  test('unit for unit the same as the event simulation fed the same arrivals', () => {
    const rng = createRng(17);
    const periods = 400;
    const rates = [0.6, 0.8, 0.4, 1.1];
    const series = rates.map((rate) => Array.from({ length: periods }, () => samplePoisson(rng, rate)));
    const resupply = [0.7, 1.5, 2];
    const coverable = [true, false, true];
    const stock = [9, 1, 0, 2]; // the Central's pipeline averages 2.9 × 3.2 = 9.3 units
    const from = 60;
    const outcome = replayNetwork({ series, from, to: periods, centralLeadTimePeriods: 3.2, resupplyPeriods: resupply, stock, coverable });
    // The same arrivals for the simulation: from the replay's first period, in time order (ties: lower location first).
    const first = Math.max(0, Math.floor(from - 3.2 - 2));
    const arrivals: { time: number; location: number }[] = [];
    for (let t = first; t < periods; t++) {
      const inPeriod: { time: number; location: number }[] = [];
      series.forEach((s, location) => {
        for (let k = 0; k < s[t]; k++) inPeriod.push({ time: t + (k + 0.5) / s[t], location });
      });
      inPeriod.sort((a, b) => a.time - b.time || a.location - b.location);
      arrivals.push(...inPeriod);
    }
    const sim = simulateNetwork(
      { central: { ratePerDay: 0 }, fields: resupply.map((r, j) => ({ ratePerDay: 0, resupplyDays: r, emergency: coverable[j] })), leadTimeDays: 3.2, stock },
      { seed: 1, days: periods, warmupDays: from, arrivals },
    );
    expect(sim.locations.map((l) => l.demand)).toEqual(Array.from(outcome.demand));
    expect(sim.locations.map((l) => l.filledFromShelf)).toEqual(Array.from(outcome.filled));
    expect(sim.locations.map((l) => l.filledWithinResponse)).toEqual(Array.from(outcome.filledWithinResponse));
    // And the case is not trivial: some units were short, some were rescued by emergency supply.
    expect(outcome.filled.reduce((a, b) => a + b, 0)).toBeLessThan(outcome.demand.reduce((a, b) => a + b, 0));
    expect(outcome.filledWithinResponse[1]).toBeGreaterThan(outcome.filled[1]);
    expect(outcome.filledWithinResponse[3]).toBeGreaterThan(outcome.filled[3]);
    expect(outcome.filledWithinResponse[2]).toBe(outcome.filled[2]);
  });
});
