/** Number formats and column widths for written tables. */
import type { CellValue, ColumnFormat } from './port';
import { isCellError } from './port';

/**
 * The Excel number format of a column format; undefined keeps General (text columns).
 * Currency shows the ISO code as a literal prefix (`"USD "#,##0.00`): a quoted literal is valid in
 * every Excel version and locale, unlike `[$USD]` forms whose meaning depends on a locale id.
 * Without a currency (input templates do not know it yet) it is a plain two-decimal number.
 */
export function numberFormat(format: ColumnFormat, currency?: string): string | undefined {
  switch (format) {
    case 'integer':
      return '#,##0';
    case 'decimal':
      return '#,##0.00';
    case 'percent':
      return '0.0%';
    case 'currency': {
      const code = currencyCode(currency ?? '');
      return code ? `"${code} "#,##0.00` : '#,##0.00';
    }
    case 'date':
      return 'yyyy-mm-dd';
    case 'text':
      return undefined;
  }
}

/** The code as it may appear inside a quoted format literal (no quotes or backslashes). */
function currencyCode(currency: string): string {
  return currency.replace(/["\\]/g, '').trim().toUpperCase();
}

const MIN_WIDTH = 8;
const MAX_WIDTH = 50;
/** Rows sampled to estimate a width: enough to be representative, cheap on 100,000-row results. */
const WIDTH_SAMPLE_ROWS = 2000;

/** Column width in characters: the wider of the header and the sampled values as displayed, plus padding for the filter button. */
export function estimateWidth(header: string, format: ColumnFormat, currency: string, rows: readonly CellValue[][], column: number): number {
  let widest = header.length + 2;
  const step = Math.max(1, Math.floor(rows.length / WIDTH_SAMPLE_ROWS));
  for (let r = 0; r < rows.length; r += step) {
    widest = Math.max(widest, displayLength(rows[r][column], format, currency));
  }
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
}

function displayLength(value: CellValue, format: ColumnFormat, currency: string): number {
  if (value === null || value === undefined) return 0;
  if (isCellError(value)) return value.error.length;
  if (value instanceof Date) return 10;
  if (typeof value === 'number') {
    const digits = Math.abs(Math.trunc(value)).toString().length;
    const grouped = digits + Math.floor((digits - 1) / 3) + (value < 0 ? 1 : 0);
    switch (format) {
      case 'integer':
        return grouped;
      case 'decimal':
        return grouped + 3;
      case 'currency':
        return grouped + 3 + (currency.length > 0 ? currency.length + 1 : 0);
      case 'percent':
        return Math.abs(value * 100).toFixed(1).length + 1;
      case 'date':
        return 10;
      default:
        return String(value).length;
    }
  }
  return String(value).length;
}
