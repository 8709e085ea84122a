/**
 * XML written straight to UTF-8 pieces (src/workbook/xlsx-utf8-pieces.ts) against TextEncoder's
 * encoding of the same text as one string, the independent reference: whatever the mix of ASCII,
 * other characters, surrogate pairs and lone surrogates, and wherever the pieces end.
 */
import fc from 'fast-check';
import { asciiBytes, PIECE_BYTES, Utf8Pieces } from '../../src/workbook/xlsx-utf8-pieces';

function joined(pieces: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

type Step = { kind: 'text'; text: string } | { kind: 'ascii'; text: string } | { kind: 'bytes'; text: string };

const ascii = fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((code) => String.fromCharCode(code)), maxLength: 40 });
const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const steps = fc.array(
  fc.oneof(
    anyText.map((text): Step => ({ kind: 'text', text })),
    ascii.map((text): Step => ({ kind: 'ascii', text })),
    ascii.map((text): Step => ({ kind: 'bytes', text })),
  ),
  { maxLength: 60 },
);

function write(stepsToWrite: readonly Step[], repeat: number): { pieces: Uint8Array[]; text: string } {
  const pieces: Uint8Array[] = [];
  const out = new Utf8Pieces((bytes) => pieces.push(bytes));
  let text = '';
  for (let r = 0; r < repeat; r++) {
    for (const step of stepsToWrite) {
      text += step.text;
      if (step.kind === 'text') out.text(step.text);
      else {
        out.reserve(step.text.length);
        if (step.kind === 'ascii') out.ascii(step.text);
        else out.bytes(asciiBytes(step.text));
      }
      out.settle();
    }
  }
  out.end();
  return { pieces, text };
}

test('the pieces joined are the UTF-8 encoding of the text written', () => {
  fc.assert(
    fc.property(steps, (written) => {
      const { pieces, text } = write(written, 1);
      expect(joined(pieces)).toEqual(new TextEncoder().encode(text));
    }),
    { numRuns: 300 },
  );
});

test('text beyond a piece is handed on in pieces of at least a megabyte, none empty, the same bytes', () => {
  // About 6 MB of mixed text: ASCII markup, accented letters (2 bytes), CJK (3 bytes), emoji (surrogate pairs, 4 bytes).
  const row: Step[] = [
    { kind: 'bytes', text: '<row r="' },
    { kind: 'ascii', text: '123' },
    { kind: 'text', text: '">déjà vu 東京 😀 …' },
    { kind: 'text', text: 'x'.repeat(200) },
  ];
  const { pieces, text } = write(row, 25_000);
  expect(pieces.length).toBeGreaterThan(4);
  for (const piece of pieces.slice(0, -1)) expect(piece.length).toBeGreaterThanOrEqual(PIECE_BYTES);
  expect(pieces.every((piece) => piece.length > 0)).toBe(true);
  expect(Buffer.from(joined(pieces)).equals(Buffer.from(text, 'utf8'))).toBe(true);
});

test('one text longer than a piece gets a piece of its own', () => {
  const long = 'é'.repeat(PIECE_BYTES);
  const { pieces, text } = write([{ kind: 'ascii', text: '<t>' }, { kind: 'text', text: long }, { kind: 'ascii', text: '</t>' }], 1);
  expect(Buffer.from(joined(pieces)).equals(Buffer.from(text, 'utf8'))).toBe(true);
});
