/**
 * What Excel does to the text of formulas that refer to sheets and tables, for the fake Excel
 * (office-fake-model.ts). Modelled because it is the point of writing results in place: a
 * formula of the user's that points into a result sheet or table must not turn into `#REF!`.
 *
 * - `'Sheet'!B4` and `Sheet!A1:C9` (sheet-qualified A1 references): a renamed sheet is renamed in
 *   them, a deleted sheet turns them into `#REF!`, inserted or deleted rows and columns move them
 *   (a reference whose cells are all deleted becomes `#REF!`, a range loses the deleted part).
 * - `Table[Column]`, `Table[[#This Row],[Column]]`, `Table[#Data]` (structured references): a
 *   renamed table or column is renamed in them; a deleted table or column turns them into `#REF!`;
 *   resizing a table leaves them alone (they name the table, not its cells).
 *
 * Not modelled: unqualified references (the adapter never writes formulas, and a user's formula
 * on their own sheet that points at a result sheet is always sheet-qualified), names, 3-D
 * references, and the quoting Excel normalises on display. Text inside "string literals" is left alone.
 */

export type Axis = 'rows' | 'columns';

/** Rows or columns [at, at + count) inserted (count > 0) or [at, at − count) deleted (count < 0), 0-based. */
export interface Shift {
  axis: Axis;
  at: number;
  count: number;
  /** Only cells whose other coordinate is in [from, to) move (a table column inserted moves only the table's rows). */
  band?: { from: number; to: number };
}

const REF = '#REF!';

/** Applies `rewrite` to the parts of a formula outside string literals. */
function outsideStrings(formula: string, rewrite: (part: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : rewrite(part)))
    .join('');
}

