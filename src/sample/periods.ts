/**
 * Period labels of a sample. The history always ends at a fixed period, so a sample never depends
 * on today's date.
 */
import { isoWeekPeriod, monthPeriod, periodLabel } from '../model/periods';
import type { PeriodLength } from '../model/types';

/** The last period of every sample: 2025-12, or ISO week 2025-W52. */
const LAST_PERIOD: Record<PeriodLength, number> = { Month: monthPeriod(2025, 12), Week: isoWeekPeriod(2025, 52) };

/** `count` consecutive labels, oldest first, ending 2025-12 (months) or 2025-W52 (weeks). */
export function periodLabels(count: number, length: PeriodLength): string[] {
  const first = LAST_PERIOD[length] - count + 1;
  return Array.from({ length: count }, (_, i) => periodLabel(first + i, length));
}
