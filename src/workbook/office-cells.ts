/**
 * Cell values between Office.js range matrices (`values`, `valueTypes`, `numberFormat`) and the
 * host-neutral CellValue, in both directions. Office.js hands out dates as serial numbers and
 * errors as strings, so the value type and number format of each cell decide what a value means.
 */
import { isCellError, type CellValue } from './port';

/** Serial number of 1970-01-01 in Excel's 1900 date system (the one ExcelJS assumes too). */
const UNIX_EPOCH_SERIAL = 25569;
const MS_PER_DAY = 86_400_000;

export const TEXT_FORMAT = '@';
export const GENERAL_FORMAT = 'General';
/** Number format for dates written into a column that is not a date column. */
export const DATE_FORMAT = 'yyyy-mm-dd';

/** A date serial as a UTC Date (whole days at UTC midnight), like ExcelJS's conversion. */
export function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY));
}

export function dateToSerial(date: Date): number {
  return date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

const dateFormats = new Map<string, boolean>();

/**
 * Whether a number format shows a date or time. Quoted literals, escaped characters, colours and
 * locale tags are removed first, so `"USD "#,##0.00` or `[Red]0.00` are not taken for dates;
 * elapsed-time codes such as `[h]` count. Only the first section (positive numbers) decides.
 */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== 'string' || format === '' || format === GENERAL_FORMAT || format === TEXT_FORMAT) return false;
  let known = dateFormats.get(format);
  if (known === undefined) {
    const section = format
      .replace(/"[^"]*"/g, '')
      .replace(/\\./g, '')
      .replace(/[_*]./g, '')
      .replace(/\[[^\]]*\]/g, (tag) => (/^\[(h+|m+|s+)\]$/i.test(tag) ? 'h' : ''))
      .split(';')[0];
    known = /[dmyhs]/i.test(section) && !/general/i.test(section);
    dateFormats.set(format, known);
  }
  return known;
}

/**
 * The pipeline's view of one cell. Errors are recognised by their value type only (a text cell may
 * hold "#N/A"); numbers shown with a date format become Dates; empty text is blank.
 */
export function readCellValue(value: unknown, valueType: string | undefined, format: unknown): CellValue {
  switch (valueType) {
    case 'Empty':
      return null;
    case 'Error':
      return { error: String(value) };
    default:
      break;
  }
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) return { error: '#NUM!' };
      return isDateFormat(format) ? serialToDate(value) : value;
    case 'string':
      return value === '' ? null : value;
    case 'boolean':
      return value;
    default:
      return null;
  }
}

/** One row of Office.js matrices normalised, `width` cells long. */
export function readRowValues(values: readonly unknown[], types: readonly string[], formats: readonly unknown[], width: number): CellValue[] {
  const row = new Array<CellValue>(width);
  for (let c = 0; c < width; c++) row[c] = readCellValue(values[c], types[c], formats[c]);
  return row;
}

/** How the cells of one column are formatted: the column's format, and for numbers a row's override. */
export interface CellFormatting {
  column: string;
  numeric?: string;
}

/**
 * The value and number format to write for a CellValue. Office.js parses written strings the way
 * Excel parses typing: `=…`, `+…`, `-…`, `@…` become formulas, `2025-03` a date, `00123` a number.
 * Text therefore goes into cells formatted as text (`@`, which Excel stores as typed), or, in
 * columns with another format, behind an apostrophe (Excel's quote prefix: stored as text without
 * the apostrophe, and the column keeps its format). Errors and numbers never get the text format,
 * or they would be stored as text. `''` clears a cell (`null` would leave it unchanged).
 */
export function cellToWrite(value: CellValue, formatting: CellFormatting): [string | number | boolean, string] {
  const textColumn = formatting.column === TEXT_FORMAT;
  const nonText = textColumn ? GENERAL_FORMAT : formatting.column;
  if (value === null || value === undefined) return ['', formatting.column];
  switch (typeof value) {
    case 'string':
      return textColumn ? [value, TEXT_FORMAT] : [`'${value}`, formatting.column];
    case 'number':
      if (Number.isNaN(value)) return ['', formatting.column];
      if (!Number.isFinite(value)) return ['#NUM!', nonText];
      return [value, formatting.numeric ?? nonText];
    case 'boolean':
      return [value, nonText];
    default:
      break;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return ['', formatting.column];
    return [dateToSerial(value), isDateFormat(formatting.column) ? formatting.column : DATE_FORMAT];
  }
  if (isCellError(value)) return [value.error, nonText];
  return [String(value), nonText];
}
