/** Results of the latest successful run: summary cards, charts and the result sheets. */
import { Body1, Caption1, Spinner } from '@fluentui/react-components';
import { Suspense, lazy } from 'react';
import type { HostSession } from '../host/session';
import type { SuccessfulAnalysis } from '../state/run-analysis';
import { usePanelStyles } from './layout-styles';
import { ResultSheetLinks } from './ResultSheetLinks';
import { SummaryCards } from './SummaryCards';

const ResultCharts = lazy(() => import(/* webpackChunkName: "charts" */ './ResultCharts'));

export function ResultsPanel({ analysis, session }: { analysis: SuccessfulAnalysis | null; session: HostSession }) {
  const panel = usePanelStyles();
  if (!analysis) return <Body1>Run the analysis to see its results here.</Body1>;
  const { summary } = analysis.result;
  return (
    <div className={panel.panel} data-testid="results">
      <Caption1 className={panel.muted}>{`${summary.periods} ${summary.periodLength === 'Week' ? 'weeks' : 'months'} of history, ${summary.firstPeriod} to ${summary.lastPeriod}; amounts in ${summary.currency}.`}</Caption1>
      <SummaryCards summary={summary} />
      <ResultSheetLinks session={session} sheets={analysis.bundle.tables.map((t) => t.sheet)} />
      <Suspense fallback={<Spinner size="tiny" label="Loading charts…" />}>
        <ResultCharts summary={summary} />
      </Suspense>
    </div>
  );
}
