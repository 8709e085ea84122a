/**
 * The input of the network model: per part, one Central (its own customers and the pipeline from
 * suppliers or repair) and the Field locations it resupplies; SLA tiers; model settings.
 *
 * The integration builds one NetworkPartInput per part and Central (a part stocked under two
 * Centrals is two independent networks). Rows are stored column by column: for part p, row
 * firstRow[p] is its Central and rows firstRow[p] + 1 … firstRow[p + 1] − 1 its fields, in input order.
 */
import type { TabulatedDistribution } from './count-distribution';

export interface NetworkTier {
  name: string;
  /** Promised response time in hours. */
  responseHours: number;
  /** Demand-weighted fill rate within the response time that the tier's part-locations must reach together. */
  targetFillRate: number;
}

export interface NetworkLocationInput {
  /** Demand of the location's own customers, units per day (the engine's forecast). */
  ratePerDay: number;
  /** Variance-to-mean ratio of that demand per day; 1 (the default) is Poisson. */
  varianceToMean?: number;
  /** Index into the tiers; null when the location has no tier (its demand then counts in the totals only). */
  tier: number | null;
  /** Annual holding cost as a share of unit cost. */
  holdingCostRate: number;
  /** Penalty per unit not filled within the tier's response time. */
  penaltyPerMiss: number;
}

export interface NetworkFieldInput extends NetworkLocationInput {
  /** Central-to-field resupply time in days. */
  resupplyDays: number;
  /** Emergency delivery time in hours from the Central to this location's customers; null when there is none. */
  emergencyHours: number | null;
}

export interface NetworkPartInput {
  unitCost: number;
  /** Days a unit demanded at the Central takes to come back: supplier lead time, or repair (see centralPipelineDays). */
  centralPipelineDays: number;
  central: NetworkLocationInput;
  fields: readonly NetworkFieldInput[];
  /**
   * The Central's pipeline distribution when a demand model supplies one (mean λ₀·T₀); without it
   * the pipeline is Poisson, or negative binomial with variance Σ vᵢ·λᵢ·T₀ when demand is over-dispersed.
   */
  centralPipeline?: TabulatedDistribution;
}

export interface NetworkSettings {
  /** VARI-METRIC (Sherbrooke 2004 ch. 4, Graves 1985) or plain METRIC (Sherbrooke 1968). */
  model: 'VariMetric' | 'Metric';
  /** Compound: unit fill rate with batch demand; Classic: F(s − 1). */
  fillRateModel: 'Compound' | 'Classic';
  /** Least fill rate within response of every part-location with demand (Setting MinFillRate). */
  minFillRate: number;
  /** Cost of one emergency shipment from the Central to a field location's customer (Setting EmergencyShipmentCost). */
  emergencyShipmentCost: number;
  /** Stock is searched up to the first level at which the shelf is empty with probability below this (1e-4: the frontier ends near 99.99% filled). */
  maxStockoutProbability: number;
  daysPerYear: number;
}

export const DEFAULT_NETWORK_SETTINGS: NetworkSettings = Object.freeze({
  model: 'VariMetric',
  fillRateModel: 'Compound',
  minFillRate: 0.5,
  emergencyShipmentCost: 0,
  maxStockoutProbability: 1e-4,
  daysPerYear: 365.25,
});

/** The network input column by column. */
export interface NetworkProblem {
  tiers: readonly NetworkTier[];
  partCount: number;
  rowCount: number;
  /** Rows of part p: firstRow[p] (its Central) … firstRow[p + 1] − 1. */
  firstRow: Int32Array;
  unitCost: Float64Array;
  centralPipelineDays: Float64Array;
  centralPipeline: (TabulatedDistribution | undefined)[];
  part: Int32Array;
  ratePerDay: Float64Array;
  varianceToMean: Float64Array;
  /** NaN on Central rows. */
  resupplyDays: Float64Array;
  /** NaN when there is no emergency delivery (and on Central rows). */
  emergencyHours: Float64Array;
  /** −1 when there is no tier. */
  tier: Int32Array;
  holdingCostRate: Float64Array;
  penaltyPerMiss: Float64Array;
  /** 1 when the row's customers can be served from the Central in time (canServeFromParent). */
  coverable: Uint8Array;
}

/**
 * The Central's pipeline time: supplier lead time for a consumable; for a repairable,
 * (1 − ScrapRate)·RepairDays + ScrapRate·LeadTimeDays (a returned unit is repaired, a scrapped one
 * bought new). With random routing each branch is a Poisson stream (thinning), so for Poisson demand
 * the pipeline is Poisson with mean λ₀ times this (Palm's theorem).
 */
export function centralPipelineDays(part: { leadTimeDays: number; repairable: boolean; repairDays: number; scrapRate: number }): number {
  if (!part.repairable) return part.leadTimeDays;
  return (1 - part.scrapRate) * part.repairDays + part.scrapRate * part.leadTimeDays;
}

/** A field location's customers can be served from its Parent when the emergency delivery arrives within the tier's response time. */
export function canServeFromParent(emergencyHours: number | null | undefined, responseHours: number): boolean {
  return emergencyHours != null && Number.isFinite(emergencyHours) && emergencyHours <= responseHours;
}

/** A tier that promises a response within the day (the integration warns when one sits on a Central location). */
export const SAME_DAY_HOURS = 24;
export function isSameDayTier(responseHours: number): boolean {
  return responseHours < SAME_DAY_HOURS;
}

