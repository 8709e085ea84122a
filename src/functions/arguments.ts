/**
 * Argument checking for the custom functions: what Excel passes (numbers, text, booleans, null for
 * an omitted argument, "" or null for an empty cell, a 2-D array for a range) converted to what
 * the engine takes, or a FunctionError saying which argument is wrong and why.
 *
 * The rules and the wording are the workbook's: cells are converted by the pipeline's
 * convertCell, so a number typed as text is accepted in a formula exactly as in an input table,
 * and a message reads like the validation report ("alpha must be a number > 0 and <= 1, found 2").
 * A value of the wrong kind is #VALUE!, a number outside the range is #NUM! (Excel's convention).
 */
import { convertCell, isBlank, type ValueRule } from '../pipeline/validateCells';
import type { CellValue } from '../workbook/port';
import { invalidNumber, invalidValue } from './errors';

/** Bounds of a numeric argument (the shape of the contract's column and setting rules). */
export interface NumberRule {
  readonly min?: number;
  readonly minExclusive?: boolean;
  readonly max?: number;
  readonly maxExclusive?: boolean;
  /** A whole number. */
  readonly integer?: boolean;
}

/** A scalar as the pipeline's cell conversion sees it; anything else (an array, an object) is not one. */
function asCell(value: unknown): CellValue | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  return undefined;
}

/** Omitted (null, undefined) or an empty cell ("" or only spaces). */
export function isOmitted(value: unknown): boolean {
  const cell = asCell(value);
  return cell !== undefined && isBlank(cell);
}

/** A number cell that plainly satisfies the rule: the common case, decided without building a message. */
function plainlyValid(cell: CellValue, rule: NumberRule): cell is number {
  if (typeof cell !== 'number' || !Number.isFinite(cell)) return false;
  if (rule.min !== undefined && (rule.minExclusive ? cell <= rule.min : cell < rule.min)) return false;
  if (rule.max !== undefined && (rule.maxExclusive ? cell >= rule.max : cell > rule.max)) return false;
  return !rule.integer || Number.isInteger(cell);
}

/**
 * The number in a cell, or #VALUE! (not a number at all) / #NUM! (a number outside the bounds).
 * `subject` names the argument or the cell in the message (a function, so a history of hundreds of
 * cells builds no message until one is needed). Anything but a plainly valid number goes through
 * the pipeline's convertCell, which decides and words it.
 */
function numberIn(subject: string | (() => string), cell: CellValue, rule: NumberRule): number {
  if (plainlyValid(cell, rule)) return cell;
  return convertedNumber(typeof subject === 'string' ? subject : subject(), cell, rule);
}

function convertedNumber(subject: string, cell: CellValue, rule: NumberRule): number {
  const typed = convertCell(cell, { key: subject, type: 'number' });
  if (!typed.ok) throw invalidValue(typed.message);
  const bounded: ValueRule = { key: subject, type: rule.integer ? 'integer' : 'number', ...rule };
  const checked = convertCell(cell, bounded);
  if (!checked.ok) throw invalidNumber(checked.message);
  return checked.value as number;
}

function convertNumber(name: string, value: unknown, rule: NumberRule): number {
  const cell = asCell(value);
  if (cell === undefined) throw invalidValue(`${name} must be a single value, found a range`);
  return numberIn(name, cell, rule);
}

/** A required number. */
export function requiredNumber(name: string, value: unknown, rule: NumberRule = {}): number {
  if (isOmitted(value)) throw invalidValue(`${name} is required`);
  return convertNumber(name, value, rule);
}

/** An optional number: `fallback` when omitted or the cell is empty. */
export function optionalNumber(name: string, value: unknown, fallback: number, rule: NumberRule = {}): number {
  return isOmitted(value) ? fallback : convertNumber(name, value, rule);
}

/**
 * One of `choices` (matched ignoring case, spaces, `_` and `-`, as enum cells are), returned in
 * its canonical spelling; `fallback` when omitted.
 */
export function choice<T extends string>(name: string, value: unknown, choices: readonly T[], fallback: T): T {
  if (isOmitted(value)) return fallback;
  const cell = asCell(value);
  if (cell === undefined) throw invalidValue(`${name} must be a single value, found a range`);
  const converted = convertCell(cell, { key: name, type: 'enum', values: choices });
  if (!converted.ok) throw invalidValue(converted.message);
  return converted.value as T;
}

const DEMAND: NumberRule = { min: 0 };

