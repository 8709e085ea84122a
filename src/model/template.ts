/**
 * The input template (`spp template`, "Create input template"): one table per contract table, with
 * header notes, data validation, number formats and consistent example rows. Everything is derived
 * from the contract, so the template cannot drift from what validation accepts.
 */
import type { CellValue, ColumnFormat, InputTableToWrite, InputValidation } from '../workbook/port';
import { SETTINGS_SPEC, TABLES, tableSpec, type ColumnSpec, type Scalar, type TableSpec } from './contract';
import { assessmentRecords, assumptionRecords } from './mom-template';

export type InputColumn = InputTableToWrite['columns'][number];

/** Every contract table, in contract order, with example rows that reference each other. */
export function inputTemplate(): InputTableToWrite[] {
  return TABLES.map((table) => ({ name: table.name, columns: inputColumns(table), rows: exampleRows(table) }));
}

/** Template columns of a table: contract keys as headers, in contract order. */
export function inputColumns(table: TableSpec): InputColumn[] {
  return table.columns.map((column) => {
    const input: InputColumn = { header: column.key, note: columnNote(column) };
    const validation = columnValidation(column);
    if (validation) input.validation = validation;
    const format = columnFormat(column);
    if (format) input.format = format;
    return input;
  });
}

/** The contract note followed by whether the column must be filled in. */
export function columnNote(column: ColumnSpec): string {
  return `${column.note} ${requirementText(column)}`;
}

export function requirementText(column: ColumnSpec): string {
  if (column.required === true) return 'Required.';
  if (typeof column.required === 'string') return `Required ${column.required}.`;
  return column.default === undefined ? 'Optional.' : `Optional, default ${displayScalar(column.default)}.`;
}

/** Booleans as the Yes/No users type; everything else as written. */
function displayScalar(value: Scalar): string {
  return typeof value === 'boolean' ? (value ? 'Yes' : 'No') : String(value);
}

export const BOOLEAN_VALUES = ['Yes', 'No'] as const;

export function columnValidation(column: ColumnSpec): InputValidation | undefined {
  switch (column.type) {
    case 'enum':
      return { kind: 'list', values: column.values ?? [] };
    case 'boolean':
      return { kind: 'list', values: BOOLEAN_VALUES };
    case 'number':
      return numericValidation('decimal', column);
    case 'integer':
      return numericValidation('whole', column);
    default:
      return undefined;
  }
}

/**
 * Excel validation bounds are inclusive and the port carries no "greater than" operator. For whole
 * numbers an exclusive bound is exact (> 0 becomes >= 1). For decimals we keep the exclusive bound
 * as an inclusive one: Excel then lets the boundary value itself through (a UnitCost of 0, a fill
 * rate of 1) and the pipeline's validation rejects it with a precise message. Nudging the bound by
 * an epsilon instead would reject legitimate small values and print odd limits in Excel's alerts.
 */
function numericValidation(kind: 'decimal' | 'whole', column: ColumnSpec): InputValidation {
  const validation: { kind: 'decimal' | 'whole'; min?: number; max?: number } = { kind };
  if (column.min !== undefined) {
    validation.min = kind === 'whole' ? (column.minExclusive ? Math.floor(column.min) + 1 : Math.ceil(column.min)) : column.min;
  }
  if (column.max !== undefined) {
    validation.max = kind === 'whole' ? (column.maxExclusive ? Math.ceil(column.max) - 1 : Math.floor(column.max)) : column.max;
  }
  return validation;
}

/**
 * Text keeps IDs like `00123` and periods like `2025-01` exactly as typed (Excel would otherwise
 * turn them into numbers and dates). A number bounded to [0, 1] is a share, shown as a percentage.
 */
export function columnFormat(column: ColumnSpec): ColumnFormat | undefined {
  switch (column.type) {
    case 'text':
    case 'period':
      return 'text';
    case 'number':
      return column.min === 0 && column.max === 1 ? 'percent' : 'decimal';
    case 'integer':
      return 'integer';
    case 'date':
      return 'date';
    default:
      return undefined;
  }
}

/** A row in contract column order; columns missing from `values` are blank. */
export function rowFor(table: TableSpec, values: Readonly<Record<string, CellValue | undefined>>): CellValue[] {
  return table.columns.map((column) => values[column.key] ?? null);
}

/** One Settings row per setting, with its default unless overridden. */
export function settingsRows(overrides: Readonly<Record<string, Scalar>> = {}): CellValue[][] {
  const settings = tableSpec('Settings');
  return SETTINGS_SPEC.map((setting) => rowFor(settings, { Setting: setting.key, Value: overrides[setting.key] ?? setting.default }));
}

function exampleRecord(table: TableSpec): Record<string, CellValue> {
  return Object.fromEntries(table.columns.map((column) => [column.key, column.example]));
}

/**
 * The contract's example values, one row per table, plus what the examples need to be a valid
 * workbook together: the Central location the Field example names as its Parent. (The Demand and
 * Inventory examples already name the Parts and Locations examples, and the Locations example's
 * SLATier is the SLATiers example.)
 */
function exampleRows(table: TableSpec): CellValue[][] {
  if (table.name === 'Settings') return settingsRows();
  // The MOM tables start from the defaults the run uses when they are absent.
  if (table.name === 'Assessment') return assessmentRecords().map((r) => rowFor(table, r));
  if (table.name === 'Assumptions') return assumptionRecords().map((r) => rowFor(table, r));
  // A date example must be a date cell (the contract's examples are scalars).
  if (table.name === 'ServiceEvents') return [rowFor(table, { ...exampleRecord(table), Date: new Date(Date.UTC(2025, 10, 14)) })];
  const example = exampleRecord(table);
  if (table.name === 'Locations') return [rowFor(table, { LocationID: example.Parent, Type: 'Central' }), rowFor(table, example)];
  return [rowFor(table, example)];
}
