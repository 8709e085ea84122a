/**
 * A scanner dedicated to the `<sheetData>` of a worksheet part: rows, cells and their values, and
 * nothing else. Why not saxes, which reads every other part: a general XML tokenizer spends its
 * time on what a worksheet never needs (an object of attributes per element, an event per text
 * run, name validation character by character): on the 99 MB of sheet XML of a 20,000
 * part-location workbook it took 3.06 s of CPU where this scanner takes 1.24 s (best of 3, with no
 * work per cell; BENCHMARKS.md "File host"). The XML rules a sheet relies on are kept: element names with or without a namespace
 * prefix, attributes in single or double quotes (a `>` inside a value does not end the tag),
 * character and predefined entity references, CDATA sections, comments and processing
 * instructions, line ends normalised to LF (XML 1.0 §2.11). Everything before `<sheetData>` is
 * passed over tag by tag and everything after `</sheetData>` is not scanned at all.
 *
 * The input comes as chunks of UTF-8 bytes (a very large part is never one string); an element cut
 * by a chunk boundary waits for the next chunk.
 */

/** ST_CellType (ECMA-376 Part 1, 18.18.11), from the cell's `t` attribute. */
export enum CellType {
  Number,
  Shared,
  Inline,
  FormulaText,
  Boolean,
  Error,
  IsoDate,
}

/**
 * One cell as it is written: its position (row and 1-based column, from `r` or counted), type,
 * style index, the text of its `<v>` or inline string (entities decoded; `hasValue` says whether
 * there was such an element at all) and its formula text (undefined when it has no `<f>`).
 */
export type CellSink = (row: number, column: number, type: CellType, style: number, text: string, hasValue: boolean, formula: string | undefined) => void;

export class SheetXmlError extends Error {}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const COLON = 58;
const EQUALS = 61;
const QUOTE = 34;
const APOSTROPHE = 39;

const enum State {
  BeforeSheetData,
  InSheetData,
  Done,
}

export class SheetDataScanner {
  private readonly decoder = new TextDecoder();
  private rest = '';
  private state = State.BeforeSheetData;
  private row = 0;
  private column = 0;
  // Attributes of the tag last read by readTag (only those asked for).
  private refColumn = 0;
  private refRow = 0;
  private style = 0;
  private type = CellType.Number;
  private selfClosing = false;
  // Content of the cell last read by readCellContent.
  private text = '';
  private hasValue = false;
  private formula: string | undefined;
  // The cell element's name as the part writes it (`c`, `x:c`) and its end tag's start.
  private cellName = 'c';
  private cellClose = '</c';

  constructor(private readonly onCell: CellSink) {}

  /** Feeds the next chunk of the part's bytes. */
  write(chunk: Uint8Array): void {
    if (this.state === State.Done) return;
    const text = this.rest + this.decoder.decode(chunk, { stream: true });
    this.rest = text.slice(this.scan(text));
  }

  /** The part is complete: fails when it ends inside an element. */
  close(): void {
    if (this.state === State.Done) return;
    const text = this.rest + this.decoder.decode();
    const at = this.scan(text);
    this.rest = '';
    if ((this.state as State) === State.Done) return;
    if (text.indexOf('<', at) >= 0) throw new SheetXmlError(`the worksheet XML ends inside an element (${JSON.stringify(text.slice(at, at + 40))}…)`);
    if (this.state === State.InSheetData) throw new SheetXmlError('the worksheet XML ends before </sheetData>');
  }

