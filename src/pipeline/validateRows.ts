/**
 * Reading a table row by row through its contract: header matching, per-cell conversion,
 * required cells, defaults and unique columns. Table-specific rules (validateTables.ts) work on the
 * converted rows.
 */
import type { ColumnSpec, Scalar, TableName, TableSpec } from '../model/contract';
import type { SheetTable } from '../workbook/port';
import { matchColumns } from './columns';
import { convertCell, dateAsTextMessage, isBlankRow, requiredMessage, type ValueRule } from './validateCells';
import { TableIssues, type IssueLog } from './validateIssues';

/** A converted value: null when blank (and no default), undefined when invalid (already reported). */
export type RowValue = Scalar | null | undefined;

export interface TableRow {
  /** 0-based index in the table body (blank rows keep their index, so addresses stay right). */
  readonly index: number;
  readonly values: Record<string, RowValue>;
}

export interface ReadTable {
  readonly issues: TableIssues;
  /** 0-based column index per matched column key. */
  readonly columns: Readonly<Record<string, number>>;
  readonly rows: TableRow[];
}

export interface ReadOptions {
  readonly overrides?: Readonly<Record<string, string>>;
  /** Columns left unconverted because their rules depend on other cells (e.g. RepairDays only matters when Repairable). */
  readonly deferred?: readonly string[];
}

/** `One row per …` → `one row per …`, to continue a sentence. */
function continueSentence(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function missingTableMessage(spec: TableSpec): string {
  const required = spec.columns.filter((c) => c.required === true).map((c) => c.key);
  return `Missing required table ${spec.name}: add a sheet or Excel table named ${spec.name} with ${continueSentence(spec.purpose)} Required columns: ${required.join(', ')}.`;
}

export function emptyTableMessage(name: TableName | string, purpose: string): string {
  return `${name} has no data rows; add ${continueSentence(purpose)}`;
}

/**
 * Convert body cell (rowIndex, columnIndex) by `rule`, reporting any problem at that cell.
 * Returns null for a blank cell and undefined for an invalid one.
 */
export function readCell(issues: TableIssues, rowIndex: number, columnIndex: number, rule: ValueRule): RowValue {
  const raw = issues.table.rows[rowIndex][columnIndex];
  const conversion = convertCell(raw, rule);
  if (!conversion.ok) {
    issues.cell('error', conversion.rule, rowIndex, columnIndex, () => conversion.message);
    return undefined;
  }
  if (conversion.dateAsText) issues.cell('warning', 'dateAsText', rowIndex, columnIndex, () => dateAsTextMessage(rule.key, raw, String(conversion.value)));
  const implausible = conversion.implausible;
  if (implausible) issues.cell('warning', 'implausible', rowIndex, columnIndex, () => implausible);
  return conversion.value;
}

/** readCell plus the column's "required" (when unconditional) and default. */
export function readColumnCell(issues: TableIssues, rowIndex: number, columnIndex: number, column: ColumnSpec): RowValue {
  const value = readCell(issues, rowIndex, columnIndex, column);
  if (value !== null) return value;
  if (column.required === true) {
    issues.cell('error', 'required', rowIndex, columnIndex, () => requiredMessage(column.key));
    return undefined;
  }
  return column.default ?? null;
}

export function readTable(table: SheetTable, spec: TableSpec, log: IssueLog, options: ReadOptions = {}): ReadTable {
  const issues = new TableIssues(log, table);
  const match = matchColumns(table, spec, { overrides: options.overrides });
  for (const issue of match.issues) log.addIssue(issue, 'columns');
  const { columns } = match;
  const deferred = new Set(options.deferred ?? []);
  const converted = spec.columns.filter((c) => columns[c.key] !== undefined && !deferred.has(c.key));
  // A missing required column was reported once; its cells are unknown rather than blank.
  const absent = spec.columns.filter((c) => columns[c.key] === undefined && !deferred.has(c.key));
  const firstRowOf = new Map<string, Map<string, number>>(spec.columns.filter((c) => c.unique).map((c) => [c.key, new Map()]));

  const rows: TableRow[] = [];
  table.rows.forEach((cells, index) => {
    if (isBlankRow(cells)) return;
    const values: Record<string, RowValue> = {};
    for (const column of converted) {
      const columnIndex = columns[column.key];
      const value = readColumnCell(issues, index, columnIndex, column);
      values[column.key] = value;
      const seen = firstRowOf.get(column.key);
      if (seen === undefined || typeof value !== 'string') continue;
      const first = seen.get(value);
      if (first === undefined) seen.set(value, index);
      else issues.cell('error', 'duplicate', index, columnIndex, () => `Duplicate ${column.key} "${value}" (first at row ${issues.rowNumber(first)})`);
    }
    for (const column of absent) values[column.key] = column.required === true ? undefined : (column.default ?? null);
    rows.push({ index, values });
  });
  if (rows.length === 0 && spec.required) issues.whole('error', 'emptyTable', emptyTableMessage(spec.name, spec.purpose));
  return { issues, columns, rows };
}

/** Typed access to converted values. Invalid cells (undefined) were reported as errors, so the fallbacks never reach a PlanningInput. */
export function numberOr(value: RowValue, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}

export function numberOrNull(value: RowValue): number | null {
  return typeof value === 'number' ? value : null;
}

export function textOrNull(value: RowValue): string | null {
  return typeof value === 'string' ? value : null;
}

/** The set of valid IDs in a key column, or null when the column is missing (references to it cannot be checked). */
export function idsOf(read: ReadTable, key: string): Set<string> | null {
  if (read.columns[key] === undefined) return null;
  const ids = new Set<string>();
  for (const row of read.rows) {
    const id = row.values[key];
    if (typeof id === 'string') ids.add(id);
  }
  return ids;
}
