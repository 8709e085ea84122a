import * as ExcelJS from 'exceljs';
import { SCENARIO_SHEET, type InputTableToWrite, type ResultBundle } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/workbook/xlsx-adapter';
import { WorkbookFileError } from '../../src/workbook/xlsx-errors';
import { SheetWriter } from '../../src/workbook/xlsx-sheet-writer';
import { describePortContract, inputFixture } from './port-contract';
import { fixtureWorkbook, saved, xlsxFromFixture, xlsxHarness } from './xlsx-harness';
import { rewriteParts, sheetPartsByName, xmlParts, zipOf } from './xlsx-parts';

describePortContract('XlsxWorkbook (package)', xlsxHarness);

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return (await workbook.xlsx.writeBuffer()) as unknown as Uint8Array;
}

/** The port's workbook with these tab positions set by ExcelJS, as another program saving it would. */
async function withBookViews(port: XlsxWorkbook, view: { firstSheet: number; activeTab: number }): Promise<XlsxWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await port.toBuffer()) as unknown as ExcelJS.Buffer);
  workbook.views = [{ x: 0, y: 0, width: 10000, height: 20000, visibility: 'visible', ...view }];
  return XlsxWorkbook.fromBuffer(await bytesOf(workbook));
}

async function fromExcelJs(build: (workbook: ExcelJS.Workbook) => void): Promise<XlsxWorkbook> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return XlsxWorkbook.fromBuffer(await bytesOf(workbook));
}

const TEMPLATE: InputTableToWrite[] = [
  {
    name: 'Parts',
    columns: [
      { header: 'PartID', note: 'Unique part identifier.' },
      { header: 'UnitCost', note: 'Cost of one unit; must be > 0.', validation: { kind: 'decimal', min: 0 }, format: 'decimal' },
      { header: 'Criticality', note: 'Critical or Standard.', validation: { kind: 'list', values: ['Critical', 'Standard'] } },
      { header: 'EndOfSupport', note: 'Date after which the part is not supported.', format: 'date' },
    ],
    rows: [['PN-1001', 420, 'Critical', null]],
  },
  {
    name: 'SLATiers',
    columns: [
      { header: 'Tier', note: 'Unique tier name.' },
      { header: 'TargetFillRate', note: 'Between 0 and 1.', validation: { kind: 'decimal', min: 0, max: 1 }, format: 'percent' },
      { header: 'Periods', note: 'Whole number.', validation: { kind: 'whole' } },
    ],
    rows: [],
  },
];

const RESULTS: ResultBundle = {
  currency: 'EUR',
  resultSheets: ['Stocking'],
  tables: [
    {
      sheet: 'Stocking',
      tableName: 'StockingResults',
      title: 'Recommended stock',
      columns: [
        { header: 'PartID', format: 'text', width: 18 },
        { header: 'A very long explanation column', format: 'text' },
        { header: 'Value', format: 'currency' },
      ],
      rows: [
        ['PN-1', 'x'.repeat(200), 1234.5],
        ['PN-2', 'short', Number.NaN],
        ['PN-3', '=HYPERLINK("http://evil")', Number.POSITIVE_INFINITY],
      ],
      charts: [{ kind: 'columnClustered', title: 'Stock', xAxisTitle: 'Part', yAxisTitle: 'Units', categoryColumn: 'PartID', seriesColumns: ['Value'] }],
    },
  ],
};

