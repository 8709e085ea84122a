/**
 * The pane's view of a result table, read from the results contract (src/model/results-contract.ts):
 * which columns it shows (the contract's `pane` columns), where each value sits in a JSON row
 * (`jsonPath`: grouped columns nest, e.g. `backtest.promisedFillRate`), and where a table's rows sit
 * in the analysis result (`json.key`, e.g. `stock` or `summary.byTier`). No header, format or value
 * is written here: they all come from the contract.
 */
import { flatColumns, inJson, jsonPath, type ResultColumnSpec, type ResultEntrySpec } from '../../model/result-spec';
import type { AnalysisResult } from '../../pipeline/results';

/** What the pane needs of a table spec: its columns and where its rows are in the JSON. */
export interface PaneTableSpec {
  readonly id: string;
  readonly json: { readonly key: string };
  readonly columns: readonly ResultEntrySpec<never>[];
}

export interface PaneColumn {
  /** The column as the contract describes it (header, format, unit, note). */
  readonly column: ResultColumnSpec<never>;
  /** Where its value is in a JSON row. */
  readonly path: string;
}

export type JsonRecord = Readonly<Record<string, unknown>>;

/** The contract's pane columns of a table, in sheet order. */
export function paneColumns(spec: Pick<PaneTableSpec, 'columns'>): PaneColumn[] {
  return flatColumns(spec.columns)
    .filter(({ column }) => column.pane === true && inJson(column))
    .map((flat) => ({ column: flat.column, path: jsonPath(flat) }));
}

/** The value at a dotted path (`backtest.promisedFillRate`); undefined where a step is missing or null. */
export function valueAt(record: unknown, path: string): unknown {
  let current: unknown = record;
  for (const step of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

/** A table's JSON rows in the analysis result (built arrays or rows the summary holds). */
export function tableRows(result: AnalysisResult, spec: Pick<PaneTableSpec, 'json' | 'id'>): JsonRecord[] {
  const rows = valueAt(result, spec.json.key);
  if (!Array.isArray(rows)) throw new Error(`The result has no rows for table ${spec.id} at ${spec.json.key}`);
  return rows as JsonRecord[];
}

/** The JSON path of the column with this key; throws when the contract has no such column. */
export function pathOf(spec: Pick<PaneTableSpec, 'columns' | 'id'>, key: string): string {
  const found = flatColumns(spec.columns).find((flat) => flat.column.key === key || jsonPath(flat) === key);
  if (!found) throw new Error(`Table ${spec.id} has no column ${key}`);
  return jsonPath(found);
}

export interface RankedRows {
  rows: JsonRecord[];
  /** Rows that qualified for the ranking (before the limit). */
  total: number;
  /** What the rows are ranked by. */
  by: 'action' | 'investment';
}

const number = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/**
 * The Stock rows with the largest actions: ranked by the value of the units to order or in excess
 * (|recommended stock − on hand| × unit cost), rows that hold omitted. Without inventory there
 * are no actions, and the rows with the largest investment stand in. Ties keep the sheet's order.
 */
export function largestActions(spec: Pick<PaneTableSpec, 'columns' | 'id'>, rows: readonly JsonRecord[], limit: number): RankedRows {
  const gap = pathOf(spec, 'stockMinusOnHand');
  const cost = pathOf(spec, 'unitCost');
  const investment = pathOf(spec, 'investment');
  const weigh = (key: (row: JsonRecord) => number | null, by: RankedRows['by']): RankedRows => {
    const ranked = rows
      .map((row, index) => ({ row, index, weight: key(row) }))
      .filter((entry): entry is { row: JsonRecord; index: number; weight: number } => entry.weight !== null && entry.weight > 0)
      .sort((a, b) => b.weight - a.weight || a.index - b.index);
    return { rows: ranked.slice(0, limit).map((entry) => entry.row), total: ranked.length, by };
  };
  const actions = weigh((row) => {
    const units = number(valueAt(row, gap));
    const unitCost = number(valueAt(row, cost));
    return units === null || unitCost === null ? null : Math.abs(units) * unitCost;
  }, 'action');
  if (actions.total > 0 || rows.some((row) => number(valueAt(row, gap)) !== null)) return actions;
  return weigh((row) => number(valueAt(row, investment)), 'investment');
}