  /** Scans complete elements of `s`; returns where the unscanned rest (an element cut short) starts. */
  private scan(s: string): number {
    const n = s.length;
    let i = 0;
    while (i < n) {
      // Elements mostly follow each other directly: a look at the next character saves an indexOf call.
      const lt = s.charCodeAt(i) === LT ? i : s.indexOf('<', i);
      if (lt < 0 || lt + 1 >= n) return lt < 0 ? n : lt;
      const next = s.charCodeAt(lt + 1);
      if (next === BANG || next === QUESTION) {
        const end = skipMarkup(s, lt, n);
        if (end < 0) return lt;
        i = end;
        continue;
      }
      if (next === SLASH) {
        const gt = s.indexOf('>', lt);
        if (gt < 0) return lt;
        if (this.state === State.InSheetData && isLocalName(s, lt + 2, nameEnd(s, lt + 2, gt), 'sheetData')) {
          this.state = State.Done;
          return n;
        }
        i = gt + 1;
        continue;
      }
      const nameStart = lt + 1;
      let nameStop: number;
      let local = nameStart;
      // The usual `<c ` without a prefix, else the name read out.
      if (next === 99 && s.charCodeAt(lt + 2) === 32) nameStop = lt + 2;
      else {
        nameStop = nameEnd(s, nameStart, n);
        if (nameStop >= n) return lt;
        local = localStart(s, nameStart, nameStop);
      }
      const length = nameStop - local;
      const isCell = length === 1 && s.charCodeAt(local) === 99; // c
      const isRow = !isCell && length === 3 && s.startsWith('row', local);
      const gt = this.readTag(s, nameStop, n, this.state === State.InSheetData && (isCell || isRow));
      if (gt < 0) return lt;
      if (this.state === State.BeforeSheetData) {
        if (length === 9 && s.startsWith('sheetData', local)) {
          this.state = this.selfClosing ? State.Done : State.InSheetData;
          if (this.state === State.Done) return n;
        }
        i = gt + 1;
        continue;
      }
      if (isRow) {
        this.row = this.refRow > 0 ? this.refRow : this.row + 1;
        this.column = 0;
        i = gt + 1;
        continue;
      }
      if (!isCell) {
        i = gt + 1;
        continue;
      }
      let after = gt + 1;
      if (this.selfClosing) {
        this.text = '';
        this.hasValue = false;
        this.formula = undefined;
      } else if (nameStop - nameStart === 1 && (after = this.simpleCell(s, gt + 1, n)) > 0) {
        // a lone value or plain inline string, read by simpleCell
      } else if (after === 0) {
        return lt;
      } else {
        if (nameStop - nameStart !== this.cellName.length || !s.startsWith(this.cellName, nameStart)) this.cellClose = `</${(this.cellName = s.slice(nameStart, nameStop))}`;
        const close = findCloseTag(s, gt + 1, n, this.cellClose);
        if (close < 0) return lt;
        this.readCellContent(s, gt + 1, close);
        after = s.indexOf('>', close) + 1;
      }
      if (this.refColumn > 0) {
        this.column = this.refColumn;
        if (this.refRow > 0) this.row = this.refRow;
      } else this.column++;
      this.onCell(this.row, this.column, this.type, this.style, this.text, this.hasValue, this.formula);
      i = after;
    }
    return n;
  }

  /**
   * Walks a start tag's attributes from the end of its name to its `>` (quotes respected); returns
   * the index of the `>`, or -1 when the tag is cut short. With `record`, `r` (column and row or
   * row alone), `s` and `t` are kept in the scanner's fields.
   */
  private readTag(s: string, from: number, n: number, record: boolean): number {
    if (record) {
      this.refColumn = 0;
      this.refRow = 0;
      this.style = 0;
      this.type = CellType.Number;
    }
    // Character by character: attributes are short, and a loop is cheaper than indexOf calls here.
    let i = from;
    for (;;) {
      let code = s.charCodeAt(i);
      while (code === 32 || code === 10 || code === 13 || code === 9) code = s.charCodeAt(++i);
      if (i >= n) return -1;
      if (code === GT) {
        this.selfClosing = false;
        return i;
      }
      if (code === SLASH) {
        if (i + 1 >= n) return -1;
        if (s.charCodeAt(i + 1) !== GT) throw malformedTag(s, from);
        this.selfClosing = true;
        return i + 1;
      }
      const nameStart = i;
      while (i < n && (code = s.charCodeAt(i)) !== EQUALS && code > 32 && code !== GT && code !== LT && code !== SLASH) i++;
      const nameStop = i;
      while (code === 32 || code === 10 || code === 13 || code === 9) code = s.charCodeAt(++i);
      if (i >= n) return -1;
      if (code !== EQUALS || nameStop === nameStart) throw malformedTag(s, from);
      code = s.charCodeAt(++i);
      while (code === 32 || code === 10 || code === 13 || code === 9) code = s.charCodeAt(++i);
      if (i >= n) return -1;
      if (code !== QUOTE && code !== APOSTROPHE) throw malformedTag(s, from);
      const valueStart = ++i;
      while (i < n && s.charCodeAt(i) !== code) i++;
      if (i >= n) return -1;
      if (record && nameStop - nameStart === 1) this.recordAttribute(s.charCodeAt(nameStart), s, valueStart, i);
      i++;
    }
  }