describe('XlsxWorkbook round trip through a file', () => {
  let file: ExcelJS.Workbook;
  let parts: Record<string, string>;

  beforeAll(async () => {
    const port = XlsxWorkbook.empty();
    expect(await port.createInputTables(TEMPLATE)).toEqual(['Parts', 'SLATiers']);
    await port.writeResults(RESULTS);
    const bytes = await port.toBuffer();
    file = new ExcelJS.Workbook();
    await file.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    parts = await xmlParts(bytes);
  });

  test('sheets and tables', () => {
    expect(file.worksheets.map((w) => w.name)).toEqual(['Parts', 'SLATiers', 'Stocking']);
    const tables = file.worksheets.flatMap((w) => (w.getTables() as unknown as { model: { name: string; tableRef: string } }[]).map((t) => [t.model.name, t.model.tableRef]));
    expect(tables).toEqual([
      ['Parts', 'A1:D2'],
      ['SLATiers', 'A1:C2'],
      ['StockingResults', 'A3:C6'],
    ]);
  });

  test('result values, title and number formats', () => {
    const sheet = file.getWorksheet('Stocking')!;
    expect(sheet.getCell('A1').value).toBe('Recommended stock');
    expect(sheet.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect(sheet.getCell('C4').value).toBe(1234.5);
    expect(sheet.getCell('C4').numFmt).toBe('"EUR "#,##0.00');
    expect(sheet.getCell('C5').value).toBeNull(); // NaN cannot be stored: blank
    expect(sheet.getCell('C6').value).toEqual({ error: '#NUM!' }); // Infinity
    expect(sheet.getCell('B6').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('B6').value).toBe('=HYPERLINK("http://evil")');
  });

  test('stored text is never a formula in the XML', () => {
    const xml = sheetPartsByName(parts).Stocking;
    expect(xml).not.toContain('<f>');
    expect(xml).toMatch(/<c r="B6"[^>]*t="inlineStr"/);
  });

  test('frozen panes below the header row and column widths', () => {
    const stocking = file.getWorksheet('Stocking')!;
    expect(stocking.views[0]).toMatchObject({ state: 'frozen', ySplit: 3, topLeftCell: 'A4' });
    expect(stocking.getColumn(1).width).toBe(18);
    expect(stocking.getColumn(2).width).toBe(50);
    expect(stocking.getColumn(3).width).toBeGreaterThanOrEqual('EUR 1,234.50'.length);
    expect(file.getWorksheet('Parts')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  test('header notes', () => {
    const parts = file.getWorksheet('Parts')!;
    const noteText = (address: string) => {
      const note = parts.getCell(address).note as ExcelJS.Comment | string;
      return typeof note === 'string' ? note : note.texts?.map((t) => t.text).join('');
    };
    expect(noteText('A1')).toBe('Unique part identifier.');
    expect(noteText('D1')).toBe('Date after which the part is not supported.');
    expect(noteText('A1')).toBeDefined();
  });

  test('data validations over the body and 1000 rows below', () => {
    const validations = (file.getWorksheet('Parts') as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    expect(validations.B2).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], showErrorMessage: true, error: 'Enter a number of at least 0.' });
    expect(validations.B1002).toEqual(validations.B2);
    expect(validations.B1003).toBeUndefined();
    expect(validations.B1).toBeUndefined();
    expect(validations.C2).toMatchObject({ type: 'list', formulae: ['"Critical,Standard"'], error: 'Choose one of: Critical, Standard.' });
    expect(validations.A2).toBeUndefined();
    const tiers = (file.getWorksheet('SLATiers') as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    expect(tiers.B2).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 1] });
    expect(tiers.C2).toMatchObject({ type: 'whole', operator: 'between', formulae: [-1e15, 1e15] });
  });

  test('input formats apply to body cells', () => {
    const sheet = file.getWorksheet('Parts')!;
    expect(sheet.getCell('B2').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('D2').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('A1').numFmt).toBeUndefined();
  });

  test('notes next to tables are written after the drawing and before the table parts (exceljs #1369)', () => {
    const xml = sheetPartsByName(parts).Parts;
    const legacy = xml.indexOf('<legacyDrawing');
    expect(legacy).toBeGreaterThan(xml.indexOf('</sheetData>'));
    expect(legacy).toBeLessThan(xml.indexOf('<tableParts'));
  });

  test('each VML part owns its shape-id block (exceljs #3070)', () => {
    const vml = Object.entries(parts).filter(([name]) => name.endsWith('.vml')).map(([, xml]) => xml);
    expect(vml).toHaveLength(2);
    const blocks = vml.map((xml) => /<o:idmap[^>]*data="([^"]+)"/.exec(xml)![1]);
    expect(new Set(blocks).size).toBe(2);
    const ids = vml.flatMap((xml) => [...xml.matchAll(/id="_x0000_s(\d+)"/g)].map((m) => Number(m[1])));
    expect(ids).toHaveLength(4 + 3);
    expect(new Set(ids).size).toBe(ids.length);
    vml.forEach((xml, i) => {
      const block = Number(blocks[i]);
      for (const m of xml.matchAll(/id="_x0000_s(\d+)"/g)) expect(Math.floor(Number(m[1]) / 1024)).toBe(block);
    });
  });
});

