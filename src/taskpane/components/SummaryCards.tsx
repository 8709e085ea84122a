/**
 * The headline numbers of a run, straight from the pipeline's result (formatted, never recomputed):
 * each card's label and format are the summary metric's in the results contract, its value is read
 * from the JSON where the contract says it is. The cards are one tab stop; arrow keys move between
 * them, each visibly focused and read with its value and note.
 */
import { Caption1, Card, Subtitle1, Text, makeStyles, tokens, useArrowNavigationGroup } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import type { MetricSpec } from '../../model/result-spec';
import { allSummaryMetrics, type ResultContext } from '../../model/results-contract';
import type { AnalysisResult } from '../../pipeline/results';
import { formatInteger, formatResultValue } from '../state/format';
import { valueAt } from '../state/result-rows';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(136px, 1fr))', gap: tokens.spacingHorizontalS, minWidth: 0 },
  card: { minWidth: 0, padding: tokens.spacingHorizontalM, gap: tokens.spacingVerticalXXS },
  label: { color: tokens.colorNeutralForeground3 },
  value: { overflowWrap: 'anywhere' },
  classes: { listStyleType: 'none', margin: 0, padding: 0 },
});

/** The contract's summary metrics by where they are in the JSON. */
const METRICS = new Map(allSummaryMetrics().flatMap((m) => (m.json ? [[m.json, m] as const] : [])));

export function summaryMetric(json: string): MetricSpec<ResultContext> {
  const metric = METRICS.get(json);
  if (!metric) throw new Error(`The results contract has no summary metric at ${json}`);
  return metric;
}

interface CardProps {
  id: string;
  label: string;
  value?: string;
  note?: string;
  children?: ReactNode;
}

function SummaryCard({ id, label, value, note, children }: CardProps) {
  const styles = useStyles();
  const valueId = useId();
  const noteId = useId();
  return (
    <Card
      className={styles.card}
      data-testid={`card-${id}`}
      role="group"
      aria-label={label}
      aria-describedby={[value !== undefined && valueId, note && noteId].filter(Boolean).join(' ') || undefined}
      focusMode="no-tab"
    >
      <Caption1 className={styles.label}>{label}</Caption1>
      {value !== undefined && (
        <Subtitle1 className={styles.value} data-testid={`card-${id}-value`} id={valueId}>
          {value}
        </Subtitle1>
      )}
      {note && (
        <Caption1 data-testid={`card-${id}-note`} id={noteId}>
          {note}
        </Caption1>
      )}
      {children}
    </Card>
  );
}

export function SummaryCards({ result }: { result: AnalysisResult }) {
  const styles = useStyles();
  const navigation = useArrowNavigationGroup({ axis: 'grid-linear', memorizeCurrent: true });
  const { summary } = result;
  const { backtest, currency } = summary;
  const show = (json: string) => formatResultValue(valueAt(result, json), summaryMetric(json).format, currency);
  const label = (json: string) => summaryMetric(json).label;
  return (
    <div className={styles.grid} data-testid="summary-cards" role="group" aria-label="Summary" {...navigation}>
      <SummaryCard
        id="part-locations"
        label={label('summary.partLocations')}
        value={show('summary.partLocations')}
        note={`${formatInteger(summary.parts)} parts at ${formatInteger(summary.locations)} locations`}
      />
      <SummaryCard
        id="investment"
        label={label('summary.investment')}
        value={show('summary.investment')}
        note={`${show('summary.stock')} units; holding ${show('summary.annualHoldingCost')}/yr`}
      />
      <SummaryCard id="fill-rate" label={label('summary.fillRate')} value={show('summary.fillRate')} note={`Target ${show('summary.targetFillRate')}`} />
      <SummaryCard
        id="backtest"
        label="Backtest fill rate"
        value={`${show('summary.backtest.promisedFillRate')} → ${show('summary.backtest.achievedFillRate')}`}
        note={`Promised → achieved on held-out demand (${formatInteger(backtest.evaluated)} part-locations)`}
      />
      <SummaryCard
        id="penalties"
        label={label('summary.expectedAnnualPenalty')}
        value={show('summary.expectedAnnualPenalty')}
        note={`${formatInteger(summary.expectedAnnualMisses)} units missed per year`}
      />
      <SummaryCard id="classes" label="Demand classes">
        <ul className={styles.classes}>
          {Object.entries(summary.demandClasses).map(([demandClass, count]) => (
            <li key={demandClass} data-testid={`class-${demandClass}`}>
              <Text size={200}>
                {demandClass}: <strong>{formatInteger(count)}</strong>
              </Text>
            </li>
          ))}
        </ul>
      </SummaryCard>
    </div>
  );
}
