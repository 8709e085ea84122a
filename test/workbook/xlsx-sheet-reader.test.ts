/**
 * The grid a worksheet part reads into (src/workbook/xlsx-sheet-reader.ts), on hand-written XML
 * whose rows and cells do not come in order: every expected grid is read off the XML by eye.
 */
import { readSheetGrid, type SheetReadContext } from '../../src/workbook/xlsx-sheet-reader';

const context = (): SheetReadContext => ({ sharedStrings: ['shared'], dateStyles: [false], date1904: false, formulasUncalculated: false });

function grid(cells: string) {
  const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${cells}</sheetData></worksheet>`;
  const bytes = new TextEncoder().encode(xml);
  // Fed in slices of 7 bytes, so rows are cut across chunks.
  return readSheetGrid((onChunk) => {
    for (let at = 0; at < bytes.length; at += 7) onChunk(bytes.subarray(at, at + 7));
  }, context());
}

test('rows and cells in order: each row exactly as wide as its last cell, gaps blank', () => {
  const read = grid('<row r="1"><c r="A1" t="inlineStr"><is><t>Part</t></is></c><c r="C1"><v>3</v></c></row><row r="3"><c r="B3" t="s"><v>0</v></c></row>');
  expect(read.rows[1]).toEqual(['Part', null, 3]);
  expect(read.rows[2]).toBeUndefined();
  expect(read.rows[3]).toEqual([null, 'shared']);
  expect([read.lastRow, read.lastColumn]).toEqual([3, 3]);
});

test('a row met again after another goes on from what it had; cells out of order land in their columns', () => {
  const read = grid('<row r="2"><c r="B2"><v>1</v></c></row><row r="1"><c r="C1"><v>2</v></c><c r="A1"><v>3</v></c></row><row r="2"><c r="D2"><v>4</v></c><c r="A2"><v>5</v></c></row>');
  expect(read.rows[1]).toEqual([3, null, 2]);
  expect(read.rows[2]).toEqual([5, 1, null, 4]);
  expect([read.lastRow, read.lastColumn]).toEqual([2, 4]);
});

test('blank cells make no row; a row of blanks followed by a value keeps only the value', () => {
  const read = grid('<row r="1"><c r="A1"/><c r="B1" t="inlineStr"><is><t></t></is></c></row><row r="2"><c r="A2"/><c r="C2"><v>7</v></c></row>');
  expect(read.rows[1]).toBeUndefined();
  expect(read.rows[2]).toEqual([null, null, 7]);
  expect(read.lastRow).toBe(2);
});
