/**
 * OfficeWorkbook (Office.js adapter) over a fake Excel (office-fake-*.ts) that enforces what
 * matters of Office.js: values only after load + sync, typing semantics for written text, payload
 * limits, counted syncs, requirement sets and failures injected at any step.
 */
import { generateSample } from '../../src/sample';
import { inputTemplate } from '../../src/model/template';
import { runPipeline } from '../../src/pipeline/run';
import { CHART_TYPES } from '../../src/workbook/office-charts';
import { resultSheetLayout, type CellValue, type ResultBundle, type ResultTable, type StoredScenario } from '../../src/workbook/port';
import { FakeContext, FakeRange } from './office-fake-context';
import { OfficeWorkbook } from '../../src/workbook/office-adapter';
import { FakeExcelHost, snapshotOf } from './office-fake-host';
import { FakeWorkbook } from './office-fake-workbook';
import { boxAddress, FakeSheet } from './office-fake-model';
import { legacyOfficeHarness, officeHarness, officeWorkbookWith } from './office-harness';
import { describePortContract, inputFixture, type WorkbookFixture } from './port-contract';

describePortContract('OfficeWorkbook over a fake current Excel (ExcelApi 1.18)', officeHarness);
describePortContract('OfficeWorkbook over a fake Excel at the manifest floor (ExcelApi 1.7)', legacyOfficeHarness);

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const INPUT_SHEETS = ['Data', 'parts', 'Demand', 'Values'];

/** A Demand sheet of `rows` body rows (PartID, Period, Quantity), or the same as an Excel table. */
function bigDemand(rows: number, asTable = false): WorkbookFixture {
  const body = Array.from({ length: rows }, (_, i) => [`PN-${i + 1}`, day(`2025-${String((i % 12) + 1).padStart(2, '0')}-01`), i % 7]);
  return {
    sheets: [{ name: 'Demand', rows: [['PartID', 'Period', 'Quantity'], ...body] }],
    tables: asTable ? [{ name: 'DemandTable', sheet: 'Demand', ref: `A1:C${rows + 1}` }] : [],
  };
}

function stockTable(overrides: Partial<ResultTable> = {}): ResultTable {
  return {
    sheet: 'Stocking',
    tableName: 'StockingResults',
    title: 'Recommended stock levels',
    columns: [
      { header: 'PartID', format: 'text' },
      { header: 'Stock', format: 'integer' },
      { header: 'FillRate', format: 'percent' },
      { header: 'Value', format: 'currency' },
    ],
    rows: [
      ['PN-1', 3, 0.953, 1260],
      ['PN-2', 0, 0.5, 0],
    ],
    ...overrides,
  };
}

function bundle(tables: ResultTable[]): ResultBundle {
  return { tables, resultSheets: ['Stocking', 'Summary', 'Forecast'], currency: 'EUR' };
}

const sheetOf = (host: FakeExcelHost, name: string): FakeSheet => {
  const sheet = host.book.sheet(name);
  if (!sheet) throw new Error(`No sheet ${name}`);
  return sheet;
};
const stagingSheets = (host: FakeExcelHost): string[] => host.book.sheets.map((sheet) => sheet.name).filter((name) => name.startsWith('~'));

