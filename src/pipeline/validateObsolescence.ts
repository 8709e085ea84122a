/**
 * The two obsolescence settings, and why there are two (docs/methods.md §8.4): ObsoleteAfterYears
 * is when the plan stops stocking a silent part-location (§5.1: a reversible decision, taken early —
 * a demand brings the stock back), ObsoleteAfterPeriods is when the MOM assessment writes its stock
 * off as obsolete (all of it excess, to be sold, recycled or scrapped: irreversible, taken late).
 * Stop buying first, write off later: a write-off threshold shorter than the stocking one would list
 * as obsolete the stock the plan still recommends, so that is warned about, at the cell that set it.
 */
import { periodsPerYear } from '../engine/policy';
import type { Settings, ValidationIssue } from '../model/types';
import type { SettingCells } from './validateSettings';

export function checkObsolescenceSettings(settings: Settings, cells: SettingCells | undefined): ValidationIssue[] {
  const stopStocking = settings.obsoleteAfterYears * periodsPerYear(settings.periodLength);
  if (!(settings.obsoleteAfterPeriods < Math.round(stopStocking))) return [];
  const unit = settings.periodLength === 'Week' ? 'weeks' : 'months';
  const where = cells?.get('ObsoleteAfterPeriods') ?? cells?.get('ObsoleteAfterYears');
  return [
    {
      severity: 'warning',
      sheet: where?.sheet ?? '',
      cell: where?.cell ?? '',
      message: `ObsoleteAfterPeriods ${settings.obsoleteAfterPeriods} is shorter than ObsoleteAfterYears ${settings.obsoleteAfterYears} (${Math.round(stopStocking)} ${unit}): stock the plan still recommends would be written off as obsolete; set ObsoleteAfterPeriods to at least ${Math.round(stopStocking)}`,
    },
  ];
}
