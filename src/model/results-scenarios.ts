/**
 * Scenario results: every scenario's last run side by side (SPP Scenarios, on every run), and the
 * comparison of two scenarios with A, B and Delta for every headline figure (SPP Compare, written
 * by `spp compare` and the pane's Compare).
 */
import type { HeadlineFigure, KeptRun } from './headline';
import { jsonRow, type ResultColumnSpec, type ResultTableSpec } from './result-spec';
import type { ResultContext } from './results-contract';

export interface ScenarioRow {
  readonly run: KeptRun;
  readonly active: boolean;
}

const figure = (run: KeptRun, key: string): number | null => run.figures.find((f) => f.key === key)?.value ?? null;

function figureColumn(key: string, header: string, format: ResultColumnSpec<ScenarioRow>['format'], unit: string, note: string): ResultColumnSpec<ScenarioRow> {
  return { key, header, format, unit, note, value: (r) => figure(r.run, key), pane: true };
}

const percentText = (x: number | null): string => (x === null ? '–' : `${(100 * x).toFixed(1)}%`);

export const SCENARIOS_TABLE: ResultTableSpec<ResultContext, ScenarioRow> = {
  id: 'scenarios',
  sheet: 'SPP Scenarios',
  tableName: 'SppScenarios',
  json: { key: 'scenarios.runs', built: false },
  summary: "every named scenario's last run with its headline figures, this run marked",
  title: () => 'Scenarios: the last run of each, side by side',
  description: (c) => [
    `This run is scenario "${c.scenarios?.active ?? 'Base'}". Each scenario kept in the workbook shows the headline figures of its last run; run a scenario again to refresh its row.`,
    'Compare two with `spp compare <workbook> A B` or the pane’s Compare; SPP Compare then shows A, B and their difference for every figure.',
  ],
  rows: (c) => (c.scenarios?.runs ?? []).map((run) => ({ run, active: run.name === c.scenarios?.active })),
  columns: [
    { key: 'name', header: 'Scenario', format: 'text', unit: '', note: 'Name of the scenario; Base is the workbook with the pane’s overrides.', value: (r) => r.run.name, pane: true },
    { key: 'thisRun', header: 'This run', format: 'text', unit: '', note: 'Yes for the scenario of the run that wrote these sheets.', value: (r) => (r.active ? 'Yes' : 'No'), in: 'sheet' },
    { key: 'timestamp', header: 'Run at', format: 'text', unit: '', note: 'When the scenario was last run (UTC, ISO 8601).', value: (r) => r.run.timestamp },
    { key: 'engineVersion', header: 'Engine version', format: 'text', unit: '', note: 'Version of Service Parts Planner that ran it.', value: (r) => r.run.engineVersion },
    figureColumn('investment', 'Stock investment', 'currency', 'currency', 'Sum of recommended stock × unit cost.'),
    figureColumn('stock', 'Recommended stock', 'integer', 'units', 'Sum of the recommended stock levels.'),
    figureColumn('annualHoldingCost', 'Holding cost per year', 'currency', 'currency per year', 'Expected on hand × unit cost × holding cost rate, summed.'),
    figureColumn('expectedAnnualPenalty', 'Expected penalties per year', 'currency', 'currency per year', 'Expected SLA penalties, summed.'),
    figureColumn('fillRate', 'Planned fill rate', 'percent', 'share of demanded units', 'Planned fill rate over all demand, weighted by annual demand.'),
    figureColumn('backtestAchievedFillRate', 'Backtest: achieved fill rate', 'percent', 'share of demanded units', 'Held-out demand filled at once by the stock decided without it.'),
    {
      key: 'fillRateByTier',
      header: 'Planned fill rate by tier',
      format: 'text',
      unit: '',
      note: 'Planned fill rate of each SLA tier (and of Standard parts).',
      value: (r) =>
        r.run.figures
          .filter((f) => f.key.startsWith('fillRate:'))
          .map((f) => `${f.key.slice('fillRate:'.length)} ${percentText(f.value)}`)
          .join('; '),
      in: 'sheet',
      width: 40,
    },
  ],
  when: (c) => (c.scenarios?.runs.length ?? 0) > 0,
};

/** One row of a comparison: a headline figure in A and in B, and B − A. */
export interface ComparisonRow {
  readonly key: string;
  readonly label: string;
  readonly format: HeadlineFigure['format'];
  readonly a: number | null;
  readonly b: number | null;
  readonly delta: number | null;
}

/** A, B and Delta for every headline figure either run has (a tier only one has shows a blank for the other). */
export function compareRuns(a: KeptRun, b: KeptRun): ComparisonRow[] {
  const keys: HeadlineFigure[] = [...a.figures];
  for (const f of b.figures) if (!keys.some((k) => k.key === f.key)) keys.push(f);
  return keys.map(({ key, label, format }) => {
    const x = figure(a, key);
    const y = figure(b, key);
    return { key, label, format, a: x, b: y, delta: x !== null && y !== null ? y - x : null };
  });
}

/** Written by `spp compare` and the pane's Compare only; an analysis run leaves it as it is. */
export const COMPARE_SHEET = { sheet: 'SPP Compare', tableName: 'SppCompare' } as const;

/** The JSON's `scenarios`: the active scenario and every kept run, each with the table's columns and all its figures. */
export function scenariosJson(context: ResultContext): { active: string; runs: Record<string, unknown>[] } | null {
  if (!context.scenarios) return null;
  const rows = [...SCENARIOS_TABLE.rows(context)];
  return { active: context.scenarios.active, runs: rows.map((row) => ({ ...jsonRow(SCENARIOS_TABLE.columns, row), figures: row.run.figures })) };
}
