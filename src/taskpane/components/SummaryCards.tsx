/** The headline numbers of a run, straight from the pipeline's summary (formatted, never recomputed). */
import { Caption1, Card, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { PortfolioSummary } from '../../engine/portfolio';
import { formatCurrency, formatInteger, formatPercent } from '../state/format';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(136px, 1fr))', gap: tokens.spacingHorizontalS, minWidth: 0 },
  card: { minWidth: 0, padding: tokens.spacingHorizontalM, gap: tokens.spacingVerticalXXS },
  label: { color: tokens.colorNeutralForeground3 },
  value: { overflowWrap: 'anywhere' },
  classes: { listStyleType: 'none', margin: 0, padding: 0 },
});

interface CardProps {
  id: string;
  label: string;
  value: string;
  note?: string;
}

function SummaryCard({ id, label, value, note }: CardProps) {
  const styles = useStyles();
  return (
    <Card className={styles.card} data-testid={`card-${id}`} role="group" aria-label={label}>
      <Caption1 className={styles.label}>{label}</Caption1>
      <Subtitle1 className={styles.value} data-testid={`card-${id}-value`}>
        {value}
      </Subtitle1>
      {note && <Caption1 data-testid={`card-${id}-note`}>{note}</Caption1>}
    </Card>
  );
}

export function SummaryCards({ summary }: { summary: PortfolioSummary }) {
  const styles = useStyles();
  const { backtest, currency } = summary;
  return (
    <div className={styles.grid} data-testid="summary-cards">
      <SummaryCard id="part-locations" label="Part-locations planned" value={formatInteger(summary.partLocations)} note={`${formatInteger(summary.parts)} parts at ${formatInteger(summary.locations)} locations`} />
      <SummaryCard id="investment" label="Stock investment" value={formatCurrency(summary.investment, currency)} note={`${formatInteger(summary.stock)} units; holding ${formatCurrency(summary.annualHoldingCost, currency)}/yr`} />
      <SummaryCard id="fill-rate" label="Planned fill rate" value={formatPercent(summary.fillRate)} note={`Target ${formatPercent(summary.targetFillRate)}`} />
      <SummaryCard
        id="backtest"
        label="Backtest fill rate"
        value={`${formatPercent(backtest.promisedFillRate)} → ${formatPercent(backtest.achievedFillRate)}`}
        note={`Promised → achieved on held-out demand (${formatInteger(backtest.evaluated)} part-locations)`}
      />
      <SummaryCard id="penalties" label="Expected annual SLA penalties" value={formatCurrency(summary.expectedAnnualPenalty, currency)} note={`${formatInteger(summary.expectedAnnualMisses)} units missed per year`} />
      <Card className={styles.card} data-testid="card-classes" role="group" aria-label="Demand classes">
        <Caption1 className={styles.label}>Demand classes</Caption1>
        <ul className={styles.classes}>
          {Object.entries(summary.demandClasses).map(([demandClass, count]) => (
            <li key={demandClass} data-testid={`class-${demandClass}`}>
              <Text size={200}>
                {demandClass}: <strong>{formatInteger(count)}</strong>
              </Text>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
