/**
 * Creating input tables (template, "Create input template"): one new sheet and one Excel table per
 * missing table; existing tables and sheets are never touched. Data validation needs ExcelApi 1.8
 * and header notes ExcelApi 1.18; where the host lacks them, the tables are made without.
 */
import type { InputTableToWrite } from './port';
import { sameName } from './names';
import { rangeA1, sheetQualified } from './office-addresses';
import type { ExcelApiSupport } from './office-batch';
import { GENERAL_FORMAT, TEXT_FORMAT } from './office-cells';
import { officeValidation } from './office-validation';
import { writeRows, writeTextRow } from './office-write-rows';
import { numberFormat } from './xlsx-formats';
import { assertValidHeaders, assertValidSheetName, assertValidTableName } from './names';

/** Validation and formats reach this many rows below the body, so rows users add are covered too. */
const ROWS_BELOW = 1000;
const TABLE_STYLE = 'TableStyleLight9';

/** Text columns are text-formatted, so IDs like `00123` and periods like `2025-01` stay as typed. */
function inputColumnFormat(format: InputTableToWrite['columns'][number]['format']): string {
  if (!format) return GENERAL_FORMAT;
  return format === 'text' ? TEXT_FORMAT : numberFormat(format) ?? GENERAL_FORMAT;
}

export async function createInputTableSheets(context: Excel.RequestContext, tables: readonly InputTableToWrite[], supports: ExcelApiSupport): Promise<string[]> {
  const existingTables = context.workbook.tables.load('items/name');
  const existingSheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  const exists = (name: string): boolean => existingTables.items.some((table) => sameName(table.name, name)) || existingSheets.items.some((sheet) => sameName(sheet.name, name));
  const missing = tables.filter((table) => !exists(table.name));
  for (const table of missing) {
    assertValidSheetName(table.name);
    assertValidTableName(table.name);
    assertValidHeaders(table.name, table.columns.map((column) => column.header));
  }
  for (const table of missing) await writeInputTable(context, table, supports);
  return missing.map((table) => table.name);
}

async function writeInputTable(context: Excel.RequestContext, table: InputTableToWrite, supports: ExcelApiSupport): Promise<void> {
  const width = table.columns.length;
  const formats = table.columns.map((column) => inputColumnFormat(column.format));
  const sheet = context.workbook.worksheets.add(table.name);
  writeTextRow(sheet, 0, 0, table.columns.map((column) => column.header));
  // Sync before the body: a body chunk that is too large fails its whole batch and is retried alone.
  await context.sync();
  await writeRows(context, sheet, { row: 1, column: 0, width, rows: table.rows, columnFormats: formats });

  const bodyRows = Math.max(1, table.rows.length);
  const excelTable = sheet.tables.add(sheetQualified(table.name, rangeA1(0, 0, 1 + bodyRows, width)), true);
  excelTable.name = table.name;
  excelTable.style = TABLE_STYLE;
  sheet.freezePanes.freezeRows(1);

  const firstEmptyRow = 1 + table.rows.length;
  const endRow = 1 + bodyRows + ROWS_BELOW;
  const withValidation = supports('1.8');
  const withNotes = supports('1.18');
  table.columns.forEach((column, c) => {
    if (formats[c] !== GENERAL_FORMAT) sheet.getRangeByIndexes(firstEmptyRow, c, endRow - firstEmptyRow, 1).numberFormat = new Array(endRow - firstEmptyRow).fill([formats[c]]);
    const validation = withValidation && column.validation ? officeValidation(column.validation) : undefined;
    if (validation) {
      const cells = sheet.getRangeByIndexes(1, c, endRow - 1, 1).dataValidation;
      cells.ignoreBlanks = true;
      cells.rule = validation.rule;
      cells.errorAlert = validation.errorAlert;
    }
    if (withNotes && column.note) sheet.notes.add(sheet.getRangeByIndexes(0, c, 1, 1), column.note);
  });
  sheet.getRangeByIndexes(0, 0, 1 + bodyRows, width).format.autofitColumns();
  await context.sync();
}
