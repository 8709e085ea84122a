/**
 * What the Inputs panel shows: for each contract table where it was read from, which workbook
 * header feeds each contract column (automatic synonym match or the user's mapping) and what is
 * missing; plus the SLA tiers and workbook settings the Run panel offers to override. Everything is
 * read through the pipeline's own reader and matcher, so the pane shows what a run will use.
 */
import { TABLES, type ColumnSpec, type TableName, type TableSpec } from '../../model/contract';
import { headerText, matchColumns } from '../../pipeline/columns';
import { isRangeAddress, readInputTables, type InputTables, type Scenario } from '../../pipeline/run';
import type { SheetTable, WorkbookPort } from '../../workbook/port';
import { tierTargets, workbookSettings, type TierTarget, type WorkbookSettings } from './workbook-values';

export interface ColumnStatus {
  spec: ColumnSpec;
  /** The workbook header read for this column; null when none matched. */
  header: string | null;
  /** The header the user mapped this column to by hand (it may no longer exist); null for automatic. */
  mappedTo: string | null;
}

export interface TableStatus {
  spec: TableSpec;
  /** Where the table is read from: the user's choice, else the contract name. */
  source: string;
  /** True when the user pointed this table at another table, sheet or range. */
  custom: boolean;
  /** What was found there; null when nothing was. */
  found: { name: string; sheet: string; kind: 'table' | 'sheet' | 'range'; rows: number } | null;
  /** Header texts of what was found, left to right, blanks dropped (the mapping choices). */
  headers: string[];
  columns: ColumnStatus[];
  /** Required columns without a header (Demand's Period/Quantity are optional in the wide layout). */
  missingColumns: string[];
}

export interface WorkbookObject {
  name: string;
  sheet: string;
  source: 'table' | 'sheet';
}

export interface InputInspection {
  tables: TableStatus[];
  /** Every table and sheet in the workbook, for pointing an input elsewhere. */
  available: WorkbookObject[];
  /** SLA tiers as the workbook defines them, each with its target fill rate as the workbook holds it. */
  tiers: TierTarget[];
  /** The settings the Run step can override, as the workbook's Settings table gives them (defaults where absent). */
  settings: WorkbookSettings;
}

/** Demand in the wide layout has no Period/Quantity columns: one column per period instead. */
const WIDE_LAYOUT_COLUMNS: Partial<Record<TableName, readonly string[]>> = { Demand: ['Period', 'Quantity'] };

function tableStatus(spec: TableSpec, table: SheetTable | null | undefined, scenario: Scenario): TableStatus {
  const custom = scenario.tableSources?.[spec.name];
  const source = custom ?? spec.name;
  if (!table) return { spec, source, custom: custom !== undefined, found: null, headers: [], columns: spec.columns.map((c) => ({ spec: c, header: null, mappedTo: null })), missingColumns: [] };
  const overrides = scenario.columnOverrides?.[spec.name] ?? {};
  const match = matchColumns(table, spec, { overrides, notReported: WIDE_LAYOUT_COLUMNS[spec.name] });
  const texts = table.headers.map(headerText);
  const columns = spec.columns.map((column): ColumnStatus => {
    const index = match.columns[column.key];
    return { spec: column, header: index === undefined ? null : texts[index], mappedTo: overrides[column.key] ?? null };
  });
  const optionalHere = new Set(WIDE_LAYOUT_COLUMNS[spec.name] ?? []);
  return {
    spec,
    source,
    custom: custom !== undefined,
    found: { name: table.name, sheet: table.sheet, kind: isRangeAddress(source) ? 'range' : table.source, rows: table.rows.length },
    headers: texts.filter((text) => text !== ''),
    columns,
    missingColumns: match.missing.filter((c) => !optionalHere.has(c.key)).map((c) => c.key),
  };
}

/** Inspection of tables already read (e.g. by the Validate step). */
export function inspectTables(tables: InputTables, scenario: Scenario, available: WorkbookObject[]): InputInspection {
  const overrides = scenario.columnOverrides ?? {};
  return {
    tables: TABLES.map((spec) => tableStatus(spec, tables[spec.name], scenario)),
    available,
    tiers: tables.SLATiers ? tierTargets(tables.SLATiers, overrides.SLATiers) : [],
    settings: workbookSettings(tables.Settings ?? null, overrides.Settings),
  };
}

export async function inspectInputs(port: WorkbookPort, scenario: Scenario): Promise<InputInspection> {
  const [tables, available] = await Promise.all([readInputTables(port, scenario), port.listTables()]);
  return inspectTables(tables, scenario, available);
}
