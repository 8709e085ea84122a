/**
 * Header matching: which worksheet column holds which contract column. Headers match a column's key
 * or any synonym after normalizeHeader ("Part No.", "part_no" and "PartNo" are one header). Users can
 * map columns by hand in the add-in; such overrides win over automatic matching.
 */
import { normalizeHeader, type ColumnSpec, type TableSpec } from '../model/contract';
import { isoDateOfDays } from '../model/periods';
import type { ValidationIssue } from '../model/types';
import { columnLetters, headerCellAddress, type CellValue, type SheetTable } from '../workbook/port';

export interface ColumnMatch {
  /** 0-based column index (within the table) per matched column key. */
  readonly columns: Readonly<Record<string, number>>;
  /** Columns with `required: true` that no header matched. */
  readonly missing: readonly ColumnSpec[];
  /** 0-based indexes of headers that matched no column, left to right: extra columns (ignored) or the periods of a wide layout. */
  readonly unmatched: readonly number[];
  /** Missing required columns and broken overrides (errors); headers matching an already matched column (warnings). */
  readonly issues: readonly ValidationIssue[];
}

export interface MatchOptions {
  /** Hand-made mappings, column key → header text; they win over automatic matching. */
  readonly overrides?: Readonly<Record<string, string>>;
  /** Required columns the caller checks itself (the Demand layout decides whether Period and Quantity are needed). */
  readonly notReported?: readonly string[];
}

/** A header cell as text: numbers and dates as they would be typed, blanks and errors as ''. */
export function headerText(value: CellValue | undefined): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date && !Number.isNaN(value.getTime())) return isoDateOfDays(Math.floor(value.getTime() / 86_400_000));
  return ''; // blank, an Excel error or an invalid date: matches nothing
}

const lookups = new WeakMap<TableSpec, Map<string, string>>();

/** normalized header → column key; a name claimed by two columns goes to the first (contract order). */
function headerLookup(spec: TableSpec): Map<string, string> {
  let lookup = lookups.get(spec);
  if (lookup === undefined) {
    lookup = new Map();
    for (const column of spec.columns) {
      for (const name of [column.key, ...column.synonyms]) {
        const normalized = normalizeHeader(name);
        if (!lookup.has(normalized)) lookup.set(normalized, column.key);
      }
    }
    lookups.set(spec, lookup);
  }
  return lookup;
}

/** Every header accepted for a column, for messages. */
export function acceptedHeaders(column: ColumnSpec): string {
  return [column.key, ...column.synonyms].join(', ');
}

export function missingColumnIssue(table: SheetTable, column: ColumnSpec): ValidationIssue {
  return {
    severity: 'error',
    sheet: table.sheet,
    cell: '',
    message: `Missing required column ${column.key} in the header row (row ${table.headerRow}); accepted headers: ${acceptedHeaders(column)}`,
  };
}

function findHeader(texts: readonly string[], wanted: string): number {
  const exact = texts.indexOf(wanted.trim());
  if (exact >= 0) return exact;
  const normalized = normalizeHeader(wanted);
  return texts.findIndex((text) => text !== '' && normalizeHeader(text) === normalized);
}

export function matchColumns(table: SheetTable, spec: TableSpec, options: MatchOptions = {}): ColumnMatch {
  const texts = table.headers.map(headerText);
  const columns: Record<string, number> = {};
  const issues: ValidationIssue[] = [];
  const claimed = new Set<number>();
  const overridden = new Set<string>();

  for (const [key, header] of Object.entries(options.overrides ?? {})) {
    if (!spec.columns.some((c) => c.key === key)) {
      issues.push({ severity: 'warning', sheet: table.sheet, cell: '', message: `Column mapping names "${key}", which is not a column of ${spec.name}; it is ignored` });
      continue;
    }
    const index = findHeader(texts, header);
    if (index < 0) {
      issues.push({ severity: 'error', sheet: table.sheet, cell: '', message: `Column mapping for ${key} names header "${header}", which is not in the header row (row ${table.headerRow})` });
      overridden.add(key); // the user chose a column for this key; do not guess another one
      continue;
    }
    columns[key] = index;
    claimed.add(index);
    overridden.add(key);
  }

  const lookup = headerLookup(spec);
  const unmatched: number[] = [];
  texts.forEach((text, index) => {
    if (claimed.has(index)) return;
    const key = text === '' ? undefined : lookup.get(normalizeHeader(text));
    if (key === undefined) {
      unmatched.push(index);
    } else if (overridden.has(key)) {
      // The user mapped this key by hand; the automatic candidate is just another column.
    } else if (columns[key] !== undefined) {
      const first = columnLetters(table.firstColumn + columns[key]);
      issues.push({
        severity: 'warning',
        sheet: table.sheet,
        cell: headerCellAddress(table, index),
        message: `Column "${text}" also matches ${key}, already read from column ${first}; this column is ignored`,
      });
    } else {
      columns[key] = index;
    }
  });

  const notReported = new Set(options.notReported ?? []);
  const missing = spec.columns.filter((c) => c.required === true && columns[c.key] === undefined);
  // A broken override was reported above; a second "missing" error would say the same thing.
  for (const column of missing) if (!notReported.has(column.key) && !overridden.has(column.key)) issues.push(missingColumnIssue(table, column));
  return { columns, missing, unmatched, issues };
}
