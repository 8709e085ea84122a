/**
 * The dedicated <sheetData> scanner against hand-written worksheet XML: every value below is read
 * off the XML by eye (XML 1.0 for entities, CDATA, comments and line ends; ECMA-376 Part 1 §18.3 for
 * the cell elements). The same XML cut into chunks at every position must read the same.
 */
import { CellType, SheetDataScanner, SheetXmlError } from '../../src/workbook/xlsx-sheet-scan';

interface Cell {
  row: number;
  column: number;
  type: CellType;
  style: number;
  text: string;
  hasValue: boolean;
  formula?: string;
}

function scan(chunks: Uint8Array[]): Cell[] {
  const cells: Cell[] = [];
  const scanner = new SheetDataScanner((row, column, type, style, text, hasValue, formula) => {
    cells.push({ row, column, type, style, text, hasValue, ...(formula !== undefined ? { formula } : {}) });
  });
  for (const chunk of chunks) scanner.write(chunk);
  scanner.close();
  return cells;
}

const bytes = (xml: string) => new TextEncoder().encode(xml);

const SHEET = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n',
  '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
  '<x:sheetPr><x:c r="Z99"><x:v>not a cell: before sheetData</x:v></x:c></x:sheetPr>',
  '<x:cols><x:col min="1" max="2" width="10"/></x:cols>',
  '<x:sheetData>',
  '<x:row r="2" spans="1:4">',
  '<x:c r="A2" t="inlineStr"><x:is><x:t>Caf\u00e9 &amp; &lt;tea&gt; &#65;&#x42; \u20ac\ud83d\ude00</x:t></x:is></x:c>',
  "<x:c r='B2' s='3' data-note='a > b'><x:v>0.97</x:v></x:c>",
  '<!-- a comment between cells --><?pi between cells?>',
  '<x:c r="C2" t="s"><x:v>7</x:v></x:c>',
  '<x:c r="D2" t="str"><x:f>A2&amp;"x"</x:f><x:v>text from a formula</x:v></x:c>',
  '</x:row>',
  '<x:row r="3">',
  '<x:c r="A3"><x:f>SUM(B1:B2)</x:f></x:c>',
  '<x:c r="B3" t="n"><x:f t="shared" si="0"/><x:v>12</x:v></x:c>',
  '<x:c r="C3" t="inlineStr"><x:is><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">rich </x:t></x:r><x:r><x:t>text</x:t></x:r><x:rPh sb="0" eb="1"><x:t>\u30eb\u30d3</x:t></x:rPh></x:is></x:c>',
  '<x:c r="D3" s="5"/>',
  '<x:c r="E3" t="inlineStr"><x:is><x:t><![CDATA[<b>not markup</b> & no entity]]></x:t></x:is></x:c>',
  '<x:c r="F3" t="inlineStr"><x:is><x:t>line one\r\nline two\rline three</x:t></x:is></x:c>',
  '<x:c r="G3" t="b"><!-- inside a cell --><x:v>1</x:v></x:c>',
  '<x:c r="H3" t="e"><x:v>#N/A</x:v></x:c>',
  '<x:c r="I3" t="d"><x:v>2023-01-15T00:00:00</x:v></x:c>',
  '<x:c r="J3"><x:v/></x:c>',
  '</x:row>',
  // Without r: the row follows the last one, cells count from A.
  '<x:row><x:c><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:t>two</x:t></x:is></x:c></x:row>',
  '<x:row r="10"><x:c r="AB10" t="unknown"><x:v>5</x:v></x:c></x:row>',
  '</x:sheetData>',
  '<x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells>',
  '<x:extLst><x:c r="A1"><x:v>after sheetData: not read</x:v></x:c></x:extLst>',
  '</x:worksheet>',
].join('');

