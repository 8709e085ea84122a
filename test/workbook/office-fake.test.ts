/**
 * The fake Excel must fail an adapter that gets Office.js wrong, or the adapter tests prove
 * nothing. These check the semantics the adapter tests lean on.
 */
import { FakeContext, type FakeRange } from './office-fake-context';
import { FakeExcelHost } from './office-fake-host';
import { NOT_LOADED } from './office-fake-model';

function hostWithSheet(): FakeExcelHost {
  return FakeExcelHost.fromFixture({ sheets: [{ name: 'Data', rows: [['Part', 'Qty'], ['A', 1]] }] });
}

function rangeOf(host: FakeExcelHost, address: string): { context: FakeContext; range: FakeRange } {
  const context = new FakeContext(host);
  return { context, range: context.workbook.worksheets.getItem('Data').getRange(address) };
}

test('values are readable only after load() and sync(), like office-addin-mock', async () => {
  const host = hostWithSheet();
  const { context, range } = rangeOf(host, 'A1:B2');
  expect(range.values).toBe(NOT_LOADED);
  range.load('values');
  expect(range.values).toBe(NOT_LOADED);
  await context.sync();
  expect(range.values).toEqual([['Part', 'Qty'], ['A', 1]]);
  expect(range.numberFormat).toBe(NOT_LOADED);
  expect(() => context.workbook.worksheets.items).toThrow(/not loaded/);
  expect(() => range.load()).toThrow(/explicit load/);
});

test('writes wait for sync; text is parsed like typing unless the cell is text-formatted', async () => {
  const host = hostWithSheet();
  const { context, range } = rangeOf(host, 'C1:C4');
  range.values = [['=SUM(B1:B2)'], ['2025-03'], ["'=kept"], [null]];
  expect(host.book.sheet('Data')!.cell(0, 2)).toBeUndefined();
  await context.sync();
  const sheet = host.book.sheet('Data')!;
  expect(sheet.cell(0, 2)).toMatchObject({ formula: '=SUM(B1:B2)' });
  expect(sheet.cell(1, 2)?.kind).toBe('Double');
  expect(sheet.cell(2, 2)).toEqual({ kind: 'String', value: '=kept' });
  expect(sheet.cell(3, 2)).toBeUndefined();
  range.numberFormat = [['@'], ['@'], ['@'], ['@']];
  range.values = [['=SUM(B1:B2)'], ['2025-03'], [''], ['x']];
  await context.sync();
  expect(sheet.cell(0, 2)).toEqual({ kind: 'String', value: '=SUM(B1:B2)' });
  expect(sheet.cell(1, 2)).toEqual({ kind: 'String', value: '2025-03' });
  expect(sheet.cell(2, 2)).toBeUndefined();
});

