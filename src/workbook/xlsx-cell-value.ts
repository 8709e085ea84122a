/**
 * Conversion between ExcelJS cell values and the host-neutral CellValue, in both directions.
 * Reading is the hot path (Demand sheets reach ~700,000 rows): it switches on the cell type and
 * allocates nothing except the error objects it must return.
 */
import type * as ExcelJS from 'exceljs';
import { isCellError, type CellError, type CellValue } from './port';

// ExcelJS's ValueType enum, inlined: the enum is declared in its typings but must not be imported
// at run time from the browser bundle.
const enum ValueType {
  Null = 0,
  Merge = 1,
  Number = 2,
  String = 3,
  Date = 4,
  Hyperlink = 5,
  Formula = 6,
  SharedString = 7,
  RichText = 8,
  Boolean = 9,
  Error = 10,
}

/**
 * ExcelJS converts the cached result of a date-formatted formula with `excelToDate` even when the
 * result was text or an error, which yields an Invalid Date and loses the original. We cannot know
 * which error it was, so report the generic one rather than inventing a date.
 */
const LOST_FORMULA_RESULT: CellError = { error: '#VALUE!' };

/** The pipeline's view of one ExcelJS cell. */
export function readCell(cell: ExcelJS.Cell): CellValue {
  // `cell.type` of a formula cell is Formula; its cached value is `cell.result`. Reading
  // `cell.value` instead would go through ExcelJS's copy that drops falsy results (0, false, '').
  switch (cell.type as number) {
    case ValueType.Null:
    case ValueType.Merge: // a merged cell other than the top-left one is blank in Excel too
      return null;
    case ValueType.Formula:
      return fromRaw(cell.result as unknown);
    default:
      return fromRaw(cell.value as unknown);
  }
}

/** Normalizes a raw ExcelJS value (cell value or formula result). */
function fromRaw(value: unknown): CellValue {
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? value : LOST_FORMULA_RESULT;
    case 'string':
      return value === '' ? null : value;
    case 'boolean':
      return value;
    case 'undefined':
      return null;
    case 'object':
      return fromObject(value);
    default:
      return String(value);
  }
}

function fromObject(value: object | null): CellValue {
  if (value === null) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? LOST_FORMULA_RESULT : value;
  const v = value as Partial<ExcelJS.CellRichTextValue & ExcelJS.CellHyperlinkValue & ExcelJS.CellErrorValue & ExcelJS.CellFormulaValue>;
  if (typeof v.error === 'string') return { error: v.error };
  if (Array.isArray(v.richText)) return fromRaw(richTextToString(v.richText));
  // Hyperlink: its display text, itself plain or rich text.
  if (v.text !== undefined) return fromRaw(typeof v.text === 'object' ? richTextOf(v.text) : v.text);
  // A formula object stored as a plain value (cells written by hand in this session).
  if ('formula' in v || 'sharedFormula' in v) return fromRaw(v.result);
  return null;
}

function richTextOf(text: unknown): string {
  const rich = (text as Partial<ExcelJS.CellRichTextValue>).richText;
  return Array.isArray(rich) ? richTextToString(rich) : '';
}

function richTextToString(runs: ExcelJS.RichText[]): string {
  let text = '';
  for (const run of runs) text += run.text ?? '';
  return text;
}

/**
 * The ExcelJS value to store for a CellValue. Strings stay strings whatever they start with: ExcelJS
 * only writes a formula for `{ formula }` objects, so `=SUM(A1)` typed as text is stored as text.
 * Non-finite numbers cannot be stored in a cell: NaN becomes blank, ±Infinity `#NUM!`.
 */
export function toExcelValue(value: CellValue): ExcelJS.CellValue {
  if (value === null) return null;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    return Number.isNaN(value) ? null : { error: '#NUM!' };
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (isCellError(value)) return { error: value.error } as ExcelJS.CellErrorValue;
  return value;
}
