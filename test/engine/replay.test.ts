import { baseStockPerformance } from '../../src/engine/base-stock';
import { replayBaseStock } from '../../src/engine/replay';

describe('replay of a base-stock policy', () => {
  test('units spread evenly in their period; a unit is filled when fewer than S units are in resupply', () => {
    // One period with 3 units at 0.167, 0.5, 0.833; lead time 1 period: none has arrived back.
    expect(replayBaseStock([3], 0, 1, 2, 1)).toEqual({ demand: 3, filled: 2 });
    // Lead time 0.4: the first unit is back (0.167 ≤ 0.833 − 0.4) when the third arrives.
    expect(replayBaseStock([3], 0, 1, 2, 0.4)).toEqual({ demand: 3, filled: 3 });
    expect(replayBaseStock([3], 0, 1, 0, 1)).toEqual({ demand: 3, filled: 0 });
  });

  test('demand before the window fills the pipeline at its start', () => {
    // Period 0: 2 units (0.25, 0.75); replay period 1 with 1 unit at 1.5 and L = 1: the unit at
    // 0.75 is still in resupply (0.75 > 0.5), so with S = 1 the new unit is not filled.
    expect(replayBaseStock([2, 1], 1, 2, 1, 1)).toEqual({ demand: 1, filled: 0 });
    expect(replayBaseStock([2, 1], 1, 2, 2, 1)).toEqual({ demand: 1, filled: 1 });
  });

  test('on long Poisson demand the replayed fill rate converges to F(S − 1)', () => {
    // 20,000 periods of Poisson(0.8) demand; lead time 2.5 periods → lead-time demand Poisson(2).
    let seed = 99;
    const uniform = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
    };
    const y: number[] = [];
    for (let i = 0; i < 20000; i++) {
      let k = 0;
      for (let p = Math.exp(-0.8), s = p, u = uniform(); u > s; k++) s += p *= 0.8 / (k + 1);
      y.push(k);
    }
    // Even spacing inside a period is not Poisson timing, so allow 1.5 points.
    for (const stock of [2, 3, 4]) {
      const { demand, filled } = replayBaseStock(y, 10, y.length, stock, 2.5);
      const expected = baseStockPerformance({ kind: 'Poisson', mean: 2, variance: 2 }, stock, 'Classic').fillRate;
      expect(Math.abs(filled / demand - expected)).toBeLessThan(0.015);
    }
  });
});
