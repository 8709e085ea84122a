/**
 * The JSON text of a run (`spp analyze --json`), laid out for reading and written in pieces: the
 * structure indented by two spaces, key by key, and every element of an array that holds objects
 * (a table's rows, the issues) on one line of its own. Its content is exactly JSON.stringify's
 * (the same keys in the same order, NaN and ±Infinity as null, undefined members left out and
 * undefined array elements as null, toJSON honoured): each row is serialized by JSON.stringify
 * itself, and only the whitespace between rows and keys differs.
 *
 * Why not `JSON.stringify(result, null, 2)`: at 20,000 part-locations that is one string of 51 MB
 * (the rows spread over a line per field) built and then encoded to UTF-8 as a whole, 0.65–0.75 s of
 * CPU in process; rows on one line make the file a quarter smaller, and handing it on in pieces of
 * about a megabyte means no large string is ever held (BENCHMARKS.md "File host").
 */

/** Pieces of about this many characters are handed to the sink. */
const PIECE = 1 << 20;

/**
 * Rows of a table not yet made, by holder and key (results.ts pendingTableRows): the writer takes
 * them one at a time instead of reading the holder's property, which would make them all at once.
 */
export type PendingRows = (holder: object, key: string) => Iterable<unknown> | undefined;

/** Where the laid-out text goes, part by part (a key, a row, a bracket), in order. */
interface JsonOut {
  add(text: string): void;
  readonly pending?: PendingRows;
}

/**
 * Hands the JSON text of `value` to `add` part by part, each a few characters to a row long: a
 * writer that encodes each part as it comes (the CLI, into a reused buffer) holds no text at all.
 */
export function writeJsonParts(value: unknown, add: (text: string) => void, pending?: PendingRows): void {
  const text = layOut(hasToJson(value) ? value.toJSON('') : value, '', { add, pending });
  if (text !== undefined) add(text);
}

/** Writes the JSON text of `value` to `sink` in pieces (of about a megabyte, the last one shorter). */
export function writeJsonLaidOut(value: unknown, sink: (text: string) => void, pending?: PendingRows): void {
  const out = new PieceWriter(sink);
  writeJsonParts(value, (text) => out.add(text), pending);
  out.end();
}

/** The JSON text of `value` as one string (small results, tests). */
export function jsonLaidOut(value: unknown, pending?: PendingRows): string {
  let text = '';
  writeJsonLaidOut(value, (piece) => (text += piece), pending);
  return text;
}

/**
 * Text collected as a list and joined once a piece is long enough: joining copies each part once
 * into one flat string, where `+=` would build a tree of rope strings to be flattened again when
 * the piece is encoded.
 */
class PieceWriter {
  private parts: string[] = [];
  private length = 0;
  constructor(private readonly sink: (text: string) => void) {}

  add(text: string): void {
    this.parts.push(text);
    this.length += text.length;
    if (this.length >= PIECE) this.end();
  }

  end(): void {
    if (this.length > 0) this.sink(this.parts.join(''));
    this.parts = [];
    this.length = 0;
  }
}

interface WithToJson {
  toJSON(key: string): unknown;
}

function hasToJson(value: unknown): value is WithToJson {
  return typeof value === 'object' && value !== null && typeof (value as Partial<WithToJson>).toJSON === 'function';
}

/**
 * Lays out `value` (its toJSON already applied) at `indent`: returns its text when it is a scalar
 * or fits one line (JSON.stringify's own), or adds an indented object or array to `out` piece by
 * piece and returns ''.
 */
function layOut(value: unknown, indent: string, out: JsonOut): string | undefined {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0 || !value.some((element) => typeof element === 'object' && element !== null)) return JSON.stringify(value);
    // A table: one element a line, each as JSON.stringify writes it (no whitespace inside).
    layOutRows(value, indent, out);
    return '';
  }
  const record = value as Record<string, unknown>;
  let first = true;
  for (const name of Object.keys(record)) {
    const rows = out.pending?.(record, name);
    if (rows) {
      out.add(`${first ? '{\n' : ',\n'}${inner}${JSON.stringify(name)}: `);
      first = false;
      layOutRows(rows, inner, out);
      continue;
    }
    const own = record[name];
    const member = hasToJson(own) ? own.toJSON(name) : own;
    // What JSON.stringify leaves out of an object (SerializeJSONProperty): undefined, functions, symbols.
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
    out.add(`${first ? '{\n' : ',\n'}${inner}${JSON.stringify(name)}: `);
    first = false;
    const text = layOut(member, inner, out);
    out.add(text ?? 'null');
  }
  out.add(first ? '{}' : `\n${indent}}`);
  return '';
}

/** Rows taken one at a time, laid out as an array of objects: `[]` when there are none, else a row a line. */
function layOutRows(rows: Iterable<unknown>, indent: string, out: JsonOut): void {
  const first = `[\n${indent}  `;
  const next = `,\n${indent}  `;
  let count = 0;
  for (const row of rows) {
    out.add(count === 0 ? first : next);
    out.add(JSON.stringify(row) ?? 'null');
    count++;
  }
  out.add(count === 0 ? '[]' : `\n${indent}]`);
}
