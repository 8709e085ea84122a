/**
 * Building one result sheet in the open workbook, in the shared layout (port.ts
 * resultSheetLayout): title in A1, description lines under it, the table header, the body below
 * in chunks; then the Excel table, frozen header, column widths, header notes and charts.
 *
 * Two kinds of staging sheet (office-results*.ts swap them in):
 * - complete: everything above, under a temporary sheet and table name, for a result sheet that
 *   is new (or replaces one that has lost its table);
 * - cells only: title, description, header and body with their number formats and fonts, no table,
 *   hidden, for a result sheet that is kept in place: its contents are copied onto the kept sheet.
 */
import { resultSheetLayout, type ResultTable } from './port';
import { rangeA1, sheetQualified } from './office-addresses';
import type { ExcelApiSupport } from './office-batch';
import { GENERAL_FORMAT, TEXT_FORMAT } from './office-cells';
import { addCharts } from './office-charts';
import { writeRows, writeTextRow } from './office-write-rows';
import { numberFormat } from './xlsx-formats';

const TITLE_FONT_SIZE = 14;
export const RESULT_TABLE_STYLE = 'TableStyleMedium2';

export interface StagingNames {
  sheet: string;
  /** The temporary table name; absent for a cells-only staging sheet. */
  table?: string;
}

/** Excel's number format for a result column: text columns are text-formatted so text stays text. */
export function resultColumnFormat(format: ResultTable['columns'][number]['format'], currency: string): string {
  return format === 'text' ? TEXT_FORMAT : numberFormat(format, currency) ?? GENERAL_FORMAT;
}

/** Points for a width in characters of the default font (7 px a character plus padding, 0.75 pt a pixel). */
export function characterWidthToPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75);
}

/** Where the table goes (0-based): its header row, and its size with the header (an empty table keeps one blank body row, as Excel does). */
export function resultTableBlock(table: ResultTable): { headerRow: number; tableRows: number; width: number; blockRows: number } {
  const headerRow = resultSheetLayout(table).headerRow - 1;
  const tableRows = 1 + Math.max(1, table.rows.length);
  return { headerRow, tableRows, width: table.columns.length, blockRows: headerRow + tableRows };
}

/**
 * Builds the staging sheet under `names` and returns its id. Syncs once for the heading, once per
 * body chunk and once to finish.
 */
export async function stageResultSheet(context: Excel.RequestContext, table: ResultTable, names: StagingNames, currency: string, supports: ExcelApiSupport): Promise<string> {
  const { headerRow, tableRows, width } = resultTableBlock(table);
  const layout = resultSheetLayout(table);
  const sheet = context.workbook.worksheets.add(names.sheet);
  sheet.load('id');
  // A cells-only sheet is bookkeeping: hidden, so users do not see it appear and go.
  if (!names.table) sheet.visibility = 'Hidden';
  const title = writeTextRow(sheet, layout.titleRow - 1, 0, [table.title]);
  title.format.font.bold = true;
  title.format.font.size = TITLE_FONT_SIZE;
  (table.description ?? []).forEach((line, i) => (writeTextRow(sheet, layout.descriptionRow - 1 + i, 0, [line]).format.font.italic = true));
  writeTextRow(sheet, headerRow, 0, table.columns.map((column) => column.header));
  await context.sync();

  await writeRows(context, sheet, {
    row: headerRow + 1,
    column: 0,
    width,
    rows: table.rows,
    columnFormats: table.columns.map((column) => resultColumnFormat(column.format, currency)),
    rowNumericFormat: table.rowFormats ? (r) => numericRowFormat(table.rowFormats?.[r], currency) : undefined,
  });
  if (!names.table) return sheet.id;

  const excelTable = sheet.tables.add(sheetQualified(names.sheet, rangeA1(headerRow, 0, tableRows, width)), true);
  excelTable.name = names.table;
  excelTable.style = RESULT_TABLE_STYLE;
  formatResultSheet(context, sheet, table, supports);
  await context.sync();
  return sheet.id;
}

/**
 * Queues what goes around the table's cells (no sync): frozen header, column widths, header
 * notes (ExcelApi 1.18) and charts. Used for new sheets and for sheets kept in place.
 */
export function formatResultSheet(context: Excel.RequestContext, sheet: Excel.Worksheet, table: ResultTable, supports: ExcelApiSupport): void {
  const { headerRow, tableRows, width } = resultTableBlock(table);
  sheet.freezePanes.freezeRows(headerRow + 1);
  // Autofit the table only: the title in A1 would make column A as wide as the title.
  sheet.getRangeByIndexes(headerRow, 0, tableRows, width).format.autofitColumns();
  table.columns.forEach((column, c) => {
    if (column.width) sheet.getRangeByIndexes(headerRow, c, 1, 1).format.columnWidth = characterWidthToPoints(column.width);
  });
  // Header notes are ExcelApi 1.18, as on the input templates; without it the table is made without.
  if (supports('1.18')) table.columns.forEach((column, c) => column.note && sheet.notes.add(sheet.getRangeByIndexes(headerRow, c, 1, 1), column.note));
  addCharts(sheet, table, headerRow);
  // Drawing the table and charts is the visible part; ExcelApi 1.9, so only where supported.
  if (supports('1.9')) context.workbook.application.suspendScreenUpdatingUntilNextSync();
}

/** A row format applies to numbers only; `text` (and none) leaves numbers General. */
function numericRowFormat(format: ResultTable['columns'][number]['format'] | undefined, currency: string): string | undefined {
  if (!format) return undefined;
  return format === 'text' ? GENERAL_FORMAT : numberFormat(format, currency);
}
