/**
 * Results written in place (ExcelApi 1.13 and later) over the fake Excel, which rewrites formula
 * references as Excel does (office-fake-workbook.ts): a user's formulas into the results must
 * survive re-runs, sheets and tables keep their ids and tab positions, and a failure at any step
 * leaves the previous results or the complete new ones.
 */
import type { ResultBundle, ResultTable } from '../../src/workbook/port';
import { createExcelRunner, SYNC_TIMEOUT_CODE } from '../../src/workbook/office-run';
import { longestIncreasing } from '../../src/workbook/office-results-in-place';
import { newSheetPositions } from '../../src/workbook/office-results-plan';
import { OfficeWorkbook } from '../../src/workbook/office-adapter';
import { plottedRows } from '../../src/workbook/office-charts';
import { generateSample } from '../../src/sample';
import { runPipeline, type Scenario } from '../../src/pipeline/run';
import { snapshotOf, type FakeExcelHost } from './office-fake-host';
import { FakeSheet } from './office-fake-model';
import { CURRENT_API, officeWorkbookWith } from './office-harness';
import { inputFixture } from './port-contract';

const RESULT_SHEETS = ['Stocking', 'Summary', 'Forecast'];

function stock(rows: number, overrides: Partial<ResultTable> = {}): ResultTable {
  return {
    sheet: 'Stocking',
    tableName: 'StockingResults',
    title: 'Recommended stock levels',
    columns: [
      { header: 'PartID', format: 'text' },
      { header: 'Stock', format: 'integer', note: 'Base-stock level.' },
      { header: 'FillRate', format: 'percent' },
      { header: 'Value', format: 'currency' },
    ],
    // Stock of part k is 10·k + run-specific offset, so every run's numbers differ.
    rows: Array.from({ length: rows }, (_, k) => [`PN-${k + 1}`, 10 * (k + 1) + rows, 0.9, 100 * (k + 1)]),
    charts: [{ kind: 'columnClustered', title: 'Stock', xAxisTitle: 'Part', yAxisTitle: 'Units', categoryColumn: 'PartID', seriesColumns: ['Stock'] }],
    ...overrides,
  };
}

function summary(amount: number): ResultTable {
  return { sheet: 'Summary', tableName: 'SummaryResults', title: 'Summary', columns: [{ header: 'Metric', format: 'text' }, { header: 'Amount', format: 'decimal' }], rows: [['Total', amount]] };
}

const bundle = (tables: ResultTable[]): ResultBundle => ({ tables, resultSheets: RESULT_SHEETS, currency: 'EUR' });

/** The user's own sheet: formulas into the results, as someone building on them would write. */
const FORMULAS = ['=SUM(StockingResults[Stock])', "='Stocking'!B4", '=SummaryResults[[#This Row],[Amount]]', '=COUNTA(StockingResults[Value])', "=SUM('Stocking'!B4:B8)"];

/** Inputs, a first run's results (5 stock rows), then the user's sheet and the Stocking tab moved to the front. */
async function afterFirstRun(configure?: (host: FakeExcelHost) => void) {
  const made = officeWorkbookWith(inputFixture(), (host) => {
    host.apiVersion = CURRENT_API;
    configure?.(host);
  });
  await made.port.writeResults(bundle([stock(5), summary(1)]));
  const { book } = made.host;
  const mine = book.addSheet('Mine');
  FORMULAS.forEach((formula, c) => mine.setCell(0, c, { kind: 'Double', value: 0, formula }));
  book.moveSheet(book.sheet('Stocking')!, 0);
  return made;
}

const formulasOf = (host: FakeExcelHost): (string | undefined)[] => FORMULAS.map((_, c) => host.book.sheet('Mine')!.cell(0, c)?.formula);
const identity = (host: FakeExcelHost) => ({
  tabs: host.book.sheets.map((sheet) => `${sheet.id} ${sheet.name}`),
  tables: host.book.tables.map((table) => `${table.id} ${table.name}`),
});
const staging = (host: FakeExcelHost): string[] => host.book.sheets.map((sheet) => sheet.name).filter((name) => name.startsWith('~'));
const bodyColumn = (host: FakeExcelHost, column: number): unknown[] => {
  const table = host.book.table('StockingResults')!;
  const sheet = host.book.sheet('Stocking')!;
  return Array.from({ length: table.box.rows - 1 }, (_, r) => sheet.cell(table.box.row + 1 + r, table.box.column + column)?.value);
};

