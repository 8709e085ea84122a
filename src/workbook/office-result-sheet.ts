/**
 * Building one result sheet in the open workbook: title in A1, the table header in row 3, the body
 * below in chunks, then the Excel table, number formats, frozen header, column widths and charts.
 * The sheet and its table are built under temporary names; office-results.ts swaps them in.
 */
import { resultSheetLayout, type ResultTable } from './port';
import { rangeA1, sheetQualified } from './office-addresses';
import type { ExcelApiSupport } from './office-batch';
import { GENERAL_FORMAT, TEXT_FORMAT } from './office-cells';
import { addCharts } from './office-charts';
import { writeRows, writeTextRow } from './office-write-rows';
import { numberFormat } from './xlsx-formats';

const TITLE_FONT_SIZE = 14;
const TABLE_STYLE = 'TableStyleMedium2';

export interface StagingNames {
  sheet: string;
  table: string;
}

/** Excel's number format for a result column: text columns are text-formatted so text stays text. */
export function resultColumnFormat(format: ResultTable['columns'][number]['format'], currency: string): string {
  return format === 'text' ? TEXT_FORMAT : numberFormat(format, currency) ?? GENERAL_FORMAT;
}

/** Points for a width in characters of the default font (7 px a character plus padding, 0.75 pt a pixel). */
export function characterWidthToPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75);
}

/** Builds the sheet under `names` and returns its id. Syncs once for the header, once per body chunk and once to finish. */
export async function stageResultSheet(context: Excel.RequestContext, table: ResultTable, names: StagingNames, currency: string, supports: ExcelApiSupport): Promise<string> {
  const width = table.columns.length;
  // 0-based rows of the shared layout (port.ts), so both hosts put everything in the same cells.
  const layout = resultSheetLayout(table);
  const HEADER_ROW = layout.headerRow - 1;
  const sheet = context.workbook.worksheets.add(names.sheet);
  sheet.load('id');
  const title = writeTextRow(sheet, layout.titleRow - 1, 0, [table.title]);
  title.format.font.bold = true;
  title.format.font.size = TITLE_FONT_SIZE;
  (table.description ?? []).forEach((line, i) => (writeTextRow(sheet, layout.descriptionRow - 1 + i, 0, [line]).format.font.italic = true));
  writeTextRow(sheet, HEADER_ROW, 0, table.columns.map((column) => column.header));
  // Header notes are ExcelApi 1.18, as on the input templates; without it the table is made without.
  if (supports('1.18')) table.columns.forEach((column, c) => column.note && sheet.notes.add(sheet.getRangeByIndexes(HEADER_ROW, c, 1, 1), column.note));
  await context.sync();

  await writeRows(context, sheet, {
    row: HEADER_ROW + 1,
    column: 0,
    width,
    rows: table.rows,
    columnFormats: table.columns.map((column) => resultColumnFormat(column.format, currency)),
    rowNumericFormat: table.rowFormats ? (r) => numericRowFormat(table.rowFormats?.[r], currency) : undefined,
  });

  // A table needs a body row: without rows it gets one blank row, as Excel itself does.
  const tableRows = 1 + Math.max(1, table.rows.length);
  const excelTable = sheet.tables.add(sheetQualified(names.sheet, rangeA1(HEADER_ROW, 0, tableRows, width)), true);
  excelTable.name = names.table;
  excelTable.style = TABLE_STYLE;
  sheet.freezePanes.freezeRows(HEADER_ROW + 1);
  // Autofit the table only: the title in A1 would make column A as wide as the title.
  sheet.getRangeByIndexes(HEADER_ROW, 0, tableRows, width).format.autofitColumns();
  table.columns.forEach((column, c) => {
    if (column.width) sheet.getRangeByIndexes(HEADER_ROW, c, 1, 1).format.columnWidth = characterWidthToPoints(column.width);
  });
  addCharts(sheet, table, HEADER_ROW);
  // Drawing the table and charts is the visible part; ExcelApi 1.9, so only where supported.
  if (supports('1.9')) context.workbook.application.suspendScreenUpdatingUntilNextSync();
  await context.sync();
  return sheet.id;
}

/** A row format applies to numbers only; `text` (and none) leaves numbers General. */
function numericRowFormat(format: ResultTable['columns'][number]['format'] | undefined, currency: string): string | undefined {
  if (!format) return undefined;
  return format === 'text' ? GENERAL_FORMAT : numberFormat(format, currency);
}
