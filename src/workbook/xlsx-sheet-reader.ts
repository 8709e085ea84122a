/**
 * A worksheet part read as a stream of XML events into a sparse grid of CellValues. The part is
 * inflated slice by slice and decoded incrementally (xlsx-package.ts `stream`), so a full sheet of
 * a million rows is never one string; only the cell values are kept.
 *
 * Cell types (ECMA-376 Part 1, 18.18.11 ST_CellType): `s` shared string, `inlineStr` (text in
 * `<is>`, plain or rich), `str` formula text, `b` boolean, `e` error, `d` ISO 8601 date (SheetJS
 * with cellDates), `n` or none a number, a date when its style's number format is a date format.
 * A formula whose value was never calculated (no `<v>`, or a workbook marked for full recalculation
 * on load, as openpyxl and XlsxWriter write it with a placeholder 0) reads as UNCALCULATED_FORMULA,
 * so validation can say so instead of reading a blank or a zero.
 */
import { SaxesParser } from 'saxes';
import { UNCALCULATED_FORMULA, type CellValue } from './port';
import { serialToDate } from './office-cells';
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
}

/** Serial days between the 1900 and 1904 date systems' day zero. */
const DAYS_1904 = 1462;

const enum Type {
  Number,
  Shared,
  Inline,
  FormulaText,
  Boolean,
  Error,
  IsoDate,
}

function typeOf(t: string | undefined): Type {
  switch (t) {
    case undefined:
    case 'n':
      return Type.Number;
    case 's':
      return Type.Shared;
    case 'inlineStr':
      return Type.Inline;
    case 'str':
      return Type.FormulaText;
    case 'b':
      return Type.Boolean;
    case 'e':
      return Type.Error;
    case 'd':
      return Type.IsoDate;
    default:
      return Type.Number;
  }
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Column number (1-based) of the letters at the start of an A1 reference. */
function columnOfRef(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) n = n * 26 + code - 64;
    else if (code >= 97 && code <= 122) n = n * 26 + code - 96;
    else break;
  }
  return n;
}

function rowOfRef(ref: string): number {
  let i = 0;
  while (i < ref.length && ref.charCodeAt(i) > 57) i++;
  return Number(ref.slice(i));
}

/** Reads a worksheet part fed as uncompressed chunks by `feed`. */
export function readSheetGrid(feed: (onChunk: (chunk: Uint8Array) => void) => void, context: SheetReadContext): SheetGrid {
  const grid: SheetGrid = { rows: [], lastRow: 0, lastColumn: 0 };
  const parser = new SaxesParser({ xmlns: false, position: false });
  const decoder = new TextDecoder();

  let row = 0;
  let column = 0;
  let cells: CellValue[] | undefined;
  // The cell being read.
  let type = Type.Number;
  let style = 0;
  let value = '';
  let hasValue = false;
  let hasFormula = false;
  let formula = '';
  // Which text is being collected: 0 none, 1 `<v>`, 2 `<t>` of an inline string, 3 `<f>`.
  let collecting = 0;
  let inPhonetic = false;
  let inCell = false;

  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    const attributes = tag.attributes as Record<string, string>;
    switch (name) {
      case 'row': {
        const r = attributes.r;
        row = r !== undefined ? Number(r) : row + 1;
        column = 0;
        cells = undefined;
        break;
      }
      case 'c': {
        const r = attributes.r;
        if (r !== undefined) {
          column = columnOfRef(r);
          const rowInRef = rowOfRef(r);
          if (rowInRef > 0 && rowInRef !== row) (row = rowInRef), (cells = undefined);
        } else column++;
        type = typeOf(attributes.t);
        style = attributes.s !== undefined ? Number(attributes.s) : 0;
        value = '';
        formula = '';
        hasValue = false;
        hasFormula = false;
        inCell = true;
        break;
      }
      case 'v':
        if (inCell) (collecting = 1), (hasValue = true);
        break;
      case 'f':
        if (inCell) (collecting = 3), (hasFormula = true);
        break;
      case 't':
        if (inCell && !inPhonetic) (collecting = 2), (hasValue = true);
        break;
      case 'rPh':
        inPhonetic = true;
        break;
      default:
        break;
    }
  });
  parser.on('text', (text) => {
    if (collecting === 1 || collecting === 2) value += text;
    else if (collecting === 3) formula += text;
  });
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    switch (name) {
      case 'v':
      case 't':
      case 'f':
        collecting = 0;
        break;
      case 'rPh':
        inPhonetic = false;
        break;
      case 'c': {
        inCell = false;
        const cell = cellValue(type, value, hasValue, hasFormula, formula, style, context);
        if (cell === null) break;
        if (!cells) {
          cells = grid.rows[row] ?? [];
          grid.rows[row] = cells;
        }
        while (cells.length < column - 1) cells.push(null);
        cells[column - 1] = cell;
        if (row > grid.lastRow) grid.lastRow = row;
        if (column > grid.lastColumn) grid.lastColumn = column;
        break;
      }
      default:
        break;
    }
  });

  feed((chunk) => parser.write(decoder.decode(chunk, { stream: true })));
  parser.write(decoder.decode()).close();
  return grid;
}

function cellValue(type: Type, text: string, hasValue: boolean, hasFormula: boolean, formula: string, style: number, context: SheetReadContext): CellValue {
  if (hasFormula && (!hasValue || context.formulasUncalculated || (text === '' && type !== Type.FormulaText && type !== Type.Inline))) {
    return { error: UNCALCULATED_FORMULA, formulaText: formula };
  }
  switch (type) {
    case Type.Shared: {
      const shared = context.sharedStrings[Number(text)];
      return shared === undefined || shared === '' ? null : shared;
    }
    case Type.Inline:
    case Type.FormulaText:
      return text === '' ? null : decodeCellText(text);
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
