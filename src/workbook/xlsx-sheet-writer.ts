/**
 * A new worksheet part written as a stream: rows are turned into XML and deflated as they come,
 * so a large result sheet is never held as one string. Text is always written as an inline string,
 * so text that looks like a formula (`=SUM(A1)`) stays text. Excel's limits (ECMA-376 and Excel's
 * specifications: 1,048,576 rows, 16,384 columns, 32,767 characters a cell) are never exceeded:
 * too many rows or columns is refused before anything is written, longer text is cut with "…".
 */
import { columnLetters, isCellError, type CellValue } from './port';
import { dateToSerial } from './office-cells';
import { DeflatedEntryWriter, type ZipEntry } from './xlsx-zip';
import { asciiBytes, Utf8Pieces } from './xlsx-utf8-pieces';
import { escapeCellText, escapeXml } from './xlsx-xml';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
export const MAX_CELL_CHARS = 32_767;

const DAYS_1904 = 1462;
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetLayout {
  /** Rows above the pane are frozen (0: none). */
  frozenRows: number;
  /** Column widths in characters, from column A. */
  widths: readonly number[];
  /** Data validations, already as XML elements. */
  validations: readonly string[];
  /** Relationship ids of the sheet's drawing (charts), comments' VML and tables. */
  drawingRel?: string;
  legacyDrawingRel?: string;
  tableRels: readonly string[];
}

/** Rows handed to the writer: cells from column A, with the cellXfs style index of each (0 = default). */
export interface SheetRow {
  row: number;
  cells: readonly CellValue[];
  styles: readonly number[] | ((column: number, value: CellValue) => number);
}

/** A sheet that would not fit Excel's grid: nothing is written, and the message says by how much. */
export class SheetLimitError extends Error {
  override readonly name = 'SheetLimitError';
}

export function assertFitsSheet(what: string, lastRow: number, lastColumn: number): void {
  if (lastRow > MAX_ROWS) throw new SheetLimitError(`${what} needs ${lastRow.toLocaleString('en-US')} rows; an Excel sheet holds at most ${MAX_ROWS.toLocaleString('en-US')}.`);
  if (lastColumn > MAX_COLUMNS) throw new SheetLimitError(`${what} needs ${lastColumn.toLocaleString('en-US')} columns; an Excel sheet holds at most ${MAX_COLUMNS.toLocaleString('en-US')}.`);
}

export class SheetWriter {
  private readonly entry: DeflatedEntryWriter;
  private readonly out: Utf8Pieces;
  private lastRow = 0;

