/**
 * A worksheet part read as a stream into a sparse grid of CellValues. The part is inflated (slice
 * by slice with fflate in the browser, in one call with Node's zlib in the CLI) and scanned chunk by
 * chunk (xlsx-package.ts `stream`, xlsx-sheet-scan.ts), so a full sheet of a million rows is never
 * one string; only the cell values are kept.
 *
 * Cell types (ECMA-376 Part 1, 18.18.11 ST_CellType): `s` shared string, `inlineStr` (text in
 * `<is>`, plain or rich), `str` formula text, `b` boolean, `e` error, `d` ISO 8601 date (SheetJS
 * with cellDates), `n` or none a number, a date when its style's number format is a date format.
 * A formula whose value was never calculated (no `<v>`, or a workbook marked for full recalculation
 * on load, as openpyxl and XlsxWriter write it with a placeholder 0) reads as UNCALCULATED_FORMULA,
 * so validation can say so instead of reading a blank or a zero.
 */
import { UNCALCULATED_FORMULA, type CellValue } from './port';
import { serialToDate } from './office-cells';
import { CellType as Type, SheetDataScanner } from './xlsx-sheet-scan';
import { decodeCellText } from './xlsx-xml';

export interface SheetGrid {
  /** rows[r] holds worksheet row r (1-based); cells[c] is column c + 1. Missing rows are blank. */
  rows: (CellValue[] | undefined)[];
  /** Last row that holds a cell element (values may be blank). */
  lastRow: number;
  /** Last column that holds a cell element in any row. */
  lastColumn: number;
}

export interface SheetReadContext {
  sharedStrings: readonly string[];
  /** Whether each cellXfs index shows numbers as dates. */
  dateStyles: readonly boolean[];
  date1904: boolean;
  /** The workbook asks for a full recalculation on load: cached formula values are placeholders. */
  formulasUncalculated: boolean;
  /** Inline strings read so far, each kept once (inlineText); made on first use. */
  inlineStrings?: Map<string, string>;
}

/** Serial days between the 1900 and 1904 date systems' day zero. */
const DAYS_1904 = 1462;

/** Reads a worksheet part fed as uncompressed chunks by `feed` (the scanner: xlsx-sheet-scan.ts). */
export function readSheetGrid(feed: (onChunk: (chunk: Uint8Array) => void) => void, context: SheetReadContext): SheetGrid {
  const grid: SheetGrid = { rows: [], lastRow: 0, lastColumn: 0 };
  // The row being read is collected in one scratch array and kept as an exact copy once the next
  // row starts: an array grown cell by cell gets room for 17 elements at its first push, and a
  // million rows of four cells then take twice the memory and twice the garbage collector's copying
  // (198 against 93 MB for 1M such rows, measured with --expose-gc).
  const scratch: CellValue[] = [];
  let scratchRow = 0;
  const keep = () => {
    if (scratchRow > 0) grid.rows[scratchRow] = scratch.slice();
  };
  const scanner = new SheetDataScanner((row, column, type, style, text, hasValue, formula) => {
    const cell = cellValue(type, text, hasValue, formula, style, context);
    if (cell === null) return;
    if (row !== scratchRow) {
      keep();
      // A row met again after others (rows out of order) goes on from what it had.
      const earlier = grid.rows[row];
      scratch.length = 0;
      if (earlier) for (let c = 0; c < earlier.length; c++) scratch.push(earlier[c]);
      scratchRow = row;
    }
    while (scratch.length < column - 1) scratch.push(null);
    scratch[column - 1] = cell;
    if (row > grid.lastRow) grid.lastRow = row;
    if (column > grid.lastColumn) grid.lastColumn = column;
  });
  feed((chunk) => scanner.write(chunk));
  scanner.close();
  keep();
  return grid;
}

function cellValue(type: Type, text: string, hasValue: boolean, formula: string | undefined, style: number, context: SheetReadContext): CellValue {
  if (formula !== undefined && (!hasValue || context.formulasUncalculated || (text === '' && type !== Type.FormulaText && type !== Type.Inline))) {
    return { error: UNCALCULATED_FORMULA, formulaText: formula };
  }
  switch (type) {
    case Type.Shared: {
      const shared = context.sharedStrings[Number(text)];
      return shared === undefined || shared === '' ? null : shared;
    }
    case Type.Inline:
    case Type.FormulaText:
      return text === '' ? null : inlineText(text, context);
    case Type.Boolean:
      return text === '1' || text.toLowerCase() === 'true';
    case Type.Error:
      return { error: text };
    case Type.IsoDate:
      return isoDate(text);
    case Type.Number: {
      if (!hasValue || text === '') return null;
      const n = Number(text);
      if (!Number.isFinite(n)) return { error: '#NUM!' };
      return context.dateStyles[style] ? serialToDate(context.date1904 ? n + DAYS_1904 : n) : n;
    }
  }
}

/**
 * Inline text kept once per distinct value: input sheets repeat their keys (a part number on every
 * demand row, a location, a period), and one string for each, instead of one per cell, keeps the
 * grid smaller and leaves the copies to die young, which the garbage collector does cheaply.
 */
function inlineText(text: string, context: SheetReadContext): string {
  const strings = (context.inlineStrings ??= new Map());
  const known = strings.get(text);
  if (known !== undefined) return known;
  const decoded = decodeCellText(text);
  if (strings.size < MAX_KEPT_STRINGS) strings.set(text, decoded);
  return decoded;
}

const MAX_KEPT_STRINGS = 1 << 18;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?/;
const ISO_TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?/;

/**
 * An ISO 8601 cell date as the wall-clock time it shows, taken as UTC like every other date cell
 * (a zone suffix is ignored: Excel has no time zones). A time without a date is a time of day on
 * Excel's day zero, 1899-12-30 (how Excel itself stores a bare time). Unreadable text is #VALUE!.
 */
function isoDate(text: string): CellValue {
  const date = ISO_DATE.exec(text);
  if (date) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = ''] = date;
    const ms = fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0;
    return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms));
  }
  const time = ISO_TIME.exec(text);
  if (time) {
    const [, h, mi, s = '0', fraction = ''] = time;
    const ms = fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0;
    return new Date(Date.UTC(1899, 11, 30, Number(h), Number(mi), Number(s), ms));
  }
  return { error: '#VALUE!' };
}