describe('XlsxWorkbook reading', () => {
  test('shared formulas, rich text, hyperlinks and date-formatted formulas', async () => {
    const port = await fromExcelJs((workbook) => {
      const sheet = workbook.addWorksheet('S');
      sheet.addRow(['Shared', 'Rich', 'Link', 'When']);
      sheet.getCell('A2').value = { formula: 'ROW()*2', result: 4, shareType: 'shared', ref: 'A2:A3' } as ExcelJS.CellFormulaValue;
      sheet.getCell('A3').value = { sharedFormula: 'A2', result: 6 } as ExcelJS.CellSharedFormulaValue;
      sheet.getCell('B2').value = { richText: [{ text: 'PN-' }, { text: '77', font: { bold: true } }] };
      sheet.getCell('C2').value = { text: 'Supplier', hyperlink: 'https://example.com' };
      sheet.getCell('D2').value = { formula: 'DATE(2025,3,1)', result: day('2025-03-01') };
      sheet.getCell('D2').numFmt = 'yyyy-mm-dd';
      sheet.getCell('B3').value = { formula: 'FALSE()', result: false };
    });
    const table = await port.readTable('s');
    expect(table?.rows).toEqual([
      [4, 'PN-77', 'Supplier', day('2025-03-01')],
      [6, false, null, null],
    ]);
  });

  test('a table with a totals row: the totals are not body rows', async () => {
    const port = await fromExcelJs((workbook) => {
      const sheet = workbook.addWorksheet('Stock');
      sheet.addTable({
        name: 'OnHand',
        ref: 'C2',
        totalsRow: true,
        columns: [{ name: 'Part', totalsRowLabel: 'Total' }, { name: 'Qty', totalsRowFunction: 'sum' }],
        rows: [['PN-1', 2], ['PN-2', 5]],
      });
    });
    expect(await port.readTable('onhand')).toMatchObject({ headerRow: 2, firstColumn: 3, headers: ['Part', 'Qty'], rows: [['PN-1', 2], ['PN-2', 5]] });
  });

  test('a table as Excel writes it (no headerRowCount, plain auto filter) reads right and is saved back unchanged', async () => {
    const workbook = await fixtureWorkbook(inputFixture());
    const excelStyle = await rewriteParts(await bytesOf(workbook), (name, xml) =>
      name.startsWith('xl/tables/') ? xml.replace(' headerRowCount="1"', '').replace(/<autoFilter ref="([^"]+)">[\s\S]*?<\/autoFilter>/, '<autoFilter ref="$1"/>') : xml,
    );
    expect((await xmlParts(excelStyle))['xl/tables/table1.xml']).not.toContain('headerRowCount');

    const port = await XlsxWorkbook.fromBuffer(excelStyle);
    expect(await port.readTable('Parts')).toMatchObject({ headerRow: 3, headers: ['PartID', 'UnitCost', 'Repairable'], rows: [['PN-1', 420, true], ['PN-2', 12.5, false], ['PN-3', null, true]] });

    // Carried over as it was: nothing of the input package is rewritten.
    expect((await xmlParts(await port.toBuffer()))['xl/tables/table1.xml']).toBe((await xmlParts(excelStyle))['xl/tables/table1.xml']);
  });

  test('a table without a header row reads its column names and is saved back unchanged', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Raw').addTable({ name: 'NoHeader', ref: 'A5', headerRow: false, columns: [{ name: 'Part' }, { name: 'Qty' }], rows: [['PN-1', 1], ['PN-2', 2]] });
    const port = await XlsxWorkbook.fromBuffer(await bytesOf(workbook));
    const table = await port.readTable('NoHeader');
    expect(table).toMatchObject({ headerRow: 4, firstColumn: 1, headers: ['Part', 'Qty'], rows: [['PN-1', 1], ['PN-2', 2]] });
    const xml = (await xmlParts(await port.toBuffer()))['xl/tables/table1.xml'];
    expect(xml).toBe((await xmlParts(await bytesOf(workbook)))['xl/tables/table1.xml']);
  });

  test('whole-column data validations load quickly and are saved with their original ranges (exceljs #1842)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Demand');
    sheet.addRow(['PartID', 'Qty']);
    const validations = (sheet as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
    for (const column of ['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K']) validations.add(`${column}2:${column}1048576`, { type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    validations.add('A2:A1002', { type: 'list', formulae: ['"a,b"'] });
    const bytes = await bytesOf(workbook);

    const started = Date.now();
    const port = await XlsxWorkbook.fromBuffer(bytes);
    expect(Date.now() - started).toBeLessThan(5000); // plain ExcelJS 4.4 hangs on ~10 million validated cells

    const xml = sheetPartsByName(await xmlParts(await port.toBuffer())).Demand;
    const sqrefs = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(sqrefs).toEqual(['A2:A1002', 'B2:B1048576', 'C2:C1048576', 'D2:D1048576', 'E2:E1048576', 'F2:F1048576', 'G2:G1048576', 'H2:H1048576', 'I2:I1048576', 'J2:J1048576', 'K2:K1048576']);
  });
});

