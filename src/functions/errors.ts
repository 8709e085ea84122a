/**
 * The Excel errors the custom functions return, without Office: the functions throw a
 * FunctionError, and the Excel adapter (excel.ts) turns it into `CustomFunctions.Error`. Keeping
 * the code and the message here lets the tests check both outside Excel.
 *
 * Codes follow Excel's own conventions: #VALUE! for an argument of the wrong kind (text where a
 * number belongs, an unknown choice, a missing argument, a block where one row or column belongs),
 * #NUM! for a number outside the function's domain (a negative mean, a fill rate of 1),
 * #DIV/0! where the quantity is a division by zero (ADI and CV² of a history without demand).
 */

export type ExcelErrorCode = '#VALUE!' | '#NUM!' | '#DIV/0!' | '#N/A';

export class FunctionError extends Error {
  constructor(
    readonly code: ExcelErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FunctionError';
  }
}

/** #VALUE!: an argument of the wrong kind. */
export function invalidValue(message: string): FunctionError {
  return new FunctionError('#VALUE!', message);
}

/** #NUM!: a number outside the function's domain. */
export function invalidNumber(message: string): FunctionError {
  return new FunctionError('#NUM!', message);
}

/** #DIV/0!: the quantity asked for divides by zero. */
export function divisionByZero(message: string): FunctionError {
  return new FunctionError('#DIV/0!', message);
}
