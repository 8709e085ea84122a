/**
 * The workbook port: everything the pipeline needs from a workbook, independent of the host.
 * Adapters: `.xlsx` files read and written as packages (xlsx-book.ts; CLI and standalone browser mode) and the open workbook
 * through Office.js (the add-in). The pipeline never talks to a host any other way.
 */

/** An Excel error value such as `#N/A` or `#DIV/0!`. */
export interface CellError {
  error: string;
  /** The formula of a cell whose value was never calculated (error UNCALCULATED_FORMULA). */
  formulaText?: string;
}

/**
 * The error of a formula cell with no calculated value: written by a program that stores formulas
 * without calculating them (openpyxl, XlsxWriter) and never opened in Excel since. Not an Excel error
 * code; validation reports it as a formula that needs calculating.
 */
export const UNCALCULATED_FORMULA = '#UNCALCULATED';

/**
 * A cell value as the pipeline sees it. Formulas are read as their cached result, rich text as
 * plain text, hyperlinks as their text, dates as JavaScript Dates (UTC midnight for whole days).
 */
export type CellValue = string | number | boolean | Date | null | CellError;

export function isCellError(value: unknown): value is CellError {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && typeof (value as CellError).error === 'string';
}

/** An input table read from the workbook, with enough position to address every cell. */
export interface SheetTable {
  /** The name it was found under: the Excel table's name, or the sheet's name. */
  name: string;
  /** The worksheet holding it. */
  sheet: string;
  /** 'table' for an Excel table (ListObject), 'sheet' for a plain sheet with headers in row 1. */
  source: 'table' | 'sheet';
  /** 1-based worksheet row of the header row. */
  headerRow: number;
  /** 1-based worksheet column of the first column. */
  firstColumn: number;
  /** Header cells, left to right. */
  headers: CellValue[];
  /**
   * Body rows, each as long as `headers`; trailing fully blank rows are dropped (of a plain sheet,
   * and of a table, whose empty last row Excel keeps). Empty text counts as blank (null).
   */
  rows: CellValue[][];
}

/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A1 address of body cell (rowIndex, columnIndex), both 0-based within the table body. */
export function bodyCellAddress(table: SheetTable, rowIndex: number, columnIndex: number): string {
  return `${columnLetters(table.firstColumn + columnIndex)}${table.headerRow + 1 + rowIndex}`;
}

/** A1 address of the header cell of a 0-based column. */
export function headerCellAddress(table: SheetTable, columnIndex: number): string {
  return `${columnLetters(table.firstColumn + columnIndex)}${table.headerRow}`;
}

/** How a result column is shown. Currency uses the code given in ResultBundle.currency. */
export type ColumnFormat = 'text' | 'integer' | 'decimal' | 'percent' | 'currency' | 'date';

export interface ResultColumn {
  header: string;
  format: ColumnFormat;
  /** Approximate width in characters; adapters may autofit instead. */
  width?: number;
  /** One or two sentences shown as the header cell's note, where the host supports notes. */
  note?: string;
}

/** A native chart fed from a result table's columns. */
export interface ChartSpec {
  /** `xyScatterLines`: x–y points joined by lines in row order (a frontier, a trend over numeric x). */
  kind: 'columnClustered' | 'xyScatter' | 'xyScatterLines' | 'line' | 'bar';
  title: string;
  xAxisTitle: string;
  yAxisTitle: string;
  /** Header of the column holding categories (column charts) or x values (scatter). */
  categoryColumn: string;
  /** Headers of the columns plotted as series. */
  seriesColumns: string[];
  /** Plot only these body rows (0-based first row, count); every body row when absent. */
  rows?: { first: number; count: number };
}

/** One result sheet with one formatted Excel table on it. */
export interface ResultTable {
  /** Worksheet name (reserved for results; replaced on every run). */
  sheet: string;
  /** Excel table name (letters, digits, `_`; unique in the workbook). */
  tableName: string;
  /** A title written above the table. */
  title: string;
  /** Two or three short lines under the title: what the sheet shows and how to read it. */
  description?: readonly string[];
  columns: ResultColumn[];
  rows: CellValue[][];
  /** Per-row number format overriding the column's for numeric cells, for key/value tables such as the summary. */
  rowFormats?: ColumnFormat[];
  charts?: ChartSpec[];
}

