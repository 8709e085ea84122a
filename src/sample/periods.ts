/**
 * Period labels of a sample. The history always ends at a fixed period, so a sample never depends
 * on today's date.
 */
import type { PeriodLength } from '../model/types';

export const LAST_MONTH = { year: 2025, month: 12 } as const;
/** Monday of ISO week 2025-W52 (22 Dec 2025), in UTC milliseconds. */
const LAST_WEEK_MONDAY = Date.UTC(2025, 11, 22);
const DAY_MS = 86_400_000;

/** Days in one period, as the contract defines them wherever days meet periods. */
export function daysPerPeriod(length: PeriodLength): number {
  return length === 'Month' ? 365.25 / 12 : 7;
}

/** `count` consecutive labels, oldest first, ending 2025-12 (months) or 2025-W52 (weeks). */
export function periodLabels(count: number, length: PeriodLength): string[] {
  const labels = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    const back = count - 1 - i;
    labels[i] = length === 'Month' ? monthLabel(back) : isoWeekLabel(LAST_WEEK_MONDAY - back * 7 * DAY_MS);
  }
  return labels;
}

function monthLabel(monthsBeforeLast: number): string {
  const index = LAST_MONTH.year * 12 + (LAST_MONTH.month - 1) - monthsBeforeLast;
  const year = Math.floor(index / 12);
  return `${year}-${String(index - year * 12 + 1).padStart(2, '0')}`;
}

/** ISO 8601 week label of the week starting on this Monday: the week belongs to its Thursday's year. */
export function isoWeekLabel(mondayMs: number): string {
  const thursday = new Date(mondayMs + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
