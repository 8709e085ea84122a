/**
 * The JSON report's layout (src/pipeline/result-json.ts) against JSON.stringify, the independent
 * reference: whatever the whitespace, JSON.parse of the laid-out text must deep-equal JSON.parse of
 * JSON.stringify's text of the same value — on hand-made values with every case JSON.stringify
 * treats specially, and on the reports `spp analyze --json` writes for sample workbooks.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeFile, writeJsonFileAtomic } from '../../src/cli/analyze';
import { jsonLaidOut, writeJsonLaidOut } from '../../src/pipeline/result-json';
import { pendingTableRows, resultToJson } from '../../src/pipeline/results';
import { generateSample } from '../../src/sample';
import { XlsxWorkbook } from '../../src/workbook/xlsx-adapter';
import { saveXlsxFileAtomic } from '../../src/workbook/xlsx-file';

/** What JSON.stringify makes of the value, read back: the content the layout must keep. */
const reference = (value: unknown) => JSON.parse(JSON.stringify(value, null, 2)) as unknown;

describe('JSON laid out a row a line', () => {
  const awkward = {
    schemaVersion: 1,
    nan: NaN,
    infinite: [Infinity, -Infinity, 1, -0],
    left: undefined,
    fn: () => 1,
    when: new Date(Date.UTC(2024, 1, 29, 12, 30)),
    empty: { object: {}, array: [], nested: [[]] },
    text: 'line one\nline "two" \u2028 \\ </script> \u00e9\ud83d\ude00',
    rows: [
      { id: 'A', value: 1.5, missing: undefined, group: { mae: NaN, bias: -0.25 }, none: null },
      { id: 'B\nwith a line end', value: Infinity, group: null, dates: [new Date(0)] },
      undefined,
      null,
      7,
      [1, [2, { deep: true }]],
    ],
    numbers: [1, 2.5, 1e21, 1e-7, null],
    summary: { byTier: [{ tier: 'Gold', fillRate: 0.95 }], inner: { deeper: { value: 'x' } } },
  };

  test('keeps exactly the content JSON.stringify writes', () => {
    expect(JSON.parse(jsonLaidOut(awkward))).toEqual(reference(awkward));
    // toEqual treats undefined members as absent; the text itself must not name them either.
    expect(jsonLaidOut(awkward)).not.toMatch(/"left"|"fn"|"missing"/);
    for (const value of [null, 3, 'text', true, [], {}, [null], [{}], { a: [] }]) expect(JSON.parse(jsonLaidOut(value))).toEqual(reference(value));
  });

  test('indents the structure and puts each element of an array of objects on one line', () => {
    const text = jsonLaidOut({ summary: { periods: 36, byTier: [{ tier: 'Gold', rate: 0.95 }] }, stock: [{ partId: 'P1', backtest: { mae: 1 } }, { partId: 'P2', backtest: null }], periods: ['2024-01', '2024-02'] });
    expect(text.split('\n')).toEqual([
      '{',
      '  "summary": {',
      '    "periods": 36,',
      '    "byTier": [',
      '      {"tier":"Gold","rate":0.95}',
      '    ]',
      '  },',
      '  "stock": [',
      '    {"partId":"P1","backtest":{"mae":1}},',
      '    {"partId":"P2","backtest":null}',
      '  ],',
      '  "periods": ["2024-01","2024-02"]',
      '}',
    ]);
  });

  test('hands a large value on in pieces that join into the same text', () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => ({ partId: `P${i}`, locationId: 'FSL-North', stock: i % 17, fillRate: i / 30_000, note: 'x'.repeat(20) }));
    const pieces: string[] = [];
    writeJsonLaidOut({ schemaVersion: 1, stock: rows }, (piece) => pieces.push(piece));
    expect(pieces.length).toBeGreaterThan(1);
    // Pieces are about a megabyte each: none is the whole text.
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(1.2 * (1 << 20));
    const text = pieces.join('');
    expect(text).toBe(jsonLaidOut({ schemaVersion: 1, stock: rows }));
    expect(JSON.parse(text)).toEqual(reference({ schemaVersion: 1, stock: rows }));
    // '{', schemaVersion, '"stock": [', the rows, ']', '}'.
    expect(text.split('\n')).toHaveLength(rows.length + 5);
  });
});

describe('spp analyze --json', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'spp-json-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the file holds the UTF-8 of the text, across buffer ends, with text of any length and script', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ partId: `Pièce-${i}`, note: i % 1000 === 0 ? 'Größe ≥ 3 — 東京 😀'.repeat(50) : 'ok', rate: i / 7 }));
    // One row longer than the writer's 1 MB buffer can take in one go (3 bytes per character at most).
    const report = { schemaVersion: 1 as const, issues: [], stock: rows, long: [{ text: '€'.repeat(400_000) }] };
    const file = join(dir, 'parts.json');
    await writeJsonFileAtomic(file, report);
    const text = readFileSync(file, 'utf8');
    expect(text).toBe(jsonLaidOut(report));
    expect(JSON.parse(text)).toEqual(reference(report));
  });

  // The sample as it comes (network plan, MOM assessment) and with the per-location plan.
  test.each([
    ['the network plan', undefined],
    ['the per-location plan', { settings: { stockingMode: 'Independent' as const } }],
  ])('writes the content JSON.stringify writes of the same result (%s)', async (_label, scenario) => {
    const input = join(dir, 'sample.xlsx');
    const workbook = XlsxWorkbook.empty();
    await workbook.createInputTables(generateSample({ parts: 30, locations: 4, periods: 24, seed: 3 }));
    await saveXlsxFileAtomic(workbook, input);
    const json = join(dir, 'out.json');
    const outcome = await analyzeFile(input, { out: join(dir, 'out.xlsx'), json, scenario, stdout: () => undefined, stderr: () => undefined });
    expect(outcome.exitCode).toBe(0);
    const text = readFileSync(json, 'utf8');
    const result = outcome.result!;
    // The tables nobody has read yet are written a row at a time (pendingTableRows); once read, the
    // same arrays are laid out from the result itself, to the same text.
    expect(pendingTableRows(result, 'stock')).toBeDefined();
    expect(resultToJson(result)).toBe(text);
    expect(result.stock).toHaveLength(120);
    expect(pendingTableRows(result, 'stock')).toBeUndefined();
    expect(resultToJson(result)).toBe(text);
    expect(JSON.parse(text)).toEqual(reference(result));
    expect(Object.values(result).some((value) => value === undefined)).toBe(false);
    // A row a line: the Stock table's 120 rows are 120 lines, each a complete JSON object.
    const stockLines = text.split('\n').filter((line) => line.startsWith('    {"partId"') && line.includes('"stock":'));
    expect(stockLines.length).toBeGreaterThanOrEqual(120);
    for (const line of stockLines) expect(() => JSON.parse(line.replace(/,$/, ''))).not.toThrow();
  });
});
