/** A1 addresses for Office.js calls, built from 0-based row and column indexes. */
import { columnLetters } from './port';

/** `B3` for row 2, column 1 (both 0-based). */
export function cellA1(row: number, column: number): string {
  return `${columnLetters(column + 1)}${row + 1}`;
}

/** `A3:F20` for a block of `rows` × `columns` cells from (row, column), 0-based. */
export function rangeA1(row: number, column: number, rows: number, columns: number): string {
  return `${cellA1(row, column)}:${cellA1(row + rows - 1, column + columns - 1)}`;
}

/** `'My sheet'!A1:B2`: always quoted, apostrophes doubled, so any sheet name is safe. */
export function sheetQualified(sheet: string, a1: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${a1}`;
}