/**
 * The cells of one row or one column of a range, in order (a single value is a range of one
 * cell), with where each sits for messages; #VALUE! for a block of several rows and columns.
 */
function seriesCells(name: string, value: unknown, unit: string): { cells: unknown[]; position: (t: number) => string } {
  const rows: unknown[] = Array.isArray(value) ? value : [[value]];
  if (rows.length === 0 || !rows.every((row) => Array.isArray(row) && row.length > 0)) throw invalidValue(`${name} must be a range of cells`);
  const grid = rows as unknown[][];
  const width = grid[0].length;
  if (!grid.every((row) => row.length === width)) throw invalidValue(`${name} must be a rectangular range`);
  if (grid.length > 1 && width > 1) throw invalidValue(`${name} must be one row or one column of ${unit}, found ${grid.length} rows × ${width} columns`);
  const cells = width > 1 ? grid[0] : grid.map((row) => row[0]);
  const position = (t: number) => (width > 1 ? `row 1, column ${t + 1} of the range` : `row ${t + 1}, column 1 of the range`);
  return { cells, position };
}

/**
 * The numbers of one row or one column of cells, in order: an empty cell is `blank` (0 for a
 * period or a year without demand or cash flow, null for a value not known), text that is not a
 * number and booleans are #VALUE!, a number outside `rule` #NUM!, each naming the cell as
 * `${name} ${item(t, n)} (row r, column c of the range)`; `unit` names the cells in the message
 * for a block ("one row or one column of years").
 */
export function numberSeries<B extends number | null>(name: string, value: unknown, rule: NumberRule, blank: B, unit: string, item: (t: number, n: number) => string): (number | B)[] {
  const { cells, position } = seriesCells(name, value, unit);
  const n = cells.length;
  const out: (number | B)[] = new Array(n);
  for (let t = 0; t < n; t++) {
    const raw = cells[t];
    if (isOmitted(raw)) {
      out[t] = blank;
      continue;
    }
    const cell = asCell(raw);
    const subject = () => `${name} ${item(t, n)} (${position(t)})`;
    if (cell === undefined) throw invalidValue(`${subject()} must be a number, found a range`);
    out[t] = numberIn(subject, cell, rule);
  }
  return out;
}

/**
 * A demand history from a range: one row or one column of periods, oldest first. Empty cells are
 * periods without demand (0), as a missing period is in the Demand table; text that is not a
 * number and booleans are #VALUE!, negative demand #NUM!, each naming the offending cell.
 */
export function demandHistory(name: string, value: unknown): Float64Array {
  const { cells, position } = seriesCells(name, value, 'periods');
  const n = cells.length;
  const history = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const raw = cells[t];
    if (isOmitted(raw)) continue; // an empty cell: a period without demand
    const cell = asCell(raw);
    const subject = () => `${name} period ${t + 1} of ${n} (${position(t)})`;
    if (cell === undefined) throw invalidValue(`${subject()} must be a number, found a range`);
    history[t] = numberIn(subject, cell, DEMAND);
  }
  return history;
}

/** TRUE/FALSE, or Yes/No, 1/0 as the workbook's boolean columns accept them; `fallback` when omitted. */
export function optionalBoolean<F extends boolean | undefined>(name: string, value: unknown, fallback: F): boolean | F {
  if (isOmitted(value)) return fallback;
  const cell = asCell(value);
  if (cell === undefined) throw invalidValue(`${name} must be a single value, found a range`);
  return booleanIn(name, cell);
}

function booleanIn(subject: string, cell: CellValue): boolean {
  const converted = convertCell(cell, { key: subject, type: 'boolean' });
  if (!converted.ok) throw invalidValue(converted.message);
  return converted.value as boolean;
}

/** TRUE/FALSE (Yes/No, 1/0) per cell of one row or one column; an empty cell is undefined. Anything else is #VALUE!, naming the cell. */
export function booleanSeries(name: string, value: unknown, unit: string, item: (t: number, n: number) => string): (boolean | undefined)[] {
  const { cells, position } = seriesCells(name, value, unit);
  return cells.map((raw, t) => {
    if (isOmitted(raw)) return undefined;
    const cell = asCell(raw);
    const subject = `${name} ${item(t, cells.length)} (${position(t)})`;
    if (cell === undefined) throw invalidValue(`${subject} must be TRUE or FALSE, found a range`);
    return booleanIn(subject, cell);
  });
}
