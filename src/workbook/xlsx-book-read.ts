/** Reading input tables (Excel tables or plain sheets) from a workbook package: the read half of the port. */
import { SCENARIO_SHEET, type CellValue, type SheetTable, type StoredScenario } from './port';
import { parseSheetRange } from './xlsx-address';
import type { BookSheet, BookTable, XlsxBook } from './xlsx-book';
import type { SheetGrid } from './xlsx-sheet-reader';
import { sameName } from './names';
import { scenarioFromCells } from './scenario-cells';

export function findBookTable(book: XlsxBook, name: string): BookTable | undefined {
  return book.tables().find((table) => sameName(table.name, name) || sameName(table.displayName, name));
}

export function findBookWorksheet(book: XlsxBook, name: string): BookSheet | undefined {
  return book.worksheets().find((sheet) => sameName(sheet.name, name));
}

export function readBookTableOrSheet(book: XlsxBook, name: string): SheetTable | null {
  const table = findBookTable(book, name);
  if (table) return readExcelTable(book, table);
  const sheet = findBookWorksheet(book, name);
  return sheet ? readPlainSheet(book, sheet) : null;
}

/**
 * A range (`Sheet!B2:E500`) read as a table: its first row holds the headers (trailing blank ones
 * dropped), the rest is the body. Null when the sheet does not exist or the address is malformed.
 */
export function readBookRange(book: XlsxBook, address: string): SheetTable | null {
  const parsed = parseSheetRange(address);
  const sheet = parsed && findBookWorksheet(book, parsed.sheet);
  if (!parsed || !sheet) return null;
  const grid = book.grid(sheet);
  const { range } = parsed;
  const headerCells = readRow(grid, range.top, range.left, range.right - range.left + 1);
  const width = widthToLastValue(headerCells);
  return {
    name: address,
    sheet: sheet.name,
    source: 'sheet',
    headerRow: range.top,
    firstColumn: range.left,
    headers: headerCells.slice(0, width),
    rows: width === 0 ? [] : readBody(grid, range.top + 1, range.bottom, range.left, width),
  };
}

/** Tables and sheets users can pick from; the scenario sheet is left out. */
export function listBookTables(book: XlsxBook): { name: string; sheet: string; source: 'table' | 'sheet' }[] {
  return [
    ...book.tables().map((table) => ({ name: table.name, sheet: table.sheet.name, source: 'table' as const })),
    ...book.worksheets().filter((sheet) => !sameName(sheet.name, SCENARIO_SHEET)).map((sheet) => ({ name: sheet.name, sheet: sheet.name, source: 'sheet' as const })),
  ];
}

/** The scenario stored as JSON text in column A of the scenario sheet. */
export function readBookScenario(book: XlsxBook): StoredScenario | null {
  const sheet = findBookWorksheet(book, SCENARIO_SHEET);
  if (!sheet) return null;
  const grid = book.grid(sheet);
  const cells: unknown[] = [];
  for (let row = 1; row <= grid.lastRow; row++) {
    const value = grid.rows[row]?.[0];
    cells.push(typeof value === 'string' ? value : value == null ? '' : String(value));
  }
  return scenarioFromCells(cells);
}

/**
 * An Excel table: header and body from the sheet cells inside its range. A table without a header
 * row (`headerRowCount="0"`) gets its column names as headers and `headerRow` one above its first
 * row, so body addresses stay right.
 */
function readExcelTable(book: XlsxBook, table: BookTable): SheetTable {
  const grid = book.grid(table.sheet);
  const { range } = table;
  const width = range.right - range.left + 1;
  const hasHeader = table.headerRowCount > 0;
  const headerRow = hasHeader ? range.top : range.top - 1;
  const headers = hasHeader ? readRow(grid, range.top, range.left, width).map((value, i) => value ?? table.columns[i] ?? null) : table.columns.slice(0, width);
  const lastBodyRow = range.bottom - table.totalsRowCount;
  return {
    name: table.name,
    sheet: table.sheet.name,
    source: 'table',
    headerRow,
    firstColumn: range.left,
    headers,
    rows: readBody(grid, headerRow + 1, lastBodyRow, range.left, width),
  };
}

/** A plain sheet: headers in row 1 from column A up to the last non-blank header. */
function readPlainSheet(book: XlsxBook, sheet: BookSheet): SheetTable {
  const grid = book.grid(sheet);
  const headerCells = readRow(grid, 1, 1, grid.rows[1]?.length ?? 0);
  const width = widthToLastValue(headerCells);
  return {
    name: sheet.name,
    sheet: sheet.name,
    source: 'sheet',
    headerRow: 1,
    firstColumn: 1,
    headers: headerCells.slice(0, width),
    rows: width === 0 ? [] : readBody(grid, 2, grid.lastRow, 1, width),
  };
}

function widthToLastValue(cells: readonly CellValue[]): number {
  let width = cells.length;
  while (width > 0 && cells[width - 1] === null) width--;
  return width;
}

function readRow(grid: SheetGrid, rowNumber: number, firstColumn: number, width: number): CellValue[] {
  const values = new Array<CellValue>(width);
  const cells = grid.rows[rowNumber];
  for (let i = 0; i < width; i++) values[i] = cells?.[firstColumn - 1 + i] ?? null;
  return values;
}

/**
 * Rows `from..to` (inclusive), dropping trailing fully blank rows; rows past the sheet's last cell
 * are blank. A grid row that is exactly the table's row (the table starts in column A and the row
 * is as wide as the table, as in every sheet the template and most writers make) is used as it is,
 * not copied: the grid is read once and never changed, and a million-row sheet is not held twice.
 */
function readBody(grid: SheetGrid, from: number, to: number, firstColumn: number, width: number): CellValue[][] {
  const rows: CellValue[][] = [];
  let lastNonBlank = -1;
  const last = Math.min(to, grid.lastRow);
  for (let r = from; r <= last; r++) {
    const cells = grid.rows[r];
    const values = firstColumn === 1 && cells !== undefined && cells.length === width ? cells : readRow(grid, r, firstColumn, width);
    rows.push(values);
    for (let i = 0; i < width; i++) {
      if (values[i] !== null) {
        lastNonBlank = rows.length - 1;
        break;
      }
    }
  }
  rows.length = lastNonBlank + 1;
  return rows;
}