  constructor(
    part: string,
    private readonly date1904: boolean,
    private readonly layout: SheetLayout,
  ) {
    const entry = new DeflatedEntryWriter(part);
    this.entry = entry;
    this.out = new Utf8Pieces((bytes) => entry.write(bytes));
    let head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`;
    if (layout.frozenRows > 0) {
      const top = `A${layout.frozenRows + 1}`;
      head += `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${layout.frozenRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`;
    } else {
      head += '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
    }
    head += '<sheetFormatPr defaultRowHeight="15"/>';
    if (layout.widths.length > 0) {
      head += '<cols>';
      layout.widths.forEach((width, i) => (head += `<col min="${i + 1}" max="${i + 1}" width="${round2(width)}" customWidth="1"/>`));
      head += '</cols>';
    }
    this.out.text(`${head}<sheetData>`);
  }

  /** Rows must come in increasing row order. */
  writeRow(row: SheetRow): void {
    if (row.row <= this.lastRow) throw new Error(`rows out of order (${row.row} after ${this.lastRow})`);
    assertFitsSheet('The sheet', row.row, row.cells.length);
    this.lastRow = row.row;
    const out = this.out;
    // The row number once as text: every cell's reference ends with it (`<c r="B12"`).
    const rowText = String(row.row);
    out.reserve(CELL_ROOM);
    out.bytes(ROW_OPEN);
    out.ascii(rowText);
    out.bytes(TAG_END);
    const cells = row.cells;
    const styles = row.styles;
    for (let c = 0; c < cells.length; c++) {
      const value = cells[c];
      const style = typeof styles === 'function' ? styles(c, value) : (styles[c] ?? 0);
      out.reserve(CELL_ROOM);
      writeCell(out, c, rowText, value, style, this.date1904);
    }
    out.reserve(CELL_ROOM);
    out.bytes(ROW_CLOSE);
    out.settle();
  }

  finish(): ZipEntry {
    const { validations, drawingRel, legacyDrawingRel, tableRels } = this.layout;
    let tail = '</sheetData>';
    if (validations.length > 0) tail += `<dataValidations count="${validations.length}">${validations.join('')}</dataValidations>`;
    tail += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
    if (drawingRel) tail += `<drawing r:id="${drawingRel}"/>`;
    if (legacyDrawingRel) tail += `<legacyDrawing r:id="${legacyDrawingRel}"/>`;
    if (tableRels.length > 0) tail += `<tableParts count="${tableRels.length}">${tableRels.map((id) => `<tablePart r:id="${id}"/>`).join('')}</tableParts>`;
    this.out.text(`${tail}</worksheet>`);
    this.out.end();
    return this.entry.finish();
  }
}

/**
 * Bytes reserved before each cell's markup: the longest is an error cell, `<c r="XFD1048576" s="…"
 * t="e"><v>#DIV/0!</v></c>`, well under this; text goes through Utf8Pieces.text, which reserves
 * its own room.
 */
const CELL_ROOM = 128;

const ROW_OPEN = asciiBytes('<row r="');
const TAG_END = asciiBytes('">');
const ROW_CLOSE = asciiBytes('</row>');
const EMPTY_END = asciiBytes('/>');
const VALUE_OPEN = asciiBytes('><v>');
const VALUE_CLOSE = asciiBytes('</v></c>');
const BOOLEAN_OPEN = asciiBytes(' t="b"><v>');
const ERROR_OPEN = asciiBytes(' t="e"><v>');
const INLINE_OPEN = asciiBytes(' t="inlineStr"><is>');
const INLINE_CLOSE = asciiBytes('</is></c>');

/** `<c r="` and the column letters by 0-based column, made once: every cell of every row starts so. */
const CELL_OPEN: Uint8Array[] = [];
/** The end of the reference and the style attribute by cellXfs index (`" s="3"`; `"` for 0). */
const STYLE_ATTR: Uint8Array[] = [asciiBytes('"')];

function cellOpen(column: number): Uint8Array {
  return CELL_OPEN[column] ?? (CELL_OPEN[column] = asciiBytes(`<c r="${columnLetters(column + 1)}`));
}

function styleAttr(style: number): Uint8Array {
  return STYLE_ATTR[style] ?? (STYLE_ATTR[style] = asciiBytes(`" s="${style}"`));
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** `<c r="B12" s="3"`: the start of every cell element. */
function openCell(out: Utf8Pieces, column: number, rowText: string, style: number): void {
  out.bytes(cellOpen(column));
  out.ascii(rowText);
  out.bytes(styleAttr(style > 0 ? style : 0));
}

/** One `<c>` element at 0-based `column` of the row numbered `rowText`; blank cells without a style are left out. */
function writeCell(out: Utf8Pieces, column: number, rowText: string, value: CellValue, style: number, date1904: boolean): void {
  if (value === null || value === undefined) return blankCell(out, column, rowText, style);
  switch (typeof value) {
    case 'number':
      if (Number.isNaN(value)) return blankCell(out, column, rowText, style);
      openCell(out, column, rowText, style);
      if (!Number.isFinite(value)) {
        out.bytes(ERROR_OPEN);
        out.ascii('#NUM!');
      } else {
        out.bytes(VALUE_OPEN);
        // Number::toString: what `${value}` wrote, ASCII only.
        out.ascii(String(value));
      }
      out.bytes(VALUE_CLOSE);
      return;
    case 'boolean':
      openCell(out, column, rowText, style);
      out.bytes(BOOLEAN_OPEN);
      out.ascii(value ? '1' : '0');
      out.bytes(VALUE_CLOSE);
      return;
    case 'string':
      openCell(out, column, rowText, style);
      out.bytes(INLINE_OPEN);
      out.text(textElement(value));
      out.reserve(CELL_ROOM);
      out.bytes(INLINE_CLOSE);
      return;
    default:
      break;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return blankCell(out, column, rowText, style);
    openCell(out, column, rowText, style);
    out.bytes(VALUE_OPEN);
    out.ascii(String(dateToSerial(value) - (date1904 ? DAYS_1904 : 0)));
    out.bytes(VALUE_CLOSE);
    return;
  }
  if (isCellError(value)) {
    openCell(out, column, rowText, style);
    out.bytes(ERROR_OPEN);
    out.text(escapeXml(value.error));
    out.reserve(CELL_ROOM);
    out.bytes(VALUE_CLOSE);
  }
}

function blankCell(out: Utf8Pieces, column: number, rowText: string, style: number): void {
  if (style <= 0) return;
  openCell(out, column, rowText, style);
  out.bytes(EMPTY_END);
}

/** A `<t>` element, keeping leading and trailing spaces, cut to Excel's 32,767 characters. */
export function textElement(text: string): string {
  const fitted = text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS - 1)}…` : text;
  const preserve = fitted.length > 0 && (isSpace(fitted.charCodeAt(0)) || isSpace(fitted.charCodeAt(fitted.length - 1)) || fitted.indexOf('\n') >= 0) ? ' xml:space="preserve"' : '';
  return `<t${preserve}>${escapeCellText(fitted)}</t>`;
}

/** What `\s` matches at the ends of a text (JavaScript's white space and line terminators). */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
