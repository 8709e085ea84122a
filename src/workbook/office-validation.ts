/**
 * Data validation for input template columns as Office.js rules (ExcelApi 1.8): the same rules and
 * messages as the xlsx adapter writes, so a template behaves alike whichever host made it.
 */
import type { InputValidation } from './port';

/** Excel's limit on an inline list (`a,b,c`) in a data validation. */
const MAX_INLINE_LIST = 255;
/** Excel's limit on a validation error message. */
const MAX_ERROR_MESSAGE = 225;
/** Bounds for an unbounded number check: Excel needs one, and this keeps it about type only. */
const NO_BOUND = 1e15;

export interface OfficeValidation {
  rule: Excel.DataValidationRule;
  errorAlert: Excel.DataValidationErrorAlert;
}

/** The rule for a column, or undefined when Excel cannot express it inline (commas or quotes in list values, a list too long). */
export function officeValidation(validation: InputValidation): OfficeValidation | undefined {
  if (validation.kind === 'list') {
    const source = validation.values.join(',');
    if (validation.values.some((value) => /[,"]/.test(value)) || source.length > MAX_INLINE_LIST) return undefined;
    return { rule: { list: { inCellDropDown: true, source } }, errorAlert: stopAlert(`Choose one of: ${validation.values.join(', ')}.`) };
  }
  const { kind, min, max } = validation;
  const what = kind === 'whole' ? 'a whole number' : 'a number';
  const [check, message]: [Excel.BasicDataValidation, string] =
    min !== undefined && max !== undefined ? [{ operator: 'Between', formula1: min, formula2: max }, `${what} from ${min} to ${max}`]
    : min !== undefined ? [{ operator: 'GreaterThanOrEqualTo', formula1: min }, `${what} of at least ${min}`]
    : max !== undefined ? [{ operator: 'LessThanOrEqualTo', formula1: max }, `${what} of at most ${max}`]
    : [{ operator: 'Between', formula1: -NO_BOUND, formula2: NO_BOUND }, what];
  return { rule: kind === 'whole' ? { wholeNumber: check } : { decimal: check }, errorAlert: stopAlert(`Enter ${message}.`) };
}

function stopAlert(message: string): Excel.DataValidationErrorAlert {
  return {
    showAlert: true,
    style: 'Stop',
    title: 'Invalid value',
    message: message.length <= MAX_ERROR_MESSAGE ? message : `${message.slice(0, MAX_ERROR_MESSAGE - 1)}…`,
  };
}
