/** A1-style range parsing for table references (`B3:E120`, `$B$3:$E$120`, or a single cell). */
import { columnLetters } from './port';

/** A rectangle of cells, 1-based and inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** Column number of column letters: A → 1, AA → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function parseCell(address: string): { row: number; column: number } | null {
  const match = CELL.exec(address.trim());
  return match ? { row: Number(match[2]), column: columnNumber(match[1]) } : null;
}

/** The range an A1 reference covers, or null when it is not a plain cell or range reference. */
export function parseRange(ref: string): CellRange | null {
  const [first, second = first, ...rest] = ref.split(':');
  if (rest.length > 0) return null;
  const a = parseCell(first);
  const b = parseCell(second);
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

export function formatRange(range: CellRange): string {
  return `${cellAddress(range.top, range.left)}:${cellAddress(range.bottom, range.right)}`;
}

/** `Sheet!A1:D200` or `'My sheet'!A1:D200` (apostrophes doubled inside quotes) split into sheet and range; null if malformed. */
export function parseSheetRange(address: string): { sheet: string; range: CellRange } | null {
  const bang = address.lastIndexOf('!');
  if (bang <= 0) return null;
  const sheetPart = address.slice(0, bang).trim();
  const quoted = /^'(.+)'$/.exec(sheetPart);
  const sheet = quoted ? quoted[1].replace(/''/g, "'") : sheetPart;
  const range = parseRange(address.slice(bang + 1));
  return sheet && range ? { sheet, range } : null;
}
