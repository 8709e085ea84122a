/**
 * Node's zlib as the zip codec of the CLI (native code; the browser keeps fflate). Measured on the
 * 99 MB of sheet XML of a 20,000 part-location workbook: inflating 0.2 s against fflate's 0.6–1.1 s;
 * deflating the results at level 1 about four times faster than fflate (BENCHMARKS.md "File host").
 *
 * Node has no public synchronous streaming deflate, so a stream is built from its documented parts:
 * every piece is deflated on its own and ended with a sync flush (`finishFlush: Z_SYNC_FLUSH`), which
 * closes it with an empty stored block and no final-block bit; raw deflate has no header, so the
 * pieces concatenate into one valid stream (RFC 1951 §3.2.3: blocks follow each other, each with
 * its own Huffman codes; a back-reference never reaches into an earlier piece because each had a
 * fresh window). An empty final block ends it. Pieces of 1 MB cost well under 1 % in compression.
 *
 * Inflating a part is one call; its output (the part's XML, at most a few hundred MB for a full
 * sheet) is then handed on in slices of 64 KB (READ_SLICE), so the XML is still never one string. Why so small:
 * the scanner decodes each slice to a string, and a string over V8's largest regular object (about
 * 128 KB) is made in the large-object space of the old generation, so slices of 1 MB put 280 MB of
 * short-lived strings there on a full sheet and called the full garbage collector again and again;
 * with 64 KB slices they die young. Reading the full sheet's tables: 5.5 → 4.3 s of CPU
 * (BENCHMARKS.md "File host").
 */
import * as zlib from 'node:zlib';
import { concatBytes, fflateCodec, inSlices, type ZipCodec } from './xlsx-zip';

const PIECE = 1 << 20;

/** An empty final block (BFINAL 1, fixed codes, end of block): what ends a stream of sync-flushed pieces. */
const FINAL_BLOCK = zlib.deflateRawSync(new Uint8Array(0));

type Crc32 = (data: Uint8Array, value?: number) => number;
/** zlib.crc32 is in Node from 20.15 and 22.2; older versions fall back to the table-driven one. */
const nativeCrc32 = (zlib as unknown as { crc32?: Crc32 }).crc32;

export const nodeZipCodec: ZipCodec = {
  inflate: (data) => zlib.inflateRawSync(data),
  inflateStream(data, onChunk) {
    inSlices(zlib.inflateRawSync(data), onChunk);
  },
  deflater(level, onData) {
    let pending: Uint8Array[] = [];
    let pendingSize = 0;
    const deflatePending = (final: boolean) => {
      const input = concatBytes(pending);
      pending = [];
      pendingSize = 0;
      if (input.length > 0) onData(zlib.deflateRawSync(input, { level, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
      if (final) onData(FINAL_BLOCK);
    };
    return {
      push(bytes, final) {
        if (bytes.length > 0) {
          pending.push(bytes);
          pendingSize += bytes.length;
        }
        if (final || pendingSize >= PIECE) deflatePending(final);
      },
    };
  },
  crc32: nativeCrc32 ? (bytes, crc) => nativeCrc32(bytes, crc) : fflateCodec.crc32,
};
