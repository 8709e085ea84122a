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
