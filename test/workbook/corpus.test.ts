/**
 * The compatibility corpus: every writer's workbook of the same tables analyses to the same results
 * JSON as the tables themselves, handed to the pipeline in memory (no file involved); a formula never
 * calculated is reported with its cell instead of being read as blank or 0. The results workbooks
 * keep every input part byte for byte, pass an independent package check, keep their defined names
 * on the same sheets, and open in openpyxl and LibreOffice.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { writeTemplate } from '../../src/cli/template';
import { analyzeTables, readInputTables, type InputTables } from '../../src/pipeline/run';
import { resultToJson } from '../../src/pipeline/results';
import { generateSample } from '../../src/sample';
import type { SheetTable, WorkbookPort } from '../../src/workbook/port';
import { analyzeFile } from '../../src/cli/analyze';
import { XlsxWorkbook } from '../../src/workbook/xlsx-adapter';
import { XlsxBook } from '../../src/workbook/xlsx-book';
import { readBookTableOrSheet } from '../../src/workbook/xlsx-book-read';
import { buildCorpus, convertWithLibreOffice, CORPUS_SAMPLE, python, writeWithExcelJs, writeWithSheetJs, type Corpus } from './corpus/build-corpus';
import { packageProblems, unzipParts, workbookNames, type Parts } from './corpus/package-check';

jest.setTimeout(240_000);

function readPort(file: string): Promise<WorkbookPort> {
  return XlsxWorkbook.fromBuffer(readFileSync(file));
}

/** Results JSON without the run's timestamps. */
function comparable(json: string): unknown {
  return JSON.parse(json, (key, value: unknown) => (key === 'timestamp' ? undefined : value));
}

function expectedJson(): unknown {
  const tables: InputTables = {};
  for (const table of generateSample(CORPUS_SAMPLE)) {
    const sheetTable: SheetTable = { name: table.name, sheet: table.name, source: 'table', headerRow: 1, firstColumn: 1, headers: table.columns.map((c) => c.header), rows: table.rows.map((row) => row.map((value) => (value === '' ? null : value))) };
    // A blank cell reads as null from every host (the sample writes blanks as '').
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
  const sheetJs = join(dir, 'sheetjs-iso-dates.xlsx');
  writeWithSheetJs(sheetJs);
  corpus.files.push(excelJs, sheetJs);
  expected = expectedJson();
});

test('the corpus holds every writer and feature the issue lists', () => {
  const names = corpus.files.map((file) => basename(file)).sort();
  expect(names).toEqual(expect.arrayContaining(['openpyxl-tables.xlsx', 'openpyxl-tables-nostyle.xlsx', 'openpyxl-features.xlsx', 'openpyxl-iso-dates.xlsx', 'openpyxl-1904.xlsx', 'openpyxl-template.xlsx', 'xlsxwriter-tables.xlsx', 'xlsxwriter-chartsheet-first.xlsx', 'xlsxwriter-macro.xlsm', 'exceljs-tables.xlsx', 'sheetjs-iso-dates.xlsx', 'gnumeric-tables.xlsx']));
  expect(corpus.files.filter((file) => file.includes('libreoffice'))).toHaveLength(3);
});

test('every corpus workbook analyses to the same results as the tables in memory', async () => {
  for (const file of corpus.files) {
    const port = await readPort(file);
    const analysis = analyzeTables(await readInputTables(port, {}), {});
    expect({ file: basename(file), issues: analysis.issues }).toEqual({ file: basename(file), issues: [] });
    expect({ file: basename(file), json: analysis.ok ? comparable(resultToJson(analysis.result)) : null }).toEqual({ file: basename(file), json: expected });
  }
});

test('a formula never calculated (openpyxl, XlsxWriter) is reported as such with its cell', async () => {
  expect(corpus.uncalculated).toHaveLength(2);
  for (const file of corpus.uncalculated) {
    const analysis = analyzeTables(await readInputTables(await readPort(file), {}), {});
    expect(analysis.ok).toBe(false);
    expect(analysis.issues).toEqual([expect.objectContaining({ severity: 'error', sheet: 'Parts', cell: 'C3', message: expect.stringMatching(/^UnitCost holds a formula that was never calculated/) })]);
  }
});

