/** Creating input tables (template, sample workbook): one sheet and one Excel table per input table. */
import type * as ExcelJS from 'exceljs';
import type { InputTableToWrite, InputValidation } from './port';
import { cellAddress, type CellRange } from './xlsx-address';
import { estimateWidth, numberFormat } from './xlsx-formats';
import { assertValidHeaders, assertValidSheetName, assertValidTableName } from './names';
import { findTable, findWorksheet } from './xlsx-tables';
import { writeTable } from './xlsx-write-table';

/** Validation reaches this many rows below the body, so rows users add are checked too. */
const VALIDATION_ROWS_BELOW = 1000;
/** Excel's limit on an inline list (`"a,b,c"`) in a data validation. */
const MAX_INLINE_LIST = 255;
/** Excel's limit on a validation error message. */
const MAX_ERROR_MESSAGE = 225;
/** Bounds for an unbounded number check: Excel needs one, and this keeps it about type only. */
const NO_BOUND = 1e15;

/** Adds the tables that exist neither as an Excel table nor as a sheet; returns the names created. */
export function createInputTableSheets(workbook: ExcelJS.Workbook, tables: InputTableToWrite[]): string[] {
  const missing = tables.filter((table) => !findTable(workbook, table.name) && !findWorksheet(workbook, table.name));
  for (const table of missing) {
    assertValidSheetName(table.name);
    assertValidTableName(table.name);
    assertValidHeaders(table.name, table.columns.map((column) => column.header));
  }
  for (const table of missing) writeInputTable(workbook, table);
  return missing.map((table) => table.name);
}

function writeInputTable(workbook: ExcelJS.Workbook, table: InputTableToWrite): void {
  const worksheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
  const body = writeTable(worksheet, {
    name: table.name,
    row: 1,
    column: 1,
    headers: table.columns.map((column) => column.header),
    rows: table.rows,
    theme: 'TableStyleLight9',
    numberFormats: table.columns.map((column) => (column.format ? numberFormat(column.format) : undefined)),
  });
  const validated: CellRange = { ...body, bottom: body.bottom + VALIDATION_ROWS_BELOW };
  table.columns.forEach((column, i) => {
    if (column.note) worksheet.getCell(1, i + 1).note = column.note;
    const validation = column.validation && dataValidation(column.validation);
    if (validation) addDataValidation(worksheet, { ...validated, left: i + 1, right: i + 1 }, validation);
    worksheet.getColumn(i + 1).width = estimateWidth(column.header, column.format ?? 'text', '', table.rows, i);
  });
}

/** The ExcelJS data validation for a column, or undefined when Excel cannot express it inline. */
export function dataValidation(validation: InputValidation): ExcelJS.DataValidation | undefined {
  if (validation.kind === 'list') {
    const list = validation.values.join(',');
    // An inline list cannot hold commas or quotes inside values and is limited in length.
    if (validation.values.some((value) => /[,"]/.test(value)) || list.length > MAX_INLINE_LIST) return undefined;
    return {
      type: 'list',
      allowBlank: true,
      formulae: [`"${list}"`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: 'Invalid value',
      error: limitMessage(`Choose one of: ${validation.values.join(', ')}.`),
    };
  }
  const { kind, min, max } = validation;
  const what = kind === 'whole' ? 'a whole number' : 'a number';
  const [operator, formulae, rule] =
    min !== undefined && max !== undefined ? (['between', [min, max], `${what} from ${min} to ${max}`] as const)
    : min !== undefined ? (['greaterThanOrEqual', [min], `${what} of at least ${min}`] as const)
    : max !== undefined ? (['lessThanOrEqual', [max], `${what} of at most ${max}`] as const)
    : (['between', [-NO_BOUND, NO_BOUND], what] as const);
  return {
    type: kind,
    operator,
    allowBlank: true,
    formulae: formulae.map(formulaNumber),
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Invalid value',
    error: limitMessage(`Enter ${rule}.`),
  };
}

/** A number as Excel reads it in a formula: never in exponent notation. */
function formulaNumber(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return Math.abs(value) >= 1 ? value.toFixed(0) : value.toFixed(20).replace(/0+$/, '');
}

function limitMessage(message: string): string {
  return message.length <= MAX_ERROR_MESSAGE ? message : `${message.slice(0, MAX_ERROR_MESSAGE - 1)}…`;
}

/**
 * `worksheet.dataValidations` is ExcelJS's per-sheet validation map (missing from its typings).
 * Adding a range key keeps one entry instead of one per cell.
 */
function addDataValidation(worksheet: ExcelJS.Worksheet, range: CellRange, validation: ExcelJS.DataValidation): void {
  const validations = (worksheet as unknown as { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
  validations.add(`${cellAddress(range.top, range.left)}:${cellAddress(range.bottom, range.right)}`, validation);
}
