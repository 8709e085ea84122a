/**
 * Small in-pane charts of a run (loaded lazily: the charting library is large). Values come from
 * the summary as they are; only non-finite ones (a tier without held-out demand) are left out.
 *
 * Labels never overlap, from a 300 px pane to a 1,400 px one and with any number of tiers
 * (test/e2e/charts.e2e.test.ts measures them): there are no per-bar value labels (tooltips and
 * the tables above give the numbers); locations are rows of a horizontal bar chart, so more
 * locations make it taller, not cramped; tier names wrap under their bars where a group is wide
 * enough for their longest word, and are set at 45° (shortened if very long) where it is not; the
 * donut has no title of its own (the figure caption is its title) and gives its counts in the legend.
 */
import { DonutChart, GroupedVerticalBarChart, HorizontalBarChartWithAxis, type GroupedVerticalBarChartData, type HorizontalBarChartWithAxisDataPoint } from '@fluentui/react-charts';
import { Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import type { PortfolioSummary } from '../../engine/portfolio';
import { formatCurrency, formatInteger, formatPercent, formatPercentAxis } from '../state/format';
import { tierAxisLayout } from '../state/tier-axis';
import { useElementWidth } from '../state/use-element-width';

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0, overflow: 'hidden' },
  plot: { minWidth: 0, width: '100%' },
  scroll: { overflowX: 'auto', minWidth: 0 },
  charts: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
});

/** Heights of the plots; a chart takes its container's size (Fluent measures it), so each gets a sized box. */
const CHART_HEIGHT = 220;
const DONUT_HEIGHT = 180;
/** Room for a legend of two lines in a narrow pane. */
const LEGEND_HEIGHT = 64;
/** Room for y-axis labels such as 100%: the default margin clips them in a narrow pane. */
const MARGINS = { left: 44, right: 16, top: 16, bottom: 32 };
/** Fluent's space between the y axis and the first group (MIN_DOMAIN_MARGIN). */
const DOMAIN_MARGIN = 8;
/** Width before the first measurement (and in tests without layout). */
const FALLBACK_WIDTH = 320;

function ChartFigure({ title, testId, children }: { title: string; testId: string; children: (width: number) => ReactNode }) {
  const styles = useStyles();
  const id = useId();
  const [plot, width] = useElementWidth<HTMLDivElement>();
  return (
    <figure className={styles.figure} aria-labelledby={id} data-testid={testId}>
      <figcaption id={id}>
        <Subtitle2>{title}</Subtitle2>
      </figcaption>
      <div ref={plot} className={styles.plot}>
        {children(width || FALLBACK_WIDTH)}
      </div>
    </figure>
  );
}

