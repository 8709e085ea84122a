/**
 * Custom functions for the MOM scorecard (docs/methods.md §8.2): a KPI's score between its Floor
 * and its Benchmark, and a pillar's score over its KPI rows, from the MOM engine's scorecard.ts
 * (scoreKpi, scoreAssessment), the code behind the assessment's scores. The overall MOM score,
 * the mean of the pillar scores, is Excel's AVERAGE of the pillar cells (it skips an empty one,
 * as the engine leaves out a pillar without a score).
 *
 * Every exported function here is an Excel custom function (see stock.ts).
 */
import { scoreAssessment, scoreKpi, type AssessmentRow } from '../engine/mom';
import { booleanSeries, isOmitted, numberSeries, optionalBoolean, requiredNumber } from './arguments';
import { divisionByZero, FunctionError, invalidValue } from './errors';

/** Why benchmark and floor cannot score a KPI (their order against higher_is_better), or '' when they can. */
function orderProblem(benchmark: number, floor: number, higherIsBetter: boolean | undefined): string {
  if (benchmark === floor) return `benchmark equals floor (${floor}): a score between them is undefined`;
  if (higherIsBetter === true && benchmark < floor) return `higher_is_better is TRUE, so benchmark (${benchmark}) must be above floor (${floor})`;
  if (higherIsBetter === false && benchmark > floor) return `higher_is_better is FALSE, so benchmark (${benchmark}) must be below floor (${floor})`;
  return '';
}

/**
 * A KPI's MOM score from 0 (at or beyond its floor) to 100 (at or beyond best in class): 100 × (current − floor) / (benchmark − floor).
 * @customfunction
 * @param current Today's value of the KPI.
 * @param benchmark Best-in-class value (100 points); below floor for a KPI where lower is better.
 * @param floor Worst acceptable value (0 points).
 * @param [higher_is_better] TRUE or FALSE (Yes/No): checked against the order of benchmark and floor; omitted = read from it.
 * @returns The score, 0 to 100.
 */
export function momScore(current: unknown, benchmark: unknown, floor: unknown, higher_is_better?: unknown): number {
  const x = requiredNumber('current', current);
  const best = requiredNumber('benchmark', benchmark);
  const worst = requiredNumber('floor', floor);
  const higherIsBetter = optionalBoolean('higher_is_better', higher_is_better, undefined);
  const problem = orderProblem(best, worst, higherIsBetter);
  if (problem) throw best === worst ? divisionByZero(problem) : invalidValue(problem);
  return scoreKpi(x, best, worst);
}

/**
 * A MOM pillar's score: the weighted mean of its KPIs' scores, from their current, benchmark, floor and weight (the Assessment table's columns).
 * @customfunction
 * @param current_range Today's values, one per KPI (one row or column); an empty cell = not known, the KPI is not scored.
 * @param benchmark_range Best-in-class values, in the same order; an empty cell: the KPI is not scored.
 * @param floor_range Worst acceptable values, in the same order; an empty cell: the KPI is not scored.
 * @param weight_range Weights of the KPIs within the pillar, >= 0, in the same order.
 * @param [higher_is_better_range] TRUE/FALSE (Yes/No) per KPI, checked against benchmark and floor; omitted or empty = read from their order.
 * @returns The pillar score, 0 to 100; #N/A when no KPI with a weight above 0 can be scored.
 */
export function momPillarScore(current_range: unknown[][], benchmark_range: unknown[][], floor_range: unknown[][], weight_range: unknown[][], higher_is_better_range?: unknown[][]): number {
  const item = (t: number, n: number) => `KPI ${t + 1} of ${n}`;
  const current = numberSeries('current_range', current_range, {}, null, 'KPIs', item);
  const benchmark = numberSeries('benchmark_range', benchmark_range, {}, null, 'KPIs', item);
  const floor = numberSeries('floor_range', floor_range, {}, null, 'KPIs', item);
  const weight = numberSeries('weight_range', weight_range, { min: 0 }, null, 'KPIs', item);
  const flags = isOmitted(higher_is_better_range) ? null : booleanSeries('higher_is_better_range', higher_is_better_range, 'KPIs', item);
  const n = current.length;
  const lengths = { benchmark_range: benchmark.length, floor_range: floor.length, weight_range: weight.length, ...(flags ? { higher_is_better_range: flags.length } : {}) };
  for (const [name, length] of Object.entries(lengths)) {
    if (length !== n) throw invalidValue(`${name} has ${length} cells, current_range ${n}: give one cell per KPI in each range`);
  }
  const problems: string[] = [];
  const rows: AssessmentRow[] = [];
  for (let i = 0; i < n; i++) {
    const [c, b, f, w] = [current[i], benchmark[i], floor[i], weight[i]];
    if (c === null && b === null && f === null && w === null) continue; // an empty row of the ranges
    const flag = flags?.[i] ?? undefined;
    if (w === null) problems.push(`weight_range KPI ${i + 1} of ${n} is required`);
    const problem = b !== null && f !== null ? orderProblem(b, f, flag) : '';
    if (problem) problems.push(`KPI ${i + 1} of ${n}: ${problem}`);
    rows.push({ kpi: `KPI ${i + 1}`, pillar: 'Maximize', current: c, benchmark: b, floor: f, weight: w ?? 0, higherIsBetter: flag ?? (b !== null && f !== null ? b > f : true), source: '' });
  }
  if (problems.length > 0) throw invalidValue(problems.join('; '));
  if (rows.length === 0) throw new FunctionError('#N/A', 'the ranges hold no KPI');
  const { pillars } = scoreAssessment(rows);
  const pillar = pillars[0];
  if (pillar.score !== null) return pillar.score;
  if (rows.every((r) => r.weight === 0)) throw divisionByZero('every weight is 0, so the pillar score is undefined: give at least one KPI a weight above 0');
  throw new FunctionError('#N/A', 'no KPI with a weight above 0 has a current value, a benchmark and a floor, so the pillar has no score');
}