test('SheetJS wrote the periods as ISO date cells (t="d"), which read as the months they are', async () => {
  const sheet = (await unzipParts(readFileSync(join(corpus.dir, 'sheetjs-iso-dates.xlsx')))).get('xl/worksheets/sheet4.xml')!;
  const first = generateSample(CORPUS_SAMPLE).find((t) => t.name === 'Demand')!.rows[0][2] as string;
  const xml = new TextDecoder().decode(sheet);
  expect(xml.match(/<c r="C2"[^>]*>.*?<\/c>/)?.[0]).toBe(`<c r="C2" s="1" t="d"><v>${first}-01T00:00:00.000Z</v></c>`);
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

describe('results workbooks of the corpus', () => {
  const outputs: { input: string; output: string }[] = [];

  beforeAll(async () => {
    const outDir = join(corpus.dir, 'results');
    mkdirSync(outDir, { recursive: true });
    for (const input of corpus.files) {
      const output = join(outDir, `${basename(input).replace(/\.(xls[xm])$/, '')}-${input.includes('libreoffice') ? 'lo-' : ''}results.${input.endsWith('.xlsm') ? 'xlsm' : 'xlsx'}`);
      const json = `${output}.json`;
      const outcome = await analyzeFile(input, { out: output, json, stdout: () => undefined, stderr: () => undefined });
      expect({ input: basename(input), exit: outcome.exitCode }).toEqual({ input: basename(input), exit: 0 });
      expect({ input: basename(input), json: comparable(readFileSync(json, 'utf8')) }).toEqual({ input: basename(input), json: expected });
      outputs.push({ input, output });
    }
    // A second run on a results workbook replaces its results in place.
    const again = outputs[0].output.replace(/\.xlsx$/, '-again.xlsx');
    await analyzeFile(outputs[0].output, { out: again, stdout: () => undefined, stderr: () => undefined });
    outputs.push({ input: outputs[0].output, output: again });
    // Every chart kind once, on a workbook of its own.
    const port = await XlsxWorkbook.fromBuffer(readFileSync(corpus.files[0]));
    const table = {
      sheet: 'SPP Charts',
      tableName: 'SppChartKinds',
      title: 'Every chart kind',
      columns: [{ header: 'X', format: 'decimal' as const }, { header: 'Y', format: 'decimal' as const }, { header: 'Z', format: 'decimal' as const }],
      rows: [[1, 2, 3], [2, 4, 1], [3, 8, 2]],
      charts: (['columnClustered', 'xyScatter', 'xyScatterLines', 'line', 'bar'] as const).map((kind) => ({ kind, title: kind, xAxisTitle: 'x', yAxisTitle: 'y', categoryColumn: 'X', seriesColumns: ['Y', 'Z'] })),
    };
    await port.writeResults({ tables: [table], resultSheets: ['SPP Charts'], currency: 'EUR' });
    chartKinds = join(outDir, 'chart-kinds.xlsx');
    writeFileSync(chartKinds, await port.toBuffer());
  });
  let chartKinds: string;

  test('every input part is still there, byte for byte; only the workbook, its relationships, content types and styles are edited', async () => {
    for (const { input, output } of outputs) {
      const before = await unzipParts(readFileSync(input));
      const after = await unzipParts(readFileSync(output));
      const workbook = workbookNames(before);
      const edited = new Set(['[Content_Types].xml', ...editedParts(before)]);
      const resultParts = resultSheetParts(before);
      const changed = [...before.keys()].filter((name) => !edited.has(name) && !resultParts.has(name) && !sameBytes(before.get(name), after.get(name)));
      expect({ input: basename(input), changed }).toEqual({ input: basename(input), changed: [] });
      expect(workbookNames(after).sheets.slice(0, workbook.sheets.length).filter((s) => !/^SPP /.test(s))).toEqual(workbook.sheets.filter((s) => !/^SPP /.test(s)));
    }
  });

  test('the package check passes: relationships resolve, every part has a content type', async () => {
    for (const { output } of outputs) expect({ output: basename(output), problems: packageProblems(await unzipParts(readFileSync(output))) }).toEqual({ output: basename(output), problems: [] });
  });

  test('defined names and print areas point at the sheets they pointed at', async () => {
    for (const { input, output } of outputs) {
      const before = workbookNames(await unzipParts(readFileSync(input))).definedNames;
      expect({ input: basename(input), names: workbookNames(await unzipParts(readFileSync(output))).definedNames }).toEqual({ input: basename(input), names: before });
    }
    expect(workbookNames(await unzipParts(readFileSync(outputs.find((o) => o.input.endsWith('openpyxl-features.xlsx'))!.output))).definedNames).toEqual(
      expect.arrayContaining(['(workbook)!HoldingRate=0.25', 'Demand!_xlnm.Print_Area=\'Demand\'!$A$1:$D$20']),
    );
  });

  test('the .xlsm stays a macro-enabled workbook with its VBA project', async () => {
    const output = outputs.find((o) => o.input.endsWith('.xlsm'))!.output;
    expect(output.endsWith('.xlsm')).toBe(true);
    const parts = await unzipParts(readFileSync(output));
    expect(parts.has('xl/vbaProject.bin')).toBe(true);
    expect(new TextDecoder().decode(parts.get('[Content_Types].xml'))).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
  });

  test('openpyxl opens every results workbook and finds the result tables', () => {
    const script = [
      'import json, sys, openpyxl',
      'out = {}',
      'for f in sys.argv[1:]:',
      '    wb = openpyxl.load_workbook(f, keep_vba=f.endswith(".xlsm"))',
      '    out[f] = {"sheets": wb.sheetnames, "stock": list(wb["SPP Stock"].tables.keys())}',
      'print(json.dumps(out))',
    ].join('\n');
    const opened = JSON.parse(execFileSync(python(), ['-c', script, ...outputs.map((o) => o.output)], { encoding: 'utf8', timeout: 120_000 })) as Record<string, { sheets: string[]; stock: string[] }>;
    for (const { output } of outputs) {
      expect(opened[output].sheets).toEqual(expect.arrayContaining(['SPP Summary', 'SPP Stock', 'SPP Issues']));
      expect(opened[output].stock).toEqual(['SppStock']);
    }
  });

  test('LibreOffice converts the results workbooks of every kind of input without error', () => {
    const outDir = join(corpus.dir, 'results-lo');
    // One of each writer and feature family (each conversion costs LibreOffice seconds).
    const chosen = outputs.filter((o) => /openpyxl-features|xlsxwriter-chartsheet-first|xlsxwriter-macro|exceljs-tables|again/.test(basename(o.output)) || o.input.includes('libreoffice/xlsxwriter'));
    expect(chosen.length).toBeGreaterThanOrEqual(6);
    convertWithLibreOffice([...chosen.map((o) => o.output), chartKinds], outDir, join(corpus.dir, 'lo-profile'));
    for (const { output } of chosen) {
      const converted = join(outDir, basename(output).replace(/\.xlsm$/, '.xlsx'));
      expect({ output: basename(output), converted: existsSync(converted) }).toEqual({ output: basename(output), converted: true });
    }
  });

  test('the result charts are native charts that LibreOffice and openpyxl read', async () => {
    const outDir = join(corpus.dir, 'results-lo');
    const output = outputs.find((o) => basename(o.output).startsWith('openpyxl-features'))!.output;
    const ours = [...(await unzipParts(readFileSync(output))).keys()].filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name));
    const input = [...(await unzipParts(readFileSync(outputs.find((o) => o.output === output)!.input))).keys()].filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name));
    // Demand classes (scatter), investment by location, fill rates by tier, the efficient frontier (network plan),
    // and the MOM assessment's pillar scores, NPV by opportunity, cumulative cash flow, the risk register's penalties by tier and
    // by top driver, and (ServiceEvents given) the monthly SLA trend.
    expect(ours.length - input.length).toBe(10);
    const reconverted = [...(await unzipParts(readFileSync(join(outDir, basename(output))))).keys()].filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name));
    expect(reconverted).toHaveLength(ours.length);
    const script = 'import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nprint(sum(len(ws._charts) for ws in wb.worksheets if ws.title.startswith("SPP ")))';
    expect(execFileSync(python(), ['-c', script, output], { encoding: 'utf8' }).trim()).toBe('10');
    // Each kind survives LibreOffice's reading and rewriting as the same kind of chart.
    const kinds = await unzipParts(readFileSync(join(outDir, 'chart-kinds.xlsx')));
    const types = [...kinds.keys()].filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name)).map((name) => /<c:(barChart|lineChart|scatterChart)>/.exec(new TextDecoder().decode(kinds.get(name)))?.[1]).sort();
    expect(types).toEqual(['barChart', 'barChart', 'lineChart', 'scatterChart', 'scatterChart']);
  });
});

