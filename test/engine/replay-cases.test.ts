import { replayBaseStock, ReplayWorkspace } from '../../src/engine/replay';

describe('replay of a base-stock policy: boundary cases by hand', () => {
  test('a replenishment due exactly when a unit arrives is already back', () => {
    // 1 unit in each of two periods, at 0.5 and 1.5; L = 1: the first is back at 1.5, so with S = 1
    // both are filled.
    expect(replayBaseStock([1, 1], 0, 2, 1, 1)).toEqual({ demand: 2, filled: 2 });
    // Just longer: the first is still out at 1.5.
    expect(replayBaseStock([1, 1], 0, 2, 1, 1.0001)).toEqual({ demand: 2, filled: 1 });
  });

  test('the pipeline reaches back ⌊from − L⌋ periods', () => {
    // 2 units in period 0 (at 0.25, 0.75), none in 1, one in period 2 at 2.5; replay from 2 with
    // L = 1.8: the replay starts at ⌊0.2⌋ = 0; the unit at 0.75 is back at 2.55 > 2.5, so 1 unit is out.
    expect(replayBaseStock([2, 0, 1], 2, 3, 1, 1.8)).toEqual({ demand: 1, filled: 0 });
    expect(replayBaseStock([2, 0, 1], 2, 3, 2, 1.8)).toEqual({ demand: 1, filled: 1 });
    // L = 1.7: back at 2.45, before the unit at 2.5.
    expect(replayBaseStock([2, 0, 1], 2, 3, 1, 1.7)).toEqual({ demand: 1, filled: 1 });
  });

  test('only the window [from, to) is counted', () => {
    // 3 units in each of periods 0, 1, 2 at t + 1/6, t + 1/2, t + 5/6; count period 1 only, L = 0.5.
    // Each of period 1's units finds exactly one unit out (the one a third of a period earlier; those
    // two thirds earlier are back), so all three are filled at S = 2; period 2 is not counted.
    expect(replayBaseStock([3, 3, 3], 1, 2, 2, 0.5)).toEqual({ demand: 3, filled: 3 });
    // S = 1: each finds one unit out: none filled.
    expect(replayBaseStock([3, 3, 3], 1, 2, 1, 0.5)).toEqual({ demand: 3, filled: 0 });
  });

  test('zero and negative periods demand nothing', () => {
    expect(replayBaseStock([0, -2, 0], 0, 3, 1, 1)).toEqual({ demand: 0, filled: 0 });
    expect(replayBaseStock([-2, 1], 0, 2, 1, 1)).toEqual({ demand: 1, filled: 1 });
  });

  test('more units than the workspace holds: it grows and keeps every unit', () => {
    // 3000 units in period 0, none in 1, 3000 in 2; L = 1: period 0 is all back before period 2,
    // and in each busy period the j-th unit finds j out, so 2000 of each 3000 are filled at S = 2000.
    expect(replayBaseStock([3000, 0, 3000], 0, 3, 2000, 1)).toEqual({ demand: 6000, filled: 4000 });
    const workspace = new ReplayWorkspace();
    expect(workspace.ensure(5000).length).toBeGreaterThanOrEqual(5000);
    const grown = workspace.ensure(10);
    expect(workspace.ensure(5000)).toBe(grown); // reused, not reallocated
  });
});
