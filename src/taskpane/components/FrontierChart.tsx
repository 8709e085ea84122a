/**
 * The efficient frontier of the network plan (SPP Frontier): fill rate within response against the
 * investment, over all demand and per SLA tier, with the chosen point marked. Picking a point (on the
 * chart, or in the list below it, which the keyboard reaches) and "Plan at this budget" runs again in
 * StockingMode Budget with the point's investment.
 *
 * Label rules as for the other pane charts (ResultCharts.tsx): no per-point labels (the callout and
 * the list give the numbers), few x ticks for the width (about one per 100 px) so amounts never run
 * into each other, a wrapping legend, and the chart sized to its container.
 */
import { LineChart, type LineChartPoints } from '@fluentui/react-charts';
import { Button, Caption1, Field, Select, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import { formatCurrency, formatPercent, formatPercentAxis } from '../state/format';
import type { FrontierPointView } from '../state/frontier';
import { useElementWidth } from '../state/use-element-width';

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0, overflow: 'hidden' },
  plot: { minWidth: 0, width: '100%' },
  pick: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  select: { minWidth: 0, flexGrow: 1 },
});

const CHART_HEIGHT = 240;
const LEGEND_HEIGHT = 64;
const MARGINS = { left: 44, right: 32, top: 16, bottom: 32 };
const FALLBACK_WIDTH = 320;
/** Room for one x-axis amount label (e.g. "1.2"), generously. */
const TICK_SPACING = 100;

/**
 * The investment axis in thousands or millions: the chart library writes numeric ticks in full
 * ("1,400,000"), which runs out of the plot at its right edge; the unit goes into the title.
 */
export function investmentScale(maxInvestment: number): { divisor: number; unit: string } {
  if (maxInvestment >= 1e6) return { divisor: 1e6, unit: 'million' };
  if (maxInvestment >= 1e4) return { divisor: 1e3, unit: 'thousand' };
  return { divisor: 1, unit: '' };
}

/** One fixed colour for the total, the palette for the tiers (theme tokens: light and dark read well). */
const TOTAL_COLOR = tokens.colorNeutralForeground1;
const TIER_COLORS = [
  tokens.colorPaletteBlueBorderActive,
  tokens.colorPaletteMarigoldBorderActive,
  tokens.colorPaletteTealBorderActive,
  tokens.colorPaletteBerryBorderActive,
  tokens.colorPaletteGreenBorderActive,
  tokens.colorPaletteRedBorderActive,
  tokens.colorPalettePurpleBorderActive,
  tokens.colorPaletteDarkOrangeBorderActive,
];

export interface FrontierChartProps {
  points: readonly FrontierPointView[];
  currency: string;
  /** Runs again in budget mode with this budget. */
  onPlanAt?: (investment: number) => void;
  /** A run is under way: picking waits for it. */
  busy?: boolean;
}

function pointLabel(point: FrontierPointView, currency: string): string {
  return `${formatCurrency(point.investment, currency)}: ${formatPercent(point.fillRate)} filled within response${point.chosen ? ' (this plan)' : ''}`;
}

/**
 * The frontier has a point per greedy step and tier (hundreds): as tab stops they would bury the rest
 * of the pane, and the chart library offers no arrow-key path through a line's points. The point list
 * below the chart is the keyboard's way to the points, so the plot's own focus stops are taken out of
 * the tab order (mouse and screen-reader browsing keep them), also when the library redraws.
 */
function useNoTabStopsInside(container: React.RefObject<HTMLElement>): void {
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const untab = () => root.querySelectorAll<HTMLElement>('[tabindex]').forEach((e) => e.tabIndex >= 0 && e.setAttribute('tabindex', '-1'));
    untab();
    const observer = new MutationObserver(untab);
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['tabindex'] });
    return () => observer.disconnect();
  }, [container]);
}

export function FrontierChart({ points, currency, onPlanAt, busy = false }: FrontierChartProps) {
  const styles = useStyles();
  const plotArea = useRef<HTMLDivElement>(null);
  useNoTabStopsInside(plotArea);
  const titleId = useId();
  const [plot, measured] = useElementWidth<HTMLDivElement>();
  const width = measured || FALLBACK_WIDTH;
  const chosenIndex = Math.max(0, points.findIndex((p) => p.chosen));
  const [picked, setPicked] = useState(chosenIndex);
  const index = Math.min(picked, points.length - 1);
  if (points.length === 0) return null;

  const scale = investmentScale(Math.max(...points.map((p) => p.investment)));
  const series = (legend: string, color: string, value: (p: FrontierPointView) => number | null): LineChartPoints | null => {
    const data = points.flatMap((p, i) => {
      const y = value(p);
      if (y === null) return [];
      return [{ x: p.investment / scale.divisor, y, xAxisCalloutData: formatCurrency(p.investment, currency), yAxisCalloutData: formatPercent(y), onDataPointClick: () => setPicked(i), markerSize: p.chosen ? 6 : undefined }];
    });
    return data.length ? { legend, color, data, hideNonActiveDots: true } : null;
  };
  const tiers = points[0].byTier.map((t) => t.tier);
  const lines = [series('All demand', TOTAL_COLOR, (p) => p.fillRate), ...tiers.map((tier, t) => series(tier, TIER_COLORS[t % TIER_COLORS.length], (p) => p.byTier[t]?.fillRate ?? null))].filter((l): l is LineChartPoints => l !== null);
  const height = CHART_HEIGHT + LEGEND_HEIGHT;
  const point = points[index];

  return (
    <figure className={styles.figure} aria-labelledby={titleId} data-testid="chart-frontier">
      <figcaption id={titleId}>
        <Subtitle2>{`Efficient frontier: fill rate within response by investment (${currency}${scale.unit ? ` ${scale.unit}` : ''})`}</Subtitle2>
      </figcaption>
      <div ref={plot} className={styles.plot}>
        <div ref={plotArea} style={{ height, width: '100%' }}>
          <LineChart
            data={{ chartTitle: 'Efficient frontier', lineChartData: lines }}
            width={width}
            height={height}
            yMinValue={0}
            yMaxValue={1}
            yAxisTickFormat={(value: number) => formatPercentAxis(value)}
            xAxisTickCount={Math.max(2, Math.floor((width - MARGINS.left - MARGINS.right) / TICK_SPACING))}
            margins={MARGINS}
            hideTickOverlap
            legendProps={{ enabledWrapLines: true }}
          />
        </div>
      </div>
      <Caption1>More money never buys less service; each point is the best the network can do for its investment.</Caption1>
      {onPlanAt && (
        <div className={styles.pick}>
          <Field label="Frontier point" className={styles.select}>
            <Select value={String(index)} onChange={(_, data) => setPicked(Number(data.value))} data-testid="frontier-point">
              {points.map((p, i) => (
                <option key={i} value={i}>
                  {pointLabel(p, currency)}
                </option>
              ))}
            </Select>
          </Field>
          <Button appearance="primary" disabled={busy} onClick={() => onPlanAt(point.investment)} data-testid="frontier-plan">
            Plan at this budget
          </Button>
        </div>
      )}
    </figure>
  );
}
