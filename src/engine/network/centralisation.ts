/**
 * The centralisation opportunity's counterfactual (docs/methods.md §8.9): the optimised network
 * against the same network served from field stock alone.
 *
 * In the network model a field location's customers are served from the Central when its emergency
 * delivery arrives within the tier's response time ("coverable", §9.3): the plan may then keep no
 * field stock ("serve from the Central", §9.4) or less of it, because the Central fills the field's
 * stockouts in time. The counterfactual is the same problem with no field coverable — every tier
 * served from field stock — planned for the same service: in target mode the tiers' targets (or,
 * where the plan falls short of a target, what it reaches), in budget mode the fill within response
 * each tier reaches under the budget plan. The difference in stock is what centralisation saves;
 * the optimised plan's emergency shipments are the transport it costs (the counterfactual has none).
 */
import type { NetworkEvaluation } from './evaluate';
import { planNetwork, type NetworkPlan } from './optimise';
import type { NetworkProblem, NetworkSettings } from './problem';
import type { PortfolioOptions } from '../portfolio';

export interface CentralisationComparison {
  /** Field rows coverable from their Central (0: there is nothing to centralise). */
  coverableRows: number;
  /** Investment of the optimised plan and of the field-only plan at the same service. */
  optimisedInvestment: number;
  fieldOnlyInvestment: number;
  /** Σ over field rows of (field-only − optimised) investment. */
  fieldStockReleased: number;
  /** Σ over Central rows of (optimised − field-only) investment. */
  centralStockAdded: number;
  /** Emergency shipments a year of the optimised plan (the field-only plan has none). */
  emergencyShipments: number;
  /** Their cost a year, shipments × EmergencyShipmentCost, less the field-only plan's (0). */
  annualExtraTransportCost: number;
  /** Fill within response per tier, optimised and field-only, in the problem's tier order (NaN without demand). */
  optimisedFillByTier: number[];
  fieldOnlyFillByTier: number[];
}

/** The problem with no field location coverable from its Central, and the given tier targets. */
export function fieldOnlyProblem(problem: NetworkProblem, targets: readonly number[]): NetworkProblem {
  return {
    ...problem,
    tiers: problem.tiers.map((t, i) => ({ ...t, targetFillRate: targets[i] })),
    coverable: new Uint8Array(problem.rowCount),
  };
}

/** The service the field-only plan must reach per tier (see the module comment). */
export function equalServiceTargets(problem: NetworkProblem, plan: Pick<NetworkPlan, 'mode' | 'tiers'>): number[] {
  return problem.tiers.map((t, i) => {
    const reached = plan.tiers[i].fillRateWithinResponse;
    if (!Number.isFinite(reached)) return t.targetFillRate;
    return plan.mode === 'target' ? Math.min(t.targetFillRate, reached) : reached;
  });
}

/** Stock, transport and service of the optimised plan against the field-only plan of the same problem. */
export function compareWithFieldOnly(problem: NetworkProblem, optimised: NetworkEvaluation, fieldOnly: NetworkEvaluation): CentralisationComparison {
  const o = optimised.rows.columns;
  const f = fieldOnly.rows.columns;
  let coverableRows = 0;
  let fieldStockReleased = 0;
  let centralStockAdded = 0;
  let emergencyShipments = 0;
  let emergencyCost = 0;
  for (let p = 0; p < problem.partCount; p++) {
    const central = problem.firstRow[p];
    centralStockAdded += o.investment[central] - f.investment[central];
    for (let r = central + 1; r < problem.firstRow[p + 1]; r++) {
      coverableRows += problem.coverable[r];
      fieldStockReleased += f.investment[r] - o.investment[r];
      emergencyShipments += o.expectedAnnualEmergencyShipments[r];
      emergencyCost += o.annualEmergencyCost[r] - f.annualEmergencyCost[r];
    }
  }
  return {
    coverableRows,
    optimisedInvestment: optimised.total.investment,
    fieldOnlyInvestment: fieldOnly.total.investment,
    fieldStockReleased,
    centralStockAdded,
    emergencyShipments,
    annualExtraTransportCost: emergencyCost,
    optimisedFillByTier: optimised.tiers.map((t) => t.fillRateWithinResponse),
    fieldOnlyFillByTier: fieldOnly.tiers.map((t) => t.fillRateWithinResponse),
  };
}

/**
 * Plans the field-only counterfactual of an optimised plan and compares the two; null when no field
 * location is coverable (the plan cannot centralise anything, so there is no second plan to make).
 */
export function planCentralisation(problem: NetworkProblem, plan: NetworkPlan, settings: NetworkSettings, options: Pick<PortfolioOptions, 'shouldStop' | 'onProgress'> = {}): CentralisationComparison | null {
  let coverable = 0;
  for (let r = 0; r < problem.rowCount; r++) coverable += problem.coverable[r];
  if (coverable === 0) return null;
  const counterfactual = fieldOnlyProblem(problem, equalServiceTargets(problem, plan));
  // Only the chosen plan is compared, never its frontier: its envelopes stop below a floor guessed
  // from its own tier calibration (planNetwork rebuilds them whole if the plan decides lower, so the
  // plan is the same either way).
  const fieldOnly = planNetwork(counterfactual, settings, { mode: 'target', chosenOnly: true, shouldStop: options.shouldStop, onProgress: options.onProgress });
  return compareWithFieldOnly(problem, plan, fieldOnly);
}
