/**
 * Deterministic number formatting for the sentences of the MOM assessment (key observations,
 * opportunity summaries, IRR and payback notes). Consultants paste these into decks, so the text
 * must carry its numbers and read the same on every machine: no locale (Intl and
 * toLocaleString depend on the host's settings), one decimal point `.`, thousands separated by `,`,
 * and a plain hyphen-minus for negative values.
 */

/** `x` rounded to `decimals` places with thousands separators: 1234567.891 → "1,234,567.89". */
export function formatNumber(x: number, decimals = 0): string {
  if (Number.isNaN(x)) return 'n/a';
  if (!Number.isFinite(x)) return x > 0 ? 'infinite' : '-infinite';
  const fixed = Math.abs(x).toFixed(decimals);
  const negative = x < 0 && Number(fixed) !== 0;
  const [whole, fraction] = fixed.split('.');
  let grouped = '';
  for (let i = 0; i < whole.length; i++) {
    if (i > 0 && (whole.length - i) % 3 === 0) grouped += ',';
    grouped += whole[i];
  }
  return `${negative ? '-' : ''}${grouped}${fraction !== undefined ? `.${fraction}` : ''}`;
}

/** Money in whole currency units ("USD 1,234,568"), with cents below 10 units ("USD 7.50"). */
export function formatMoney(x: number, currency: string): string {
  return `${currency} ${formatNumber(x, Math.abs(x) < 10 && x !== 0 ? 2 : 0)}`;
}

/** A share as a percentage: 0.9412 → "94.1%". */
export function formatPercent(share: number, decimals = 1): string {
  return `${formatNumber(share * 100, decimals)}%`;
}

/** Units of a quantity, the noun singular for exactly 1: "1 unit", "3 units", "2.5 units". */
export function formatCount(x: number, noun: string, decimals = 0): string {
  const text = formatNumber(x, decimals);
  return `${text} ${text === '1' ? noun : `${noun}s`}`;
}

/** How the value of a KPI is written: its unit decides percent, money, turns and the decimals. */
export type KpiUnit = 'share' | 'money' | 'moneyPerUnit' | 'moneyPerYear' | 'perYear' | 'number';

export function formatKpiValue(x: number, unit: KpiUnit, currency: string): string {
  switch (unit) {
    case 'share':
      return formatPercent(x);
    case 'money':
      return formatMoney(x, currency);
    case 'moneyPerUnit':
      return `${formatMoney(x, currency)} per unit`;
    case 'moneyPerYear':
      return `${formatMoney(x, currency)} a year`;
    case 'perYear':
      return `${formatNumber(x, 1)} a year`;
    case 'number':
      return formatNumber(x, Math.abs(x) >= 100 ? 0 : 2);
  }
}
