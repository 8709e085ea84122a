/** Reading the pane's number fields: blank means "use the workbook's value". */

export type ParsedNumber = { ok: true; value: number | undefined } | { ok: false; message: string };

export interface NumberRule {
  min: number;
  max?: number;
  /** Bounds that are themselves not allowed (a target fill rate of exactly 0 or 1). */
  exclusive?: boolean;
}

export function parseNumberInput(text: string, rule: NumberRule): ParsedNumber {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  const value = Number(trimmed.replace(',', '.'));
  if (!Number.isFinite(value)) return { ok: false, message: 'Enter a number, or leave blank for the workbook value.' };
  const low = rule.exclusive ? value <= rule.min : value < rule.min;
  const high = rule.max !== undefined && (rule.exclusive ? value >= rule.max : value > rule.max);
  if (low || high) {
    const range = rule.max === undefined ? `${rule.exclusive ? 'above' : 'at least'} ${rule.min}` : `${rule.exclusive ? 'strictly ' : ''}between ${rule.min} and ${rule.max}`;
    return { ok: false, message: `Must be ${range}.` };
  }
  return { ok: true, value };
}

/** Target fill rates are fractions like the SLATiers table: 0.95 for 95 %. */
export const TARGET_FILL_RATE_RULE: NumberRule = { min: 0, max: 1, exclusive: true };
export const HOLDING_COST_RATE_RULE: NumberRule = { min: 0 };
/** A budget of StockingMode Budget: an amount above 0. */
export const BUDGET_RULE: NumberRule = { min: 0, exclusive: true };
