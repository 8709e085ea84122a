/** The plain-text summary `spp analyze` prints. */
import type { AnalysisResult } from '../pipeline/results';
import { formatIssue, type ValidationIssue } from '../model/types';

const percent = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : `${(x * 100).toFixed(1)}%`);
const money = (x: number, currency: string) => `${currency} ${Math.round(x).toLocaleString('en-US')}`;
const count = (x: number) => Math.round(x).toLocaleString('en-US');

export function summaryText(result: AnalysisResult): string {
  const s = result.summary;
  const bt = s.backtest;
  const classes = Object.entries(s.demandClasses)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${c} ${count(n)}`)
    .join(', ');
  const methods = Object.entries(s.methods)
    .map(([m, n]) => `${m} ${count(n ?? 0)}`)
    .join(', ');
  const lines = [
    `Planned ${count(s.partLocations)} part-locations (${count(s.parts)} parts at ${count(s.locations)} locations), ${s.periods} ${s.periodLength === 'Week' ? 'weeks' : 'months'} ${s.firstPeriod} … ${s.lastPeriod}`,
    `  Demand classes:        ${classes}`,
    `  Forecast methods:      ${methods}`,
    `  Recommended stock:     ${count(s.stock)} units, investment ${money(s.investment, s.currency)}, holding ${money(s.annualHoldingCost, s.currency)}/year`,
    `  Fill rate:             target ${percent(s.targetFillRate)}, planned ${percent(s.fillRate)}; expected SLA penalties ${money(s.expectedAnnualPenalty, s.currency)}/year`,
    `  Backtest (held out):   target ${percent(bt.targetFillRate)}, promised ${percent(bt.promisedFillRate)}, achieved ${percent(bt.achievedFillRate)} on ${count(bt.demand)} units at ${count(bt.evaluated)} part-locations`,
  ];
  if (s.inventory) {
    lines.push(
      `  Current inventory:     ${money(s.inventory.onHandValue, s.currency)} on hand; ${money(s.inventory.excessValue, s.currency)} above and ${money(s.inventory.shortfallValue, s.currency)} short of the recommendation`,
    );
  }
  return lines.join('\n');
}

/** Errors first, then warnings, one per line, prefixed by severity. */
export function issuesText(issues: ValidationIssue[]): string {
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  const lines: string[] = [];
  if (errors.length) lines.push(`${errors.length} error${errors.length === 1 ? '' : 's'}:`, ...errors.map((i) => `  ${formatIssue(i)}`));
  if (warnings.length) lines.push(`${warnings.length} warning${warnings.length === 1 ? '' : 's'}:`, ...warnings.map((i) => `  ${formatIssue(i)}`));
  return lines.join('\n');
}
