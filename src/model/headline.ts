/**
 * The headline figures of a run: what finance and consultants compare between scenarios (the
 * investment, the service per SLA tier, the penalties, the holding cost). Kept with the workbook for
 * every scenario's last run, so runs can be compared without planning again.
 */
import type { ColumnFormat } from '../workbook/port';
import type { ResultContext } from './results-contract';

export interface HeadlineFigure {
  /** Stable key: `investment`, `fillRate`, `fillRate:Gold`, … */
  readonly key: string;
  readonly label: string;
  readonly format: ColumnFormat;
  readonly value: number | null;
}

/** A scenario's last run as the workbook keeps it. */
export interface KeptRun {
  readonly name: string;
  readonly timestamp: string;
  readonly engineVersion: string;
  readonly figures: readonly HeadlineFigure[];
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

export function headlineFigures(context: ResultContext): HeadlineFigure[] {
  const s = context.portfolio.summary;
  return [
    { key: 'investment', label: 'Stock investment', format: 'currency', value: s.investment },
    { key: 'stock', label: 'Recommended stock (units)', format: 'integer', value: s.stock },
    { key: 'annualHoldingCost', label: 'Holding cost per year', format: 'currency', value: s.annualHoldingCost },
    { key: 'expectedAnnualPenalty', label: 'Expected SLA penalties per year', format: 'currency', value: s.expectedAnnualPenalty },
    { key: 'fillRate', label: 'Planned fill rate (all demand)', format: 'percent', value: finite(s.fillRate) },
    ...s.byTier.map((tier): HeadlineFigure => ({ key: `fillRate:${tier.key}`, label: `Planned fill rate: ${tier.key}`, format: 'percent', value: finite(tier.fillRate) })),
    { key: 'backtestAchievedFillRate', label: 'Backtest: achieved fill rate', format: 'percent', value: finite(s.backtest.achievedFillRate) },
  ];
}