describe('re-runs keep the result sheets and tables', () => {
  test('after two more runs every formula still points at the same table and cells, and ids and tab positions are the same', async () => {
    const { port, host } = await afterFirstRun();
    const before = identity(host);
    expect(before.tabs[0]).toMatch(/ Stocking$/);
    await port.writeResults(bundle([stock(2), summary(2)]));
    await port.writeResults(bundle([stock(7), summary(3)]));
    expect(identity(host)).toEqual(before);
    expect(formulasOf(host)).toEqual(FORMULAS);
    // The table holds the third run's rows: stock of part k is 10·k + 7.
    expect(host.book.table('StockingResults')!.box).toEqual({ row: 2, column: 0, rows: 8, columns: 4 });
    expect(bodyColumn(host, 1)).toEqual([17, 27, 37, 47, 57, 67, 77]);
    expect(host.book.sheet('Summary')!.cell(3, 1)).toEqual({ kind: 'Double', value: 3 });
    expect(staging(host)).toEqual([]);
    // One chart and one note, not one per run.
    expect(host.book.sheet('Stocking')!.charts).toHaveLength(1);
    expect(host.book.sheet('Stocking')!.charts[0].series[0].values?.box).toEqual({ row: 3, column: 1, rows: 7, columns: 1 });
    expect([...host.book.sheet('Stocking')!.notes.entries()]).toEqual([['B3', 'Base-stock level.']]);
  });

  test('fewer rows: the old rows below the table are cleared, and a reference past the end points at a blank cell, not #REF!', async () => {
    const { port, host } = await afterFirstRun();
    await port.writeResults(bundle([stock(2), summary(2)]));
    const sheet = host.book.sheet('Stocking')!;
    // Rows 6–8 (0-based 5–7) held parts 3–5; the table ends at row 5 now.
    expect([5, 6, 7].flatMap((row) => [0, 1, 2, 3].map((column) => sheet.cell(row, column)))).toEqual(Array(12).fill(undefined));
    expect([5, 6, 7].map((row) => sheet.format(row, 1))).toEqual(['General', 'General', 'General']);
    expect(formulasOf(host)[4]).toBe("=SUM('Stocking'!B4:B8)");
  });

  test('a column added before Stock and one dropped: SUM(StockingResults[Stock]) still sums Stock; a reference to the dropped column is #REF!', async () => {
    const { port, host } = await afterFirstRun();
    const columns = stock(1).columns.filter((column) => column.header !== 'Value');
    columns.splice(1, 0, { header: 'Description', format: 'text' });
    const rows = [['PN-1', 'Pump', 40, 0.95], ['PN-2', 'Valve', 50, 0.9]];
    await port.writeResults(bundle([stock(0, { columns, rows, charts: [] }), summary(2)]));
    expect(host.book.headerNames(host.book.table('StockingResults')!)).toEqual(['PartID', 'Description', 'Stock', 'FillRate']);
    expect(bodyColumn(host, 2)).toEqual([40, 50]);
    expect(formulasOf(host)[0]).toBe('=SUM(StockingResults[Stock])');
    expect(formulasOf(host)[3]).toBe('=COUNTA(#REF!)');
    expect(identity(host).tables).toContain(`${host.book.table('StockingResults')!.id} StockingResults`);
  });

  test('description lines added: the table moves down by whole rows, and an A1 reference into it follows its row', async () => {
    const { port, host } = await afterFirstRun();
    await port.writeResults(bundle([stock(5, { description: ['What this sheet shows.', 'How to read it.'] }), summary(2)]));
    const sheet = host.book.sheet('Stocking')!;
    expect(host.book.table('StockingResults')!.box).toEqual({ row: 4, column: 0, rows: 6, columns: 4 });
    expect([0, 1, 2, 3, 4].map((row) => sheet.cell(row, 0)?.value)).toEqual(['Recommended stock levels', 'What this sheet shows.', 'How to read it.', undefined, 'PartID']);
    expect(sheet.fonts.get(FakeSheet.key(1, 0))).toEqual({ italic: true });
    expect(sheet.frozenRows).toBe(5);
    // B4 was part 1's stock; that row is now row 6.
    expect(formulasOf(host).slice(0, 2)).toEqual(['=SUM(StockingResults[Stock])', "='Stocking'!B6"]);
    expect(sheet.cell(5, 1)).toEqual({ kind: 'Double', value: 15 });
    // And back: the description goes, the table moves up again.
    await port.writeResults(bundle([stock(5), summary(3)]));
    expect(host.book.table('StockingResults')!.box.row).toBe(2);
    expect(formulasOf(host)[1]).toBe("='Stocking'!B4");
  });

  test('a result sheet whose table was deleted by hand is made again at the same tab position', async () => {
    const { port, host } = await afterFirstRun();
    host.book.deleteTable(host.book.table('SummaryResults')!);
    const position = host.book.sheets.findIndex((sheet) => sheet.name === 'Summary');
    const oldId = host.book.sheet('Summary')!.id;
    await port.writeResults(bundle([stock(3), summary(9), { ...summary(4), sheet: 'Forecast', tableName: 'ForecastResults', title: 'Forecast' }]));
    const names = host.book.sheets.map((sheet) => sheet.name);
    expect(names.indexOf('Summary')).toBe(position);
    expect(host.book.sheet('Summary')!.id).not.toBe(oldId);
    expect(host.book.table('SummaryResults')).toBeDefined();
    // A new result sheet goes right after the last existing one (here Summary).
    expect(names.indexOf('Forecast')).toBe(position + 1);
    expect(staging(host)).toEqual([]);
  });

  test('user edits on a kept table are undone: totals row, filters, another table on the sheet, a moved table', async () => {
    const { port, host } = await afterFirstRun();
    const { book } = host;
    const table = book.table('StockingResults')!;
    table.showTotals = true;
    table.box = { ...table.box, rows: table.box.rows + 1 };
    book.addTable(book.sheet('Stocking')!, { row: 20, column: 0, rows: 3, columns: 2 }, true, 'Scratch');
    await port.writeResults(bundle([stock(3), summary(2)]));
    expect(book.table('Scratch')).toBeUndefined();
    expect(book.table('StockingResults')).toMatchObject({ showTotals: false, filtersCleared: 1, box: { row: 2, column: 0, rows: 4, columns: 4 } });
    // Moved two columns to the right by hand (columns inserted left of it): it comes back to column A.
    await host.run(async (context) => (context.workbook.worksheets.getItem('Stocking').getRange('A1:B1').getEntireColumn().insert('Right'), context.sync()));
    expect(book.table('StockingResults')!.box.column).toBe(2);
    expect(formulasOf(host)[1]).toBe("='Stocking'!D4");
    await port.writeResults(bundle([stock(3), summary(3)]));
    expect(book.table('StockingResults')!.box).toEqual({ row: 2, column: 0, rows: 4, columns: 4 });
    expect(formulasOf(host)[1]).toBe("='Stocking'!B4");
  });
});

