/**
 * The compatibility corpus, generated at test time: the same input tables (a small `spp sample`)
 * written by openpyxl and XlsxWriter with other workbook features around them (write_corpus.py),
 * re-saved by LibreOffice (one headless soffice call for all), and written by ExcelJS. Gnumeric's
 * ssconvert is used when installed (`.ci/run` installs it, and the corpus test requires its workbook);
 * without it that one writer is left out with a printed note and that test says which file is missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { generateSample, type SampleOptions } from '../../../src/sample';
import { inputTemplate } from '../../../src/model/template';
import type { CellValue, InputTableToWrite } from '../../../src/workbook/port';

export const CORPUS_SAMPLE: SampleOptions = { parts: 12, locations: 3, periods: 24, seed: 5 };

/** A Python 3 with openpyxl and xlsxwriter: Debian's, which `.ci/run` installs them into. */
export function python(): string {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(candidate, ['-c', 'import openpyxl, xlsxwriter'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  throw new Error('The corpus needs Python 3 with openpyxl and xlsxwriter (Debian: apt-get install python3-openpyxl python3-xlsxwriter; .ci/run does it).');
}

export function soffice(): string {
  for (const candidate of ['/usr/bin/soffice', '/usr/bin/libreoffice']) if (existsSync(candidate)) return candidate;
  throw new Error('The corpus needs LibreOffice (Debian: apt-get install libreoffice-calc-nogui; .ci/run does it).');
}

/** Converts files to .xlsx with LibreOffice in one call (each start of soffice costs seconds). */
export function convertWithLibreOffice(files: readonly string[], outDir: string, profile: string): void {
  mkdirSync(outDir, { recursive: true });
  execFileSync(soffice(), ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'xlsx', '--outdir', outDir, ...files], { stdio: 'pipe', timeout: 180_000 });
}

function jsonCell(value: CellValue): unknown {
  return value instanceof Date ? { date: value.toISOString().slice(0, 10) } : value;
}

export interface Corpus {
  dir: string;
  /** Workbooks holding the sample's tables, each expected to analyse like the plain sample. */
  files: string[];
  /** Workbooks where one UnitCost (Parts!C3) is a formula that was never calculated. */
  uncalculated: string[];
}

/** Builds the corpus in `dir`; `template` is the project's template file (spp template). */
export function buildCorpus(dir: string, template: string): Corpus {
  const tables = generateSample(CORPUS_SAMPLE);
  const spec = { tables: Object.fromEntries(tables.map((table) => [table.name, { headers: table.columns.map((c) => c.header), rows: table.rows.map((row) => row.map(jsonCell)) }])) };
  const specFile = join(dir, 'tables.json');
  writeFileSync(specFile, JSON.stringify(spec));
  execFileSync(python(), [join(__dirname, 'write_corpus.py'), specFile, template, dir], { stdio: 'pipe', timeout: 120_000 });
  const written = readdirSync(dir).filter((f) => /\.xls[xm]$/.test(f)).map((f) => join(dir, f));
  const lo = join(dir, 'libreoffice');
  convertWithLibreOffice([join(dir, 'openpyxl-tables.xlsx'), join(dir, 'xlsxwriter-tables.xlsx'), join(dir, 'openpyxl-features.xlsx')], lo, join(dir, 'lo-profile'));
  const files = [...written, ...readdirSync(lo).filter((f) => f.endsWith('.xlsx')).map((f) => join(lo, f))];
  const gnumeric = spawnSync('ssconvert', ['--version'], { encoding: 'utf8' });
  if (gnumeric.status === 0) {
    const out = join(dir, 'gnumeric-tables.xlsx');
    execFileSync('ssconvert', [join(dir, 'openpyxl-tables.xlsx'), out], { stdio: 'pipe', timeout: 120_000 });
    files.push(out);
  } else {
    process.stdout.write('Corpus: Gnumeric (ssconvert) is not installed; its output is not part of this run.\n');
  }
  return { dir, files, uncalculated: readdirSync(join(dir, 'uncalculated')).map((f) => join(dir, 'uncalculated', f)) };
}

/** The sample's tables written by ExcelJS (tables at A1, dates as date cells). */
export async function writeWithExcelJs(file: string, tables: readonly InputTableToWrite[] = generateSample(CORPUS_SAMPLE)): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name);
    sheet.addTable({
      name: table.name,
      ref: 'A1',
      headerRow: true,
      style: { theme: 'TableStyleMedium4', showRowStripes: true },
      columns: table.columns.map((column) => ({ name: column.header, filterButton: true })),
      rows: table.rows.map((row) => row.map((value) => value as ExcelJS.CellValue)),
    });
  }
  await workbook.xlsx.writeFile(file);
}

/**
 * The sample's tables written by SheetJS (its community edition writes plain sheets, no tables) with
 * `cellDates`: dates, the Demand periods among them, as ISO 8601 date cells (`t="d"`).
 */
export function writeWithSheetJs(file: string, tables: readonly InputTableToWrite[] = generateSample(CORPUS_SAMPLE)): void {
  const workbook = XLSX.utils.book_new();
  for (const table of tables) {
    const period = table.columns.findIndex((column) => column.header === 'Period');
    const rows = table.rows.map((row) => row.map((value, i) => (table.name === 'Demand' && i === period && typeof value === 'string' ? new Date(`${value}-01T00:00:00Z`) : value)));
    const sheet = XLSX.utils.aoa_to_sheet([table.columns.map((column) => column.header), ...rows], { cellDates: true, UTC: true });
    XLSX.utils.book_append_sheet(workbook, sheet, table.name);
  }
  XLSX.writeFile(workbook, file, { cellDates: true, compression: true });
}

export { inputTemplate };