/**
 * Where the parts of a result sheet go, the same in every host (1-based worksheet rows): the title in
 * row 1, the description lines below it, one blank row, then the table's header row.
 */
export interface ResultSheetLayout {
  titleRow: number;
  /** Row of the first description line (there are `description.length` of them). */
  descriptionRow: number;
  headerRow: number;
}

export function resultSheetLayout(table: Pick<ResultTable, 'description'>): ResultSheetLayout {
  const lines = table.description?.length ?? 0;
  return { titleRow: 1, descriptionRow: 2, headerRow: lines + 3 };
}

export interface ResultBundle {
  tables: ResultTable[];
  /**
   * Every sheet name that results own. A result sheet that already exists and is in `tables` keeps its
   * tab position, its name and its table (so references to it survive a re-run) and gets the new
   * contents; a sheet named here but not in `tables` is removed; a new result sheet goes right after the
   * last existing result sheet, or at the end when there is none.
   */
  resultSheets: readonly string[];
  /** ISO 4217 code for currency columns. */
  currency: string;
}

/** Data validation written for an input column of the template. */
export type InputValidation =
  | { kind: 'list'; values: readonly string[] }
  | { kind: 'decimal' | 'whole'; min?: number; max?: number };

/** An input table to create (template, sample workbook, "Create input template"). */
export interface InputTableToWrite {
  /** Sheet and table name (the contract's table name). */
  name: string;
  columns: { header: string; note: string; validation?: InputValidation; format?: ColumnFormat }[];
  rows: CellValue[][];
}

/** What is stored with the workbook so that anyone who opens it can reproduce the last run. */
export interface StoredScenario {
  version: 1;
  /** The scenario of the pipeline (src/pipeline/run.ts Scenario), as plain JSON. */
  scenario: Record<string, unknown>;
  lastRun?: { timestamp: string; engineVersion: string };
  /** Named scenarios: overrides on top of `scenario` (src/pipeline/scenario-book.ts), as plain JSON. */
  named?: Record<string, unknown>;
  /** The headline figures of the last run of each scenario, by name, as plain JSON. */
  runs?: Record<string, unknown>;
}

/** Name of the very hidden sheet that holds the StoredScenario as JSON in cell A1 (both hosts). */
export const SCENARIO_SHEET = 'SPP Scenario';

export interface WorkbookPort {
  /** The Excel table (ListObject) with this name, else the sheet with this name (headers in row 1), else null. Matching ignores case. */
  readTable(name: string): Promise<SheetTable | null>;
  /**
   * A range given as `Sheet!A1:D200` (or `'My sheet'!A1:D200`) read as a table: first row
   * headers, the rest the body (trailing blank rows dropped); null when the sheet does not exist.
   */
  readRange(address: string): Promise<SheetTable | null>;
  /** The scenario stored in the workbook, or null. */
  readScenario(): Promise<StoredScenario | null>;
  /** Stores the scenario in the workbook (a very hidden sheet, SCENARIO_SHEET), replacing the previous one. */
  writeScenario(scenario: StoredScenario): Promise<void>;
  /** Names of all sheets and Excel tables, to tell users what was found. */
  listTables(): Promise<{ name: string; sheet: string; source: 'table' | 'sheet' }[]>;
  /**
   * Replace the previous results with these, as a unit (see ResultBundle.resultSheets for which sheets
   * are kept in place, removed and added); nothing else in the workbook changes. If writing fails, the
   * previous results stay or the new ones are complete, never a mix.
   */
  writeResults(results: ResultBundle): Promise<void>;
  /** Add these input tables on new sheets; tables that already exist are left untouched. Returns the names created. */
  createInputTables(tables: InputTableToWrite[]): Promise<string[]>;
}
