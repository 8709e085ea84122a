/**
 * Network stocking: two-echelon VARI-METRIC with SLA coverage, field-or-central decisions and the
 * budget frontier (docs/methods.md §9). The integration builds a NetworkProblem per run
 * (buildNetworkProblem), plans it (planNetwork) or evaluates given stock (evaluateNetwork), and
 * backtests a plan on held-out demand (replayNetwork).
 */
export { buildNetworkProblem, canServeFromParent, centralPipelineDays, DEFAULT_NETWORK_SETTINGS, isSameDayTier, SAME_DAY_HOURS, subProblem, tierCanBeMet } from './problem';
export type { NetworkFieldInput, NetworkLocationInput, NetworkPartInput, NetworkProblem, NetworkSettings, NetworkTier } from './problem';
export { CountTable, fromPmfTable, tabulated, type TabulatedDistribution } from './count-distribution';
export { DECISIONS, evaluateNetwork, NETWORK_ROW_FIELDS, NetworkRows, summarizeNetwork } from './evaluate';
export type { Decision, NetworkEvaluation, NetworkGroupSummary, NetworkRowField } from './evaluate';
export { planNetwork } from './optimise';
export type { FrontierPoint, NetworkObjective, NetworkPlan, NetworkPlanOptions } from './optimise';
export { compareWithFieldOnly, equalServiceTargets, fieldOnlyProblem, planCentralisation } from './centralisation';
export type { CentralisationComparison } from './centralisation';
export { networkReason } from './reasons';
export { replayNetwork } from './replay';
export type { NetworkReplayInput, NetworkReplayOutcome } from './replay';
