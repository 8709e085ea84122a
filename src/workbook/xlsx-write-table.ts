/** Writing one formatted Excel table onto a worksheet (shared by results and input templates). */
import type * as ExcelJS from 'exceljs';
import type { CellValue } from './port';
import { cellAddress, type CellRange } from './xlsx-address';
import { toExcelValue } from './xlsx-cell-value';

export type TableTheme = NonNullable<ExcelJS.TableStyleProperties['theme']>;

export interface TableToWrite {
  name: string;
  /** Top-left cell (the first header cell). */
  row: number;
  column: number;
  headers: readonly string[];
  rows: readonly CellValue[][];
  theme: TableTheme;
  /** Number format per column; undefined keeps General. */
  numberFormats: readonly (string | undefined)[];
}

/**
 * Adds the table and returns the range of its body rows. A table without rows gets one blank body
 * row, as Excel itself does: ExcelJS writes a zero-row table that Excel reports as corrupt
 * (exceljs issues #1122, #2678). Readers drop trailing blank rows, so it reads back as empty.
 */
export function writeTable(worksheet: ExcelJS.Worksheet, table: TableToWrite): CellRange {
  const width = table.headers.length;
  const rows = table.rows.length > 0 ? table.rows.map((row) => toExcelRow(row, width)) : [new Array<ExcelJS.CellValue>(width).fill(null)];
  worksheet.addTable({
    name: table.name,
    displayName: table.name,
    ref: cellAddress(table.row, table.column),
    headerRow: true,
    totalsRow: false,
    style: { theme: table.theme, showRowStripes: true },
    columns: table.headers.map((name) => ({ name, filterButton: true })),
    rows,
  });
  const body: CellRange = { top: table.row + 1, left: table.column, bottom: table.row + rows.length, right: table.column + width - 1 };
  applyNumberFormats(worksheet, body, table.numberFormats);
  return body;
}

function toExcelRow(row: readonly CellValue[], width: number): ExcelJS.CellValue[] {
  const values = new Array<ExcelJS.CellValue>(width);
  for (let i = 0; i < width; i++) values[i] = toExcelValue(row[i] ?? null);
  return values;
}

/**
 * Every body cell of a column gets the same style object. ExcelJS gives each new cell a style
 * object of its own and, when saving, renders every distinct style object to XML to find its
 * style id; shared objects hit its identity cache instead (saving 20,000-row tables went from
 * minutes to seconds).
 */
function applyNumberFormats(worksheet: ExcelJS.Worksheet, body: CellRange, formats: readonly (string | undefined)[]): void {
  const styles = formats.map((format): Partial<ExcelJS.Style> => (format ? { numFmt: format } : {}));
  for (let r = body.top; r <= body.bottom; r++) {
    const row = worksheet.getRow(r);
    for (let i = 0; i < styles.length; i++) row.getCell(body.left + i).style = styles[i];
  }
}

/** A style object shared by many cells; see applyNumberFormats. */
export function sharedNumberFormat(cache: Map<string, Partial<ExcelJS.Style>>, format: string): Partial<ExcelJS.Style> {
  let style = cache.get(format);
  if (!style) cache.set(format, (style = { numFmt: format }));
  return style;
}