const SHEET_REF = /(?<![A-Za-z0-9_.'!\]])(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!(\$?)([A-Z]{1,3})(\$?)(\d+)(?::(\$?)([A-Z]{1,3})(\$?)(\d+))?/g;

interface CellPoint {
  row: number;
  column: number;
  text: (row: number, column: number) => string;
}

function columnNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

function columnName(column: number): string {
  let letters = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function point(columnDollar: string, letters: string, rowDollar: string, digits: string): CellPoint {
  return { row: Number(digits) - 1, column: columnNumber(letters), text: (row, column) => `${columnDollar}${columnName(column)}${rowDollar}${row + 1}` };
}

/** Every sheet-qualified reference, handed to `map(sheet, start, end)`; it returns the new text or null to keep it. */
function mapSheetRefs(formula: string, map: (sheet: string, start: CellPoint, end: CellPoint | null, prefix: string) => string | null): string {
  return outsideStrings(formula, (part) =>
    part.replace(SHEET_REF, (whole, quoted: string | undefined, plain: string | undefined, c1: string, l1: string, r1: string, d1: string, c2?: string, l2?: string, r2?: string, d2?: string) => {
      const sheet = quoted !== undefined ? quoted.replace(/''/g, "'") : plain!;
      const prefix = whole.slice(0, whole.indexOf('!') + 1);
      const start = point(c1, l1, r1, d1);
      const end = l2 !== undefined ? point(c2!, l2, r2!, d2!) : null;
      return map(sheet, start, end, prefix) ?? whole;
    }),
  );
}

/** How Excel writes a sheet name in a reference: quoted unless it is a plain word. */
export function sheetReferencePrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export function renameSheetRefs(formula: string, from: string, to: string): string {
  return mapSheetRefs(formula, (sheet, start, end, prefix) => {
    if (!sameName(sheet, from)) return null;
    const quotedBefore = prefix.startsWith("'");
    const renamed = quotedBefore ? `'${to.replace(/'/g, "''")}'!` : sheetReferencePrefix(to);
    return `${renamed}${start.text(start.row, start.column)}${end ? `:${end.text(end.row, end.column)}` : ''}`;
  });
}

export function deleteSheetRefs(formula: string, name: string): string {
  return mapSheetRefs(formula, (sheet) => (sameName(sheet, name) ? REF : null));
}

/** Where a row or column index goes in a shift; null when it was deleted. */
export function movedIndex(value: number, shift: Shift): number | null {
  if (shift.count > 0) return value >= shift.at ? value + shift.count : value;
  const deleted = -shift.count;
  if (value < shift.at) return value;
  if (value < shift.at + deleted) return null;
  return value - deleted;
}

export function shiftSheetRefs(formula: string, name: string, shift: Shift): string {
  return mapSheetRefs(formula, (sheet, start, end, prefix) => {
    if (!sameName(sheet, name)) return null;
    const last = end ?? start;
    const along = (p: CellPoint): number => (shift.axis === 'rows' ? p.row : p.column);
    const across = (p: CellPoint): number => (shift.axis === 'rows' ? p.column : p.row);
    if (shift.band && (Math.min(across(start), across(last)) < shift.band.from || Math.max(across(start), across(last)) >= shift.band.to)) return null;
    let first = movedIndex(along(start), shift);
    let final = movedIndex(along(last), shift);
    if (first === null && final === null) {
      // Every cell of the reference was deleted, unless a deleted block sits strictly inside a range.
      const all = along(start) >= shift.at && along(last) < shift.at - shift.count;
      if (all || !end) return REF;
    }
    if (shift.count < 0) {
      if (first === null) first = shift.at;
      if (final === null) final = shift.at - 1;
    }
    const place = (p: CellPoint, value: number): string => (shift.axis === 'rows' ? p.text(value, p.column) : p.text(p.row, value));
    return `${prefix}${place(start, first!)}${end ? `:${place(end, final!)}` : ''}`;
  });
}

const TABLE_START = /(?<![A-Za-z0-9_.\\'!\]])([A-Za-z_\\][A-Za-z0-9_.\\]*)\[/g;

/** Every structured reference `Name[...]`, handed to `map(table, inner)`; it returns the new text or null to keep it. */
function mapStructuredRefs(formula: string, map: (table: string, inner: string) => string | null): string {
  return outsideStrings(formula, (part) => {
    let out = '';
    let from = 0;
    TABLE_START.lastIndex = 0;
    for (let match = TABLE_START.exec(part); match; match = TABLE_START.exec(part)) {
      let depth = 0;
      let close = -1;
      for (let i = match.index + match[1].length; i < part.length; i++) {
        if (part[i] === '[') depth++;
        else if (part[i] === ']' && --depth === 0) {
          close = i;
          break;
        }
      }
      if (close < 0) break;
      const inner = part.slice(match.index + match[1].length + 1, close);
      const replacement = map(match[1], inner);
      out += part.slice(from, match.index) + (replacement ?? part.slice(match.index, close + 1));
      from = close + 1;
      TABLE_START.lastIndex = close + 1;
    }
    return out + part.slice(from);
  });
}

/** Column names a structured reference's inner part names: `Stock`, or the `[Stock]` items of `[#This Row],[Stock]`. */
function columnTokens(inner: string): { name: string; text: string }[] {
  if (!inner.includes('[')) return inner.startsWith('#') || inner === '' ? [] : [{ name: inner, text: inner }];
  return [...inner.matchAll(/\[([^\]]*)\]/g)].filter((m) => !m[1].startsWith('#')).map((m) => ({ name: m[1], text: m[0] }));
}

export function renameTableRefs(formula: string, from: string, to: string): string {
  return mapStructuredRefs(formula, (table, inner) => (sameName(table, from) ? `${to}[${inner}]` : null));
}

export function deleteTableRefs(formula: string, name: string): string {
  return mapStructuredRefs(formula, (table) => (sameName(table, name) ? REF : null));
}

export function renameColumnRefs(formula: string, tableName: string, from: string, to: string): string {
  return mapStructuredRefs(formula, (table, inner) => {
    if (!sameName(table, tableName)) return null;
    const tokens = columnTokens(inner);
    if (!tokens.some((token) => sameName(token.name, from))) return null;
    if (!inner.includes('[')) return `${table}[${to}]`;
    return `${table}[${inner.replace(/\[([^\]]*)\]/g, (whole, name: string) => (!name.startsWith('#') && sameName(name, from) ? `[${to}]` : whole))}]`;
  });
}

export function deleteColumnRefs(formula: string, tableName: string, column: string): string {
  return mapStructuredRefs(formula, (table, inner) => (sameName(table, tableName) && columnTokens(inner).some((token) => sameName(token.name, column)) ? REF : null));
}
