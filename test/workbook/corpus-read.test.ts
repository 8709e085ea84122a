/**
 * Reading the compatibility corpus: every writer's workbook of the same tables analyses to the same
 * results JSON as the tables themselves, handed to the pipeline in memory (no file involved), and a
 * formula never calculated is reported with its cell instead of being read as blank or 0.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { writeTemplate } from '../../src/cli/template';
import { analyzeTables, readInputTables, type InputTables } from '../../src/pipeline/run';
import { resultToJson } from '../../src/pipeline/results';
import { generateSample } from '../../src/sample';
import type { SheetTable, WorkbookPort } from '../../src/workbook/port';
import { XlsxBook } from '../../src/workbook/xlsx-book';
import { listBookTables, readBookRange, readBookScenario, readBookTableOrSheet } from '../../src/workbook/xlsx-book-read';
import { buildCorpus, CORPUS_SAMPLE, writeWithExcelJs, type Corpus } from './corpus/build-corpus';

jest.setTimeout(240_000);

function readPort(file: string): WorkbookPort {
  const book = XlsxBook.fromBytes(readFileSync(file));
  return {
    readTable: async (name: string) => readBookTableOrSheet(book, name),
    readRange: async (address: string) => readBookRange(book, address),
    readScenario: async () => readBookScenario(book),
    listTables: async () => listBookTables(book),
  } as unknown as WorkbookPort;
}

/** Results JSON without the run's timestamps. */
function comparable(json: string): unknown {
  return JSON.parse(json, (key, value: unknown) => (key === 'timestamp' ? undefined : value));
}

function expectedJson(): unknown {
  const tables: InputTables = {};
  for (const table of generateSample(CORPUS_SAMPLE)) {
    const sheetTable: SheetTable = { name: table.name, sheet: table.name, source: 'table', headerRow: 1, firstColumn: 1, headers: table.columns.map((c) => c.header), rows: table.rows };
    tables[table.name as keyof InputTables] = sheetTable;
  }
  const analysis = analyzeTables(tables, {});
  if (!analysis.ok) throw new Error('the sample itself does not analyse');
  return comparable(resultToJson(analysis.result));
}

let corpus: Corpus;
let expected: unknown;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'spp-corpus-'));
  const template = join(mkdtempSync(join(tmpdir(), 'spp-template-')), 'spp-template.xlsx');
  await writeTemplate(template);
  corpus = buildCorpus(dir, template);
  const excelJs = join(dir, 'exceljs-tables.xlsx');
  await writeWithExcelJs(excelJs);
  corpus.files.push(excelJs);
  expected = expectedJson();
});

test('the corpus holds every writer and feature the issue lists', () => {
  const names = corpus.files.map((file) => basename(file)).sort();
  expect(names).toEqual(expect.arrayContaining(['openpyxl-tables.xlsx', 'openpyxl-tables-nostyle.xlsx', 'openpyxl-features.xlsx', 'openpyxl-iso-dates.xlsx', 'openpyxl-1904.xlsx', 'openpyxl-template.xlsx', 'xlsxwriter-tables.xlsx', 'xlsxwriter-chartsheet-first.xlsx', 'xlsxwriter-macro.xlsm', 'exceljs-tables.xlsx']));
  expect(corpus.files.filter((file) => file.includes('libreoffice'))).toHaveLength(3);
});

test('every corpus workbook analyses to the same results as the tables in memory', async () => {
  for (const file of corpus.files) {
    const port = readPort(file);
    const analysis = analyzeTables(await readInputTables(port, {}), {});
    expect({ file: basename(file), issues: analysis.issues }).toEqual({ file: basename(file), issues: [] });
    expect({ file: basename(file), json: analysis.ok ? comparable(resultToJson(analysis.result)) : null }).toEqual({ file: basename(file), json: expected });
  }
});

test('a formula never calculated (openpyxl, XlsxWriter) is reported as such with its cell', async () => {
  expect(corpus.uncalculated).toHaveLength(2);
  for (const file of corpus.uncalculated) {
    const analysis = analyzeTables(await readInputTables(readPort(file), {}), {});
    expect(analysis.ok).toBe(false);
    expect(analysis.issues).toEqual([expect.objectContaining({ severity: 'error', sheet: 'Parts', cell: 'C3', message: expect.stringMatching(/^UnitCost holds a formula that was never calculated/) })]);
  }
});

test('the 1904 workbook stores other serials than the 1900 one for the same dates', () => {
  // Independent check of the corpus itself: openpyxl wrote 1904 serials (1,462 days less).
  const period = (file: string) => {
    const book = XlsxBook.fromBytes(readFileSync(join(corpus.dir, file)));
    return { date1904: book.date1904, first: readBookTableOrSheet(book, 'Demand')!.rows[0][2] };
  };
  const normal = period('openpyxl-tables.xlsx');
  const mac = period('openpyxl-1904.xlsx');
  expect(mac.date1904).toBe(true);
  expect(normal.first).toBe(generateSample(CORPUS_SAMPLE).find((t) => t.name === 'Demand')!.rows[0][2]);
  expect(mac.first).toEqual(new Date(`${String(normal.first)}-01T00:00:00Z`));
});
