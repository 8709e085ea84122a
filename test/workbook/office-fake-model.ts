/**
 * The state behind the fake Excel object model (office-fake-context.ts): sheets with cells,
 * number formats, tables, charts, notes and validations, plus the parts of Excel's behaviour the
 * adapter depends on. Everything here happens "inside Excel": proxies change it only at sync.
 *
 * Modelled on purpose, because a wrong adapter would pass without it:
 * - A string written to a cell is parsed as Excel parses typing unless the cell is text-formatted
 *   (`@`): `=…`, `+…`, `@…` and non-numeric `-…` become formulas, numeric text a number, ISO dates
 *   dates, TRUE/FALSE booleans, `#N/A` and friends errors; a leading apostrophe makes the rest text.
 * - `null` in a written matrix leaves the cell unchanged; `''` clears it.
 * The workbook around the sheets (names, tables, what structural changes do to formulas) is in
 * office-fake-workbook.ts.
 */
import { columnLetters } from '../../src/workbook/port';

export const NOT_LOADED = 'Error, property was not loaded';

/** What Office.js rejects a batch with (OfficeExtension.Error has `code` and `message` too). */
export class FakeOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A rectangle of cells, 0-based. */
export interface Box {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export type FakeCell = ({ kind: 'String'; value: string } | { kind: 'Double'; value: number } | { kind: 'Boolean'; value: boolean } | { kind: 'Error'; value: string }) & { formula?: string };

export interface SeriesSource {
  sheetId: string;
  box: Box;
}

export interface FakeSeries {
  name: string;
  values: SeriesSource | null;
  xValues: SeriesSource | null;
}

export interface FakeChart {
  name: string;
  type: string;
  seriesBy: string;
  title: string;
  categoryAxisTitle: string;
  valueAxisTitle: string;
  legendVisible: boolean;
  series: FakeSeries[];
  position: { start: string; end: string } | null;
}

export interface FakeValidation {
  box: Box;
  rule?: unknown;
  errorAlert?: unknown;
  ignoreBlanks?: boolean;
}

export const MAX_COLUMNS = 16384;
export const MAX_ROWS = 1_048_576;
const CLASSIC_ERRORS = new Set(['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!']);
const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const ISO_DATE = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/;
const MS_PER_DAY = 86_400_000;

export function dateSerial(date: Date): number {
  return date.getTime() / MS_PER_DAY + 25569;
}

export class FakeSheet {
  readonly cells = new Map<number, FakeCell>();
  readonly formats = new Map<number, string>();
  readonly fonts = new Map<number, { bold?: boolean; italic?: boolean; size?: number }>();
  readonly charts: FakeChart[] = [];
  readonly notes = new Map<string, string>();
  readonly validations: FakeValidation[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly autofitted: Box[] = [];
  frozenRows = 0;
  /** Worksheet protection (Review › Protect Sheet): every change to the sheet fails. */
  isProtected = false;

  constructor(
    readonly id: string,
    public name: string,
    public visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible',
  ) {}

  static key(row: number, column: number): number {
    return row * MAX_COLUMNS + column;
  }

  static position(key: number): { row: number; column: number } {
    const column = key % MAX_COLUMNS;
    return { row: (key - column) / MAX_COLUMNS, column };
  }

  assertUnprotected(): void {
    if (this.isProtected) throw new FakeOfficeError('AccessDenied', `The sheet ${this.name} is protected.`);
  }

  cell(row: number, column: number): FakeCell | undefined {
    return this.cells.get(FakeSheet.key(row, column));
  }

  format(row: number, column: number): string {
    return this.formats.get(FakeSheet.key(row, column)) ?? 'General';
  }

  setFormat(row: number, column: number, format: string): void {
    if (format === 'General') this.formats.delete(FakeSheet.key(row, column));
    else this.formats.set(FakeSheet.key(row, column), format);
  }

  setCell(row: number, column: number, cell: FakeCell | undefined): void {
    if (cell) this.cells.set(FakeSheet.key(row, column), cell);
    else this.cells.delete(FakeSheet.key(row, column));
  }

  /**
   * The smallest box holding every cell with a value (Excel's used range with valuesOnly), or also
   * with a format or font. No Math calls in the loop: under Jest's VM a global lookup per key made
   * this take seconds on a million cells.
   */
  usedBox(valuesOnly = true): Box | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const visit = (key: number): void => {
      const column = key % MAX_COLUMNS;
      const row = (key - column) / MAX_COLUMNS;
      if (row < top) top = row;
      if (row > bottom) bottom = row;
      if (column < left) left = column;
      if (column > right) right = column;
    };
    this.cells.forEach((_cell, key) => visit(key));
    if (!valuesOnly) {
      this.formats.forEach((_format, key) => visit(key));
      this.fonts.forEach((_font, key) => visit(key));
    }
    return bottom < 0 ? null : { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  /**
   * Writes one value as Excel's `Range.values` setter does: parsed like typing unless the cell is
   * text-formatted; `null` leaves the cell as it is; anything but text, numbers and booleans is refused.
   */
  enter(row: number, column: number, input: unknown): void {
    if (input === null) return;
    switch (typeof input) {
      case 'number':
        if (!Number.isFinite(input)) throw new FakeOfficeError('InvalidArgument', `Cannot write ${input} to a cell.`);
        this.setCell(row, column, { kind: 'Double', value: input });
        return;
      case 'boolean':
        this.setCell(row, column, { kind: 'Boolean', value: input });
        return;
      case 'string':
        break;
      default:
        throw new FakeOfficeError('InvalidArgument', `Range.values takes text, numbers and booleans; got ${Object.prototype.toString.call(input)}.`);
    }
    if (input === '') return this.setCell(row, column, undefined);
    if (this.format(row, column) === '@') return this.setCell(row, column, { kind: 'String', value: input });
    const parsed = parseTyping(input);
    this.setCell(row, column, parsed.cell);
    if (parsed.format && this.format(row, column) === 'General') this.setFormat(row, column, parsed.format);
  }
}

/** What Excel makes of text entered into a cell that is not text-formatted. */
export function parseTyping(text: string): { cell: FakeCell; format?: string } {
  if (text.startsWith("'")) return { cell: { kind: 'String', value: text.slice(1) } };
  if (/^[=+@]/.test(text) || (text.startsWith('-') && !NUMERIC.test(text))) return { cell: { kind: 'Error', value: '#NAME?', formula: text.startsWith('=') ? text : `=${text}` } };
  if (NUMERIC.test(text.trim())) return { cell: { kind: 'Double', value: Number(text) } };
  const date = ISO_DATE.exec(text);
  if (date) {
    const serial = dateSerial(new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3] ?? 1))));
    return { cell: { kind: 'Double', value: serial }, format: date[3] ? 'yyyy-mm-dd' : 'mmm-yy' };
  }
  if (/^(true|false)$/i.test(text)) return { cell: { kind: 'Boolean', value: text.toLowerCase() === 'true' } };
  if (CLASSIC_ERRORS.has(text)) return { cell: { kind: 'Error', value: text } };
  return { cell: { kind: 'String', value: text } };
}