describe('XlsxWorkbook writing into an existing workbook', () => {
  test('input sheets are byte-identical after results are written twice, and table parts stay consistent', async () => {
    const original = await xlsxFromFixture(inputFixture());
    const untouched = sheetPartsByName(await xmlParts(await original.toBuffer()));

    // Results written, saved, reloaded (tables now come from the file), then replaced.
    const first = original;
    await first.writeResults({ ...RESULTS, resultSheets: ['Stocking', 'Extra'], tables: [RESULTS.tables[0], { ...RESULTS.tables[0], sheet: 'Extra', tableName: 'ExtraResults' }] });
    const reloaded = await XlsxWorkbook.fromBuffer(await first.toBuffer());
    await reloaded.writeResults({ ...RESULTS, resultSheets: ['Stocking', 'Extra'] });
    const bytes = await reloaded.toBuffer();
    const parts = await xmlParts(bytes);
    const after = sheetPartsByName(parts);

    for (const sheet of ['Data', 'parts', 'Demand', 'Values']) expect(after[sheet]).toBe(untouched[sheet]);
    expect(Object.keys(after)).toEqual(['Data', 'parts', 'Demand', 'Values', 'Stocking']);
    const tableParts = Object.keys(parts).filter((name) => name.startsWith('xl/tables/')).sort();
    expect(tableParts).toHaveLength(2);
    expect(tableParts[0]).toBe('xl/tables/table1.xml'); // the input table's part, untouched
    const ids = tableParts.map((name) => /<table [^>]*\bid="(\d+)"/.exec(parts[name])![1]);
    expect(new Set(ids).size).toBe(2);
    expect(parts['[Content_Types].xml'].match(/\/xl\/tables\/table\d+\.xml/g)?.sort()).toEqual(tableParts.map((name) => `/${name}`));
  });

  test('invalid names are rejected before anything changes', async () => {
    const port = await xlsxFromFixture(inputFixture());
    const before = await xlsxHarness.snapshot(port);
    const table = RESULTS.tables[0];
    await expect(port.writeResults({ ...RESULTS, resultSheets: ['A sheet name that is far too long for Excel'], tables: [{ ...table, sheet: 'A sheet name that is far too long for Excel' }] })).rejects.toThrow(/31 characters/);
    await expect(port.writeResults({ ...RESULTS, tables: [{ ...table, tableName: 'A1' }] })).rejects.toThrow(/table name "A1"/);
    await expect(port.writeResults({ ...RESULTS, tables: [{ ...table, tableName: 'Has Space' }] })).rejects.toThrow(/table name/);
    await expect(port.writeResults({ ...RESULTS, tables: [{ ...table, columns: [{ header: 'Same', format: 'text' }, { header: 'same', format: 'text' }] }] })).rejects.toThrow(/twice/);
    await expect(port.writeResults({ ...RESULTS, resultSheets: [] })).rejects.toThrow(/not listed in resultSheets/);
    expect(await xlsxHarness.snapshot(port)).toEqual(before);
  });

  test('a failure while building new results leaves the previous results complete', async () => {
    const port = await xlsxFromFixture(inputFixture());
    await port.writeResults(RESULTS);
    const before = await xlsxHarness.snapshot(port);
    // The second new sheet fails half-way through its rows.
    let calls = 0;
    const writeRow = SheetWriter.prototype.writeRow;
    jest.spyOn(SheetWriter.prototype, 'writeRow').mockImplementation(function (this: SheetWriter, row) {
      if (row.row === 4 && ++calls === 2) throw new Error('out of memory');
      return writeRow.call(this, row);
    });
    const second = { ...RESULTS, resultSheets: ['Stocking', 'Extra'], tables: [RESULTS.tables[0], { ...RESULTS.tables[0], sheet: 'Extra', tableName: 'ExtraResults' }] };
    await expect(port.writeResults(second)).rejects.toThrow('out of memory');
    jest.restoreAllMocks();
    expect(await xlsxHarness.snapshot(port)).toEqual(before);
  });

  test('an empty workbook cannot be saved (Excel needs a sheet)', async () => {
    await expect(XlsxWorkbook.empty().toBuffer()).rejects.toThrow(/without sheets/);
  });

  test('the active tab stays on an existing sheet when result sheets disappear', async () => {
    const port = await xlsxFromFixture(inputFixture());
    await port.writeResults({ ...RESULTS, resultSheets: ['Stocking', 'Extra'], tables: [RESULTS.tables[0], { ...RESULTS.tables[0], sheet: 'Extra', tableName: 'ExtraResults' }] });
    const withViews = await withBookViews(port, { firstSheet: 5, activeTab: 5 });
    await withViews.writeResults({ ...RESULTS, resultSheets: ['Stocking', 'Extra'] });
    const file = await saved(withViews);
    expect(file.views[0]).toMatchObject({ activeTab: 0, firstSheet: 0 });
  });
});

