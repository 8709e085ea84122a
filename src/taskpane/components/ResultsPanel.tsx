/**
 * Results of the latest successful run, in reading (and tab) order: summary cards, the SLA tiers
 * and largest actions as tables from the results contract, the charts, then the result sheets.
 */
import { Body1, Caption1, Spinner } from '@fluentui/react-components';
import { Suspense, lazy } from 'react';
import { BY_TIER_TABLE, STOCK_TABLE } from '../../model/results-contract';
import type { HostSession } from '../host/session';
import { formatInteger } from '../state/format';
import { largestActions, tableRows, type RankedRows } from '../state/result-rows';
import { frontierOf } from '../state/frontier';
import type { SuccessfulAnalysis } from '../state/run-analysis';
import { ContractTable } from './ContractTable';
import { MomSection } from './MomSection';
import { usePanelStyles } from './layout-styles';
import { ResultSheetLinks } from './ResultSheetLinks';
import { SummaryCards } from './SummaryCards';

const ResultCharts = lazy(() => import(/* webpackChunkName: "charts" */ './ResultCharts'));
const FrontierChart = lazy(() => import(/* webpackChunkName: "charts" */ './FrontierChart').then((m) => ({ default: m.FrontierChart })));

/** Rows of the largest-actions table. */
export const LARGEST_ACTIONS = 10;

function actionsDescription(ranked: RankedRows): string {
  const shown = ranked.rows.length < ranked.total ? `The ${ranked.rows.length} largest of ${formatInteger(ranked.total)}` : `All ${formatInteger(ranked.total)}`;
  if (ranked.by === 'investment') return `No Inventory table, so no orders or excess: the ${ranked.rows.length} part-locations with the largest investment.`;
  if (ranked.total === 0) return 'Every part-location holds its recommended stock: nothing to order, nothing in excess.';
  return `${shown} orders and excesses, by value (units × unit cost). Every row is in SPP Stock.`;
}

export interface ResultsPanelProps {
  analysis: SuccessfulAnalysis | null;
  session: HostSession;
  /** Runs again in StockingMode Budget with this budget (a point picked on the frontier). */
  onPlanAtBudget?: (budget: number) => void;
  /** A run is under way. */
  busy?: boolean;
}

export function ResultsPanel({ analysis, session, onPlanAtBudget, busy }: ResultsPanelProps) {
  const panel = usePanelStyles();
  if (!analysis) return <Body1>Run the analysis to see its results here.</Body1>;
  const { result } = analysis;
  const { summary } = result;
  const actions = largestActions(STOCK_TABLE, tableRows(result, STOCK_TABLE), LARGEST_ACTIONS);
  const frontier = frontierOf(result);
  return (
    <div className={panel.panel} data-testid="results">
      <Caption1 className={panel.muted}>{`${summary.periods} ${summary.periodLength === 'Week' ? 'weeks' : 'months'} of history, ${summary.firstPeriod} to ${summary.lastPeriod}; amounts in ${summary.currency}.`}</Caption1>
      <SummaryCards result={result} />
      <ContractTable
        spec={BY_TIER_TABLE}
        rows={tableRows(result, BY_TIER_TABLE)}
        currency={summary.currency}
        title="Fill rate by SLA tier"
        description="Critical parts per SLA tier, Standard parts apart; the backtest replays held-out demand against the stock decided without it."
      />
      <ContractTable spec={STOCK_TABLE} rows={actions.rows} currency={summary.currency} title="Largest actions" description={actionsDescription(actions)} />
      <MomSection result={result} />
      <Suspense fallback={<Spinner size="tiny" label="Loading charts…" />}>
        <ResultCharts summary={summary} />
      </Suspense>
      {frontier.length > 0 && (
        <Suspense fallback={<Spinner size="tiny" label="Loading the frontier…" />}>
          <FrontierChart key={analysis.keptRun.timestamp} points={frontier} currency={summary.currency} onPlanAt={onPlanAtBudget} busy={busy} />
        </Suspense>
      )}
      <ResultSheetLinks session={session} sheets={analysis.bundle.tables.map((t) => t.sheet)} />
    </div>
  );
}
