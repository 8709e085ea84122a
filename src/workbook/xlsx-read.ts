/** Reading input tables (Excel tables or plain sheets) from an ExcelJS workbook. */
import type * as ExcelJS from 'exceljs';
import type { CellValue, SheetTable } from './port';
import { parseSheetRange } from './xlsx-address';
import { readCell } from './xlsx-cell-value';
import { allTables, findTable, findWorksheet, tableRange, type LocatedTable } from './xlsx-tables';

export function readTableOrSheet(workbook: ExcelJS.Workbook, name: string): SheetTable | null {
  const table = findTable(workbook, name);
  if (table) return readExcelTable(table);
  const worksheet = findWorksheet(workbook, name);
  return worksheet ? readPlainSheet(worksheet) : null;
}

/**
 * A range (`Sheet!B2:E500`) read as a table: its first row holds the headers (trailing blank ones
 * dropped), the rest is the body. Null when the sheet does not exist or the address is malformed.
 */
export function readSheetRange(workbook: ExcelJS.Workbook, address: string): SheetTable | null {
  const parsed = parseSheetRange(address);
  const worksheet = parsed && findWorksheet(workbook, parsed.sheet);
  if (!parsed || !worksheet) return null;
  const { range } = parsed;
  const headerCells = readRow(worksheet, range.top, range.left, range.right - range.left + 1);
  const width = widthToLastValue(headerCells);
  return {
    name: address,
    sheet: worksheet.name,
    source: 'sheet',
    headerRow: range.top,
    firstColumn: range.left,
    headers: headerCells.slice(0, width),
    rows: width === 0 ? [] : readBody(worksheet, range.top + 1, range.bottom, range.left, width),
  };
}

/** Tables and sheets users can pick from; hidden bookkeeping sheets (`hide`) are left out. */
export function listTablesAndSheets(workbook: ExcelJS.Workbook, hide: (sheet: string) => boolean): { name: string; sheet: string; source: 'table' | 'sheet' }[] {
  return [
    ...allTables(workbook).map(({ worksheet, model }) => ({ name: model.name, sheet: worksheet.name, source: 'table' as const })),
    ...workbook.worksheets.filter((worksheet) => !hide(worksheet.name)).map((worksheet) => ({ name: worksheet.name, sheet: worksheet.name, source: 'sheet' as const })),
  ];
}

/**
 * An Excel table: header and body come from the sheet cells inside its range, never from ExcelJS's
 * table row cache (empty for loaded tables). A table without a header row (rare) gets its column
 * names as headers and `headerRow` one above its first row, so body addresses stay right.
 */
function readExcelTable({ worksheet, model }: LocatedTable): SheetTable {
  const range = tableRange(model);
  if (!range) throw new Error(`Excel table ${model.name} on sheet ${worksheet.name} has no valid range (${String(model.tableRef)}).`);
  const width = range.right - range.left + 1;
  const hasHeader = model.headerRow !== false;
  const headerRow = hasHeader ? range.top : range.top - 1;
  const headers = hasHeader
    ? readRow(worksheet, range.top, range.left, width).map((value, i) => value ?? model.columns[i]?.name ?? null)
    : model.columns.map((column) => column.name);
  const lastBodyRow = model.totalsRow ? range.bottom - 1 : range.bottom;
  return {
    name: model.name,
    sheet: worksheet.name,
    source: 'table',
    headerRow,
    firstColumn: range.left,
    headers,
    rows: readBody(worksheet, headerRow + 1, lastBodyRow, range.left, width),
  };
}

/** A plain sheet: headers in row 1 from column A up to the last non-blank header. */
function readPlainSheet(worksheet: ExcelJS.Worksheet): SheetTable {
  const headerCells = readRow(worksheet, 1, 1, worksheet.findRow(1)?.cellCount ?? 0);
  const width = widthToLastValue(headerCells);
  return {
    name: worksheet.name,
    sheet: worksheet.name,
    source: 'sheet',
    headerRow: 1,
    firstColumn: 1,
    headers: headerCells.slice(0, width),
    rows: width === 0 ? [] : readBody(worksheet, 2, worksheet.rowCount, 1, width),
  };
}

function widthToLastValue(cells: readonly CellValue[]): number {
  let width = cells.length;
  while (width > 0 && cells[width - 1] === null) width--;
  return width;
}

function readRow(worksheet: ExcelJS.Worksheet, rowNumber: number, firstColumn: number, width: number): CellValue[] {
  const values: CellValue[] = new Array<CellValue>(width).fill(null);
  const row = worksheet.findRow(rowNumber);
  if (!row) return values;
  for (let i = 0; i < width; i++) {
    const cell = row.findCell(firstColumn + i);
    if (cell) values[i] = readCell(cell);
  }
  return values;
}

/**
 * Rows `from..to` (inclusive), dropping trailing fully blank rows. `findRow`/`findCell` look up
 * existing rows and cells without creating them, unlike `getRow`/`getCell`.
 */
function readBody(worksheet: ExcelJS.Worksheet, from: number, to: number, firstColumn: number, width: number): CellValue[][] {
  const rows: CellValue[][] = [];
  let lastNonBlank = -1;
  // Rows past the sheet's last row are blank: a range down to row 1048576 costs nothing extra.
  const last = Math.min(to, worksheet.rowCount);
  for (let r = from; r <= last; r++) {
    const values = readRow(worksheet, r, firstColumn, width);
    rows.push(values);
    if (values.some((value) => value !== null)) lastNonBlank = rows.length - 1;
  }
  rows.length = lastNonBlank + 1;
  return rows;
}