test('a failing step keeps the steps before it and drops the rest; shapes and types are checked', async () => {
  const host = hostWithSheet();
  const context = new FakeContext(host);
  context.workbook.worksheets.add('First');
  context.workbook.worksheets.add('data');
  context.workbook.worksheets.add('Third');
  await expect(context.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
  expect(host.book.sheets.map((sheet) => sheet.name)).toEqual(['Data', 'First']);
  const { context: other, range } = rangeOf(host, 'A1:B1');
  range.values = [['only one']];
  await expect(other.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  range.values = [[new Date(), 1]];
  await expect(other.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
});

test('syncs are counted, payloads limited, requirement sets enforced, unsynced batches refused', async () => {
  const host = hostWithSheet();
  host.payloadCellLimit = 3;
  const { context, range } = rangeOf(host, 'A1:B2');
  range.load('values');
  await expect(context.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  expect(range.values).toBe(NOT_LOADED);
  range.values = [['a', 'b'], ['c', 'd']];
  await expect(context.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
  context.workbook.worksheets.getItem('Data').getRange('A2').dataValidation.rule = { decimal: { operator: 'GreaterThan', formula1: 0 } };
  await expect(context.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
  expect(host.syncCount).toBe(3);
  await expect(host.run(async (batch) => void batch.workbook.worksheets.add('Never'))).rejects.toThrow(/never synced/);
});

describe('what structural changes do to formulas, as in Excel', () => {
  /** Results on `Res` (a table at A3:B5), and a user's sheet `Mine` with formulas pointing at them. */
  function withReferences(): FakeExcelHost {
    const host = FakeExcelHost.fromFixture({
      sheets: [
        { name: 'Res', rows: [['Title'], [], ['Part', 'Stock'], ['A', 1], ['B', 2]] },
        { name: 'Mine', rows: [[{ formula: 'SUM(Out[Stock])', result: 3 }, { formula: "'Res'!B4*2", result: 2 }, { formula: 'Res!A4:B5', result: 'A' }, { formula: 'COUNT(Out[[#This Row],[Part]])', result: 0 }, { formula: '"Res!B4"&Out', result: 'x' }]] },
      ],
      tables: [{ name: 'Out', sheet: 'Res', ref: 'A3:B5' }],
    });
    return host;
  }
  const formulas = (host: FakeExcelHost): (string | undefined)[] => [0, 1, 2, 3, 4].map((c) => host.book.sheet('Mine')!.cell(0, c)?.formula);

  test('deleting the sheet turns every reference to it and its tables into #REF!, text rewritten', async () => {
    const host = withReferences();
    await host.run(async (context) => (context.workbook.worksheets.getItem('Res').delete(), context.sync()));
    expect(formulas(host)).toEqual(['=SUM(#REF!)', '=#REF!*2', '=#REF!', '=COUNT(#REF!)', '="Res!B4"&Out']);
    expect(host.book.sheet('Mine')!.cell(0, 0)).toMatchObject({ kind: 'Error', value: '#REF!' });
  });

  test('renaming a sheet or a table renames the references; resizing a table (ExcelApi 1.13) leaves them alone', async () => {
    const host = withReferences();
    host.apiVersion = '1.13';
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('Res').name = 'Old results';
      context.workbook.tables.getItem('Out').name = 'Results';
      context.workbook.tables.getItem('Results').resize('A3:B9');
      await context.sync();
    });
    expect(formulas(host)).toEqual(["=SUM(Results[Stock])", "='Old results'!B4*2", "='Old results'!A4:B5", '=COUNT(Results[[#This Row],[Part]])', '="Res!B4"&Out']);
    expect(host.book.table('Results')?.box).toEqual({ row: 2, column: 0, rows: 7, columns: 2 });
  });

  test('whole rows inserted or deleted move A1 references and tables; deleting the referenced row gives #REF!', async () => {
    const host = withReferences();
    await host.run(async (context) => (context.workbook.worksheets.getItem('Res').getRange('A2:A3').getEntireRow().insert('Down'), context.sync()));
    expect(formulas(host).slice(1, 3)).toEqual(["='Res'!B6*2", '=Res!A6:B7']);
    expect(host.book.table('Out')?.box.row).toBe(4);
    expect(host.book.sheet('Res')!.cell(5, 1)).toMatchObject({ value: 1 });
    await host.run(async (context) => (context.workbook.worksheets.getItem('Res').getRange('A6').getEntireRow().delete('Up'), context.sync()));
    expect(formulas(host).slice(1, 3)).toEqual(['=#REF!*2', '=Res!A6:B6']);
    expect(formulas(host)[0]).toBe('=SUM(Out[Stock])');
  });

  test('a header cell written renames its column in references; a deleted or resized-away column becomes #REF!', async () => {
    const host = withReferences();
    const sheet = host.book.sheet('Res')!;
    await host.run(async (context) => ((context.workbook.worksheets.getItem('Res').getRange('B3').values = [['Units']]), context.sync()));
    expect(formulas(host)[0]).toBe('=SUM(Out[Units])');
    // Writing headers by position while columns move renames the wrong column: what the adapter must avoid.
    await host.run(async (context) => ((context.workbook.worksheets.getItem('Res').getRange('A3:B3').values = [['Units', 'Part']]), context.sync()));
    expect(formulas(host)[0]).toBe('=SUM(Out[Part])');
    expect(formulas(host)[3]).toBe('=COUNT(Out[[#This Row],[Units]])');
    await host.run(async (context) => {
      const columns = context.workbook.tables.getItem('Out').columns.load('items/name');
      await context.sync();
      columns.items[1].delete();
      await context.sync();
    });
    expect(formulas(host)[0]).toBe('=SUM(#REF!)');
    expect(host.book.headerNames(host.book.table('Out')!)).toEqual(['Units']);
    expect(sheet.cell(3, 0)).toMatchObject({ value: 'A' });
  });

  test('a table column inserted moves the cells of the table rows and A1 references into them', async () => {
    const host = withReferences();
    await host.run(async (context) => (context.workbook.tables.getItem('Out').columns.add(1, undefined, 'Description'), context.sync()));
    expect(host.book.headerNames(host.book.table('Out')!)).toEqual(['Part', 'Description', 'Stock']);
    expect(formulas(host).slice(0, 3)).toEqual(['=SUM(Out[Stock])', "='Res'!C4*2", '=Res!A4:C5']);
    expect(host.book.sheet('Res')!.cell(3, 2)).toMatchObject({ value: 1 });
    // The title row is outside the table's rows: it stays.
    expect(host.book.sheet('Res')!.cell(0, 0)).toMatchObject({ value: 'Title' });
  });

  test('copyFrom copies values, formats and fonts (ExcelApi 1.9); protection and the structure lock refuse changes', async () => {
    const host = withReferences();
    host.apiVersion = '1.9';
    host.book.sheet('Mine')!.setFormat(0, 1, '0.0%');
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('Res').getRange('D1:E1').copyFrom(context.workbook.worksheets.getItem('Mine').getRange('A1:B1'), 'All');
      await context.sync();
    });
    expect(host.book.sheet('Res')!.cell(0, 3)?.formula).toBe('=SUM(Out[Stock])');
    expect(host.book.sheet('Res')!.format(0, 4)).toBe('0.0%');
    host.book.sheet('Res')!.isProtected = true;
    await expect(host.run(async (context) => ((context.workbook.worksheets.getItem('Res').getRange('A1').values = [['x']]), context.sync()))).rejects.toMatchObject({ code: 'AccessDenied' });
    host.book.structureProtected = true;
    await expect(host.run(async (context) => (context.workbook.worksheets.add('New'), context.sync()))).rejects.toMatchObject({ code: 'AccessDenied' });
  });
});

describe('payload limits and the host answering', () => {
  test('a byte limit rejects requests and responses by their JSON size, with GeneralException where Excel on the web says so', async () => {
    const host = hostWithSheet();
    host.payloadByteLimit = 20;
    const { context, range } = rangeOf(host, 'A1:B2');
    range.load('values');
    // [["Part","Qty"],["A",1]] is 24 bytes of JSON.
    await expect(context.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    host.payloadErrorCode = 'GeneralException';
    range.values = [['abcdefgh', 'ijklmnop'], ['q', 'r']];
    await expect(context.sync()).rejects.toMatchObject({ code: 'GeneralException' });
    // Only what Excel accepted counts as the largest request.
    expect(host.largest.requestBytes).toBe(0);
    host.payloadByteLimit = 100;
    range.values = [['a', 'b'], ['c', 'd']];
    await context.sync();
    expect(host.largest.requestBytes).toBe(JSON.stringify([['a', 'b'], ['c', 'd']]).length);
  });

  test('in cell edit mode a batch fails unless it may wait (delayForCellEdit); it then goes on when the edit ends', async () => {
    const host = hostWithSheet();
    host.cellEditMode = true;
    const read = (options: { delayForCellEdit?: boolean }) => host.excelRun(options, async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A2').load('values');
      await context.sync();
      return range.values;
    });
    await expect(read({})).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    const waiting = read({ delayForCellEdit: true });
    host.endCellEdit();
    await expect(waiting).resolves.toEqual([['A']]);
    expect(host.runOptions).toEqual([{}, { delayForCellEdit: true }]);
  });
});
