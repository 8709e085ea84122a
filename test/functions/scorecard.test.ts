/**
 * SPP.MOMSCORE and SPP.MOMPILLARSCORE against hand calculations (methods §8.2: score =
 * 100 × (current − floor) / (benchmark − floor), clipped to 0–100; pillar = Σ wᵢsᵢ / Σ wᵢ over the
 * scored KPIs with weight > 0), with ranges as Excel passes them.
 */
import { momPillarScore, momScore } from '../../src/functions/scorecard';
import { column, failure } from './helpers';

describe('SPP.MOMSCORE', () => {
  test('higher is better: the methods’ example, fill rate 91 % against 98 % best in class, floor 85 %', () => {
    // 100 × (0.91 − 0.85) / (0.98 − 0.85) = 600/13 = 46.15…
    expect(momScore(0.91, 0.98, 0.85)).toBeCloseTo(600 / 13, 12);
    expect(momScore(0.91, 0.98, 0.85, true)).toBe(momScore(0.91, 0.98, 0.85));
    expect(momScore(0.91, 0.98, 0.85, 'Yes')).toBe(momScore(0.91, 0.98, 0.85));
  });

  test('lower is better: the benchmark below the floor, same formula', () => {
    // Revenue at risk 5 % against 2 % best in class, floor 15 %: 100 × (5 − 15) / (2 − 15) = 1000/13 = 76.92…
    expect(momScore(0.05, 0.02, 0.15)).toBeCloseTo(1000 / 13, 12);
    expect(momScore(0.05, 0.02, 0.15, false)).toBe(momScore(0.05, 0.02, 0.15));
    expect(momScore(0.05, 0.02, 0.15, 'no')).toBe(momScore(0.05, 0.02, 0.15));
  });

  test('clipped to 0 beyond the floor and to 100 beyond the benchmark', () => {
    expect(momScore(0.8, 0.98, 0.85)).toBe(0);
    expect(momScore(0.99, 0.98, 0.85)).toBe(100);
    expect(momScore(0.01, 0.02, 0.15)).toBe(100);
    expect(momScore(4, 4, 1)).toBe(100);
    expect(momScore(1, 4, 1)).toBe(0);
    expect(momScore('2.5', '4', '1')).toBe(50);
  });

  test.each([
    ['benchmark = floor', () => momScore(1, 2, 2), '#DIV/0!', 'benchmark equals floor (2): a score between them is undefined'],
    ['higher_is_better against the order', () => momScore(1, 2, 3, true), '#VALUE!', 'higher_is_better is TRUE, so benchmark (2) must be above floor (3)'],
    ['lower is better against the order', () => momScore(1, 3, 2, 'No'), '#VALUE!', 'higher_is_better is FALSE, so benchmark (3) must be below floor (2)'],
    ['higher_is_better not a flag', () => momScore(1, 3, 2, 'maybe'), '#VALUE!', 'higher_is_better must be Yes or No, found "maybe"'],
    ['a missing current value', () => momScore('', 3, 2), '#VALUE!', 'current is required'],
    ['text for the floor', () => momScore(1, 3, 'low'), '#VALUE!', 'floor must be a number, found "low"'],
  ])('%s', (_label, call, code, message) => {
    expect(failure(call)).toEqual([code, message]);
  });
});