/** The box a chart fills: Fluent charts take their container's size. */
function Sized({ height, width, children }: { height: number; width?: number; children: ReactNode }) {
  return <div style={{ height, width: width ?? '100%' }}>{children}</div>;
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

/** Height of one location's row in the investment chart. */
const LOCATION_ROW = 28;

/** A generous width of one character of axis text (semibold 10 px), for shortening long names. */
const AXIS_CHAR_WIDTH = 6.5;

/** Compact axis labels of amounts (d3-format SI: 120k, 1.5M). */
const AMOUNT_TICKS = '~s';

function InvestmentChart({ summary, width }: { summary: PortfolioSummary; width: number }) {
  const { currency } = summary;
  const data: HorizontalBarChartWithAxisDataPoint[] = summary.byLocation.map((g) => ({
    x: g.investment,
    y: g.key,
    legend: g.key,
    // This chart's callout shows yAxisCalloutData as its heading and xAxisCalloutData as the value.
    yAxisCalloutData: g.key,
    xAxisCalloutData: formatCurrency(g.investment, currency),
  }));
  const height = MARGINS.top + MARGINS.bottom + LOCATION_ROW * Math.max(data.length, 2);
  // Names longer than about 40 % of the chart are shortened on the axis (the tooltip has them in full).
  const maxChars = Math.max(6, Math.floor((0.4 * width) / AXIS_CHAR_WIDTH));
  const shorten = data.some((point) => String(point.y).length > maxChars);
  return (
    <Sized height={height}>
      <HorizontalBarChartWithAxis
        chartTitle={`Stock investment by location (${currency})`}
        data={data}
        width={width}
        height={height}
        barHeight={16}
        hideLegend
        hideLabels
        showYAxisLables
        showYAxisLablesTooltip={shorten}
        noOfCharsToTruncate={maxChars}
        // Locations top-down in the order of SPP By Location (the axis runs bottom-up), focused in that order.
        yAxisCategoryOrder={data.map((point) => String(point.y)).reverse()}
        tickFormat={AMOUNT_TICKS}
        // No left margin: showYAxisLables sizes it to the longest location name.
        margins={{ top: MARGINS.top, right: MARGINS.right, bottom: MARGINS.bottom }}
        useSingleColor
        colors={[tokens.colorBrandBackground]}
      />
    </Sized>
  );
}

function TierChart({ summary, width }: { summary: PortfolioSummary; width: number }) {
  const styles = useStyles();
  const layout = tierAxisLayout(
    summary.byTier.map((g) => g.key),
    width,
    { left: MARGINS.left, right: MARGINS.right },
    DOMAIN_MARGIN,
  );
  const data: GroupedVerticalBarChartData[] = summary.byTier.map((g, i) => ({
    name: layout.labels[i],
    series: [
      { key: 'target', legend: 'Target', data: g.targetFillRate },
      { key: 'promised', legend: 'Promised', data: g.backtest.promisedFillRate },
      { key: 'achieved', legend: 'Achieved', data: g.backtest.achievedFillRate },
    ]
      .filter((point) => finite(point.data))
      .map((point) => ({ ...point, xAxisCalloutData: g.key, yAxisCalloutData: formatPercent(point.data) })),
  }));
  // Fluent takes the rotated labels' height and the bottom margin once more off the plot: add them back.
  const height = CHART_HEIGHT + LEGEND_HEIGHT + (layout.mode === 'rotate' ? layout.extraHeight + MARGINS.bottom : 0);
  const chart = (
    <Sized height={height} width={layout.width}>
      <GroupedVerticalBarChart
        chartTitle="Target, backtest promised and backtest achieved fill rate by SLA tier"
        data={data}
        width={layout.width}
        height={height}
        yMaxValue={1}
        yAxisTickFormat={(value: number) => formatPercentAxis(value)}
        margins={{ ...MARGINS, ...layout.margins }}
        hideLabels
        wrapXAxisLables={layout.mode === 'wrap'}
        rotateXAxisLables={layout.mode === 'rotate'}
        hideTickOverlap={false}
        legendProps={{ enabledWrapLines: true }}
      />
    </Sized>
  );
  // More tiers than fit side by side even at 45°: the chart keeps its spacing and scrolls.
  return layout.width > width ? (
    <div className={styles.scroll} tabIndex={0} role="region" aria-label="Fill rate by SLA tier (scrolls sideways)">
      {chart}
    </div>
  ) : (
    chart
  );
}

function ClassChart({ summary, width }: { summary: PortfolioSummary; width: number }) {
  const classes = Object.entries(summary.demandClasses)
    .filter(([, count]) => count > 0)
    .map(([demandClass, count]) => ({ legend: `${demandClass}: ${formatInteger(count)}`, data: count, color: CLASS_COLORS[demandClass] ?? tokens.colorNeutralStroke1 }));
  return (
    <Sized height={DONUT_HEIGHT + LEGEND_HEIGHT}>
      <DonutChart
        // No chartTitle: Fluent draws it as a second, overlapping heading; the figure caption names the chart.
        data={{ chartData: classes }}
        width={width}
        height={DONUT_HEIGHT + LEGEND_HEIGHT}
        innerRadius={40}
        hideLabels
        legendProps={{ enabledWrapLines: true }}
      />
    </Sized>
  );
}

export default function ResultCharts({ summary }: { summary: PortfolioSummary }) {
  const styles = useStyles();
  const tiers = summary.byTier.length > 0;
  const classes = Object.values(summary.demandClasses).some((count) => count > 0);
  return (
    <div className={styles.charts} data-testid="result-charts">
      <ChartFigure title={`Stock investment by location (${summary.currency})`} testId="chart-investment">
        {(width) => <InvestmentChart summary={summary} width={width} />}
      </ChartFigure>
      {tiers && (
        <ChartFigure title="Fill rate by SLA tier: target, promised, achieved" testId="chart-tiers">
          {(width) => <TierChart summary={summary} width={width} />}
        </ChartFigure>
      )}
      {classes && (
        <ChartFigure title="Demand classes (part-locations)" testId="chart-classes">
          {(width) => <ClassChart summary={summary} width={width} />}
        </ChartFigure>
      )}
    </div>
  );
}
