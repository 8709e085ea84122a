/**
 * The MOM scorecard: each KPI scored 0–100 between its Floor (worst acceptable) and Benchmark
 * (best in class), pillar scores as weighted means, the overall MOM score as the mean of the
 * pillar scores, and the biggest gaps of each pillar as key observations (docs/methods.md › MOM assessment › Scorecard).
 *
 * Input rows are the Assessment table's rows in order; problems come back as values with the row
 * index and column, which the integration turns into cell messages. Rows with an error are not
 * scored.
 */
import { formatKpiValue, formatNumber, type KpiUnit } from './format';

export const PILLARS = ['Maximize', 'Optimize', 'Minimize'] as const;
export type Pillar = (typeof PILLARS)[number];

export interface AssessmentRow {
  kpi: string;
  pillar: Pillar;
  /** Today's value: computed from the data or entered by the consultant; null = not known. */
  current: number | null;
  benchmark: number | null;
  floor: number | null;
  /** ≥ 0; the KPI's weight within its pillar. */
  weight: number;
  higherIsBetter: boolean;
  source: string;
  /** How values are written in sentences (default 'number'). */
  unit?: KpiUnit;
}

export type AssessmentColumn = 'KPI' | 'Pillar' | 'Current' | 'Benchmark' | 'Floor' | 'Weight' | 'HigherIsBetter';

export interface AssessmentIssue {
  /** Index of the row in the input (0-based). */
  row: number;
  column: AssessmentColumn;
  severity: 'error' | 'warning';
  message: string;
}

export interface KpiScore {
  row: number;
  kpi: string;
  pillar: Pillar;
  current: number | null;
  benchmark: number | null;
  floor: number | null;
  weight: number;
  higherIsBetter: boolean;
  source: string;
  /** 0–100, or null when the KPI cannot be scored (see note). */
  score: number | null;
  /** Points of the pillar score this KPI's gap costs: weight / Σ scored weights × (100 − score). */
  pointsLost: number | null;
  note: string;
}

export interface PillarScore {
  pillar: Pillar;
  /** Weighted mean of the scored KPIs, or null when none is scored. */
  score: number | null;
  kpis: KpiScore[];
  /** The (at most) three biggest gaps as plain sentences with their numbers. */
  observations: string[];
  note: string;
}

export interface Scorecard {
  kpis: KpiScore[];
  pillars: PillarScore[];
  /** Mean of the pillar scores (equal weights by default), or null when no pillar is scored. */
  overall: number | null;
  overallNote: string;
  issues: AssessmentIssue[];
}

export interface ScorecardOptions {
  currency?: string;
  /** Weights of the pillars in the overall score; default 1 each. */
  pillarWeights?: Partial<Record<Pillar, number>>;
  /** Key observations per pillar (default 3). */
  observations?: number;
}

/**
 * Score = 100 × (current − floor) / (benchmark − floor), clipped to [0, 100]. The same formula
 * serves both directions: for a lower-is-better KPI the benchmark lies below the floor and the
 * denominator is negative.
 */
export function scoreKpi(current: number, benchmark: number, floor: number): number {
  const score = (100 * (current - floor)) / (benchmark - floor);
  return score < 0 ? 0 : score > 100 ? 100 : score;
}

export function scoreAssessment(rows: readonly AssessmentRow[], options: ScorecardOptions = {}): Scorecard {
  const currency = options.currency ?? 'USD';
  const issues: AssessmentIssue[] = [];
  const kpis = rows.map((row, index) => scoreRow(row, index, issues, currency));
  const pillars = PILLARS.map((pillar) => scorePillar(pillar, kpis, rows, issues, currency, options.observations ?? 3));
  let weighted = 0;
  let totalWeight = 0;
  const missing: string[] = [];
  for (const p of pillars) {
    const w = options.pillarWeights?.[p.pillar] ?? 1;
    if (p.score === null) {
      if (w > 0) missing.push(p.pillar);
      continue;
    }
    weighted += w * p.score;
    totalWeight += w;
  }
  const overall = totalWeight > 0 ? weighted / totalWeight : null;
  const equal = !options.pillarWeights;
  let overallNote = equal ? 'Mean of the three pillar scores.' : 'Weighted mean of the pillar scores.';
  if (overall === null) overallNote = 'No pillar could be scored, so there is no MOM score.';
  else if (missing.length > 0) overallNote = `${equal ? 'Mean' : 'Weighted mean'} of the scored pillars; ${missing.join(' and ')} ${missing.length === 1 ? 'has' : 'have'} no scored KPI and ${missing.length === 1 ? 'is' : 'are'} left out.`;
  return { kpis, pillars, overall, overallNote, issues: issues.sort((a, b) => a.row - b.row) };
}