function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  return a !== undefined && b !== undefined && a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** The parts the writer edits: the workbook part, its relationships and the style sheet. */
function editedParts(parts: Parts): string[] {
  const rels = new TextDecoder().decode(parts.get('xl/_rels/workbook.xml.rels'));
  const styles = /Target="\/?(?:xl\/)?(styles[^"]*)"/.exec(rels)?.[1];
  return ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', ...(styles ? [`xl/${styles}`] : [])];
}

/** Parts of earlier result sheets (a results workbook analysed again): replaced by design. */
function resultSheetParts(parts: Parts): Set<string> {
  const owned = new Set<string>();
  const rels = new TextDecoder().decode(parts.get('xl/_rels/workbook.xml.rels') ?? new Uint8Array());
  const targets = new Map([...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const workbook = new TextDecoder().decode(parts.get('xl/workbook.xml') ?? new Uint8Array());
  for (const m of workbook.matchAll(/<sheet [^>]*name="(SPP [^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const visit = (part: string): void => {
      if (owned.has(part)) return;
      owned.add(part);
      const partRels = part.replace(/([^/]+)$/, '_rels/$1.rels');
      owned.add(partRels);
      for (const t of new TextDecoder().decode(parts.get(partRels) ?? new Uint8Array()).matchAll(/<Relationship [^>]*Target="([^"]+)"(?![^>]*External)/g)) {
        visit(decodeURIComponent(new URL(t[1], `http://package/${part}`).pathname.slice(1)));
      }
    };
    visit(`xl/${targets.get(m[2])!.replace(/^\/?(xl\/)?/, '')}`);
  }
  return owned;
}
