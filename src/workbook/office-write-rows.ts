/**
 * Writing table rows (values with their number formats) in chunks sized by cells: one sync per
 * chunk, none per row. Number formats are set before values in the same batch, so text lands in
 * text-formatted cells and is stored as typed (see cellToWrite).
 */
import type { CellValue } from './port';
import { chunkRows, inChunks, WRITE_MATRICES } from './office-batch';
import { cellToWrite, TEXT_FORMAT, type CellFormatting } from './office-cells';

export interface RowsToWrite {
  /** 0-based worksheet row of the first row written, and column of the first cell. */
  row: number;
  column: number;
  width: number;
  rows: readonly CellValue[][];
  /** Number format of each column (`@` for text columns, `General` for none). */
  columnFormats: readonly string[];
  /** Number format for the numeric cells of a row, overriding the column's (key/value tables). */
  rowNumericFormat?: (rowIndex: number) => string | undefined;
}

export async function writeRows(context: Excel.RequestContext, sheet: Excel.Worksheet, table: RowsToWrite): Promise<void> {
  const { width } = table;
  if (table.rows.length === 0 || width === 0) return;
  // Two matrices a chunk (number formats and values), about CHUNK_CELLS cells together.
  await inChunks(table.rows.length, { initial: chunkRows(width, WRITE_MATRICES), cellsPerItem: width * WRITE_MATRICES }, async (start, count) => {
    const values: (string | number | boolean)[][] = new Array(count);
    const formats: string[][] = new Array(count);
    for (let r = 0; r < count; r++) {
      const source = table.rows[start + r];
      const numeric = table.rowNumericFormat?.(start + r);
      const rowValues = new Array<string | number | boolean>(width);
      const rowFormats = new Array<string>(width);
      for (let c = 0; c < width; c++) {
        const formatting: CellFormatting = { column: table.columnFormats[c], numeric };
        [rowValues[c], rowFormats[c]] = cellToWrite(source[c] ?? null, formatting);
      }
      values[r] = rowValues;
      formats[r] = rowFormats;
    }
    const range = sheet.getRangeByIndexes(table.row + start, table.column, count, width);
    range.numberFormat = formats;
    range.values = values;
    // Formulas elsewhere that depend on these cells need not recalculate after every chunk (ExcelApi 1.6).
    context.workbook.application.suspendApiCalculationUntilNextSync();
    await context.sync();
  });
}

/** Writes one row of text (title, headers) into text-formatted cells, so it is stored exactly. */
export function writeTextRow(sheet: Excel.Worksheet, row: number, column: number, texts: readonly string[]): Excel.Range {
  const range = sheet.getRangeByIndexes(row, column, 1, texts.length);
  range.numberFormat = [texts.map(() => TEXT_FORMAT)];
  range.values = [texts.slice()];
  return range;
}