function scoreRow(row: AssessmentRow, index: number, issues: AssessmentIssue[], currency: string): KpiScore {
  const result: KpiScore = { row: index, ...pick(row), score: null, pointsLost: null, note: '' };
  const error = (column: AssessmentColumn, message: string) => issues.push({ row: index, column, severity: 'error', message });
  const before = issues.length;
  if (!row.kpi.trim()) error('KPI', 'KPI must not be empty.');
  if (!PILLARS.includes(row.pillar)) error('Pillar', `Pillar must be Maximize, Optimize or Minimize, found "${row.pillar}".`);
  if (!(Number.isFinite(row.weight) && row.weight >= 0)) error('Weight', `Weight must be a number ≥ 0, found ${row.weight}.`);
  const { benchmark, floor, current } = row;
  const unit = row.unit ?? 'number';
  const show = (x: number) => formatKpiValue(x, unit, currency);
  if (benchmark !== null && floor !== null) {
    if (benchmark === floor) {
      error('Benchmark', `Benchmark equals Floor (${show(floor)}): a score between them is undefined. Give ${row.kpi} a Benchmark different from its Floor.`);
    } else if (row.higherIsBetter && benchmark < floor) {
      error('Benchmark', `HigherIsBetter is Yes, so Benchmark (${show(benchmark)}) must be above Floor (${show(floor)}).`);
    } else if (!row.higherIsBetter && benchmark > floor) {
      error('Benchmark', `HigherIsBetter is No, so Benchmark (${show(benchmark)}) must be below Floor (${show(floor)}).`);
    }
  }
  if (issues.length > before) {
    result.note = 'Not scored: the row has an error.';
    return result;
  }
  if (benchmark === null || floor === null) {
    const which = benchmark === null && floor === null ? 'Benchmark and Floor' : benchmark === null ? 'Benchmark' : 'Floor';
    issues.push({ row: index, column: benchmark === null ? 'Benchmark' : 'Floor', severity: 'warning', message: `${row.kpi} has no ${which} and is not scored.` });
    result.note = `Not scored: no ${which}.`;
    return result;
  }
  if (current === null || !Number.isFinite(current)) {
    issues.push({ row: index, column: 'Current', severity: 'warning', message: `${row.kpi} has no Current value (the data does not give it; enter it) and is not scored.` });
    result.note = 'Not scored: no Current value.';
    return result;
  }
  result.score = scoreKpi(current, benchmark, floor);
  return result;
}

function pick(row: AssessmentRow) {
  const { kpi, pillar, current, benchmark, floor, weight, higherIsBetter, source } = row;
  return { kpi, pillar, current, benchmark, floor, weight, higherIsBetter, source };
}

function scorePillar(pillar: Pillar, kpis: KpiScore[], rows: readonly AssessmentRow[], issues: AssessmentIssue[], currency: string, count: number): PillarScore {
  const members = kpis.filter((k) => k.pillar === pillar);
  const result: PillarScore = { pillar, score: null, kpis: members, observations: [], note: '' };
  if (members.length === 0) {
    result.note = `The ${pillar} pillar has no KPI.`;
    return result;
  }
  const valid = members.filter((k) => Number.isFinite(k.weight) && k.weight >= 0);
  if (valid.length === members.length && valid.every((k) => k.weight === 0)) {
    issues.push({ row: members[0].row, column: 'Weight', severity: 'error', message: `Every weight of the ${pillar} pillar is 0, so its score is undefined: give at least one of its KPIs a weight above 0.` });
    result.note = 'Not scored: every weight is 0.';
    return result;
  }
  const scored = members.filter((k) => k.score !== null && k.weight > 0);
  const totalWeight = scored.reduce((s, k) => s + k.weight, 0);
  if (totalWeight === 0) {
    result.note = `Not scored: none of the ${pillar} KPIs with a weight above 0 could be scored.`;
    return result;
  }
  result.score = scored.reduce((s, k) => s + k.weight * k.score!, 0) / totalWeight;
  for (const k of scored) k.pointsLost = (k.weight / totalWeight) * (100 - k.score!);
  const gaps = scored
    .filter((k) => k.pointsLost! > 0)
    .sort((a, b) => b.pointsLost! - a.pointsLost! || a.row - b.row)
    .slice(0, count);
  result.observations = gaps.map((k) => observation(k, rows[k.row].unit ?? 'number', currency));
  if (gaps.length === 0) result.observations = [`Every scored ${pillar} KPI is at or beyond its best-in-class benchmark.`];
  const unscored = members.length - scored.length;
  if (unscored > 0) result.note = `${unscored} of ${members.length} KPIs not scored (see their notes).`;
  return result;
}

/** "Inventory turns is 1.8 a year against a best-in-class 4.0 a year (floor 1.0 a year): 27 of 100, 18.3 points off the Optimize score." */
function observation(k: KpiScore, unit: KpiUnit, currency: string): string {
  const show = (x: number) => formatKpiValue(x, unit, currency);
  return (
    `${k.kpi} is ${show(k.current!)} against a best-in-class ${show(k.benchmark!)} (floor ${show(k.floor!)}): ` +
    `${formatNumber(k.score!, 0)} of 100, ${formatNumber(k.pointsLost!, 1)} points off the ${k.pillar} score.`
  );
}