  private recordAttribute(name: number, s: string, from: number, to: number): void {
    if (name === 114) {
      // r: `B12` on a cell, `12` on a row
      let column = 0;
      let i = from;
      for (; i < to; i++) {
        const code = s.charCodeAt(i);
        if (code >= 65 && code <= 90) column = column * 26 + code - 64;
        else if (code >= 97 && code <= 122) column = column * 26 + code - 96;
        else break;
      }
      this.refColumn = column;
      this.refRow = digitsAt(s, i, to);
    } else if (name === 115) {
      this.style = digitsAt(s, from, to);
    } else if (name === 116) {
      this.type = cellTypeAt(s, from, to);
    }
  }

  /**
   * The two contents nearly every cell has, `<v>text</v></c>` and `<is><t>text</t></is></c>`, read
   * character by character; returns the index past the cell's end tag, 0 when the chunk ends inside
   * the cell, -1 when the content is anything else (readCellContent then reads it).
   */
  private simpleCell(s: string, from: number, n: number): number {
    let start: number;
    let tail: number;
    if (from + 3 > n) return 0;
    if (s.charCodeAt(from) !== LT) return -1;
    const second = s.charCodeAt(from + 1);
    if (second === 118 && s.charCodeAt(from + 2) === GT) {
      start = from + 3;
      tail = 8; // </v></c>
    } else if (second === 105) {
      if (from + 7 > n) return 0;
      // <is><t>
      if (s.charCodeAt(from + 2) !== 115 || s.charCodeAt(from + 3) !== GT || s.charCodeAt(from + 4) !== LT || s.charCodeAt(from + 5) !== 116 || s.charCodeAt(from + 6) !== GT) return -1;
      start = from + 7;
      tail = 13; // </t></is></c>
    } else return -1;
    let i = start;
    let special = false;
    let code = 0;
    while (i < n && (code = s.charCodeAt(i)) !== LT) {
      if (code === 38 || code === 13) special = true;
      i++;
    }
    if (i + tail > n) return 0;
    if (!s.startsWith(tail === 8 ? '</v></c>' : '</t></is></c>', i)) return -1;
    this.text = special ? xmlText(s, start, i) : s.slice(start, i);
    this.hasValue = true;
    this.formula = undefined;
    return i + tail;
  }

  /** The `<v>`, inline string `<t>` (phonetic runs left out) and `<f>` of a cell's content. */
  private readCellContent(s: string, from: number, to: number): void {
    this.formula = undefined;
    let text = '';
    let formula = '';
    let hasValue = false;
    let hasFormula = false;
    // 0 nothing, 1 value or text, 2 formula
    let collecting = 0;
    let inPhonetic = false;
    let i = from;
    while (i < to) {
      let lt = s.indexOf('<', i);
      if (lt < 0 || lt > to) lt = to;
      if (lt > i && collecting !== 0) {
        if (collecting === 1) text += xmlText(s, i, lt);
        else formula += xmlText(s, i, lt);
      }
      if (lt >= to) break;
      const next = s.charCodeAt(lt + 1);
      if (next === BANG && s.startsWith('<![CDATA[', lt)) {
        const end = s.indexOf(']]>', lt + 9);
        if (end < 0 || end > to) throw cutShort(s, lt);
        if (collecting === 1) text += normaliseLineEnds(s.slice(lt + 9, end));
        else if (collecting === 2) formula += normaliseLineEnds(s.slice(lt + 9, end));
        i = end + 3;
        continue;
      }
      if (next === BANG || next === QUESTION) {
        i = skipMarkup(s, lt, to);
        if (i < 0) throw cutShort(s, lt);
        continue;
      }
      const closing = next === SLASH;
      const nameStart = closing ? lt + 2 : lt + 1;
      const nameStop = nameEnd(s, nameStart, to);
      const local = localStart(s, nameStart, nameStop);
      const length = nameStop - local;
      const first = s.charCodeAt(local);
      const gt = this.readTag(s, nameStop, to, false);
      if (gt < 0) throw cutShort(s, lt);
      const selfClosing = !closing && this.selfClosing;
      if (length === 1 && (first === 118 || first === 116 || first === 102)) {
        // v, t, f
        if (closing) collecting = 0;
        else if (first === 102) {
          hasFormula = true;
          collecting = selfClosing ? 0 : 2;
        } else if (first === 118 || !inPhonetic) {
          hasValue = true;
          collecting = selfClosing ? 0 : 1;
        }
      } else if (length === 3 && s.startsWith('rPh', local)) inPhonetic = !closing && !selfClosing;
      i = gt + 1;
    }
    this.text = text;
    this.hasValue = hasValue;
    this.formula = hasFormula ? formula : undefined;
  }
}

