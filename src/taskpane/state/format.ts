/** Display formats for numbers that come from the pipeline result (formatting only, no arithmetic). */
import type { ColumnFormat } from '../../workbook/port';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export const NOT_AVAILABLE = 'n/a';

function finite(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function formatInteger(value: number | null | undefined): string {
  return finite(value) ? integer.format(value) : NOT_AVAILABLE;
}

const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function formatDecimal(value: number | null | undefined): string {
  return finite(value) ? decimal.format(value) : NOT_AVAILABLE;
}

export function formatPercent(value: number | null | undefined): string {
  return finite(value) ? percent.format(value) : NOT_AVAILABLE;
}

/** Whole currency units with the ISO code; an unknown code falls back to "1,234 XYZ". */
export function formatCurrency(value: number | null | undefined, currency: string): string {
  if (!finite(value)) return NOT_AVAILABLE;
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
  } catch {
    return `${integer.format(value)} ${currency}`;
  }
}

const wholePercent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 });

/** Axis labels of fill rates: 95%. */
export function formatPercentAxis(value: number): string {
  return wholePercent.format(value);
}

/** Short axis labels: 12.3K, 4.5M. */
export function formatCompact(value: number): string {
  return compact.format(value);
}

export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * A result cell as the pane shows it, by the column's format in the results contract (the sheet
 * uses the same format names): percent 95.0%, currency in the run's currency, integer 1,234,
 * decimal 1.23; null (a number that does not exist) shows as n/a.
 */
export function formatResultValue(value: unknown, format: ColumnFormat, currency: string): string {
  if (value === null || value === undefined) return NOT_AVAILABLE;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value !== 'number') return String(value);
  switch (format) {
    case 'percent':
      return formatPercent(value);
    case 'currency':
      return formatCurrency(value, currency);
    case 'integer':
      return formatInteger(value);
    case 'decimal':
      return formatDecimal(value);
    default:
      return finite(value) ? String(value) : NOT_AVAILABLE;
  }
}
