/**
 * Excel tables (ListObjects) as ExcelJS holds them, and the repairs ExcelJS 4.4 needs after loading.
 *
 * ExcelJS keeps a loaded table as the raw model parsed from `xl/tables/tableN.xml` (`tableRef`,
 * `autoFilterRef`, columns): its row cache and `ref` are only set for tables added in this session,
 * so positions always come from `tableRef` and values from the sheet cells.
 */
import type * as ExcelJS from 'exceljs';
import { parseRange, type CellRange } from './xlsx-address';
import { readCell } from './xlsx-cell-value';
import { sameName } from './names';

export interface TableColumnModel {
  name: string;
  filterButton?: boolean;
}

/** The parts of ExcelJS's table model this adapter uses (not all are in ExcelJS's typings). */
export interface TableModel {
  name: string;
  displayName?: string;
  /** Full range including header and totals rows; set on load and by `addTable`. */
  tableRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  autoFilterRef?: string;
  columns: TableColumnModel[];
  /** Set by the loader hook (xlsx-load-fixes.ts) when `headerRow` was read from the file. */
  headerRowFromFile?: boolean;
}

export interface LocatedTable {
  worksheet: ExcelJS.Worksheet;
  model: TableModel;
}

/** The table models of a worksheet. (ExcelJS's typing of `getTables()` is wrong: it returns tables.) */
export function tableModels(worksheet: ExcelJS.Worksheet): TableModel[] {
  const tables = worksheet.getTables() as unknown as { model: TableModel }[];
  return tables.map((table) => table.model);
}

export function allTables(workbook: ExcelJS.Workbook): LocatedTable[] {
  return workbook.worksheets.flatMap((worksheet) => tableModels(worksheet).map((model) => ({ worksheet, model })));
}


export function findTable(workbook: ExcelJS.Workbook, name: string): LocatedTable | undefined {
  return allTables(workbook).find(({ model }) => sameName(model.name, name) || (model.displayName !== undefined && sameName(model.displayName, name)));
}

export function findWorksheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return workbook.worksheets.find((worksheet) => sameName(worksheet.name, name));
}

export function tableRange(model: TableModel): CellRange | null {
  return model.tableRef ? parseRange(model.tableRef) : null;
}

/**
 * Fixes what ExcelJS 4.4 gets wrong about loaded tables, so they are read right and saved back
 * valid (exceljs issues #2184, #1959):
 * - Header row: see xlsx-load-fixes.ts. Should its hook not have run, decide from the sheet: a
 *   table with an auto filter has a header row, and otherwise a header row holds the column names.
 * - ExcelJS maps the auto filter's `filterColumn` entries to columns by position instead of `colId`
 *   and writes `hiddenButton="1"` for every column it found no entry for, which hides the filter
 *   buttons of every re-saved table. Every column of a table with a filter gets its button back
 *   (ExcelJS keeps no filter criteria on load anyway).
 */
export function repairLoadedTables(workbook: ExcelJS.Workbook): void {
  for (const { worksheet, model } of allTables(workbook)) {
    if (!model.headerRowFromFile && !model.headerRow) model.headerRow = model.autoFilterRef !== undefined || headerCellsAreColumnNames(worksheet, model);
    delete model.headerRowFromFile;
    if (model.autoFilterRef !== undefined && model.headerRow) {
      for (const column of model.columns) column.filterButton = true;
    }
  }
}

function headerCellsAreColumnNames(worksheet: ExcelJS.Worksheet, model: TableModel): boolean {
  const range = tableRange(model);
  if (!range) return false;
  const row = worksheet.findRow(range.top);
  return model.columns.every((column, i) => {
    const value = row?.findCell(range.left + i);
    return value !== undefined && String(readCell(value) ?? '') === column.name;
  });
}
