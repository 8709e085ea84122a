/**
 * The zip container of an .xlsx package, read and written entry by entry. Reading parses the central
 * directory only and leaves every entry compressed until it is asked for, so a part can be inflated
 * as a stream (very large sheets) or copied into the output as its original compressed bytes
 * (package-preserving writes: a part carried over is the same bytes, never recompressed).
 * Inflating and deflating is fflate's in the browser and Node's zlib in the CLI (xlsx-zip-node.ts,
 * installed by xlsx-file.ts: native code, three to four times faster); the container format
 * (PKWARE APPNOTE 6.3.x: local headers, central directory, end records, zip64 sizes) is small
 * enough to handle here.
 */
import { Deflate, Inflate, inflateSync } from 'fflate';
import { Crc32 } from './xlsx-crc32';

/** Raw deflate (RFC 1951) and the zip checksum, as a host provides them. */
export interface ZipCodec {
  /** The whole entry inflated into `size` bytes. */
  inflate(data: Uint8Array, size: number): Uint8Array;
  /** The entry inflated piece by piece, in order. */
  inflateStream(data: Uint8Array, onChunk: (chunk: Uint8Array) => void): void;
  /** A deflate stream at `level`; `push` with `final` set ends it. */
  deflater(level: number, onData: (chunk: Uint8Array) => void): { push(bytes: Uint8Array, final: boolean): void };
  /** CRC-32 of `bytes` continued from `crc` (0 to start). */
  crc32(bytes: Uint8Array, crc: number): number;
}

/** Size of the compressed slices fed to the inflater: memory stays flat however large the part. */
const STREAM_SLICE = 1 << 20;

/**
 * Largest slice of uncompressed bytes handed on: decoded to text by the sheet scanner, a slice of
 * 64 KB stays below V8's largest regular heap object (about 128 KB) and dies young, where larger
 * ones go to the old generation's large-object space and call the full garbage collector again
 * and again (xlsx-zip-node.ts; BENCHMARKS.md "File host").
 */
export const READ_SLICE = 1 << 16;

/** `bytes` handed to `onChunk` in slices of at most READ_SLICE bytes. */
export function inSlices(bytes: Uint8Array, onChunk: (chunk: Uint8Array) => void): void {
  for (let at = 0; at < bytes.length; at += READ_SLICE) onChunk(bytes.subarray(at, at + READ_SLICE));
}

/** fflate (pure JavaScript, streams in constant memory): the browser's codec and the default. */
export const fflateCodec: ZipCodec = {
  inflate: (data, size) => inflateSync(data, { out: new Uint8Array(size) }),
  inflateStream(data, onChunk) {
    // fflate hands on what a compressed slice inflates to, about ten times its size.
    const inflater = new Inflate((chunk) => inSlices(chunk, onChunk));
    for (let at = 0; at < data.length || at === 0; at += STREAM_SLICE) {
      const end = Math.min(data.length, at + STREAM_SLICE);
      inflater.push(data.subarray(at, end), end >= data.length);
      if (end >= data.length) break;
    }
  },
  deflater(level, onData) {
    const deflater = new Deflate({ level: level as 1 }, (chunk) => onData(chunk));
    return { push: (bytes, final) => deflater.push(bytes, final) };
  },
  crc32(bytes, crc) {
    const sum = new Crc32(crc);
    sum.update(bytes);
    return sum.digest();
  },
};

let codec: ZipCodec = fflateCodec;

/** The host's codec for every later read and write (the CLI installs Node's zlib). */
export function useZipCodec(next: ZipCodec): void {
  codec = next;
}

/** One entry of a zip archive, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; others are refused when the entry is read. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** The compressed bytes (a view into the archive). */
  data: Uint8Array;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;
const DEFLATE_LEVEL = 1;

export class ZipFormatError extends Error {}

/** The entries of a zip archive, in the order of its central directory. */
export function readZipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndRecord(view);
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (offset === MAX32 || count === 0xffff) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) throw new ZipFormatError('zip64 end record missing');
    const record = Number(view.getBigUint64(locator + 8, true));
    count = Number(view.getBigUint64(record + 32, true));
    offset = Number(view.getBigUint64(record + 48, true));
  }
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL) throw new ZipFormatError('broken central directory');
    const method = view.getUint16(offset + 10, true);
    const crc = view.getUint32(offset + 16, true);
    let compressedSize = view.getUint32(offset + 20, true);
    let size = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    let local = view.getUint32(offset + 42, true);
    const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    // Zip64 extended information: the 64-bit values present are those whose 32-bit field is full.
    let extra = offset + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = view.getUint16(extra, true);
      const length = view.getUint16(extra + 2, true);
      if (id === 0x0001) {
        let at = extra + 4;
        if (size === MAX32) (size = Number(view.getBigUint64(at, true))), (at += 8);
        if (compressedSize === MAX32) (compressedSize = Number(view.getBigUint64(at, true))), (at += 8);
        if (local === MAX32) local = Number(view.getBigUint64(at, true));
      }
      extra += 4 + length;
    }
    if (view.getUint32(local, true) !== LOCAL) throw new ZipFormatError(`broken local header of ${name}`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressedSize > bytes.length) throw new ZipFormatError(`${name} is cut short`);
    entries.push({ name, method, crc, compressedSize, size, data: bytes.subarray(start, start + compressedSize) });
    offset = extraEnd + commentLength;
  }
  return entries;
}

