/**
 * office-addin-mock must load under Jest: its dependency office-addin-manifest pulls ESM-only
 * packages, so jest.config.js maps it to test/stubs/office-addin-manifest.js. This proves the
 * mapping works and that the mock hands back real values after load() + sync().
 */
import { OfficeMockObject } from 'office-addin-mock';
import { OfficeApp } from 'office-addin-manifest';

const NOT_SYNCED = 'Error, context.sync() was not called';
const NOT_LOADED = 'Error, property was not loaded';

function excelMock() {
  const range = {
    address: 'Demand!A1:C2',
    values: [['Part', 'Location', 'Qty'], ['P-100', 'DC1', 7]],
    numberFormat: [['@', '@', '0']],
    format: { fill: { color: '#0F6CBD' } },
  };
  const workbook = {
    range,
    activeSheet: { name: 'Demand', tabColor: '#0F6CBD' },
    getSelectedRange() {
      return this.range;
    },
  };
  return new OfficeMockObject({ context: { workbook } }, OfficeApp.Excel);
}

describe('office-addin-mock under Jest', () => {
  test('require() works and office-addin-manifest resolves to the stub', () => {
    expect(() => require('office-addin-mock')).not.toThrow();
    expect(OfficeApp.Excel).toBe('excel');
  });

  test('scalar values arrive only after load() and sync()', async () => {
    const excel = excelMock();
    const range = excel.context.workbook.getSelectedRange();

    range.load(['address', 'values']);
    expect(range.address).toBe(NOT_SYNCED);

    await excel.context.sync();
    expect(range.address).toBe('Demand!A1:C2');
    expect(range.values).toEqual([['Part', 'Location', 'Qty'], ['P-100', 'DC1', 7]]);
    expect(range.numberFormat).toBe(NOT_LOADED);
  });

  test('navigation paths load nested values', async () => {
    const excel = excelMock();
    const { range, activeSheet } = excel.context.workbook;
    range.load('format/fill/color');
    activeSheet.load('name');
    await excel.context.sync();
    expect(range.format.fill.color).toBe('#0F6CBD');
    expect(activeSheet.name).toBe('Demand');
    expect(activeSheet.tabColor).toBe(NOT_LOADED);
  });
});