/**
 * Whether any of a tier's locations can meet its response time: a Field location always can (from
 * its own shelf); a Central location can when the tier is not a same-day tier, or when its delivery
 * time to its customers (its EmergencyHours) is within the response time. A tier with no locations
 * cannot be met.
 */
export function tierCanBeMet(responseHours: number, locations: readonly { type: 'Central' | 'Field'; emergencyHours: number | null }[]): boolean {
  return locations.some((l) => l.type === 'Field' || !isSameDayTier(responseHours) || canServeFromParent(l.emergencyHours, responseHours));
}

export function buildNetworkProblem(parts: readonly NetworkPartInput[], tiers: readonly NetworkTier[]): NetworkProblem {
  const partCount = parts.length;
  let rowCount = 0;
  for (const p of parts) rowCount += 1 + p.fields.length;
  const problem: NetworkProblem = {
    tiers,
    partCount,
    rowCount,
    firstRow: new Int32Array(partCount + 1),
    unitCost: new Float64Array(partCount),
    centralPipelineDays: new Float64Array(partCount),
    centralPipeline: new Array<TabulatedDistribution | undefined>(partCount),
    part: new Int32Array(rowCount),
    ratePerDay: new Float64Array(rowCount),
    varianceToMean: new Float64Array(rowCount),
    resupplyDays: new Float64Array(rowCount),
    emergencyHours: new Float64Array(rowCount),
    tier: new Int32Array(rowCount),
    holdingCostRate: new Float64Array(rowCount),
    penaltyPerMiss: new Float64Array(rowCount),
    coverable: new Uint8Array(rowCount),
  };
  const setLocation = (row: number, p: number, l: NetworkLocationInput) => {
    if (l.tier != null && !(l.tier >= 0 && l.tier < tiers.length)) throw new Error(`Network input: tier ${l.tier} is not one of the ${tiers.length} tiers`);
    problem.part[row] = p;
    problem.ratePerDay[row] = l.ratePerDay > 0 ? l.ratePerDay : 0;
    problem.varianceToMean[row] = l.varianceToMean != null && l.varianceToMean > 1 ? l.varianceToMean : 1;
    problem.tier[row] = l.tier ?? -1;
    problem.holdingCostRate[row] = l.holdingCostRate;
    problem.penaltyPerMiss[row] = l.penaltyPerMiss;
  };
  let row = 0;
  for (let p = 0; p < partCount; p++) {
    const part = parts[p];
    problem.firstRow[p] = row;
    problem.unitCost[p] = part.unitCost;
    problem.centralPipelineDays[p] = part.centralPipelineDays;
    problem.centralPipeline[p] = part.centralPipeline;
    setLocation(row, p, part.central);
    problem.resupplyDays[row] = NaN;
    problem.emergencyHours[row] = NaN;
    row++;
    for (const field of part.fields) {
      setLocation(row, p, field);
      problem.resupplyDays[row] = field.resupplyDays;
      problem.emergencyHours[row] = field.emergencyHours ?? NaN;
      const tier = field.tier != null ? tiers[field.tier] : undefined;
      problem.coverable[row] = tier && canServeFromParent(field.emergencyHours, tier.responseHours) ? 1 : 0;
      row++;
    }
  }
  problem.firstRow[partCount] = row;
  return problem;
}

/** The network of some of the parts (in the given order), e.g. a sample for calibration. */
export function subProblem(problem: NetworkProblem, parts: ArrayLike<number>): NetworkProblem {
  const partCount = parts.length;
  let rowCount = 0;
  for (let i = 0; i < partCount; i++) rowCount += problem.firstRow[parts[i] + 1] - problem.firstRow[parts[i]];
  const out: NetworkProblem = {
    tiers: problem.tiers,
    partCount,
    rowCount,
    firstRow: new Int32Array(partCount + 1),
    unitCost: new Float64Array(partCount),
    centralPipelineDays: new Float64Array(partCount),
    centralPipeline: new Array<TabulatedDistribution | undefined>(partCount),
    part: new Int32Array(rowCount),
    ratePerDay: new Float64Array(rowCount),
    varianceToMean: new Float64Array(rowCount),
    resupplyDays: new Float64Array(rowCount),
    emergencyHours: new Float64Array(rowCount),
    tier: new Int32Array(rowCount),
    holdingCostRate: new Float64Array(rowCount),
    penaltyPerMiss: new Float64Array(rowCount),
    coverable: new Uint8Array(rowCount),
  };
  let row = 0;
  for (let i = 0; i < partCount; i++) {
    const p = parts[i];
    out.firstRow[i] = row;
    out.unitCost[i] = problem.unitCost[p];
    out.centralPipelineDays[i] = problem.centralPipelineDays[p];
    out.centralPipeline[i] = problem.centralPipeline[p];
    for (let r = problem.firstRow[p]; r < problem.firstRow[p + 1]; r++, row++) {
      out.part[row] = i;
      out.ratePerDay[row] = problem.ratePerDay[r];
      out.varianceToMean[row] = problem.varianceToMean[r];
      out.resupplyDays[row] = problem.resupplyDays[r];
      out.emergencyHours[row] = problem.emergencyHours[r];
      out.tier[row] = problem.tier[r];
      out.holdingCostRate[row] = problem.holdingCostRate[r];
      out.penaltyPerMiss[row] = problem.penaltyPerMiss[r];
      out.coverable[row] = problem.coverable[r];
    }
  }
  out.firstRow[partCount] = row;
  return out;
}
