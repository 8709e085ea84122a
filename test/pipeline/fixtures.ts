/** Hand-made SheetTables for validation tests. */
import type { CellValue, SheetTable } from '../../src/workbook/port';

export interface TablePosition {
  /** Worksheet name; defaults to the table name. */
  sheet?: string;
  /** 1-based row of the header row; default 1. */
  headerRow?: number;
  /** 1-based column of the first column; default 1 (A). */
  firstColumn?: number;
}

/** A table from a 2-D array whose first row is the header row; short rows are padded with blanks. */
export function sheetTable(name: string, grid: CellValue[][], position: TablePosition = {}): SheetTable {
  const [headers = [], ...body] = grid;
  return {
    name,
    sheet: position.sheet ?? name,
    source: position.headerRow === undefined && position.firstColumn === undefined ? 'sheet' : 'table',
    headerRow: position.headerRow ?? 1,
    firstColumn: position.firstColumn ?? 1,
    headers,
    rows: body.map((row) => headers.map((_, i) => (i < row.length ? row[i] : null))),
  };
}

/** UTC midnight of a calendar day, as ExcelJS reads a date cell. */
export function utc(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}
