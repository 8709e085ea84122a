import { relativeTarget, resolveTarget } from '../../src/workbook/xlsx-package';
import { decodeCellText, escapeCellText } from '../../src/workbook/xlsx-xml';
import { deflateEntry, readZipEntries, entryBytes, storedEntry, writeZip } from '../../src/workbook/xlsx-zip';
import { unzipSync, zipSync, strToU8, strFromU8 } from 'fflate';

describe('OPC relationship targets (ECMA-376 Part 2, 9.3)', () => {
  test('relative targets resolve against the source part folder', () => {
    expect(resolveTarget('xl/workbook.xml', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/worksheets/sheet1.xml', '../tables/table1.xml')).toBe('xl/tables/table1.xml');
    expect(resolveTarget('', 'xl/workbook.xml')).toBe('xl/workbook.xml');
  });
  test('absolute targets (openpyxl) resolve from the package root', () => {
    expect(resolveTarget('xl/worksheets/sheet1.xml', '/xl/tables/table1.xml')).toBe('xl/tables/table1.xml');
    expect(resolveTarget('xl/workbook.xml', '/xl/worksheets/sheet%201.xml')).toBe('xl/worksheets/sheet 1.xml');
  });
  test('a new relative target resolves back to its part', () => {
    for (const [source, part] of [['xl/workbook.xml', 'xl/worksheets/sheet9.xml'], ['xl/worksheets/sheet9.xml', 'xl/tables/table4.xml'], ['xl/drawings/drawing1.xml', 'xl/charts/chart2.xml']]) {
      expect(resolveTarget(source, relativeTarget(source, part))).toBe(part);
    }
    expect(relativeTarget('xl/worksheets/sheet9.xml', 'xl/tables/table4.xml')).toBe('../tables/table4.xml');
  });
});

describe('cell text escapes (ST_Xstring _xHHHH_)', () => {
  test('control characters and literal escapes survive a round trip', () => {
    const text = 'a\u0001b _x0041_ <&>"';
    expect(escapeCellText(text)).toBe('a_x0001_b _x005F_x0041_ &lt;&amp;&gt;&quot;');
    expect(decodeCellText('a_x0001_b _x005F_x0041_')).toBe('a\u0001b _x0041_');
  });
});

describe('zip container', () => {
  test('reads what fflate writes and fflate reads what it writes, stored and deflated', () => {
    const big = strToU8('<row>'.repeat(100_000));
    const archive = zipSync({ 'a.xml': strToU8('<a/>'), 'b/c.xml': big });
    const entries = readZipEntries(archive);
    expect(entries.map((e) => e.name)).toEqual(['a.xml', 'b/c.xml']);
    expect(strFromU8(entryBytes(entries[1]))).toBe('<row>'.repeat(100_000));
    // Carried-over entries keep their compressed bytes; new ones are made here.
    const rewritten = writeZip([entries[1], storedEntry('d.txt', strToU8('hi')), deflateEntry('e.xml', big)]);
    const back = unzipSync(rewritten);
    expect(Object.keys(back)).toEqual(['b/c.xml', 'd.txt', 'e.xml']);
    expect(strFromU8(back['d.txt'])).toBe('hi');
    expect(back['e.xml']).toEqual(big);
    expect(back['b/c.xml']).toEqual(big);
  });
});