describe('reading', () => {
  test('reads 12,000 narrow rows in one chunk (9 cells a row), never one sync per row', async () => {
    for (const asTable of [false, true]) {
      const { port, host } = officeWorkbookWith(bigDemand(12_000, asTable));
      const table = await port.readTable(asTable ? 'demandtable' : 'demand');
      expect(table?.rows).toHaveLength(12_000);
      expect(table?.rows[11_999]).toEqual(['PN-12000', day('2025-12-01'), 11_999 % 7]);
      // Two look-ups (names, then the table range or used range) and one chunk: 12,001 rows × 3 columns × 3 matrices < 200,000 cells.
      expect(host.syncCount).toBeLessThanOrEqual(3);
      expect(host.largest.responseCells).toBe((asTable ? 12_001 : 12_001) * 9);
    }
  });

  test('halves the chunk when Excel rejects a response as too large, and still reads every row', async () => {
    // 12,001 rows (header included) × 3 columns × 3 matrices: 12,001 rows = 108,009 cells, 6,000 = 54,000, 3,000 = 27,000, 1,500 = 13,500.
    const { port, host } = officeWorkbookWith(bigDemand(12_000), (fake) => (fake.payloadCellLimit = 20_000));
    const table = await port.readTable('Demand');
    expect(table?.rows).toHaveLength(12_000);
    expect(table?.rows.map((row) => row[0])).toEqual(Array.from({ length: 12_000 }, (_, i) => `PN-${i + 1}`));
    // 2 look-ups + 3 rejected chunks + 9 chunks of 1,500 rows (the last one 1 row).
    expect(host.syncCount).toBe(14);
  });

  test('gives up when even one row is too large', async () => {
    const { port } = officeWorkbookWith(bigDemand(10), (fake) => (fake.payloadCellLimit = 2));
    await expect(port.readTable('Demand')).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  describe('a wide Demand table: one column per month, 60 months × 20,000 part-locations', () => {
    const MONTHS = 60;
    const ROWS = 20_000;
    const FIVE_MB = 5 * 1024 * 1024;
    // Quantity of row i in month m: (i + 3m) mod 7, so every row and column differs.
    const quantity = (i: number, m: number): number => (i + 3 * m) % 7;
    const partId = (i: number): string => `P-${String(i + 1).padStart(5, '0')}`;
    // 1.2 million cells, built once straight into a fake workbook that the reading tests share (reads change nothing).
    let book: FakeWorkbook;
    beforeAll(() => {
      book = new FakeWorkbook();
      const sheet = book.addSheet('Demand');
      ['PartID', 'LocationID', ...Array.from({ length: MONTHS }, (_, m) => `${2021 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`)].forEach((header, c) => sheet.setCell(0, c, { kind: 'String', value: header }));
      const numbers = Array.from({ length: 7 }, (_, value) => ({ kind: 'Double' as const, value }));
      for (let i = 0; i < ROWS; i++) {
        sheet.setCell(i + 1, 0, { kind: 'String', value: partId(i) });
        sheet.setCell(i + 1, 1, { kind: 'String', value: `L-${(i % 4) + 1}` });
        for (let m = 0; m < MONTHS; m++) sheet.setCell(i + 1, 2 + m, numbers[quantity(i, m)]);
      }
    });
    const webHost = (byteLimit: number): FakeExcelHost => Object.assign(new FakeExcelHost(book), { payloadByteLimit: byteLimit, payloadErrorCode: 'GeneralException' as const });

    const expectEveryRow = (rows: unknown[][] | undefined): void => {
      expect(rows).toHaveLength(ROWS);
      for (const i of [0, 1, 4_999, 5_000, 12_345, ROWS - 1]) expect(rows![i]).toEqual([partId(i), `L-${(i % 4) + 1}`, ...Array.from({ length: MONTHS }, (_, m) => quantity(i, m))]);
      expect(rows!.every((row, i) => row[0] === partId(i) && row[MONTHS + 1] === quantity(i, MONTHS - 1))).toBe(true);
    };

    test('reads under Excel on the web\'s 5 MB limit in chunks of 200,000 cells, where 5,000 rows would not fit', async () => {
      const host = webHost(FIVE_MB);
      const port = new OfficeWorkbook(host.run, { supports: host.supports });
      expectEveryRow((await port.readTable('Demand'))?.rows);
      // 62 columns × 3 matrices = 186 cells a row: 1,075 rows a chunk; 20,001 rows in 19 chunks, none rejected.
      expect(host.syncCount).toBe(2 + Math.ceil(20_001 / 1075));
      expect(host.largest.responseCells).toBe(1075 * 186);
      expect(host.largest.responseBytes).toBeLessThan(FIVE_MB);
      // The former fixed chunk of 5,000 rows loads 930,000 cells, over the limit, and Excel on the web says only GeneralException.
      const context = new FakeContext(host);
      context.workbook.worksheets.getItem('Demand').getRangeByIndexes(0, 0, 5000, 62).load('values,valueTypes,numberFormat');
      await expect(context.sync()).rejects.toMatchObject({ code: 'GeneralException' });
    });

    test('with a tighter limit, GeneralException on a large chunk halves it until it fits', async () => {
      const host = webHost(1024 * 1024);
      const port = new OfficeWorkbook(host.run, { supports: host.supports });
      expectEveryRow((await port.readTable('Demand'))?.rows);
      // The first chunk (1,075 rows) was rejected, then 537 rows a chunk fit: 2 look-ups + 1 + ceil(20,001 / 537).
      expect(host.syncCount).toBe(2 + 1 + Math.ceil(20_001 / 537));
      expect(host.largest.responseBytes).toBeLessThanOrEqual(1024 * 1024);
    });

    test('writes a 62-column result table of 5,000 rows the same way: under the limit, halving on GeneralException', async () => {
      const { port, host } = officeWorkbookWith(inputFixture(), (fake) => {
        fake.apiVersion = '1.18';
        fake.payloadByteLimit = 512 * 1024;
        fake.payloadErrorCode = 'GeneralException';
      });
      const columns = [{ header: 'PartID', format: 'text' as const }, ...Array.from({ length: 61 }, (_, m) => ({ header: `M${m + 1}`, format: 'integer' as const }))];
      const rows = Array.from({ length: 5_000 }, (_, i) => [`P-${i + 1}`, ...Array.from({ length: 61 }, (_, m) => quantity(i, m))]);
      await port.writeResults(bundle([stockTable({ columns, rows })]));
      expect(host.largest.requestBytes).toBeLessThanOrEqual(512 * 1024);
      host.payloadByteLimit = Infinity;
      expect((await port.readTable('StockingResults'))?.rows).toEqual(rows);
    });
  });

  test('loads only values, value types, number formats and positions of ranges', async () => {
    const loads: string[] = [];
    const load = FakeRange.prototype.load;
    FakeRange.prototype.load = function (this: FakeRange, properties) {
      loads.push(...String(properties).split(','));
      return load.call(this, properties);
    };
    try {
      const { port } = officeWorkbookWith(inputFixture());
      await port.readTable('Parts');
      await port.readTable('Values');
      await port.readRange('Demand!A1:D9');
    } finally {
      FakeRange.prototype.load = load;
    }
    expect(new Set(loads)).toEqual(new Set(['values', 'valueTypes', 'numberFormat', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']));
  });

  test('an error is an error only where Excel says so: text "#N/A" stays text', async () => {
    const { port, host } = officeWorkbookWith({ sheets: [{ name: 'Codes', rows: [['Code', 'Result'], ['#N/A', { error: '#N/A' }], ['#REF!', { error: '#SPILL!' }]] }] });
    expect(sheetOf(host, 'Codes').cell(1, 0)).toEqual({ kind: 'String', value: '#N/A' });
    expect((await port.readTable('Codes'))?.rows).toEqual([
      ['#N/A', { error: '#N/A' }],
      ['#REF!', { error: '#SPILL!' }],
    ]);
  });

  test('dates are numbers shown with any date format; currency or text formats with letters are not dates', async () => {
    const { port, host } = officeWorkbookWith({ sheets: [{ name: 'Formats', rows: [['A', 'B', 'C', 'D', 'E'], [45000, 45000, 45000, 45000, 45000]] }] });
    const sheet = sheetOf(host, 'Formats');
    ['[$-409]d-mmm-yy;@', 'yyyy-mm-dd hh:mm', '"USD "#,##0.00', '[Red]0.00;[Blue]-0.00', '0.0%'].forEach((format, c) => sheet.setFormat(1, c, format));
    const serial45000 = day('2023-03-15');
    expect((await port.readTable('Formats'))?.rows).toEqual([[serial45000, serial45000, 45000, 45000, 45000]]);
  });

  test('a totals row is not part of the body', async () => {
    const { port, host } = officeWorkbookWith({ sheets: [{ name: 'Data', rows: [['Part', 'Qty'], ['A', 1], ['B', 2], ['Total', 3]] }], tables: [{ name: 'Counts', sheet: 'Data', ref: 'A1:B4' }] });
    host.book.table('Counts')!.showTotals = true;
    expect((await port.readTable('Counts'))?.rows).toEqual([['A', 1], ['B', 2]]);
  });
});

describe('writing results', () => {
  test('text in number columns goes in behind an apostrophe: never a formula, number, date or boolean', async () => {
    const { port, host } = officeWorkbookWith(inputFixture());
    const tricky = ['=1+1', '+1', '-A1', '@Parts', '00123', '2025-03', 'TRUE', "'quoted", '#N/A'];
    await port.writeResults(bundle([stockTable({ rows: tricky.map((text, i) => [`PN-${i}`, text, 0.5, 10]) })]));
    const cells = snapshotOf(host).cells.Stocking.slice(3).map((row) => row[1]);
    expect(cells).toEqual(tricky);
    expect((await port.readTable('StockingResults'))?.rows.map((row) => row[1])).toEqual(tricky);
    // Without the apostrophe the fake would have parsed them, as Excel does:
    const sheet = sheetOf(host, 'Stocking');
    sheet.enter(10, 1, '=1+1');
    sheet.enter(11, 1, '2025-03');
    expect(sheet.cell(10, 1)).toMatchObject({ formula: '=1+1' });
    expect(sheet.cell(11, 1)?.kind).toBe('Double');
  });

  test('errors, dates, booleans and odd numbers keep their type in any column', async () => {
    const { port, host } = officeWorkbookWith(inputFixture());
    const rows: CellValue[][] = [
      [{ error: '#N/A' }, day('2025-06-30'), true, Number.NaN],
      ['PN-2', { error: '#DIV/0!' }, false, Number.POSITIVE_INFINITY],
    ];
    await port.writeResults(bundle([stockTable({ rows })]));
    expect(snapshotOf(host).cells.Stocking.slice(3)).toEqual([
      [{ error: '#N/A' }, day('2025-06-30'), true, null],
      ['PN-2', { error: '#DIV/0!' }, false, { error: '#NUM!' }],
    ]);
    expect(sheetOf(host, 'Stocking').format(3, 1)).toBe('yyyy-mm-dd');
    expect((await port.readTable('StockingResults'))?.rows).toEqual([
      [{ error: '#N/A' }, day('2025-06-30'), true, null],
      ['PN-2', { error: '#DIV/0!' }, false, { error: '#NUM!' }],
    ]);
  });

  test('row formats override the column format for numbers, as on the summary sheet', async () => {
    const { port, host } = officeWorkbookWith(inputFixture());
    const summary: ResultTable = {
      sheet: 'Summary',
      tableName: 'SummaryResults',
      title: 'Summary',
      columns: [
        { header: 'Metric', format: 'text' },
        { header: 'Value', format: 'decimal' },
      ],
      rows: [
        ['Fill rate', 0.95],
        ['Investment', 125000],
        ['Parts', 42],
        ['Engine version', '0.1.0'],
        ['Annual demand', 12.5],
      ],
      rowFormats: ['percent', 'currency', 'integer', 'text'],
    };
    await port.writeResults(bundle([summary]));
    const sheet = sheetOf(host, 'Summary');
    // Text keeps the column's format (it is text either way); rows without a row format keep the column's too.
    expect([3, 4, 5, 6, 7].map((row) => sheet.format(row, 1))).toEqual(['0.0%', '"EUR "#,##0.00', '#,##0', '#,##0.00', '#,##0.00']);
    expect(sheet.cell(6, 1)).toEqual({ kind: 'String', value: '0.1.0' });
  });

  test('lays the sheet out: bold title, styled table, frozen header, autofit table columns, explicit widths', async () => {
    const { port, host } = officeWorkbookWith(inputFixture());
    const columns = stockTable().columns.map((column, i) => (i === 0 ? { ...column, width: 20 } : column));
    await port.writeResults(bundle([stockTable({ columns })]));
    const sheet = sheetOf(host, 'Stocking');
    expect(sheet.fonts.get(0)).toEqual({ bold: true, size: 14 });
    expect(sheet.format(0, 0)).toBe('@');
    expect(sheet.frozenRows).toBe(3);
    expect(host.book.table('StockingResults')).toMatchObject({ style: 'TableStyleMedium2' });
    expect(sheet.autofitted.map(boxAddress)).toEqual(['A3:D5']);
    expect(sheet.columnWidths.get(0)).toBeCloseTo((20 * 7 + 5) * 0.75, 0);
    expect(sheet.columnWidths.has(1)).toBe(false);
  });

  test('description lines in italics push the table down; header notes only with ExcelApi 1.18', async () => {
    const described = (): ResultTable => stockTable({ description: ['Line one.', 'Line two.'], columns: stockTable().columns.map((column, i) => (i === 1 ? { ...column, note: 'Units.' } : column)) });
    const { port, host } = officeWorkbookWith(inputFixture(), (fake) => (fake.apiVersion = '1.18'));
    await port.writeResults(bundle([described()]));
    const sheet = sheetOf(host, 'Stocking');
    expect(sheet.fonts.get(FakeSheet.key(1, 0))).toEqual({ italic: true });
    expect(sheet.frozenRows).toBe(5);
    expect(sheet.autofitted.map(boxAddress)).toEqual(['A5:D7']);
    expect([...sheet.notes.entries()]).toEqual([['B5', 'Units.']]);
    const older = officeWorkbookWith(inputFixture());
    await older.port.writeResults(bundle([described()]));
    expect(sheetOf(older.host, 'Stocking').notes.size).toBe(0);
  });

  test('writes 60,000 rows in chunks of 200,000 cells with calculation suspended, and reads them back', async () => {
    const { port, host } = officeWorkbookWith(inputFixture());
    const rows = Array.from({ length: 60_000 }, (_, i) => [`PN-${i}`, i, (i % 100) / 100, i * 2.5]);
    await port.writeResults(bundle([stockTable({ rows })]));
    // 4 columns × 2 matrices (formats, values) = 8 cells a row: 25,000 rows a chunk, so 3 chunks.
    expect(host.suspendedCalculation).toBe(3);
    expect(host.largest.requestCells).toBe(200_000);
    // Catalog (2) + protection (1) + header (1) + 3 chunks + table and formats (1) + swap (1).
    expect(host.syncCount).toBe(9);
    expect((await port.readTable('StockingResults'))?.rows).toEqual(rows);
  });

  test('halves write chunks when Excel rejects a request as too large', async () => {
    // 4 columns × 2 matrices (values, formats): 5,000 rows = 40,000 cells, 2,500 = 20,000.
    const { port, host } = officeWorkbookWith(inputFixture(), (fake) => (fake.payloadCellLimit = 25_000));
    const rows = Array.from({ length: 6_000 }, (_, i) => [`PN-${i}`, i, 0.5, i]);
    await port.writeResults(bundle([stockTable({ rows })]));
    host.payloadCellLimit = Infinity;
    expect((await port.readTable('StockingResults'))?.rows).toEqual(rows);
  });

  test('suspends screen updating only where ExcelApi 1.9 is supported', async () => {
    const old = officeWorkbookWith(inputFixture());
    await old.port.writeResults(bundle([stockTable()]));
    expect(old.host.suspendedScreenUpdating).toBe(0);
    const current = officeWorkbookWith(inputFixture(), (fake) => (fake.apiVersion = '1.9'));
    await current.port.writeResults(bundle([stockTable()]));
    expect(current.host.suspendedScreenUpdating).toBe(1);
  });

  test('never changes an input sheet: every step on one is a read', async () => {
    const { port, host } = officeWorkbookWith(inputFixture());
    await port.writeResults(bundle([stockTable(), stockTable({ sheet: 'Summary', tableName: 'SummaryResults' })]));
    await port.writeResults(bundle([stockTable()]));
    const writes = host.log.filter((step) => step.sheet !== undefined && INPUT_SHEETS.includes(step.sheet) && step.kind !== 'load' && step.kind !== 'resolve');
    expect(writes).toEqual([]);
  });
});

describe('replacing results as a unit', () => {
  async function withPreviousResults(): Promise<ReturnType<typeof officeWorkbookWith>> {
    const made = officeWorkbookWith(inputFixture());
    await made.port.writeResults(bundle([stockTable(), stockTable({ sheet: 'Summary', tableName: 'SummaryResults', title: 'Summary' })]));
    return made;
  }
  const next = bundle([stockTable({ rows: [['PN-9', 9, 0.9, 90]] }), stockTable({ sheet: 'Summary', tableName: 'SummaryResults', title: 'Summary', rows: [] })]);

  test.each([
    ['adding the second staged table', 'tables.add', 2],
    ['writing the first body chunk (after title and header)', 'range.values', 3],
    ['adding the second staging sheet', 'worksheets.add', 2],
  ])('a failure while building the new sheets (%s) keeps the previous results and leaves no staging sheet', async (_what, kind, occurrence) => {
    const { port, host } = await withPreviousResults();
    const before = snapshotOf(host);
    let seen = 0;
    host.failWhen((step) => step.kind === kind && (step.sheet ?? '').startsWith('~spp-new') && ++seen === occurrence);
    await expect(port.writeResults(next)).rejects.toThrow(/Injected failure/);
    expect(seen).toBe(occurrence);
    expect(snapshotOf(host)).toEqual(before);
    expect(stagingSheets(host)).toEqual([]);
  });

  test('a failure while swapping, before anything is deleted, is undone: the previous results stay', async () => {
    const { port, host } = await withPreviousResults();
    const before = snapshotOf(host);
    host.failWhen((info) => info.kind === 'worksheet.rename' && info.target === 'Summary');
    await expect(port.writeResults(next)).rejects.toThrow(/Injected failure/);
    expect(snapshotOf(host)).toEqual(before);
    expect(stagingSheets(host)).toEqual([]);
    expect(host.book.tables.map((table) => table.name).sort()).toEqual(['Parts', 'StockingResults', 'SummaryResults']);
  });

  test('a failure after the new sheets have their names is finished: the new results are complete', async () => {
    const { port, host } = await withPreviousResults();
    host.failWhen((info) => info.kind === 'worksheet.delete' && (info.sheet ?? '').startsWith('~spp-old'));
    await port.writeResults(next);
    const after = snapshotOf(host);
    expect(after.sheetNames).toEqual([...INPUT_SHEETS, 'Stocking', 'Summary']);
    expect(after.cells.Stocking.slice(3)).toEqual([['PN-9', 9, 0.9, 90]]);
    expect(after.tables.map((table) => table.name).sort()).toEqual(['Parts', 'StockingResults', 'SummaryResults']);
    expect(stagingSheets(host)).toEqual([]);
  });

  test('when tidying up fails too, the error says so', async () => {
    const { port, host } = await withPreviousResults();
    host.failWhen((info) => info.kind === 'worksheet.rename' && info.target === 'Summary');
    host.failWhen((info) => info.kind === 'worksheet.delete', { times: 10 });
    await expect(port.writeResults(next)).rejects.toThrow(/and so did tidying up/);
  });

  test('staging sheets left by an interrupted run are removed by the next write', async () => {
    const { port, host } = await withPreviousResults();
    host.book.addSheet('~spp-new-crashed-1');
    host.book.addSheet('~spp-old-crashed-1');
    await port.writeResults(next);
    expect(snapshotOf(host).sheetNames).toEqual([...INPUT_SHEETS, 'Stocking', 'Summary']);
  });
});

describe('charts', () => {
  const SAMPLE = { parts: 6, locations: 3, periods: 24, seed: 11 };

  async function sampleRun() {
    const made = officeWorkbookWith({ sheets: [{ name: 'Notes', rows: [['Planning workbook']] }] });
    await made.port.createInputTables(generateSample(SAMPLE));
    const analysis = await runPipeline(made.port);
    if (!analysis.ok) throw new Error(`Sample run failed: ${JSON.stringify(analysis.issues.slice(0, 3))}`);
    return { ...made, analysis };
  }

  test('the layout charts are drawn natively on their sheets, fed from the table columns', async () => {
    const { host, analysis } = await sampleRun();
    const charted = analysis.bundle.tables.filter((table) => table.charts?.length);
    expect(charted.map((table) => table.sheet)).toEqual(['SPP Demand Profile', 'SPP By Location', 'SPP By Tier', 'SPP Frontier', 'SPP MOM Scores', 'SPP Opportunities', 'SPP Business Case', 'SPP Risk', 'SPP Monitoring']);
    for (const table of charted) {
      const sheet = sheetOf(host, table.sheet);
      // The body rows the chart plots: all of them, or the block its spec names (SPP Risk: the tiers, then the top drivers).
      const body = (header: string, rows: { first: number; count: number } = { first: 0, count: table.rows.length }) => {
        const column = table.columns.findIndex((candidate) => candidate.header === header);
        return { sheetId: sheet.id, box: { row: resultSheetLayout(table).headerRow + rows.first, column, rows: rows.count, columns: 1 } };
      };
      expect(sheet.charts).toHaveLength(table.charts!.length);
      table.charts!.forEach((spec, i) => {
        const chart = sheet.charts[i];
        expect(chart).toMatchObject({ type: CHART_TYPES[spec.kind], title: spec.title, categoryAxisTitle: spec.xAxisTitle, valueAxisTitle: spec.yAxisTitle, legendVisible: spec.seriesColumns.length > 1 });
        expect(chart.series).toEqual(spec.seriesColumns.map((header) => ({ name: header, values: body(header, spec.rows), xValues: body(spec.categoryColumn, spec.rows) })));
        // To the right of the table, with a blank column between.
        expect(chart.position?.start).toBe(`${String.fromCharCode(65 + table.columns.length + 1)}${resultSheetLayout(table).headerRow + i * 20}`);
      });
    }
    // The tier chart plots columns that are not next to each other.
    const tier = analysis.bundle.tables.find((table) => table.sheet === 'SPP By Tier')!;
    const columns = tier.charts![0].seriesColumns.map((header) => tier.columns.findIndex((column) => column.header === header));
    expect(columns.some((column, i) => i > 0 && column !== columns[i - 1] + 1)).toBe(true);
    expect(sheetOf(host, 'SPP By Tier').charts[0].type).toBe('ColumnClustered');
    expect(sheetOf(host, 'SPP Demand Profile').charts[0].type).toBe('XYScatter');
    expect(sheetOf(host, 'SPP Frontier').charts[0].type).toBe('XYScatterLines');
    // SPP Risk: the first chart over the tier rows, the second over the top drivers below them.
    const risk = analysis.bundle.tables.find((table) => table.sheet === 'SPP Risk')!;
    const findings = risk.rows.map((row) => row[0]);
    expect(risk.charts!.map((c) => c.rows)).toEqual([
      { first: 0, count: findings.filter((f) => f === 'penaltyByTier').length },
      { first: findings.indexOf('topPenaltyDriver'), count: findings.filter((f) => f === 'topPenaltyDriver').length },
    ]);
  });

  test('input tables from the sample read back exactly, IDs and periods as text', async () => {
    const { port } = await sampleRun();
    const sample = generateSample(SAMPLE);
    for (const table of sample) {
      const read = await port.readTable(table.name);
      expect(read?.headers).toEqual(table.columns.map((column) => column.header));
      expect(read?.rows).toEqual(table.rows.map((row) => row.map((value) => (value === '' ? null : value))));
    }
  });

  test('a table without rows gets no chart; a chart naming a missing column is refused before anything changes', async () => {
    const { port, host } = officeWorkbookWith(inputFixture());
    const chart = { kind: 'line' as const, title: 'Stock', xAxisTitle: 'Part', yAxisTitle: 'Units', categoryColumn: 'PartID', seriesColumns: ['Stock'] };
    await port.writeResults(bundle([stockTable({ rows: [], charts: [chart] })]));
    expect(sheetOf(host, 'Stocking').charts).toEqual([]);
    const before = snapshotOf(host);
    await expect(port.writeResults(bundle([stockTable({ charts: [{ ...chart, seriesColumns: ['Missing'] }] })]))).rejects.toThrow(/Missing/);
    expect(snapshotOf(host)).toEqual(before);
  });
});

describe('scenario storage', () => {
  const stored: StoredScenario = { version: 1, scenario: { tableSources: { Demand: "'My data'!A1:D9" }, settings: { forecastMethod: '=SBA' } } };

  test('round-trips through text cells on a very hidden sheet', async () => {
    const { port, host } = officeWorkbookWith(inputFixture());
    await port.writeScenario(stored);
    const sheet = sheetOf(host, 'SPP Scenario');
    expect(sheet.visibility).toBe('VeryHidden');
    expect(sheet.format(0, 0)).toBe('@');
    expect(sheet.cell(0, 0)).toEqual({ kind: 'String', value: JSON.stringify(stored) });
    expect(await port.readScenario()).toEqual(stored);
  });

  test('JSON longer than a cell continues in A2, A3, …; a shorter one later clears the rest', async () => {
    const { port, host } = officeWorkbookWith(inputFixture());
    const long: StoredScenario = { version: 1, scenario: { notes: 'x'.repeat(70_000) } };
    await port.writeScenario(long);
    const sheet = sheetOf(host, 'SPP Scenario');
    expect([0, 1, 2].map((row) => (sheet.cell(row, 0)?.value as string).length)).toEqual([32_767, 32_767, JSON.stringify(long).length - 2 * 32_767]);
    expect(await port.readScenario()).toEqual(long);
    await port.writeScenario(stored);
    expect(sheet.usedBox()).toEqual({ row: 0, column: 0, rows: 1, columns: 1 });
    expect(await port.readScenario()).toEqual(stored);
  });

  test('is null when the cell holds something else', async () => {
    const { port, host } = officeWorkbookWith(inputFixture());
    await port.writeScenario(stored);
    sheetOf(host, 'SPP Scenario').setCell(0, 0, { kind: 'String', value: '{"version":2}' });
    await expect(port.readScenario()).resolves.toBeNull();
  });
});

describe('createInputTables', () => {
  const blank: WorkbookFixture = { sheets: [{ name: 'Start', rows: [['x']] }] };
  const validations = (host: FakeExcelHost, sheet: string) => sheetOf(host, sheet).validations.map(({ box, rule }) => ({ at: boxAddress(box), rule }));

  test('with ExcelApi 1.8: list, decimal and whole-number validation down to 1,000 rows below the table', async () => {
    const { port, host } = officeWorkbookWith(blank, (fake) => (fake.apiVersion = '1.8'));
    const template = inputTemplate();
    await port.createInputTables(template);
    const parts = template.find((table) => table.name === 'Parts')!;
    const at = (header: string) => parts.columns.findIndex((column) => column.header === header);
    const column = (header: string) => String.fromCharCode(65 + at(header));
    const last = 1 + Math.max(1, parts.rows.length) + 1000;
    const rules = validations(host, 'Parts');
    const criticality = parts.columns[at('Criticality')].validation;
    if (criticality?.kind !== 'list') throw new Error('Criticality should be a list column');
    expect(rules).toContainEqual({ at: `${column('Criticality')}2:${column('Criticality')}${last}`, rule: { list: { inCellDropDown: true, source: criticality.values.join(',') } } });
    expect(rules).toContainEqual({ at: `${column('UnitCost')}2:${column('UnitCost')}${last}`, rule: { decimal: expect.objectContaining({ operator: 'GreaterThanOrEqualTo' }) } });
    expect(sheetOf(host, 'Parts').validations.every((validation) => validation.ignoreBlanks === true && (validation.errorAlert as { style: string }).style === 'Stop')).toBe(true);
    const whole = template.flatMap((table) => table.columns.filter((candidate) => candidate.validation?.kind === 'whole').map(() => table.name));
    expect(whole.length).toBeGreaterThan(0);
    expect(validations(host, whole[0]).some(({ rule }) => 'wholeNumber' in (rule as object))).toBe(true);
    // Notes need ExcelApi 1.18.
    expect(sheetOf(host, 'Parts').notes.size).toBe(0);
  });

  test('with ExcelApi 1.7 the tables are made without validation, and nothing fails', async () => {
    const { port, host } = officeWorkbookWith(blank);
    const created = await port.createInputTables(inputTemplate());
    expect(created).toEqual(inputTemplate().map((table) => table.name));
    expect(host.log.filter((step) => step.kind === 'range.dataValidation' || step.kind === 'worksheet.notes.add')).toEqual([]);
    expect(sheetOf(host, 'Parts').frozenRows).toBe(1);
    expect(host.book.table('Parts')).toBeDefined();
  });

  test('with ExcelApi 1.18 every header gets its note', async () => {
    const { port, host } = officeWorkbookWith(blank, (fake) => (fake.apiVersion = '1.18'));
    const template = inputTemplate();
    await port.createInputTables(template);
    const locations = template.find((table) => table.name === 'Locations')!;
    expect([...sheetOf(host, 'Locations').notes.entries()]).toEqual(locations.columns.map((column, c) => [`${String.fromCharCode(65 + c)}1`, column.note]));
  });

  test('text columns are text-formatted below the table too, so IDs typed later stay as typed', async () => {
    const { port, host } = officeWorkbookWith(blank);
    const template = inputTemplate();
    await port.createInputTables(template);
    const parts = template.find((table) => table.name === 'Parts')!;
    const sheet = sheetOf(host, 'Parts');
    const typedRow = 1 + parts.rows.length + 10;
    sheet.enter(typedRow, 0, '00123');
    expect(sheet.cell(typedRow, 0)).toEqual({ kind: 'String', value: '00123' });
    expect(parts.columns[0].format).toBe('text');
  });
});