describe('XlsxWorkbook scenario sheet', () => {
  test('is very hidden, and the active tab never lands on it', async () => {
    const port = await withBookViews(await xlsxFromFixture(inputFixture()), { firstSheet: 0, activeTab: 4 });
    await port.writeScenario({ version: 1, scenario: {} });
    const file = await saved(port);
    expect(file.getWorksheet(SCENARIO_SHEET)?.state).toBe('veryHidden');
    expect(file.worksheets.map((w) => w.name).indexOf(SCENARIO_SHEET)).toBe(4);
    expect(file.views[0].activeTab).toBe(0);
  });

  test.each([['not json {'], ['[1,2]'], ['{"version":2,"scenario":{}}'], ['{"version":1,"scenario":"x"}']])('unreadable content %s reads as no scenario', async (text) => {
    const port = await fromExcelJs((workbook) => {
      workbook.addWorksheet('Parts');
      workbook.addWorksheet(SCENARIO_SHEET, { state: 'veryHidden' }).getCell('A1').value = text;
    });
    await expect(port.readScenario()).resolves.toBeNull();
  });

  test('a workbook with only hidden sheets cannot be saved', async () => {
    const port = XlsxWorkbook.empty();
    await port.writeScenario({ version: 1, scenario: {} });
    await expect(port.toBuffer()).rejects.toThrow(/hidden sheets only/);
  });
});

describe('XlsxWorkbook.fromBuffer on files that are not .xlsx workbooks', () => {
  const rejects = (bytes: Uint8Array) => expect(XlsxWorkbook.fromBuffer(bytes)).rejects;

  test('text or CSV', async () => {
    await rejects(new TextEncoder().encode('PartID,Qty\nPN-1,2\n')).toThrow(WorkbookFileError);
    await rejects(new TextEncoder().encode('PartID,Qty\n')).toThrow(/not an Excel \.xlsx workbook/);
  });

  test('legacy .xls or an encrypted workbook (OLE2 container)', async () => {
    await rejects(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])).toThrow(/old-format \.xls workbook or a password-protected/);
  });

  test('empty file', async () => {
    await rejects(new Uint8Array()).toThrow(/empty/);
  });

  test('a truncated file', async () => {
    const bytes = await bytesOf(await fixtureWorkbook({ sheets: [{ name: 'S', rows: [[1]] }] }));
    await expect(XlsxWorkbook.fromBuffer(bytes.slice(0, 200))).rejects.toMatchObject({ name: 'WorkbookFileError', problem: 'not-xlsx' });
  });

  test('a zip file that is not a workbook', async () => {
    await expect(XlsxWorkbook.fromBuffer(await zipOf({ 'readme.txt': 'hello' }))).rejects.toThrow(/no worksheets/);
  });
});

