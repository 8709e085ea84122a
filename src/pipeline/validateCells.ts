/**
 * Converting one cell to the type its column (or setting) declares, with the user-facing message
 * when it cannot be converted. Messages follow one style: `<Column> must be <what>, found <value>`.
 */
import type { ColumnType, Plausibility, Scalar } from '../model/contract';
import { isoDateOfDays, readDate } from '../model/periods';
import { isCellError, UNCALCULATED_FORMULA, type CellValue } from '../workbook/port';

/** What a value must look like: the shared part of ColumnSpec and SettingSpec. */
export interface ValueRule {
  readonly key: string;
  readonly type: ColumnType;
  readonly min?: number;
  readonly minExclusive?: boolean;
  readonly max?: number;
  readonly maxExclusive?: boolean;
  readonly values?: readonly string[];
  /** A share from 0 to 1 (see ColumnSpec.share). */
  readonly share?: boolean;
  readonly plausible?: Plausibility;
}

/** Rules are the "kind" under which repeated issues are capped (see validateIssues.ts). */
export type CellRule = 'excelError' | 'invalid' | 'ambiguousDate';

export type Conversion =
  /** `value` is null for a blank cell; `dateAsText` flags a date typed as text; `implausible` is a warning for a valid but suspicious number. */
  | { readonly ok: true; readonly value: Scalar | null; readonly dateAsText?: boolean; readonly implausible?: string }
  | { readonly ok: false; readonly rule: CellRule; readonly message: string };

const BLANK: Conversion = { ok: true, value: null };
const MAX_FOUND_LENGTH = 60;

/** Blank: empty, only spaces, or nothing. Excel error values are not blank. */
export function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

export function isBlankRow(row: readonly (CellValue | undefined)[]): boolean {
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i])) return false;
  return true;
}

/** A value as quoted in messages: text in quotes (shortened), numbers as they are, dates as ISO. */
export function describeFound(value: CellValue | undefined): string {
  if (typeof value === 'string') {
    const text = value.trim();
    return `"${text.length > MAX_FOUND_LENGTH ? `${text.slice(0, MAX_FOUND_LENGTH - 1)}…` : text}"`;
  }
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : isoDateOfDays(Math.floor(value.getTime() / 86_400_000));
  if (isCellError(value)) return value.error;
  return 'nothing';
}

/** ` > 0 and < 1`, ` from 0 to 1`, ` >= 0`, or nothing. */
export function boundsPhrase(rule: ValueRule): string {
  const lower = rule.min === undefined ? '' : `${rule.minExclusive ? '>' : '>='} ${rule.min}`;
  const upper = rule.max === undefined ? '' : `${rule.maxExclusive ? '<' : '<='} ${rule.max}`;
  if (lower && upper) return !rule.minExclusive && !rule.maxExclusive ? ` from ${rule.min} to ${rule.max}` : ` ${lower} and ${upper}`;
  return lower || upper ? ` ${lower || upper}` : '';
}

/** What the column expects, as the middle of `X must be …, found …`. */
export function expectation(rule: ValueRule): string {
  switch (rule.type) {
    case 'number':
      return `a number${boundsPhrase(rule)}`;
    case 'integer':
      return `a whole number${boundsPhrase(rule)}`;
    case 'boolean':
      return 'Yes or No';
    case 'enum':
      return `one of ${(rule.values ?? []).join(', ')}`;
    case 'date':
      return 'a date';
    case 'period':
      return 'a period';
    case 'text':
      return 'text';
  }
}

export function invalidMessage(rule: ValueRule, value: CellValue | undefined): string {
  const base = `${rule.key} must be ${expectation(rule)}, found ${describeFound(value)}`;
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
  // A share typed as a percentage (95 for 95 %) is the usual slip; say what to type instead.
  if (rule.share && n > 1 && n <= 100) return `${base}; it is a share: if you meant ${n} %, enter ${n / 100}`;
  return base;
}

export function excelErrorMessage(key: string, error: string): string {
  if (error === UNCALCULATED_FORMULA) return `${key} holds a formula that was never calculated (the file was saved by a program that does not calculate formulas); open and save it in Excel or LibreOffice, or enter the value`;
  return `${key} holds the Excel error ${error}; fix the formula or enter a value`;
}