function findEndRecord(view: DataView): number {
  // The end record is 22 bytes plus a comment of at most 65,535.
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  throw new ZipFormatError('no zip end record (the file is cut short or is not a zip archive)');
}

function assertMethod(entry: ZipEntry): void {
  if (entry.method !== 0 && entry.method !== 8) throw new ZipFormatError(`${entry.name} uses zip compression method ${entry.method}, which Excel does not write`);
}

/** The uncompressed bytes of an entry. */
export function entryBytes(entry: ZipEntry): Uint8Array {
  assertMethod(entry);
  if (entry.method === 0) return entry.data;
  return codec.inflate(entry.data, entry.size);
}

/** The entry inflated slice by slice; `onChunk` sees each piece of uncompressed bytes in order. */
export function streamEntry(entry: ZipEntry, onChunk: (chunk: Uint8Array) => void): void {
  assertMethod(entry);
  if (entry.method === 0) {
    inSlices(entry.data, onChunk);
    return;
  }
  codec.inflateStream(entry.data, onChunk);
}

/** A zip entry to write: already compressed (carried over from the input) or made here. */
export type ZipSource = ZipEntry;

/**
 * Compresses bytes into an entry. Level 1: fflate's level 6 takes twice the time for files about
 * 15 % smaller (measured on a 20,000 part-location results workbook: 2.1 s against 4.2 s for
 * 146 MB of sheet XML, 18.4 MB against 15.2 MB); the results are written once and read rarely.
 */
export function deflateEntry(name: string, bytes: Uint8Array): ZipEntry {
  const writer = new DeflatedEntryWriter(name);
  writer.write(bytes);
  return writer.finish();
}

/** An entry compressed as it is produced, so a large result sheet is never held uncompressed. */
export class DeflatedEntryWriter {
  private readonly chunks: Uint8Array[] = [];
  private crc = 0;
  private size = 0;
  private readonly deflater = codec.deflater(DEFLATE_LEVEL, (chunk) => this.chunks.push(chunk));
  private readonly codec = codec;

  constructor(private readonly name: string) {}

  write(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.crc = this.codec.crc32(bytes, this.crc);
    this.size += bytes.length;
    this.deflater.push(bytes, false);
  }

  finish(): ZipEntry {
    this.deflater.push(new Uint8Array(0), true);
    const data = concatBytes(this.chunks);
    return { name: this.name, method: 8, crc: this.crc, compressedSize: data.length, size: this.size, data };
  }
}

/** An entry stored uncompressed (tiny parts). */
export function storedEntry(name: string, bytes: Uint8Array): ZipEntry {
  return { name, method: 0, crc: codec.crc32(bytes, 0), compressedSize: bytes.length, size: bytes.length, data: bytes };
}

/**
 * The archive of these entries. Local headers carry the sizes and CRC (no data descriptors), names
 * are flagged UTF-8, and every entry gets the same timestamp (1980-01-01), so equal input gives
 * equal bytes.
 */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = entries.map((entry) => encoder.encode(entry.name));
  let localSize = 0;
  let centralSize = 0;
  entries.forEach((entry, i) => {
    localSize += 30 + names[i].length + entry.compressedSize;
    centralSize += 46 + names[i].length;
  });
  if (localSize + centralSize > MAX32 || entries.length > 0xffff) throw new Error('The results workbook would exceed 4 GB, beyond what an .xlsx file can hold.');
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  entries.forEach((entry, i) => {
    offsets.push(at);
    view.setUint32(at, LOCAL, true);
    writeCommonHeader(view, at + 4, entry, names[i].length);
    view.setUint16(at + 28, 0, true);
    out.set(names[i], at + 30);
    out.set(entry.data, at + 30 + names[i].length);
    at += 30 + names[i].length + entry.compressedSize;
  });
  const centralStart = at;
  entries.forEach((entry, i) => {
    view.setUint32(at, CENTRAL, true);
    view.setUint16(at + 4, 20, true); // made by: MS-DOS, version 2.0
    writeCommonHeader(view, at + 6, entry, names[i].length);
    // extra, comment, disk number, internal and external attributes: all zero
    view.setUint32(at + 42, offsets[i], true);
    out.set(names[i], at + 46);
    at += 46 + names[i].length;
  });
  view.setUint32(at, EOCD, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}

/** Version needed, flags, method, time, date, CRC, sizes, name length: the same in local and central headers. */
function writeCommonHeader(view: DataView, at: number, entry: ZipEntry, nameLength: number): void {
  view.setUint16(at, 20, true);
  view.setUint16(at + 2, 0x0800, true);
  view.setUint16(at + 4, entry.method, true);
  view.setUint16(at + 6, 0, true);
  view.setUint16(at + 8, 0x0021, true);
  view.setUint32(at + 10, entry.crc, true);
  view.setUint32(at + 14, entry.compressedSize, true);
  view.setUint32(at + 18, entry.size, true);
  view.setUint16(at + 22, nameLength, true);
}

export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