test('the pipeline\'s own results, run twice on a sample workbook: every sheet, table and chart kept, a formula into SppStock intact', async () => {
  const { port, host } = officeWorkbookWith({ sheets: [{ name: 'Notes', rows: [['Planning workbook']] }] }, (fake) => void (fake.apiVersion = CURRENT_API));
  await port.createInputTables(generateSample({ parts: 6, locations: 3, periods: 24, seed: 11 }));
  const first = await runPipeline(port);
  if (!first.ok) throw new Error('The sample should plan');
  const mine = host.book.addSheet('Mine');
  mine.setCell(0, 0, { kind: 'Double', value: 0, formula: '=SUM(SppStock[Recommended stock])' });
  const before = identity(host);
  // A different scenario, so the second run's numbers differ.
  const scenario: Scenario = { settings: { standardFillRate: 0.8 } };
  const second = await runPipeline(port, scenario);
  if (!second.ok) throw new Error('The sample should plan');
  expect(identity(host)).toEqual(before);
  expect(mine.cell(0, 0)?.formula).toBe('=SUM(SppStock[Recommended stock])');
  // The kept SppStock table holds the second run's stock, which differs from the first run's.
  const stockOf = (bundleTables: ResultTable[]) => {
    const table = bundleTables.find((candidate) => candidate.tableName === 'SppStock')!;
    const column = table.columns.findIndex((candidate) => candidate.header === 'Recommended stock');
    return table.rows.map((row) => row[column]);
  };
  expect(stockOf(second.bundle.tables)).not.toEqual(stockOf(first.bundle.tables));
  const read = await port.readTable('SppStock');
  expect(read?.rows.map((row) => row[read.headers.indexOf('Recommended stock')])).toEqual(stockOf(second.bundle.tables));
  expect(staging(host)).toEqual([]);
  for (const table of second.bundle.tables) {
    const sheet = host.book.sheet(table.sheet)!;
    expect(sheet.charts).toHaveLength(table.charts?.filter((chart) => plottedRows(chart, table.rows.length).count > 0).length ?? 0);
    const excelTable = host.book.table(table.tableName)!;
    expect(host.book.headerNames(excelTable)).toEqual(table.columns.map((column) => column.header));
    expect(excelTable.box.rows).toBe(1 + Math.max(1, table.rows.length));
  }
});