function malformedTag(s: string, at: number): SheetXmlError {
  return new SheetXmlError(`malformed tag in the worksheet XML (${JSON.stringify(s.slice(Math.max(0, at - 10), at + 40))}…)`);
}

function cutShort(s: string, at: number): SheetXmlError {
  return new SheetXmlError(`malformed cell in the worksheet XML (${JSON.stringify(s.slice(at, at + 40))}…)`);
}

/** Index of the end of a name (the first whitespace, `/` or `>`), at most `n`. */
function nameEnd(s: string, from: number, n: number): number {
  let i = from;
  for (; i < n; i++) {
    const code = s.charCodeAt(i);
    if (code <= 32 || code === GT || code === SLASH) break;
  }
  return i;
}

/** Start of the local part of a possibly prefixed name (`x:c` → `c`). */
function localStart(s: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (s.charCodeAt(i) === COLON) return i + 1;
  return from;
}

function isLocalName(s: string, from: number, to: number, name: string): boolean {
  const local = localStart(s, from, to);
  return to - local === name.length && s.startsWith(name, local);
}

/** The end tag (`needle` is `</` and its name) of the element opened before `from`: index of its `<`, or -1 when not in `s` yet. */
function findCloseTag(s: string, from: number, n: number, needle: string): number {
  let at = s.indexOf(needle, from);
  while (at >= 0) {
    const after = at + needle.length;
    if (after >= n) return -1;
    const code = s.charCodeAt(after);
    if (code === GT || code <= 32) return s.indexOf('>', after) < 0 ? -1 : at;
    at = s.indexOf(needle, after);
  }
  return -1;
}

/** Past a comment, CDATA section, processing instruction or declaration starting at `lt`; -1 when cut short. */
function skipMarkup(s: string, lt: number, n: number): number {
  let terminator = '>';
  if (s.startsWith('<!--', lt)) terminator = '-->';
  else if (s.startsWith('<![CDATA[', lt)) terminator = ']]>';
  else if (s.charCodeAt(lt + 1) === QUESTION) terminator = '?>';
  else if (lt + 9 > n) return -1; // too little to tell a comment or CDATA from a declaration
  const end = s.indexOf(terminator, lt + 2);
  return end < 0 || end + terminator.length > n ? -1 : end + terminator.length;
}

function digitsAt(s: string, from: number, to: number): number {
  let n = 0;
  let any = false;
  for (let i = from; i < to; i++) {
    const code = s.charCodeAt(i);
    if (code < 48 || code > 57) break;
    n = n * 10 + code - 48;
    any = true;
  }
  return any ? n : 0;
}

/** The `t` attribute's value as a CellType, without making a string of it; unknown values read as numbers, as before. */
function cellTypeAt(s: string, from: number, to: number): CellType {
  const length = to - from;
  const first = s.charCodeAt(from);
  if (length === 1) {
    if (first === 115) return CellType.Shared; // s
    if (first === 98) return CellType.Boolean; // b
    if (first === 101) return CellType.Error; // e
    if (first === 100) return CellType.IsoDate; // d
    return CellType.Number;
  }
  if (length === 3 && s.startsWith('str', from)) return CellType.FormulaText;
  if (length === 9 && s.startsWith('inlineStr', from)) return CellType.Inline;
  return CellType.Number;
}

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Character data between `from` and `to`: line ends normalised, entity references replaced. */
function xmlText(s: string, from: number, to: number): string {
  const raw = s.slice(from, to);
  const amp = raw.indexOf('&');
  const cr = raw.indexOf('\r');
  if (amp < 0 && cr < 0) return raw;
  const text = cr < 0 ? raw : normaliseLineEnds(raw);
  return amp < 0 ? text : text.replace(ENTITY, (_m, decimal: string | undefined, hex: string | undefined, name: string | undefined) => (name ? NAMED[name] : String.fromCodePoint(decimal ? Number(decimal) : parseInt(hex!, 16))));
}

function normaliseLineEnds(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
}
