/**
 * End-of-life checks of the Parts table for the MOM assessment's last-time buys (docs/methods.md §8):
 * an EndOfLife part needs an EndOfSupport date, and that date must lie after the demand history.
 * Both are warnings: the run goes on, and the part gets no last-time buy.
 */
import { periodsUntil } from '../engine/mom/last-time-buy';
import type { PeriodGrid } from '../model/types';
import type { PartsResult } from './validateParts';

export function checkEndOfLife(parts: PartsResult, grid: PeriodGrid): void {
  const { issues, columns } = parts.read;
  const last = grid.labels[grid.labels.length - 1];
  parts.read.rows.forEach(({ index }, k) => {
    const part = parts.parts[k];
    if (part.lifecycle !== 'EndOfLife') return;
    if (part.endOfSupport === null) {
      const column = columns.EndOfSupport ?? columns.Lifecycle;
      issues.cell('warning', 'endOfLifeWithoutEndOfSupport', index, column, () => `${part.id} is EndOfLife but has no EndOfSupport date, so no last-time buy is computed; enter the date after which the part no longer needs to be supported`);
      return;
    }
    const periods = periodsUntil(part.endOfSupport, grid);
    if (periods !== null && periods <= 0 && columns.EndOfSupport !== undefined) {
      issues.cell('warning', 'endOfSupportPast', index, columns.EndOfSupport, () => `EndOfSupport ${part.endOfSupport} of ${part.id} is not after the demand history (last period ${last}): no last-time buy is computed; check the date`);
    }
  });
}