export function requiredMessage(key: string): string {
  return `${key} is required`;
}

function invalid(rule: ValueRule, value: CellValue): Conversion {
  return { ok: false, rule: 'invalid', message: invalidMessage(rule, value) };
}

/** Plain decimal text such as `12`, `-3.5`, `.5`, `1e3`; not `0x10`, `Infinity` or `1,000`. */
const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The number in a cell: numbers, and numbers typed as text (common after CSV imports). */
function numberOf(value: CellValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') {
    const text = value.trim();
    return NUMBER_TEXT.test(text) ? Number(text) : null;
  }
  return null;
}

function withinBounds(rule: ValueRule, n: number): boolean {
  if (rule.min !== undefined && (rule.minExclusive ? n <= rule.min : n < rule.min)) return false;
  if (rule.max !== undefined && (rule.maxExclusive ? n >= rule.max : n > rule.max)) return false;
  return true;
}

const TRUE_TEXT = new Set(['yes', 'y', 'true', '1']);
const FALSE_TEXT = new Set(['no', 'n', 'false', '0']);

/** Enum matching ignores case, spaces, `_` and `-` ("end of life" is EndOfLife). */
export function normalizeEnum(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, '');
}

const enumLookups = new WeakMap<readonly string[], Map<string, string>>();

function canonicalEnumValue(values: readonly string[], text: string): string | undefined {
  let lookup = enumLookups.get(values);
  if (lookup === undefined) {
    lookup = new Map(values.map((v) => [normalizeEnum(v), v]));
    enumLookups.set(values, lookup);
  }
  return lookup.get(normalizeEnum(text));
}

/** Text of a text cell: trimmed text, numbers as their text (IDs are often numeric), dates as ISO. */
export function textOf(value: CellValue): string | null {
  if (typeof value === 'string') {
    const text = value.trim();
    return text === '' ? null : text;
  }
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return describeFound(value);
  return null;
}

/** Convert one cell. Blank gives `value: null`; the caller applies "required" and defaults. */
export function convertCell(value: CellValue | undefined, rule: ValueRule): Conversion {
  if (value === undefined || isBlank(value)) return BLANK;
  if (isCellError(value)) return { ok: false, rule: 'excelError', message: excelErrorMessage(rule.key, value.error) };
  switch (rule.type) {
    case 'text':
    case 'period': // periods are read by the Demand validator; as plain columns they are text
      return { ok: true, value: textOf(value) };
    case 'number':
    case 'integer': {
      const n = numberOf(value);
      if (n === null || !withinBounds(rule, n) || (rule.type === 'integer' && !Number.isInteger(n))) return invalid(rule, value);
      if (rule.plausible && n > rule.plausible.max) return { ok: true, value: n, implausible: rule.plausible.warning(rule.key, n) };
      return { ok: true, value: n };
    }
    case 'boolean': {
      if (typeof value === 'boolean') return { ok: true, value };
      const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim().toLowerCase() : '';
      if (TRUE_TEXT.has(text)) return { ok: true, value: true };
      if (FALSE_TEXT.has(text)) return { ok: true, value: false };
      return invalid(rule, value);
    }
    case 'enum': {
      const canonical = typeof value === 'string' ? canonicalEnumValue(rule.values ?? [], value) : undefined;
      return canonical === undefined ? invalid(rule, value) : { ok: true, value: canonical };
    }
    case 'date': {
      const reading = readDate(value);
      if (reading.ok) return { ok: true, value: reading.iso, dateAsText: reading.dateAsText };
      if (reading.problem === 'ambiguousDate') return { ok: false, rule: 'ambiguousDate', message: ambiguousDateMessage(rule.key, value, 'YYYY-MM-DD') };
      return invalid(rule, value);
    }
  }
}

/** `X "03/04/2024" is ambiguous …`, with the formats that would be unambiguous. */
export function ambiguousDateMessage(subject: string, value: CellValue, formats: string): string {
  return `${subject} ${describeFound(value)} is ambiguous (day and month order unknown); enter it as ${formats}, or as an Excel date`;
}

export function dateAsTextMessage(subject: string, value: CellValue, readAs: string): string {
  return `${subject} ${describeFound(value)} is a date stored as text; it was read as ${readAs}`;
}
