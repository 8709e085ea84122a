/**
 * XML written as UTF-8 bytes straight into pieces of about a megabyte, which go to a sink (the
 * deflater) as they fill. Why not build strings and encode them: a sheet row built by string
 * concatenation is a tree of rope strings that the encoder must first flatten, and at 20,000
 * part-locations (72 MB of result-sheet XML) flattening and encoding took as long as generating
 * the text (0.35 s each of CPU) and left millions of short-lived strings to the garbage collector
 * (`node --cpu-prof`, BENCHMARKS.md "File host"). Markup and numbers are ASCII and are copied byte
 * by byte; text is copied the same way while it is ASCII and handed to TextEncoder.encodeInto from
 * its first other character.
 */

/** Pieces are handed on once they hold at least this many bytes (what Node's codec deflates in one call). */
export const PIECE_BYTES = 1 << 20;
/** Room left beyond PIECE_BYTES, so that a row seldom needs a piece of its own. */
const MARGIN = 1 << 18;

const encoder = new TextEncoder();

/** The bytes of ASCII text (markup made once and copied often). */
export function asciiBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

export class Utf8Pieces {
  private piece = new Uint8Array(PIECE_BYTES + MARGIN);
  private at = 0;

  constructor(private readonly sink: (bytes: Uint8Array) => void) {}

  /** Makes room for `size` more bytes: the piece so far goes to the sink when they would not fit. */
  reserve(size: number): void {
    if (this.piece.length - this.at >= size) return;
    this.emit();
    if (this.piece.length < size) this.piece = new Uint8Array(PIECE_BYTES + Math.max(MARGIN, size));
  }

  /** Hands the piece on once it is full enough; call between elements. */
  settle(): void {
    if (this.at >= PIECE_BYTES) this.emit();
  }

  /** Bytes already encoded; the caller has reserved room for them. */
  bytes(bytes: Uint8Array): void {
    const piece = this.piece;
    let at = this.at;
    for (let i = 0; i < bytes.length; i++) piece[at++] = bytes[i];
    this.at = at;
  }

  /** ASCII text (markup, numbers as JavaScript writes them); the caller has reserved room for it. */
  ascii(text: string): void {
    const piece = this.piece;
    let at = this.at;
    for (let i = 0; i < text.length; i++) piece[at++] = text.charCodeAt(i);
    this.at = at;
  }

  /** Any text, reserving room itself: at most 3 bytes per UTF-16 code unit. */
  text(text: string): void {
    this.reserve(3 * text.length);
    const piece = this.piece;
    let at = this.at;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0x80) {
        this.at = at + encoder.encodeInto(i === 0 ? text : text.slice(i), piece.subarray(at)).written;
        return;
      }
      piece[at++] = code;
    }
    this.at = at;
  }

  /** Hands on what is left. */
  end(): void {
    if (this.at > 0) this.sink(this.piece.subarray(0, this.at));
    this.piece = new Uint8Array(0);
    this.at = 0;
  }

  private emit(): void {
    // The sink keeps the bytes (the deflater may hold them until it has a piece): a new piece follows.
    if (this.at > 0) this.sink(this.piece.subarray(0, this.at));
    this.piece = new Uint8Array(this.piece.length);
    this.at = 0;
  }
}
