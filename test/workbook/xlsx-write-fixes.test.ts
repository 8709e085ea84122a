import { dropInvalidAutoFilter, moveLegacyDrawing } from '../../src/workbook/xlsx-write-fixes';

describe('moveLegacyDrawing', () => {
  const sheet = (tail: string) => `<worksheet><sheetData/><pageMargins/>${tail}</worksheet>`;

  test('puts legacyDrawing after drawing and before picture, tableParts and the sheet extLst', () => {
    const written = sheet('<drawing r:id="rId1"/><picture r:id="rId2"/><tableParts count="1"><tablePart r:id="rId3"/></tableParts><extLst><ext uri="x"/></extLst><legacyDrawing r:id="rId4"/>');
    expect(moveLegacyDrawing(written)).toBe(sheet('<drawing r:id="rId1"/><legacyDrawing r:id="rId4"/><picture r:id="rId2"/><tableParts count="1"><tablePart r:id="rId3"/></tableParts><extLst><ext uri="x"/></extLst>'));
  });

  test('before the sheet-level extLst, not one nested in a conditional format', () => {
    const written = `<worksheet><sheetData/><conditionalFormatting><cfRule><extLst><ext/></extLst></cfRule></conditionalFormatting><pageMargins/><extLst><ext uri="y"/></extLst><legacyDrawing r:id="rId1"/></worksheet>`;
    expect(moveLegacyDrawing(written)).toBe(`<worksheet><sheetData/><conditionalFormatting><cfRule><extLst><ext/></extLst></cfRule></conditionalFormatting><pageMargins/><legacyDrawing r:id="rId1"/><extLst><ext uri="y"/></extLst></worksheet>`);
  });

  test('leaves a sheet without notes or with nothing after them alone', () => {
    expect(moveLegacyDrawing(sheet('<tableParts count="0"/>'))).toBe(sheet('<tableParts count="0"/>'));
    expect(moveLegacyDrawing(sheet('<legacyDrawing r:id="rId1"/>'))).toBe(sheet('<legacyDrawing r:id="rId1"/>'));
  });
});

describe('dropInvalidAutoFilter', () => {
  const table = (attributes: string, filter: string) => `<table id="1" name="T" ref="A1:B3"${attributes}>${filter}<tableColumns count="2"/></table>`;

  test('drops the filter of a table without a header row', () => {
    expect(dropInvalidAutoFilter(table(' headerRowCount="0"', '<autoFilter ref="A1:B3"><filterColumn colId="0" hiddenButton="0"/></autoFilter>'))).toBe(table(' headerRowCount="0"', ''));
  });

  test('drops a filter without a range', () => {
    expect(dropInvalidAutoFilter(table(' headerRowCount="1"', '<autoFilter><filterColumn colId="0" hiddenButton="1"/></autoFilter>'))).toBe(table(' headerRowCount="1"', ''));
  });

  test('keeps a valid filter', () => {
    const valid = table(' headerRowCount="1"', '<autoFilter ref="A1:B3"/>');
    expect(dropInvalidAutoFilter(valid)).toBe(valid);
  });
});