describe('all or nothing', () => {
  const next = bundle([stock(2), summary(2)]);

  test.each([
    ['writing the cells of the kept Stocking sheet', (step: { kind: string; sheet?: string }) => step.kind === 'range.values' && (step.sheet ?? '').startsWith('~spp-src') && (step.sheet ?? '').endsWith('-1')],
    ['writing the cells of the kept Summary sheet', (step: { kind: string; sheet?: string }) => step.kind === 'range.values' && (step.sheet ?? '').startsWith('~spp-src') && (step.sheet ?? '').endsWith('-2')],
    ['adding the second staging sheet', (step: { kind: string; sheet?: string }) => step.kind === 'worksheets.add' && (step.sheet ?? '').endsWith('-2')],
  ])('a failure while staging (%s) changes nothing and leaves no staging sheet', async (_what, match) => {
    const { port, host } = await afterFirstRun();
    const before = snapshotOf(host);
    const ids = identity(host);
    host.failWhen(match);
    await expect(port.writeResults(next)).rejects.toThrow(/Injected failure/);
    expect(snapshotOf(host)).toEqual(before);
    expect(identity(host)).toEqual(ids);
    expect(staging(host)).toEqual([]);
  });

  test.each([['range.copyFrom'], ['table.resize'], ['worksheet.delete'], ['table.columns.add']])('a failure during the swap (at %s) is finished on a second pass: the new results are complete', async (kind) => {
    const { port, host } = await afterFirstRun();
    const ids = identity(host);
    const changed = stock(2, { columns: [...stock(1).columns, { header: 'Extra', format: 'integer' }], rows: [['PN-1', 12, 0.9, 100, 1], ['PN-2', 22, 0.9, 200, 2]] });
    host.failWhen((step) => step.kind === kind);
    await port.writeResults(bundle([changed, summary(2)]));
    expect(host.log.some((step) => step.kind === kind)).toBe(true);
    expect(identity(host)).toEqual(ids);
    expect(bodyColumn(host, 1)).toEqual([12, 22]);
    expect(bodyColumn(host, 4)).toEqual([1, 2]);
    expect(host.book.sheet('Summary')!.cell(3, 1)).toEqual({ kind: 'Double', value: 2 });
    expect(formulasOf(host)).toEqual(FORMULAS);
    expect(staging(host)).toEqual([]);
    expect(host.book.sheet('Stocking')!.charts).toHaveLength(1);
  });

  test('when the second pass fails too, the error says the results may be mixed; the next run replaces them all', async () => {
    const { port, host } = await afterFirstRun();
    host.failWhen((step) => step.kind === 'range.copyFrom' && step.sheet === 'Summary', { times: 2 });
    await expect(port.writeResults(next)).rejects.toThrow(/^Replacing the results failed \(Injected failure at range\.copyFrom on Summary\.\), and so did finishing it \(.*\)\. Some result sheets may hold the new results and others the previous ones: run again to replace them all\.$/);
    // That is what happened: Stocking has the new rows, Summary still the previous amount.
    expect(bodyColumn(host, 1)).toEqual([12, 22]);
    expect(host.book.sheet('Summary')!.cell(3, 1)).toEqual({ kind: 'Double', value: 1 });
    await port.writeResults(bundle([stock(4), summary(4)]));
    expect(bodyColumn(host, 1)).toEqual([14, 24, 34, 44]);
    expect(host.book.sheet('Summary')!.cell(3, 1)).toEqual({ kind: 'Double', value: 4 });
    expect(formulasOf(host)).toEqual(FORMULAS);
    expect(staging(host)).toEqual([]);
  });

  test('a protected result sheet or workbook structure is refused before anything changes, saying what to unprotect', async () => {
    const { port, host } = await afterFirstRun();
    const before = snapshotOf(host);
    host.book.sheet('Summary')!.isProtected = true;
    await expect(port.writeResults(next)).rejects.toThrow('The result sheet Summary is protected (Review › Unprotect Sheet). Unprotect it and run again; the results replace its contents.');
    host.book.sheet('Summary')!.isProtected = false;
    host.book.structureProtected = true;
    await expect(port.writeResults(next)).rejects.toThrow(/workbook structure is protected/);
    expect(snapshotOf(host)).toEqual(before);
  });

  test('Excel stops answering while staging: the error says so, the previous results stay, and the next run cleans up', async () => {
    const { host } = await afterFirstRun();
    const port = new OfficeWorkbook(createExcelRunner({ excelRun: host.excelRun, syncTimeoutMs: 30 }), { supports: host.supports, runId: () => 'late' });
    const before = snapshotOf(host).cells;
    // Excel stops answering after the first cells of the second kept sheet are written.
    host.hangAfter((step) => step.kind === 'range.values' && step.sheet === '~spp-src-late-2');
    await expect(port.writeResults(next)).rejects.toMatchObject({ code: SYNC_TIMEOUT_CODE });
    host.resume();
    await new Promise((resolve) => setTimeout(resolve, 10));
    for (const sheet of ['Stocking', 'Summary', 'Mine']) expect(snapshotOf(host).cells[sheet]).toEqual(before[sheet]);
    expect(staging(host).length).toBeGreaterThan(0);
    await port.writeResults(bundle([stock(3), summary(3)]));
    expect(staging(host)).toEqual([]);
    expect(bodyColumn(host, 1)).toEqual([13, 23, 33]);
    expect(formulasOf(host)).toEqual(FORMULAS);
  });
});

