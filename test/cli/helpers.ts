/** Runs the built `spp` command (bin/spp.js → dist/cli/spp.cjs) as users do. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';

export const ROOT = resolve(__dirname, '..', '..');

/** Rebuilds the CLI bundle so the tests never run a stale one. */
export function buildCli(): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, stdio: 'pipe' });
}

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

export function spp(...args: string[]): CliRun {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'spp.js'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'spp-cli-'));
}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** Cell values of a sheet as a grid (rich values kept as ExcelJS gives them). */
export function sheetValues(sheet: ExcelJS.Worksheet): unknown[][] {
  const grid: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, r) => {
    const values: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      values[c - 1] = cell.value;
    });
    grid[r - 1] = values;
  });
  return grid;
}

/** The header row of the sheet's (first) Excel table, from its range (`A5:Z9` → 5). */
function tableHeaderRow(sheet: ExcelJS.Worksheet): number {
  const tables = Object.values((sheet as unknown as { tables: Record<string, { table: { tableRef?: string; ref?: string } }> }).tables);
  const ref = tables[0]?.table.tableRef ?? tables[0]?.table.ref;
  const row = ref ? Number(/^[A-Z]+(\d+)/.exec(ref)?.[1]) : NaN;
  if (!Number.isInteger(row)) throw new Error(`No Excel table on sheet ${sheet.name}`);
  return row;
}

/** The rows of the Excel table on a result sheet as objects keyed by header. */
export function tableRows(sheet: ExcelJS.Worksheet, headerRow = tableHeaderRow(sheet)): Record<string, unknown>[] {
  const headers = (sheet.getRow(headerRow).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const values = (sheet.getRow(r).values as unknown[]).slice(1);
    if (values.every((v) => v === null || v === undefined)) continue;
    rows.push(Object.fromEntries(headers.map((h, i) => [h, values[i] ?? null])));
  }
  return rows;
}

/** A workbook from plain sheets: name → rows (first row headers). */
export async function writeWorkbook(file: string, sheets: Record<string, unknown[][]>): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row as ExcelJS.CellValue[]);
  }
  await workbook.xlsx.writeFile(file);
}
