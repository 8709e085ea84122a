/**
 * The efficient frontier of a run as the pane shows it (the JSON `frontier` rows, results-network.ts),
 * and the scenario that plans at one of its points: StockingMode Budget with the point's investment,
 * a scenario override that the run validates like the workbook's own settings.
 */
import type { AnalysisResult } from '../../pipeline/results';
import type { Scenario } from '../../pipeline/run';

export interface FrontierPointView {
  readonly investment: number;
  /** Fill within response over all demand (null when the network has no demand). */
  readonly fillRate: number | null;
  /** Per tier name, in the run's order. */
  readonly byTier: readonly { readonly tier: string; readonly fillRate: number | null }[];
  readonly expectedAnnualPenalty: number | null;
  readonly chosen: boolean;
}

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** The run's frontier points, or none when the run did not plan the network (StockingMode Independent). */
export function frontierOf(result: AnalysisResult): FrontierPointView[] {
  const rows = result.frontier;
  if (!Array.isArray(rows)) return [];
  return rows.map((row: Record<string, unknown>) => {
    const tiers = (row.fillRateByTier ?? {}) as Record<string, unknown>;
    return {
      investment: num(row.investment) ?? 0,
      fillRate: num(row.fillRate),
      byTier: Object.entries(tiers).map(([tier, value]) => ({ tier, fillRate: num(value) })),
      expectedAnnualPenalty: num(row.expectedAnnualPenalty),
      chosen: row.chosen === 'Yes',
    };
  });
}

/** The run's stocking mode and budget (JSON `networkPlan`), or null without the network. */
export function networkPlanOf(result: AnalysisResult): { mode: string; budget: number | null } | null {
  const plan = result.networkPlan as { mode?: unknown; budget?: unknown } | undefined;
  if (!plan || typeof plan.mode !== 'string') return null;
  return { mode: plan.mode, budget: num(plan.budget) };
}

/**
 * The scenario planning at a budget: the point's investment rounded up to a whole currency unit (so
 * the point's own plan fits it), StockingMode Budget. Everything else in the scenario stays.
 */
export function withBudget(scenario: Scenario, investment: number): Scenario {
  return { ...scenario, settings: { ...scenario.settings, stockingMode: 'Budget', budget: Math.ceil(investment - 1e-9) } };
}
