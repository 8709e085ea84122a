/** Test helper: every cell of an input table checked against the contract's column specs. */
import { tableSpec, type ColumnSpec, type TableName } from '../../src/model/contract';
import type { CellValue, InputTableToWrite } from '../../src/workbook/port';

/** Problems found, as readable strings; empty when every row satisfies the contract. */
export function contractViolations(table: InputTableToWrite): string[] {
  const spec = tableSpec(table.name as TableName);
  const problems: string[] = [];
  const headers = table.columns.map((c) => c.header);
  if (headers.join() !== spec.columns.map((c) => c.key).join()) problems.push(`${table.name}: headers ${headers.join()}`);
  spec.columns.forEach((column, c) => {
    const seen = new Set<CellValue>();
    table.rows.forEach((row, r) => {
      const value = row[c];
      const where = `${table.name} row ${r + 1} ${column.key}=${String(value)}`;
      if (row.length !== spec.columns.length) problems.push(`${table.name} row ${r + 1}: ${row.length} cells`);
      if (value === null) {
        if (column.required === true) problems.push(`${where}: required`);
        return;
      }
      const problem = cellProblem(column, value);
      if (problem) problems.push(`${where}: ${problem}`);
      if (column.unique) {
        if (seen.has(value)) problems.push(`${where}: duplicate`);
        seen.add(value);
      }
    });
  });
  return problems;
}

export function cellProblem(column: ColumnSpec, value: CellValue): string | null {
  switch (column.type) {
    case 'text':
      return typeof value === 'string' || typeof value === 'number' ? null : 'not text';
    case 'enum':
      return column.values?.includes(String(value)) ? null : 'not an allowed value';
    case 'boolean':
      return value === 'Yes' || value === 'No' ? null : 'not Yes/No';
    case 'date':
      return value instanceof Date && !Number.isNaN(value.getTime()) ? null : 'not a date';
    case 'period':
      return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2]|W(0[1-9]|[1-4]\d|5[0-3]))$/.test(value) ? null : 'not a period';
    case 'integer':
      if (!Number.isInteger(value)) return 'not a whole number';
      return boundsProblem(column, value as number);
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'not a number';
      return boundsProblem(column, value);
  }
}

export function withinBounds(column: Pick<ColumnSpec, 'min' | 'minExclusive' | 'max' | 'maxExclusive'>, value: number): boolean {
  if (column.min !== undefined && (column.minExclusive ? value <= column.min : value < column.min)) return false;
  if (column.max !== undefined && (column.maxExclusive ? value >= column.max : value > column.max)) return false;
  return true;
}

function boundsProblem(column: ColumnSpec, value: number): string | null {
  return withinBounds(column, value) ? null : 'out of bounds';
}

/** Rows of a table as records keyed by header. */
export function records(table: InputTableToWrite): Record<string, CellValue>[] {
  return table.rows.map((row) => Object.fromEntries(table.columns.map((column, c) => [column.header, row[c]])));
}

export function byName(tables: InputTableToWrite[], name: TableName): InputTableToWrite {
  const table = tables.find((t) => t.name === name);
  if (!table) throw new Error(`missing table ${name}`);
  return table;
}
