/**
 * The building blocks of the results contract (results-contract.ts): a result table is described
 * once — each column's JSON key, its header in plain words, unit, number format, a one-line note
 * and how its value is read from the engine's rows — and the JSON (`spp analyze --json`), the result
 * sheets, the task pane's tables and the generated section of docs/workbook.md all follow from it.
 */
import type { CellValue, ChartSpec, ColumnFormat, ResultColumn } from '../workbook/port';

/** A value of one result cell: numbers that do not exist (NaN, ±Infinity) become null everywhere. */
export type ResultValue = string | number | boolean | null;

export interface ResultColumnSpec<Row> {
  /** JSON key of the column in its table's JSON rows; stable (schemaVersion 1: add, never rename). */
  readonly key: string;
  /** Header of the sheet column and the pane's table column, in plain words. */
  readonly header: string;
  readonly format: ColumnFormat;
  /** The unit in plain words ('units', 'share of demanded units', 'days', …); '' for text and codes. */
  readonly unit: string;
  /** One line: what the value means and how to read it. Written as the header's note. */
  readonly note: string;
  /** How the value is read from the engine's row. */
  readonly value: (row: Row) => ResultValue;
  /** Where the column appears: both (default), only in the JSON, or only on the sheet. */
  readonly in?: 'both' | 'json' | 'sheet';
  /** Shown in the task pane's view of the table. */
  readonly pane?: boolean;
  /** Width in characters where autofit would be wrong (long text). */
  readonly width?: number;
}

/**
 * Columns that the JSON nests in one object (`backtest: { mae, … }`) and the sheet shows flat; the
 * whole object is null in the JSON when `present` is false (and the sheet cells are blank).
 */
export interface ResultGroupSpec<Row> {
  readonly group: string;
  readonly present: (row: Row) => boolean;
  readonly columns: readonly ResultColumnSpec<Row>[];
}

export type ResultEntrySpec<Row> = ResultColumnSpec<Row> | ResultGroupSpec<Row>;

export function isGroup<Row>(entry: ResultEntrySpec<Row>): entry is ResultGroupSpec<Row> {
  return 'group' in entry;
}

/** A result table: one sheet with one Excel table, and (where `json` says so) one JSON array. */
export interface ResultTableSpec<Context, Row> {
  /** Key of the table in the layout and the pane. */
  readonly id: string;
  readonly sheet: string;
  readonly tableName: string;
  /** Where the table's rows are in the JSON: a top-level key built from these columns, or a path to rows the JSON already holds (e.g. `summary.byLocation`). */
  readonly json: { readonly key: string; readonly built: boolean };
  /** One line for the list of result sheets in the docs. */
  readonly summary: string;
  readonly title: (context: Context) => string;
  /** Two or three lines under the title: what the sheet shows and how to read it. */
  readonly description: (context: Context) => readonly string[];
  readonly rows: (context: Context) => Iterable<Row>;
  readonly columns: readonly ResultEntrySpec<Row>[];
  /**
   * This run's columns where they depend on the run (one per SLA tier, say); the layout and the JSON
   * use them, the docs `columns` (which then stands for them, e.g. one `<tier>` column).
   */
  readonly columnsFor?: (context: Context) => readonly ResultEntrySpec<Row>[];
  /** Charts, naming columns by JSON key (turned into headers by the layout). */
  readonly charts?: (context: Context) => readonly ChartByKey[];
  /** Whether this run produces the table (e.g. only with a ServiceEvents table); always when absent. */
  readonly when?: (context: Context) => boolean;
}

export type ChartByKey = Omit<ChartSpec, 'categoryColumn' | 'seriesColumns'> & { readonly categoryKey: string; readonly seriesKeys: readonly string[] };

/** A column with the group it belongs to (null at the top level), in sheet order. */
export interface FlatColumn<Row> {
  readonly column: ResultColumnSpec<Row>;
  readonly group: ResultGroupSpec<Row> | null;
}

export function flatColumns<Row>(entries: readonly ResultEntrySpec<Row>[]): FlatColumn<Row>[] {
  const flat: FlatColumn<Row>[] = [];
  for (const entry of entries) {
    if (isGroup(entry)) for (const column of entry.columns) flat.push({ column, group: entry });
    else flat.push({ column: entry, group: null });
  }
  return flat;
}

export function onSheet(column: Pick<ResultColumnSpec<never>, 'in'>): boolean {
  return column.in !== 'json';
}

export function inJson(column: Pick<ResultColumnSpec<never>, 'in'>): boolean {
  return column.in !== 'sheet';
}

/** NaN and ±Infinity are not numbers a user can read or JSON can hold. */
export function finiteValue(value: ResultValue): ResultValue {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

/** The JSON key path of a column: `backtest.mae` for a grouped column. */
export function jsonPath<Row>(flat: FlatColumn<Row>): string {
  return flat.group ? `${flat.group.group}.${flat.column.key}` : flat.column.key;
}

/** One JSON row from the columns: grouped columns nest, and a group that is not present is null. */
export function jsonRow<Row>(entries: readonly ResultEntrySpec<Row>[], row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const entry of entries) {
    if (isGroup(entry)) {
      if (!entry.present(row)) {
        out[entry.group] = null;
        continue;
      }
      const nested: Record<string, ResultValue> = {};
      for (const column of entry.columns) if (inJson(column)) nested[column.key] = finiteValue(column.value(row));
      out[entry.group] = nested;
    } else if (inJson(entry)) {
      out[entry.key] = finiteValue(entry.value(row));
    }
  }
  return out;
}

/** The sheet's columns (header, format, note, width) in order. */
export function sheetColumns<Row>(entries: readonly ResultEntrySpec<Row>[]): ResultColumn[] {
  return flatColumns(entries)
    .filter(({ column }) => onSheet(column))
    .map(({ column }) => {
      const out: ResultColumn = { header: column.header, format: column.format, note: column.note };
      if (column.width) out.width = column.width;
      return out;
    });
}

/** One sheet row from the columns; a grouped column is blank when its group is not present. */
export function sheetRow<Row>(flat: readonly FlatColumn<Row>[], row: Row): CellValue[] {
  const cells: CellValue[] = [];
  for (const { column, group } of flat) {
    if (!onSheet(column)) continue;
    cells.push(group && !group.present(row) ? null : finiteValue(column.value(row)));
  }
  return cells;
}

/** The header of the column with this JSON key (top-level or grouped); throws for an unknown key. */
export function headerOf<Row>(entries: readonly ResultEntrySpec<Row>[], key: string): string {
  const found = flatColumns(entries).find((flat) => flat.column.key === key || jsonPath(flat) === key);
  if (!found) throw new Error(`No result column with key ${key}`);
  return found.column.header;
}

/** A key/value result table (the summary): one metric per row. */
export interface MetricSpec<Context> {
  readonly label: string;
  readonly format: ColumnFormat;
  /** Where the value is in the JSON (`summary.investment`), or null when the sheet derives it. */
  readonly json: string | null;
  readonly value: (context: Context) => ResultValue;
  readonly note: (context: Context) => string;
}
