/**
 * Reading input tables from the open workbook: an Excel table by name, else a plain sheet, or a
 * given range. Only names are loaded to find things; cells are read in row chunks sized by cells,
 * each chunk one sync loading exactly `values`, `valueTypes` and `numberFormat` (to tell dates and
 * errors apart).
 */
import type { CellValue, SheetTable } from './port';
import { sameName } from './names';
import { chunkRows, inChunks, READ_MATRICES } from './office-batch';
import { readRowValues } from './office-cells';
import { parseSheetRange } from './xlsx-address';

/** A rectangle of cells, 0-based, as Office.js indexes them. */
interface Block {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export async function readTableOrSheet(context: Excel.RequestContext, name: string): Promise<SheetTable | null> {
  const tables = context.workbook.tables.load('items/name');
  const sheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  const table = tables.items.find((candidate) => sameName(candidate.name, name));
  if (table) return readExcelTable(context, table);
  const sheet = sheets.items.find((candidate) => sameName(candidate.name, name));
  return sheet ? readPlainSheet(context, sheet) : null;
}

/**
 * A range (`Sheet!B2:E500`) read as a table: first row headers (trailing blank ones dropped), the
 * rest the body. The range is cut to the sheet's used range first, so `A1:H1048576` reads only
 * what holds values. Null when the sheet does not exist or the address is malformed.
 */
export async function readSheetRange(context: Excel.RequestContext, address: string): Promise<SheetTable | null> {
  const parsed = parseSheetRange(address);
  if (!parsed) return null;
  const sheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  const sheet = sheets.items.find((candidate) => sameName(candidate.name, parsed.sheet));
  if (!sheet) return null;
  const { range } = parsed;
  const used = await usedBlock(context, sheet);
  const bottom = used ? Math.min(range.bottom, used.row + used.rows) : 0;
  const right = used ? Math.min(range.right, used.column + used.columns) : 0;
  const { headers, rows } =
    bottom >= range.top && right >= range.left
      ? await readHeadedBlock(context, sheet, { row: range.top - 1, column: range.left - 1, rows: bottom - range.top + 1, columns: right - range.left + 1 }, 'trim')
      : { headers: [], rows: [] };
  return { name: address, sheet: sheet.name, source: 'sheet', headerRow: range.top, firstColumn: range.left, headers, rows };
}

/** A table's header, body and position; the totals row is left out, a table without a header row takes its column names. */
async function readExcelTable(context: Excel.RequestContext, table: Excel.Table): Promise<SheetTable> {
  table.load('name,showHeaders,showTotals');
  const worksheet = table.worksheet.load('name');
  const range = table.getRange().load('rowIndex,columnIndex,rowCount,columnCount');
  const columns = table.columns.load('items/name');
  await context.sync();
  const block: Block = { row: range.rowIndex, column: range.columnIndex, rows: range.rowCount - (table.showTotals ? 1 : 0), columns: range.columnCount };
  const columnNames = columns.items.map((column) => column.name);
  const base = { name: table.name, sheet: worksheet.name, source: 'table' as const, firstColumn: block.column + 1 };
  if (!table.showHeaders) {
    const rows = await readBody(context, worksheet, block, block.columns);
    return { ...base, headerRow: block.row, headers: columnNames, rows };
  }
  const { headers, rows } = await readHeadedBlock(context, worksheet, block, 'keep');
  return { ...base, headerRow: block.row + 1, headers: headers.map((header, i) => header ?? columnNames[i] ?? null), rows };
}

/** A plain sheet: headers in row 1 from column A to the last non-blank one, the body below to the last used row. */
async function readPlainSheet(context: Excel.RequestContext, sheet: Excel.Worksheet): Promise<SheetTable> {
  const used = await usedBlock(context, sheet);
  const { headers, rows } = used ? await readHeadedBlock(context, sheet, { row: 0, column: 0, rows: used.row + used.rows, columns: used.column + used.columns }, 'trim') : { headers: [], rows: [] };
  return { name: sheet.name, sheet: sheet.name, source: 'sheet', headerRow: 1, firstColumn: 1, headers, rows };
}

/** The sheet's used range (cells with values, not just formats), or null for an empty sheet. */
async function usedBlock(context: Excel.RequestContext, sheet: Excel.Worksheet): Promise<Block | null> {
  const used = sheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
  await context.sync();
  return used.isNullObject ? null : { row: used.rowIndex, column: used.columnIndex, rows: used.rowCount, columns: used.columnCount };
}

/** First row as headers (`trim`: up to the last non-blank one), the rest as the body, cut to the header width. */
async function readHeadedBlock(context: Excel.RequestContext, sheet: Excel.Worksheet, block: Block, headerWidth: 'trim' | 'keep'): Promise<{ headers: CellValue[]; rows: CellValue[][] }> {
  let headers: CellValue[] | null = null;
  const rows: CellValue[][] = [];
  let lastNonBlank = -1;
  await readRows(context, sheet, block, (row) => {
    if (headers === null) {
      headers = headerWidth === 'trim' ? row.slice(0, widthToLastValue(row)) : row;
      return;
    }
    if (headers.length === 0) return;
    const cut = row.length === headers.length ? row : row.slice(0, headers.length);
    rows.push(cut);
    if (cut.some((value) => value !== null)) lastNonBlank = rows.length - 1;
  });
  rows.length = lastNonBlank + 1;
  return { headers: headers ?? [], rows };
}

/** Every row of the block as the body, trailing blank rows dropped. */
async function readBody(context: Excel.RequestContext, sheet: Excel.Worksheet, block: Block, width: number): Promise<CellValue[][]> {
  const rows: CellValue[][] = [];
  let lastNonBlank = -1;
  await readRows(context, sheet, { ...block, columns: width }, (row) => {
    rows.push(row);
    if (row.some((value) => value !== null)) lastNonBlank = rows.length - 1;
  });
  rows.length = lastNonBlank + 1;
  return rows;
}

/**
 * Reads the block in row chunks, one sync each, handing every normalised row to `onRow` in order.
 * A chunk loads three matrices (values, value types, number formats), and is sized so that all
 * three together hold about CHUNK_CELLS cells: a wide table gets fewer rows a chunk. Past five
 * million cells Excel may return `values` as null instead of failing; that counts as too large
 * too, so the chunk is halved.
 */
async function readRows(context: Excel.RequestContext, sheet: Excel.Worksheet, block: Block, onRow: (row: CellValue[]) => void): Promise<void> {
  if (block.rows <= 0 || block.columns <= 0) return;
  const size = { initial: chunkRows(block.columns, READ_MATRICES), cellsPerItem: block.columns * READ_MATRICES };
  await inChunks(block.rows, size, async (start, count) => {
    const range = sheet.getRangeByIndexes(block.row + start, block.column, count, block.columns).load('values,valueTypes,numberFormat');
    await context.sync();
    const { values, valueTypes, numberFormat } = range;
    if (!Array.isArray(values) || values.length !== count) throw Object.assign(new Error('Excel returned no values for the range.'), { code: 'RangeExceedsLimit' });
    for (let r = 0; r < count; r++) onRow(readRowValues(values[r], valueTypes[r], numberFormat[r], block.columns));
  });
}

function widthToLastValue(cells: readonly CellValue[]): number {
  let width = cells.length;
  while (width > 0 && cells[width - 1] === null) width--;
  return width;
}
