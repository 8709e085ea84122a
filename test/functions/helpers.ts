/** What the custom functions' tests share: the error a call throws, and ranges as Excel passes them. */
import { FunctionError } from '../../src/functions/errors';

/** The FunctionError `fn` throws, as [code, message]; fails when it throws nothing or something else. */
export function failure(fn: () => unknown): [string, string] {
  try {
    fn();
  } catch (error) {
    if (error instanceof FunctionError) return [error.code, error.message];
    throw error;
  }
  throw new Error('expected a FunctionError');
}

/** A one-column range (Excel passes a range as rows of cells). */
export const column = <T>(cells: readonly T[]): T[][] => cells.map((v) => [v]);

/** A one-row range. */
export const row = <T>(cells: readonly T[]): T[][] => [[...cells]];