test('below ExcelApi 1.13 (no Table.resize) whole sheets are swapped, and references to the results turn into #REF! (documented)', async () => {
  const { port, host } = await afterFirstRun((fake) => void (fake.apiVersion = '1.12'));
  await port.writeResults(bundle([stock(2), summary(2)]));
  expect(formulasOf(host)).toEqual(['=SUM(#REF!)', '=#REF!', '=#REF!', '=COUNTA(#REF!)', '=SUM(#REF!)']);
  expect(bodyColumn(host, 1)).toEqual([12, 22]);
});

describe('planning helpers', () => {
  test('longestIncreasing keeps the longest run of columns already in target order', () => {
    // Current columns mapped to target positions: A→0, C→2, B→1, gone→−1, D→3. Keeping A, B, D (or A, C, D) moves one column.
    expect(longestIncreasing([0, 2, 1, -1, 3])).toEqual([0, 1, 4]);
    expect(longestIncreasing([3, 2, 1, 0])).toEqual([0]);
    expect(longestIncreasing([-1, -1])).toEqual([]);
  });

  test('newSheetPositions: a replacement takes its old place, added sheets follow the last kept or replaced one', () => {
    // Tabs that stay: In1, K1 (kept), In2. R replaces a sheet that sat after In1 and K1; A1, A2 are new.
    expect(newSheetPositions(['In1', 'K1', 'In2'], ['K1'], [{ newId: 'R', replacesIndex: 2 }], ['A1', 'A2'])).toEqual([
      { id: 'R', position: 2 },
      { id: 'A1', position: 3 },
      { id: 'A2', position: 4 },
    ]);
    // Nothing kept or replaced: at the end.
    expect(newSheetPositions(['In1', 'In2'], [], [], ['A1'])).toEqual([{ id: 'A1', position: 2 }]);
  });
});