export class FakeTable {
  /** Times clearFilters() ran. */
  filtersCleared = 0;

  constructor(
    /** Stays the same when the table is renamed, resized or moved (Table.id). */
    readonly id: string,
    public name: string,
    public sheetId: string,
    /** Header row included. */
    public box: Box,
    public style = 'TableStyleMedium2',
    public showHeaders = true,
    public showTotals = false,
  ) {}
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column + 1)}${row + 1}`;
}

export function boxAddress(box: Box): string {
  const start = cellAddress(box.row, box.column);
  return box.rows === 1 && box.columns === 1 ? start : `${start}:${cellAddress(box.row + box.rows - 1, box.column + box.columns - 1)}`;
}

/** `A1`, `$B$3:D9` → a box; undefined when it is not a plain A1 reference. */
export function parseBox(a1: string): Box | undefined {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(a1.trim());
  if (!match) return undefined;
  const column = (letters: string): number => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const top = Number(match[2]) - 1;
  const left = column(match[1]);
  const bottom = match[4] ? Number(match[4]) - 1 : top;
  const right = match[3] ? column(match[3]) : left;
  return { row: Math.min(top, bottom), column: Math.min(left, right), rows: Math.abs(bottom - top) + 1, columns: Math.abs(right - left) + 1 };
}

/** Splits `'My sheet'!A1:B2` or `Data!A1` into sheet and cells. */
export function splitAddress(address: string): { sheet?: string; a1: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { a1: address };
  const sheetPart = address.slice(0, bang);
  const quoted = /^'(.*)'$/.exec(sheetPart);
  return { sheet: quoted ? quoted[1].replace(/''/g, "'") : sheetPart, a1: address.slice(bang + 1) };
}

/** Excel quotes sheet names in addresses unless they are plain words. */
export function sheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.column < b.column + b.columns && b.column < a.column + a.columns;
}
