/**
 * Node's zlib as the CLI's zip codec, checked against independent readers: fflate inflates what it
 * deflates (one stream made of sync-flushed pieces), Python's zipfile reads a package it wrote, and
 * the CRC-32 is the published check value of ISO 3309 / ITU-T V.42 ("123456789" → CBF43926).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'fflate';
import { nodeZipCodec } from '../../src/workbook/xlsx-zip-node';
import { fflateCodec, useZipCodec, deflateEntry, entryBytes, readZipEntries, writeZip } from '../../src/workbook/xlsx-zip';

/** Text that compresses like sheet XML but is not one repeated run. */
function sheetLikeBytes(rows: number): Uint8Array {
  let xml = '<sheetData>';
  for (let r = 1; r <= rows; r++) xml += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>PN-${(r * 7919) % 100000}</t></is></c><c r="B${r}"><v>${(r * 31) % 97}</v></c></row>`;
  return new TextEncoder().encode(`${xml}</sheetData>`);
}

afterEach(() => useZipCodec(fflateCodec));

test('a stream of several sync-flushed pieces inflates, with fflate, to the bytes written', () => {
  const input = sheetLikeBytes(60_000); // about 5 MB: five pieces of 1 MB
  expect(input.length).toBeGreaterThan(4 << 20);
  const out: Uint8Array[] = [];
  const deflater = nodeZipCodec.deflater(1, (chunk) => out.push(chunk));
  for (let at = 0; at < input.length; at += 65_536) deflater.push(input.subarray(at, at + 65_536), false);
  deflater.push(new Uint8Array(0), true);
  const compressed = Buffer.concat(out);
  expect(out.length).toBeGreaterThan(5);
  expect(Buffer.from(inflateSync(compressed)).equals(Buffer.from(input))).toBe(true);
  expect(compressed.length).toBeLessThan(input.length / 4);
});

test('an empty entry is a valid empty stream', () => {
  const out: Uint8Array[] = [];
  nodeZipCodec.deflater(1, (chunk) => out.push(chunk)).push(new Uint8Array(0), true);
  expect(inflateSync(Buffer.concat(out)).length).toBe(0);
});

test('CRC-32: the published check value, continued across pieces, the same as the table-driven one', () => {
  const digits = new TextEncoder().encode('123456789');
  expect(nodeZipCodec.crc32(digits, 0)).toBe(0xcbf43926);
  expect(fflateCodec.crc32(digits, 0)).toBe(0xcbf43926);
  expect(nodeZipCodec.crc32(digits.subarray(4), nodeZipCodec.crc32(digits.subarray(0, 4), 0))).toBe(0xcbf43926);
  expect(fflateCodec.crc32(digits.subarray(4), fflateCodec.crc32(digits.subarray(0, 4), 0))).toBe(0xcbf43926);
});

test('a package written with the Node codec reads back with fflate, and Python zipfile finds every entry intact', () => {
  useZipCodec(nodeZipCodec);
  const big = sheetLikeBytes(30_000);
  const zip = writeZip([deflateEntry('xl/worksheets/sheet1.xml', big), deflateEntry('small.xml', new TextEncoder().encode('<a/>'))]);
  useZipCodec(fflateCodec);
  const entries = readZipEntries(zip);
  expect(Buffer.from(entryBytes(entries[0])).equals(Buffer.from(big))).toBe(true);
  useZipCodec(nodeZipCodec);
  expect(Buffer.from(entryBytes(readZipEntries(zip)[0])).equals(Buffer.from(big))).toBe(true);
  const chunks: Uint8Array[] = [];
  nodeZipCodec.inflateStream(entries[0].data, (chunk) => chunks.push(chunk));
  expect(Buffer.concat(chunks).equals(Buffer.from(big))).toBe(true);
  // Slices small enough that their decoded text is a regular heap object (below V8's 128 KB), not a large one.
  expect(chunks.length).toBeGreaterThan(1);
  expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThanOrEqual(1 << 16);
  // fflate (the browser's codec) hands on the same bytes in slices of the same size.
  const fflateChunks: Uint8Array[] = [];
  fflateCodec.inflateStream(entries[0].data, (chunk) => fflateChunks.push(chunk));
  expect(Buffer.concat(fflateChunks).equals(Buffer.from(big))).toBe(true);
  expect(Math.max(...fflateChunks.map((chunk) => chunk.length))).toBeLessThanOrEqual(1 << 16);

  const dir = mkdtempSync(join(tmpdir(), 'spp-zip-node-'));
  try {
    const file = join(dir, 'test.zip');
    writeFileSync(file, zip);
    // testzip() inflates every entry and checks its CRC; None means all are good.
    const report = execFileSync('python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.testzip(), [i.file_size for i in z.infolist()])', file], { encoding: 'utf8' });
    expect(report.trim()).toBe(`None [${big.length}, 4]`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
