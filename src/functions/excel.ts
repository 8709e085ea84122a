/**
 * The only code that touches Excel's `CustomFunctions` global: it associates every function of
 * the catalog with its id and turns a FunctionError into `CustomFunctions.Error`. The runtime is
 * passed in, so tests drive it with a stand-in and nothing else needs Office.
 *
 * Excel shows a custom message only for #VALUE! and #N/A (docs: "Handle and return errors from
 * your custom function"); other codes go without one. An unexpected exception becomes #VALUE!
 * with its message rather than Excel's bare #VALUE!, and a result that is not a finite number
 * becomes #NUM!: never a silent wrong number.
 */
import { CUSTOM_FUNCTIONS, type CustomFunction } from './catalog';
import { FunctionError, type ExcelErrorCode } from './errors';

/** What the functions need of Excel's CustomFunctions namespace (CustomFunctionsRuntime 1.1–1.3). */
export interface CustomFunctionsRuntime {
  associate(id: string, fn: (...args: unknown[]) => unknown): void;
  /** CustomFunctionsRuntime 1.2+. */
  Error?: new (code: string, message?: string) => unknown;
  /** CustomFunctionsRuntime 1.3+: the codes as Excel names them. */
  ErrorCode?: Record<string, string>;
}

const ERROR_CODE_NAMES: Readonly<Record<ExcelErrorCode, string>> = {
  '#VALUE!': 'invalidValue',
  '#NUM!': 'invalidNumber',
  '#DIV/0!': 'divisionByZero',
  '#N/A': 'notAvailable',
};

/** The codes whose message Excel displays in the cell's error indicator. */
const CODES_WITH_MESSAGE: ReadonlySet<ExcelErrorCode> = new Set(['#VALUE!', '#N/A']);

/** The error Excel should show for `error`. */
export function excelError(error: unknown, runtime: CustomFunctionsRuntime): unknown {
  const known = error instanceof FunctionError ? error : new FunctionError('#VALUE!', `Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  if (typeof runtime.Error !== 'function') return new Error(known.message); // before 1.2: Excel shows #VALUE!
  const code = runtime.ErrorCode?.[ERROR_CODE_NAMES[known.code]] ?? known.code;
  return CODES_WITH_MESSAGE.has(known.code) ? new runtime.Error(code, known.message) : new runtime.Error(code);
}

/** `fn` as Excel calls it: same arguments, errors as Excel errors. */
export function excelFunction(id: string, fn: CustomFunction, runtime: CustomFunctionsRuntime): (...args: unknown[]) => number | string {
  return (...args) => {
    let result: number | string;
    try {
      result = fn(...args);
    } catch (error) {
      throw excelError(error, runtime);
    }
    if (typeof result === 'number' && !Number.isFinite(result)) {
      throw excelError(new FunctionError('#NUM!', `SPP.${id} has no finite result for these arguments`), runtime);
    }
    return result;
  };
}

/** Associates every custom function with Excel; returns the ids associated. */
export function registerCustomFunctions(runtime: CustomFunctionsRuntime, functions: Readonly<Record<string, CustomFunction>> = CUSTOM_FUNCTIONS): string[] {
  const ids = Object.keys(functions);
  for (const id of ids) runtime.associate(id, excelFunction(id, functions[id], runtime));
  return ids;
}
