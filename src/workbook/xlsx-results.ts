/**
 * Writing result tables: every result sheet of the previous run is replaced, nothing else changes.
 * ExcelJS cannot write native charts, so `ResultTable.charts` is ignored here (the Office.js
 * adapter draws them); the result tables hold the charted data either way.
 */
import type * as ExcelJS from 'exceljs';
import { resultSheetLayout, type ResultBundle, type ResultTable } from './port';
import { numberFormat, estimateWidth } from './xlsx-formats';
import { assertBundleFits, sameName } from './names';
import { allTables } from './xlsx-tables';
import { keepActiveTabVisible } from './xlsx-views';
import { sharedNumberFormat, writeTable } from './xlsx-write-table';

/**
 * Replaces the results as a unit. Everything is checked before the workbook changes; the new sheets
 * are then built under temporary names, and only when all are complete are the old result sheets
 * removed and the new ones renamed. A failure part-way leaves the previous results in place.
 */
export function writeResultSheets(workbook: ExcelJS.Workbook, bundle: ResultBundle): void {
  assertBundleFits(bundle, keptTables(workbook, bundle));
  const built: ExcelJS.Worksheet[] = [];
  try {
    bundle.tables.forEach((table, i) => {
      const worksheet = workbook.addWorksheet(`~spp-new-result-${i + 1}`);
      built.push(worksheet);
      fillResultSheet(worksheet, table, bundle.currency);
    });
  } catch (error) {
    for (const worksheet of built) workbook.removeWorksheet(worksheet.id);
    throw error;
  }
  for (const worksheet of workbook.worksheets) {
    if (bundle.resultSheets.some((name) => sameName(name, worksheet.name))) workbook.removeWorksheet(worksheet.id);
  }
  built.forEach((worksheet, i) => (worksheet.name = bundle.tables[i].sheet));
  keepActiveTabVisible(workbook);
}

/** Tables that stay: every table not on a sheet the results own. */
function keptTables(workbook: ExcelJS.Workbook, bundle: ResultBundle): { table: string; sheet: string }[] {
  return allTables(workbook)
    .filter(({ worksheet }) => !bundle.resultSheets.some((sheet) => sameName(sheet, worksheet.name)))
    .map(({ model, worksheet }) => ({ table: model.name, sheet: worksheet.name }));
}

function fillResultSheet(worksheet: ExcelJS.Worksheet, table: ResultTable, currency: string): void {
  const layout = resultSheetLayout(table);
  const headerRow = layout.headerRow;
  worksheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
  const title = worksheet.getCell(layout.titleRow, 1);
  title.value = table.title;
  title.font = { bold: true, size: 14 };
  (table.description ?? []).forEach((line, i) => {
    const cell = worksheet.getCell(layout.descriptionRow + i, 1);
    cell.value = line;
    cell.font = { italic: true };
  });

  const headers = table.columns.map((column) => column.header);
  writeTable(worksheet, {
    name: table.tableName,
    row: headerRow,
    column: 1,
    headers,
    rows: table.rows,
    theme: 'TableStyleMedium2',
    numberFormats: table.columns.map((column) => numberFormat(column.format, currency)),
  });
  applyRowFormats(worksheet, table, currency, headerRow);
  table.columns.forEach((column, i) => {
    if (column.note) worksheet.getCell(headerRow, i + 1).note = column.note;
    worksheet.getColumn(i + 1).width = column.width ?? estimateWidth(column.header, column.format, currency, table.rows, i);
  });
}

/** Key/value tables (the summary) format numbers row by row: a count, an amount, a percentage. */
function applyRowFormats(worksheet: ExcelJS.Worksheet, table: ResultTable, currency: string, headerRow: number): void {
  if (!table.rowFormats) return;
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  table.rowFormats.forEach((format, r) => {
    const code = numberFormat(format, currency);
    const row = worksheet.getRow(headerRow + 1 + r);
    table.rows[r]?.forEach((value, c) => {
      if (typeof value === 'number') row.getCell(c + 1).style = code ? sharedNumberFormat(styles, code) : {};
    });
  });
}