describe('XlsxWorkbook native charts', () => {
  test('every ChartSpec kind becomes a DrawingML chart of its type, fed from the table columns', async () => {
    const port = await xlsxFromFixture(inputFixture());
    const kinds = ['columnClustered', 'xyScatter', 'xyScatterLines', 'line', 'bar'] as const;
    const table = {
      sheet: 'Charts',
      tableName: 'ChartData',
      title: 'Charts',
      columns: [{ header: 'X', format: 'decimal' as const }, { header: 'Y', format: 'decimal' as const }, { header: 'Z', format: 'decimal' as const }],
      rows: [[1, 2, 3], [2, 4, 1], [3, 8, 2]],
      charts: kinds.map((kind) => ({ kind, title: `A ${kind}`, xAxisTitle: 'x', yAxisTitle: 'y', categoryColumn: 'X', seriesColumns: ['Y', 'Z'] })),
    };
    await port.writeResults({ tables: [table], resultSheets: ['Charts'], currency: 'EUR' });
    const parts = await xmlParts(await port.toBuffer());
    const charts = Object.keys(parts).filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name)).sort().map((name) => parts[name]);
    expect(charts).toHaveLength(5);
    expect(charts[0]).toMatch(/<c:barChart><c:barDir val="col"\/>/);
    expect(charts[1]).toContain('<c:scatterChart>');
    expect(charts[1]).toContain('<a:noFill/>'); // markers only
    expect(charts[2]).toContain('<c:scatterChart>');
    expect(charts[2]).not.toContain('<a:noFill/>'); // joined by lines
    expect(charts[3]).toContain('<c:lineChart>');
    expect(charts[4]).toMatch(/<c:barChart><c:barDir val="bar"\/>/);
    for (const chart of charts) {
      expect(chart).toContain("<c:f>&apos;Charts&apos;!$B$4:$B$6</c:f>".replace(/&apos;/g, "'"));
      expect(chart).toContain("<c:f>'Charts'!$C$4:$C$6</c:f>");
      expect(chart).toContain("'Charts'!$A$4:$A$6");
    }
    const drawing = parts['xl/drawings/drawing1.xml'];
    // Right of the table (3 columns + a gap), stacked 20 rows apart from the header row, as the Excel adapter places them.
    expect([...drawing.matchAll(/<xdr:from><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>/g)].map((m) => [Number(m[1]), Number(m[2])])).toEqual([[4, 2], [4, 22], [4, 42], [4, 62], [4, 82]]);
  });
});

describe("Excel's limits", () => {
  test('a table longer than a sheet is refused with the reason before anything is written', async () => {
    const port = await xlsxFromFixture(inputFixture());
    const before = await xlsxHarness.snapshot(port);
    const row = ['PN-1', 'L-1', '2024-01', 1];
    const tooLong: InputTableToWrite = { name: 'Huge', columns: ['PartID', 'LocationID', 'Period', 'Quantity'].map((header) => ({ header, note: '' })), rows: new Array(1_048_576).fill(row) };
    await expect(port.createInputTables([tooLong])).rejects.toThrow('Table Huge needs 1,048,577 rows; an Excel sheet holds at most 1,048,576.');
    expect(await xlsxHarness.snapshot(port)).toEqual(before);
  });

  test('text longer than a cell holds is cut to 32,767 characters', async () => {
    const port = await xlsxFromFixture(inputFixture());
    await port.writeResults({ ...RESULTS, tables: [{ ...RESULTS.tables[0], rows: [['PN-1', 'x'.repeat(40_000), 1]] }] });
    const reread = await XlsxWorkbook.fromBuffer(await port.toBuffer());
    const text = (await reread.readTable(RESULTS.tables[0].tableName))!.rows[0][1] as string;
    expect(text).toHaveLength(32_767);
    expect(text.endsWith('…')).toBe(true);
  });
});