const EXPECTED: Cell[] = [
  { row: 2, column: 1, type: CellType.Inline, style: 0, text: 'Caf\u00e9 & <tea> AB \u20ac\ud83d\ude00', hasValue: true },
  { row: 2, column: 2, type: CellType.Number, style: 3, text: '0.97', hasValue: true },
  { row: 2, column: 3, type: CellType.Shared, style: 0, text: '7', hasValue: true },
  { row: 2, column: 4, type: CellType.FormulaText, style: 0, text: 'text from a formula', hasValue: true, formula: 'A2&"x"' },
  { row: 3, column: 1, type: CellType.Number, style: 0, text: '', hasValue: false, formula: 'SUM(B1:B2)' },
  { row: 3, column: 2, type: CellType.Number, style: 0, text: '12', hasValue: true, formula: '' },
  { row: 3, column: 3, type: CellType.Inline, style: 0, text: 'rich text', hasValue: true },
  { row: 3, column: 4, type: CellType.Number, style: 5, text: '', hasValue: false },
  { row: 3, column: 5, type: CellType.Inline, style: 0, text: '<b>not markup</b> & no entity', hasValue: true },
  { row: 3, column: 6, type: CellType.Inline, style: 0, text: 'line one\nline two\nline three', hasValue: true },
  { row: 3, column: 7, type: CellType.Boolean, style: 0, text: '1', hasValue: true },
  { row: 3, column: 8, type: CellType.Error, style: 0, text: '#N/A', hasValue: true },
  { row: 3, column: 9, type: CellType.IsoDate, style: 0, text: '2023-01-15T00:00:00', hasValue: true },
  { row: 3, column: 10, type: CellType.Number, style: 0, text: '', hasValue: true },
  { row: 4, column: 1, type: CellType.Number, style: 0, text: '1', hasValue: true },
  { row: 4, column: 2, type: CellType.Inline, style: 0, text: 'two', hasValue: true },
  { row: 10, column: 28, type: CellType.Number, style: 0, text: '5', hasValue: true },
];

describe('SheetDataScanner', () => {
  test('reads rows, cells, types, styles, values and formulas as the XML writes them', () => {
    expect(scan([bytes(SHEET)])).toEqual(EXPECTED);
  });

  test('reads the same whatever the chunks: cut at every byte (inside tags, entities and UTF-8 sequences)', () => {
    const all = bytes(SHEET);
    for (let cut = 1; cut < all.length; cut++) {
      expect(scan([all.subarray(0, cut), all.subarray(cut)])).toEqual(EXPECTED);
    }
    const single: Uint8Array[] = [];
    for (let i = 0; i < all.length; i++) single.push(all.subarray(i, i + 1));
    expect(scan(single)).toEqual(EXPECTED);
  });

  test('plain cells without a prefix, as Excel and this project write them', () => {
    const xml = '<worksheet><sheetData><row r="1"><c r="A1" s="1" t="inlineStr"><is><t>PN-00001</t></is></c><c r="B1" s="5"><v>11</v></c><c r="C1" s="2"/></row></sheetData></worksheet>';
    expect(scan([bytes(xml)])).toEqual([
      { row: 1, column: 1, type: CellType.Inline, style: 1, text: 'PN-00001', hasValue: true },
      { row: 1, column: 2, type: CellType.Number, style: 5, text: '11', hasValue: true },
      { row: 1, column: 3, type: CellType.Number, style: 2, text: '', hasValue: false },
    ]);
  });

  test('an empty sheet (<sheetData/>) and a part without sheetData hold no cells', () => {
    expect(scan([bytes('<worksheet><sheetData/><extLst><c r="A1"><v>1</v></c></extLst></worksheet>')])).toEqual([]);
    expect(scan([bytes('<worksheet><dimension ref="A1"/></worksheet>')])).toEqual([]);
  });

  test('a part cut short or with a broken tag fails with a message, not a wrong grid', () => {
    expect(() => scan([bytes('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v>')])).toThrow(SheetXmlError);
    expect(() => scan([bytes('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>')])).toThrow(/ends before <\/sheetData>/);
    expect(() => scan([bytes('<worksheet><sheetData><row r="1"><c r r="A1"><v>1</v></c></row></sheetData></worksheet>')])).toThrow(/malformed tag/);
    expect(() => scan([bytes('<worksheet><sheetData><row r="1"><c r=A1><v>1</v></c></row></sheetData></worksheet>')])).toThrow(/malformed tag/);
  });
});
