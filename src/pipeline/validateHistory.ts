/**
 * Plausibility of the history as a whole, once the period grid is known: a history shorter than a
 * year, and a BacktestPeriods setting that leaves too little history to decide on. Both are
 * warnings: the run goes on, but the user learns why figures are missing or shaky.
 */
import { MIN_DECISION_PERIODS } from '../engine/plan';
import { periodsPerYear } from '../engine/policy';
import type { PeriodGrid, Settings } from '../model/types';
import type { IssueLog } from './validateIssues';
import type { SettingCells } from './validateSettings';

export function checkHistory(grid: PeriodGrid, settings: Settings, demandSheet: string, settingCells: SettingCells, log: IssueLog): void {
  const unit = settings.periodLength === 'Week' ? 'weeks' : 'months';
  const year = Math.floor(periodsPerYear(settings.periodLength));
  const span = `${grid.count} ${grid.count === 1 ? unit.slice(0, -1) : unit} (${grid.labels[0]} to ${grid.labels[grid.count - 1]})`;
  if (grid.count < year) {
    log.addIssue(
      { severity: 'warning', sheet: demandSheet, cell: '', message: `The Demand history covers ${span}, less than a year: forecasts rest on few periods, slow movers may show no demand at all, and there is no stocking backtest` },
      'shortHistory',
    );
  }
  const held = settings.backtestPeriods;
  const where = settingCells.get('BacktestPeriods');
  // A history under a year was just warned about (no backtest either); repeat it only for a BacktestPeriods the user chose.
  if (grid.count - held < MIN_DECISION_PERIODS && (grid.count >= year || where)) {
    const most = grid.count - MIN_DECISION_PERIODS;
    const advice = most >= 1 ? `set BacktestPeriods to at most ${most}` : `it needs at least ${MIN_DECISION_PERIODS + 1} periods of history`;
    log.addIssue(
      {
        severity: 'warning',
        sheet: where?.sheet ?? '',
        cell: where?.cell ?? '',
        message: `BacktestPeriods ${held} with ${span} of history leaves fewer than ${MIN_DECISION_PERIODS} periods to decide on, so there is no stocking backtest this run; ${advice}`,
      },
      'backtestTooLong',
    );
  }
}
