/**
 * Comparing two scenarios on one workbook: each is validated and planned as its own run would be,
 * then every headline figure is set side by side (A, B, Delta). Nothing is compared unless both are
 * valid; their issues are reported under each scenario's name.
 */
import { COMPARE_SHEET, compareRuns, type ComparisonRow } from '../model/results-scenarios';
import type { KeptRun } from '../model/headline';
import type { ValidationIssue } from '../model/types';
import type { ResultBundle, ResultTable } from '../workbook/port';
import { analyzeTables, type InputTables, type PipelineCallbacks, type Scenario } from './run';
import { namedOption, type ChosenScenario } from './scenario-book';

export type Comparison =
  | { ok: true; a: KeptRun; b: KeptRun; rows: ComparisonRow[]; bundle: ResultBundle; issues: ValidationIssue[] }
  | { ok: false; issues: ValidationIssue[] };

export function compareScenarios(tables: InputTables, base: Scenario, a: ChosenScenario, b: ChosenScenario, callbacks: PipelineCallbacks = {}, now?: () => Date): Comparison {
  const first = analyzeTables(tables, base, callbacks, { named: namedOption(a), now });
  const second = analyzeTables(tables, base, callbacks, { named: namedOption(b), now });
  // Workbook issues are the same for both runs: list them once, then each scenario's own.
  const seen = new Set<string>();
  const issues = [...first.issues, ...second.issues].filter((issue) => {
    const key = `${issue.severity}\u0000${issue.sheet}\u0000${issue.cell}\u0000${issue.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  const ordered = [...issues.filter((i) => i.severity === 'error'), ...issues.filter((i) => i.severity === 'warning')];
  if (!first.ok || !second.ok) return { ok: false, issues: ordered };
  const rows = compareRuns(first.keptRun, second.keptRun);
  return { ok: true, a: first.keptRun, b: second.keptRun, rows, bundle: comparisonBundle(first.keptRun, second.keptRun, rows, first.result.summary.currency), issues: ordered };
}

/** SPP Compare: one headline figure per row, A, B and B − A, each row in its figure's format. */
export function comparisonTable(a: KeptRun, b: KeptRun, rows: readonly ComparisonRow[]): ResultTable {
  return {
    sheet: COMPARE_SHEET.sheet,
    tableName: COMPARE_SHEET.tableName,
    title: `Scenarios compared: A = "${a.name}", B = "${b.name}"`,
    description: [
      `A is scenario "${a.name}" (run ${a.timestamp}), B is "${b.name}" (run ${b.timestamp}); Delta is B − A.`,
      'Amounts are in the currency of the workbook; a fill rate delta of 0.02 is two percentage points.',
    ],
    columns: [
      { header: 'Figure', format: 'text', width: 36, note: 'A headline figure of the run (the same figures as SPP Scenarios).' },
      { header: 'A', format: 'decimal', width: 16, note: `Scenario "${a.name}".` },
      { header: 'B', format: 'decimal', width: 16, note: `Scenario "${b.name}".` },
      { header: 'Delta (B − A)', format: 'decimal', width: 16, note: 'B minus A: positive means B is higher.' },
    ],
    rows: rows.map((r) => [r.label, r.a, r.b, r.delta]),
    rowFormats: rows.map((r) => r.format),
  };
}

function comparisonBundle(a: KeptRun, b: KeptRun, rows: readonly ComparisonRow[], currency: string): ResultBundle {
  // Only the comparison sheet: the analysis sheets of the last `spp analyze` stay as they are.
  return { tables: [comparisonTable(a, b, rows)], resultSheets: [COMPARE_SHEET.sheet], currency };
}
