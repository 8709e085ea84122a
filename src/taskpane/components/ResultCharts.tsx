/**
 * Small in-pane charts of a run (loaded lazily: the charting library is large). Values come from
 * the summary as they are; only non-finite ones (a tier without held-out demand) are left out.
 */
import { DonutChart, GroupedVerticalBarChart, VerticalBarChart, type GroupedVerticalBarChartData } from '@fluentui/react-charts';
import { Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import type { PortfolioSummary } from '../../engine/portfolio';
import { formatCompact, formatCurrency, formatPercent, formatPercentAxis } from '../state/format';

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0, overflow: 'hidden' },
  charts: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
});

const CHART_HEIGHT = 220;
/** Room for y-axis labels such as 325.7K or 100%: the default margin clips them in a narrow pane. */
const MARGINS = { left: 48, right: 12, top: 24, bottom: 36 };

function ChartFigure({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  const styles = useStyles();
  const id = useId();
  return (
    <figure className={styles.figure} aria-labelledby={id} data-testid={testId}>
      <figcaption id={id}>
        <Subtitle2>{title}</Subtitle2>
      </figcaption>
      {children}
    </figure>
  );
}

const finite = (value: number): boolean => Number.isFinite(value);

/** One fixed colour per demand class (theme tokens, so light and dark both read well). */
const CLASS_COLORS: Record<string, string> = {
  smooth: tokens.colorPaletteBlueBorderActive,
  erratic: tokens.colorPaletteMarigoldBorderActive,
  intermittent: tokens.colorPaletteTealBorderActive,
  lumpy: tokens.colorPaletteBerryBorderActive,
  none: tokens.colorNeutralStroke1,
};

export default function ResultCharts({ summary }: { summary: PortfolioSummary }) {
  const styles = useStyles();
  const { currency } = summary;
  const investment = summary.byLocation.map((g) => ({ x: g.key, y: g.investment, legend: g.key, yAxisCalloutData: formatCurrency(g.investment, currency) }));
  const tiers: GroupedVerticalBarChartData[] = summary.byTier.map((g) => ({
    name: g.key,
    series: [
      { key: 'target', legend: 'Target', data: g.targetFillRate },
      { key: 'promised', legend: 'Promised', data: g.backtest.promisedFillRate },
      { key: 'achieved', legend: 'Achieved', data: g.backtest.achievedFillRate },
    ]
      .filter((point) => finite(point.data))
      .map((point) => ({ ...point, yAxisCalloutData: formatPercent(point.data) })),
  }));
  const classes = Object.entries(summary.demandClasses)
    .filter(([, count]) => count > 0)
    .map(([demandClass, count]) => ({ legend: demandClass, data: count, color: CLASS_COLORS[demandClass] ?? tokens.colorNeutralStroke1 }));

  return (
    <div className={styles.charts}>
      <ChartFigure title="Stock investment by location" testId="chart-investment">
        <VerticalBarChart
          chartTitle={`Stock investment by location (${currency})`}
          data={investment}
          height={CHART_HEIGHT}
          hideLegend
          yAxisTickFormat={(value: number) => formatCompact(value)}
          margins={MARGINS}
          rotateXAxisLables
          useSingleColor
          colors={[tokens.colorBrandBackground]}
        />
      </ChartFigure>
      {tiers.length > 0 && (
        <ChartFigure title="Fill rate by SLA tier: target, promised, achieved" testId="chart-tiers">
          <GroupedVerticalBarChart
            chartTitle="Target, backtest promised and backtest achieved fill rate by SLA tier"
            data={tiers}
            height={CHART_HEIGHT}
            yMaxValue={1}
            yAxisTickFormat={(value: number) => formatPercentAxis(value)}
            margins={MARGINS}
          />
        </ChartFigure>
      )}
      {classes.length > 0 && (
        <ChartFigure title="Demand classes (part-locations)" testId="chart-classes">
          <DonutChart
            data={{ chartTitle: 'Part-locations by demand class', chartData: classes }}
            height={CHART_HEIGHT}
            innerRadius={45}
            hideLabels={false}
            legendProps={{ overflowText: 'more', enabledWrapLines: true }}
          />
        </ChartFigure>
      )}
    </div>
  );
}