describe('SPP.MOMPILLARSCORE', () => {
  // Three KPIs: fill rate 0.91 (best 0.98, floor 0.85, weight 2) → 600/13; turns 2.5 (4, 1, weight 1) → 50;
  // revenue at risk 0.05 (0.02, 0.15, weight 1) → 1000/13. Pillar = (2·600/13 + 50 + 1000/13) / 4.
  const current = column([0.91, 2.5, 0.05]);
  const benchmark = column([0.98, 4, 0.02]);
  const floor = column([0.85, 1, 0.15]);
  const weight = column([2, 1, 1]);
  const pillar = (2 * (600 / 13) + 50 + 1000 / 13) / 4;

  test('the weighted mean of the KPI scores', () => {
    expect(momPillarScore(current, benchmark, floor, weight)).toBeCloseTo(pillar, 12);
    expect(momPillarScore(current, benchmark, floor, weight, column([true, 'Yes', false]))).toBe(momPillarScore(current, benchmark, floor, weight));
    expect(momPillarScore(current, benchmark, floor, weight, column(['', null, 'No']))).toBe(momPillarScore(current, benchmark, floor, weight));
    // One row of cells works as well as one column.
    expect(momPillarScore([[0.91, 2.5, 0.05]], [[0.98, 4, 0.02]], [[0.85, 1, 0.15]], [[2, 1, 1]])).toBe(momPillarScore(current, benchmark, floor, weight));
  });

  test('a KPI without a current value, benchmark or floor is not scored; weight 0 counts for nothing; empty rows are skipped', () => {
    // Only the fill rate (600/13, weight 2) and revenue at risk (1000/13, weight 1) are scored: (1200/13 + 1000/13) / 3.
    const expected = (2 * (600 / 13) + 1000 / 13) / 3;
    expect(momPillarScore(column([0.91, '', 0.05]), benchmark, floor, weight)).toBeCloseTo(expected, 12);
    expect(momPillarScore(current, column([0.98, null, 0.02]), floor, weight)).toBeCloseTo(expected, 12);
    expect(momPillarScore(current, benchmark, floor, column([2, 0, 1]))).toBeCloseTo(expected, 12);
    expect(momPillarScore(column([0.91, '', 0.05]), column([0.98, '', 0.02]), column([0.85, '', 0.15]), column([2, '', 1]))).toBeCloseTo(expected, 12);
  });

  test('no score to give: #N/A when nothing can be scored, #DIV/0! when every weight is 0', () => {
    expect(failure(() => momPillarScore(column(['', '']), column([1, 2]), column([0, 0]), column([1, 1])))).toEqual([
      '#N/A',
      'no KPI with a weight above 0 has a current value, a benchmark and a floor, so the pillar has no score',
    ]);
    expect(failure(() => momPillarScore(current, benchmark, floor, column([0, 0, 0]))))
      .toEqual(['#DIV/0!', 'every weight is 0, so the pillar score is undefined: give at least one KPI a weight above 0']);
    expect(failure(() => momPillarScore(column(['']), column(['']), column(['']), column([''])))).toEqual(['#N/A', 'the ranges hold no KPI']);
  });

  test('every bad row at once, naming it', () => {
    const [code, message] = failure(() => momPillarScore(current, column([0.98, 1, 0.02]), floor, column([2, 1, '']), column([true, true, false])));
    expect(code).toBe('#VALUE!');
    expect(message).toBe('KPI 2 of 3: benchmark equals floor (1): a score between them is undefined; weight_range KPI 3 of 3 is required');
    expect(failure(() => momPillarScore(current, benchmark, floor, weight, column([false, true, true])))).toEqual([
      '#VALUE!',
      'KPI 1 of 3: higher_is_better is FALSE, so benchmark (0.98) must be below floor (0.85); KPI 3 of 3: higher_is_better is TRUE, so benchmark (0.02) must be above floor (0.15)',
    ]);
  });

  test.each([
    ['ranges of different lengths', () => momPillarScore(current, column([0.98, 4]), floor, weight), '#VALUE!', 'benchmark_range has 2 cells, current_range 3: give one cell per KPI in each range'],
    ['a negative weight', () => momPillarScore(current, benchmark, floor, column([2, -1, 1])), '#NUM!', 'weight_range KPI 2 of 3 (row 2, column 1 of the range) must be a number >= 0, found -1'],
    ['text for a value', () => momPillarScore(column([0.91, 'n/a', 0.05]), benchmark, floor, weight), '#VALUE!', 'current_range KPI 2 of 3 (row 2, column 1 of the range) must be a number, found "n/a"'],
    ['a flag that is not one', () => momPillarScore(current, benchmark, floor, weight, column(['up', true, false])), '#VALUE!', 'higher_is_better_range KPI 1 of 3 (row 1, column 1 of the range) must be Yes or No, found "up"'],
  ])('%s', (_label, call, code, message) => {
    expect(failure(call)).toEqual([code, message]);
  });
});
