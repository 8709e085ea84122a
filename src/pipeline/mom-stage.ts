/**
 * The MOM assessment stage of the pipeline (issue 7, docs/methods.md §8): after the stock is
 * planned, the engine's MOM modules (src/engine/mom/) run on the run's plan — excess and
 * obsolescence with the disposition of each excess unit, last-time buys for EndOfLife parts, SLA
 * penalty risk, aftermarket revenue, the scorecard and the opportunity portfolio with its business
 * case. Pure: plain typed inputs in, one MomStage out.
 *
 * The recommended stock comes in as its own parameter (one value per portfolio row), so whichever
 * plan the run recommends — the per-location plan or the network plan — is the one assessed.
 */
import type { PortfolioResult } from '../engine/portfolio';
import { periodsPerYear } from '../engine/policy';
import {
  analyseExcess,
  monitorServiceEvents,
  buildOpportunities,
  condemnedRecycling,
  defaultAssessment,
  disposeExcess,
  evaluatePortfolio,
  excessShare,
  fillRatePromised,
  inventoryTurns,
  investmentPerAnnualDemandUnit,
  lacksSameDayCoverage,
  lastTimeBuy,
  modelRefurbishedShare,
  obsoleteShare,
  partsRevenue,
  penaltyRisk,
  periodsUntil,
  recyclingRecovery,
  refurbishedShare,
  refurbishment,
  sameDayDemandCovered,
  scoreAssessment,
  slaPenaltyPerYear,
  summarizeExcess,
  type AssessmentRow,
  type DispositionResult,
  type ExcessSummary,
  type ExcessTable,
  type KpiKey,
  type LastTimeBuyResult,
  type OpportunityAssumption,
  type OpportunityId,
  type OpportunityNumbers,
  type PartsRevenue,
  type PenaltyRisk,
  type Portfolio,
  type RecyclingRecovery,
  type Refurbishment,
  type Scorecard,
  type Monitoring,
} from '../engine/mom';
import { STANDARD_TIER } from './network-stage';
import type { CentralisationComparison } from '../engine/network';
import { mergeAssessment } from './mom-assessment';
import type { Part, PlanningInput, ValidationIssue } from '../model/types';

/** A part-location whose part has a long lead time, at a same-day tier, with no stock that covers it in time. */
export interface CoverageGap {
  row: number;
  partId: string;
  locationId: string;
  tier: string;
  leadTimeDays: number;
  responseHours: number;
  annualDemand: number;
  /** Inventory position at the location and at its Parent (the recommended stock without an Inventory table). */
  unitsAtLocation: number;
  unitsAtParent: number;
}

/** A last-time buy with the part's EndOfSupport date. */
export interface LastTimeBuyRow extends LastTimeBuyResult {
  endOfSupport: string | null;
  unitCost: number;
}

export interface MomStage {
  /** Whether an Inventory table was given (today's position known); without it today's position is taken as the plan. */
  readonly hasInventory: boolean;
  readonly annualDemand: Float64Array;
  /** Today's inventory position per portfolio row (0 without an Inventory row). */
  readonly position: Float64Array;
  /** Fill rate of today's position (the plan's without an Inventory table). */
  readonly currentFillRate: Float64Array;
  readonly recommendedStock: ArrayLike<number>;
  readonly excess: ExcessTable;
  readonly excessSummary: ExcessSummary;
  readonly disposition: DispositionResult;
  readonly lastTimeBuys: LastTimeBuyRow[];
  readonly risk: PenaltyRisk;
  readonly coverageGaps: CoverageGap[];
  readonly revenue: PartsRevenue;
  readonly refurbishment: Refurbishment;
  readonly recycling: RecyclingRecovery;
  /** KPI key of each Assessment row (null for a row the consultant added). */
  readonly assessmentKeys: (KpiKey | null)[];
  readonly assessment: AssessmentRow[];
  readonly scorecard: Scorecard;
  readonly portfolio: Portfolio;
  /** Achieved fill rate and SLA compliance from the ServiceEvents table; null without events. */
  readonly monitoring: Monitoring | null;
  /** The opportunity figures before the Assumptions, so the business case can be re-run alone (rerunBusinessCase). */
  readonly opportunityNumbers: OpportunityNumbers;
  readonly currency: string;
}

export interface MomOptions {
  /** Overrides per opportunity that win over the Assumptions table (the task pane's edits). */
  assumptions?: Partial<Record<OpportunityId, OpportunityAssumption>>;
  /** The network plan against the same network served from field stock alone (centralisation.ts); null or absent without a network plan. */
  centralisation?: CentralisationComparison | null;
}

/** The Assumptions table as the engine's overrides per opportunity. */
export function assumptionsFrom(input: PlanningInput): Partial<Record<OpportunityId, OpportunityAssumption>> {
  const out: Partial<Record<OpportunityId, OpportunityAssumption>> = {};
  for (const row of input.mom?.assumptions ?? []) {
    const a: OpportunityAssumption = { include: row.include };
    if (row.annualBenefit !== null) a.annualBenefit = row.annualBenefit;
    if (row.oneTimeBenefit !== null) a.oneTimeBenefit = row.oneTimeBenefit;
    if (row.oneTimeCost !== null) a.oneTimeCost = row.oneTimeCost;
    out[row.opportunity as OpportunityId] = a;
  }
  return out;
}

function partTier(part: Part, slaTier: string | null): string | null {
  return part.criticality === 'Standard' ? STANDARD_TIER : slaTier;
}

/**
 * The MOM assessment of a planned portfolio. `recommendedStock[i]` is the stock recommended for
 * portfolio row i (today: the plan's `stock` column, network or per-location).
 */
export function planMomStage(input: PlanningInput, planned: PortfolioResult, recommendedStock: ArrayLike<number>, options: MomOptions = {}): { stage: MomStage; issues: ValidationIssue[] } {
  const rows = planned.rows;
  const c = rows.plans.columns;
  const n = rows.count;
  const settings = input.settings;
  const currency = settings.currency;
  const perYear = periodsPerYear(settings.periodLength);
  const parts = new Map(input.parts.map((p) => [p.id, p]));
  const locations = new Map(input.locations.map((l) => [l.id, l]));
  const tiers = new Map(input.slaTiers.map((t) => [t.tier, t]));
  const hasInventory = input.inventory.length > 0;
  const partOf = (i: number) => parts.get(rows.partId[i])!;

  const annualDemand = new Float64Array(n);
  const position = new Float64Array(n);
  const currentFillRate = new Float64Array(n);
  const rowOf = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    annualDemand[i] = c.ratePerPeriod[i] * perYear;
    const p = rows.position[i];
    position[i] = Number.isNaN(p) ? 0 : p;
    const today = rows.onHandFillRate[i];
    currentFillRate[i] = hasInventory && Number.isFinite(today) ? today : c.fillRate[i];
    rowOf.set(`${rows.partId[i]}\u0000${rows.locationId[i]}`, i);
  }
  const history = input.demand.map((s) => s.quantities);
  const served = centralHistories(rows, history, locations, c.ratePerPeriod);
  const zeros = new Float64Array(n);

  // Minimize: excess and obsolescence against the recommended stock, then the disposition waterfall.
  const excess = analyseExcess(
    { count: n, partId: rows.partId, locationId: rows.locationId, onHand: position, onOrder: zeros, inRepair: zeros, recommendedStock, unitCost: rows.unitCost, ratePerPeriod: served.ratePerPeriod, history: served.quantities },
    { periodsPerYear: perYear, obsoleteAfterPeriods: settings.obsoleteAfterPeriods, beta: settings.beta },
  );
  const excessSummary = summarizeExcess(excess);
  const yearsToEndOfSupport = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const eos = partOf(i).endOfSupport;
    const periods = eos ? periodsUntil(eos, input.grid) : null;
    yearsToEndOfSupport[i] = periods === null ? Infinity : Math.max(0, periods / perYear);
  }
  const onOrder = new Float64Array(n);
  for (let i = 0; i < n; i++) onOrder[i] = Number.isNaN(rows.onOrder[i]) ? 0 : rows.onOrder[i];
  const disposition = disposeExcess(
    excess,
    {
      count: n,
      partId: rows.partId,
      locationId: rows.locationId,
      locationType: rows.locationType,
      parent: rows.locationId.map((id) => locations.get(id)?.parent ?? null),
      onOrder,
      unitCost: rows.unitCost,
      holdingCostRate: rows.holdingCostRate,
      annualDemand,
      repairable: rows.partId.map((id) => parts.get(id)!.repairable),
      scrapRate: rows.partId.map((id) => parts.get(id)!.scrapRate),
      salePrice: rows.partId.map((id) => parts.get(id)!.salePrice ?? NaN),
      salvageValue: rows.partId.map((id) => parts.get(id)!.salvageValue ?? NaN),
      yearsToEndOfSupport,
    },
    { surplusSaleShare: settings.surplusSaleShare },
  );

  // Last-time buys: EndOfLife parts, demand and position summed over their locations.
  const issues: ValidationIssue[] = [];
  const lastTimeBuys: LastTimeBuyRow[] = [];
  for (const part of input.parts) {
    if (part.lifecycle !== 'EndOfLife') continue;
    const partHistory = new Float64Array(input.grid.count);
    let partPosition = 0;
    let found = false;
    for (let i = 0; i < n; i++) {
      if (rows.partId[i] !== part.id) continue;
      found = true;
      const h = history[i];
      for (let t = 0; t < partHistory.length; t++) partHistory[t] += h[t];
      partPosition += position[i];
    }
    if (!found) continue;
    const periodsRemaining = part.endOfSupport ? periodsUntil(part.endOfSupport, input.grid) : null;
    const result = lastTimeBuy(
      { partId: part.id, history: partHistory, periodsRemaining, position: partPosition, repairable: part.repairable, scrapRate: part.repairable ? part.scrapRate : 1, unitCost: part.unitCost, salvageValue: part.salvageValue ?? NaN },
      { confidence: settings.lastTimeBuyConfidence, currency, periodLength: settings.periodLength },
    );
    lastTimeBuys.push({ ...result, endOfSupport: part.endOfSupport, unitCost: part.unitCost });
  }

  // Minimize: SLA penalty risk of today's stock against the recommended stock.
  const tierOf = rows.partId.map((id, i) => partTier(parts.get(id)!, rows.slaTier[i]));
  const currentHoldingCost = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Today's expected on hand differs from the plan's by about the difference of the levels (docs/methods.md §8.6).
    currentHoldingCost[i] = hasInventory ? Math.max(0, c.annualHoldingCost[i] + (position[i] - recommendedStock[i]) * rows.unitCost[i] * rows.holdingCostRate[i]) : c.annualHoldingCost[i];
  }
  const risk = penaltyRisk(
    { count: n, partId: rows.partId, locationId: rows.locationId, tier: tierOf, annualDemand, penaltyPerMiss: rows.penaltyPerMiss, currentFillRate, recommendedFillRate: c.fillRate, recommendedHoldingCost: c.annualHoldingCost, currentHoldingCost },
    { currency },
  );
  const stocked = hasInventory ? position : Float64Array.from(recommendedStock);
  const coverageGaps: CoverageGap[] = [];
  const sameDay = new Array<boolean>(n);
  const riskSettings = { sameDayMaxHours: settings.sameDayMaxHours, longLeadTimeDays: settings.longLeadTimeDays };
  for (let i = 0; i < n; i++) {
    const part = partOf(i);
    const location = locations.get(rows.locationId[i])!;
    const tier = location.slaTier ? tiers.get(location.slaTier) : undefined;
    const responseHours = tier ? tier.responseHours : NaN;
    sameDay[i] = responseHours <= settings.sameDayMaxHours;
    const parentRow = location.parent ? rowOf.get(`${part.id}\u0000${location.parent}`) : undefined;
    const check = {
      leadTimeDays: part.leadTimeDays,
      responseHours,
      unitsAtLocation: stocked[i],
      emergencyHours: location.emergencyHours ?? NaN,
      unitsAtParent: parentRow === undefined ? (location.parent ? 0 : NaN) : stocked[parentRow],
      annualDemand: annualDemand[i],
    };
    if (lacksSameDayCoverage(check, riskSettings)) {
      coverageGaps.push({ row: i, partId: part.id, locationId: location.id, tier: tier!.tier, leadTimeDays: part.leadTimeDays, responseHours, annualDemand: annualDemand[i], unitsAtLocation: check.unitsAtLocation, unitsAtParent: check.unitsAtParent });
    }
  }
  coverageGaps.sort((a, b) => b.annualDemand - a.annualDemand || (a.partId < b.partId ? -1 : a.partId > b.partId ? 1 : 0));

  // Maximize: revenue, refurbishment, recycling of condemned returns.
  const revenue = partsRevenue({ count: n, annualDemand, fillRate: currentFillRate, salePrice: rows.partId.map((id) => parts.get(id)!.salePrice ?? NaN), unitCost: rows.unitCost });
  const demandOfPart = new Map<string, number>();
  for (let i = 0; i < n; i++) demandOfPart.set(rows.partId[i], (demandOfPart.get(rows.partId[i]) ?? 0) + annualDemand[i]);
  const condition = conditionShare(input);
  const refurb = refurbishment(
    input.parts.map((p) => ({ partId: p.id, annualDemand: demandOfPart.get(p.id) ?? 0, repairable: p.repairable, scrapRate: p.scrapRate, unitCost: p.unitCost, refurbCost: p.refurbCost ?? NaN, salePrice: p.salePrice ?? NaN })),
    { currentRefurbishedShare: condition ?? 0, currency },
  );
  const recycling = condemnedRecycling(input.parts.map((p) => ({ partId: p.id, annualDemand: demandOfPart.get(p.id) ?? 0, repairable: p.repairable, scrapRate: p.scrapRate, unitCost: p.unitCost, salvageValue: p.salvageValue ?? NaN })));

  // The scorecard: Current from the data where it allows.
  const disposed = { recovered: recycling.annualRecovery, book: recycling.annualBookValue };
  for (const d of ['sell', 'recycle', 'scrap'] as const) {
    disposed.recovered += disposition.byDisposition[d].cashFreed;
    disposed.book += disposition.byDisposition[d].bookValue;
  }
  const summary = planned.summary;
  const events = input.mom?.serviceEvents ?? null;
  const monitoring = events && events.length > 0 ? monitorServiceEvents(events, input.slaTiers) : null;
  const current: Partial<Record<KpiKey, number | null>> = {
    partsGrossMargin: revenue.marginShare,
    revenueAtRisk: revenue.revenueAtRiskShare,
    refurbishedShare: condition ?? modelRefurbishedShare(annualDemand, rows.partId.map((id) => parts.get(id)!.repairable), rows.partId.map((id) => parts.get(id)!.scrapRate)),
    recyclingRecovery: recyclingRecovery(disposed.recovered, disposed.book),
    fillRatePromised: fillRatePromised(annualDemand, currentFillRate),
    fillRateBacktested: monitoring ? monitoring.total.fillRate : summary.backtest.demand > 0 ? summary.backtest.achievedFillRate : null,
    inventoryTurns: hasInventory ? inventoryTurns(annualDemand, rows.onHand.map((x) => (Number.isNaN(x) ? 0 : x)), rows.unitCost) : null,
    investmentPerAnnualDemandUnit: hasInventory ? investmentPerAnnualDemandUnit(position, rows.unitCost, annualDemand) : null,
    sameDayDemandCovered: sameDayDemandCovered(annualDemand, sameDay, stocked),
    excessShare: hasInventory ? excessShare(excessSummary.excessValue, excessSummary.positionValue) : null,
    obsoleteShare: hasInventory ? obsoleteShare(excessSummary.obsoleteValue, excessSummary.positionValue) : null,
    slaPenaltyPerYear: slaPenaltyPerYear(annualDemand, currentFillRate, rows.penaltyPerMiss),
  };
  let exposure = 0;
  for (let i = 0; i < n; i++) exposure += annualDemand[i] * rows.penaltyPerMiss[i];
  const derived = { recommendedInvestmentPerUnit: summary.annualDemand > 0 ? summary.investment / summary.annualDemand : null, recommendedPenaltyPerYear: summary.expectedAnnualPenalty, penaltyExposurePerYear: exposure };
  const merged = mergeAssessment(input.mom?.assessment ?? null, defaultAssessment(current, derived));
  const assessment = merged.rows;
  const assessmentKeys = merged.keys;
  const scorecard = scoreAssessment(assessment, { currency });
  // Errors a plan-derived Benchmark or Floor brings in (the table's own were errors at validation): the KPI is not scored.
  const inputRows = input.mom?.assessment;
  for (const issue of scorecard.issues) {
    if (issue.severity !== 'error' || !inputRows) continue;
    const row = inputRows[issue.row];
    issues.push({ severity: 'warning', sheet: row?.sheet ?? 'Assessment', cell: row?.cells[issue.column] ?? '', message: `${issue.message.replace(/\.$/, '')} (with the Benchmark or Floor derived from the plan)` });
  }

  // Opportunities and the business case.
  const numbers: OpportunityNumbers = {};
  const outgoing = { units: 0, bookValue: 0, cashFreed: 0, holdingCostFreed: 0 };
  for (const [d, t] of Object.entries(disposition.byDisposition)) {
    if (d === 'keep') continue;
    outgoing.units += t.units;
    outgoing.bookValue += t.bookValue;
    outgoing.cashFreed += t.cashFreed;
    outgoing.holdingCostFreed += t.holdingCostFreed;
  }
  if (hasInventory) {
    let optimised = 0;
    let added = 0;
    for (let i = 0; i < n; i++) {
      optimised += recommendedStock[i] * rows.unitCost[i];
      added += excess.columns.shortUnits[i] * rows.unitCost[i];
    }
    numbers.inventoryReduction = { currentInventoryValue: excessSummary.positionValue, optimisedInventoryValue: optimised, excessBookValue: outgoing.bookValue, holdingCostRate: settings.holdingCostRate };
    if (outgoing.units > 0) numbers.excessDisposition = outgoing;
    if (risk.annualPenalty > summary.expectedAnnualPenalty) {
      numbers.penaltyAvoidance = { currentPenalty: risk.annualPenalty, optimisedPenalty: summary.expectedAnnualPenalty, extraInvestment: added, extraHoldingCost: added * settings.holdingCostRate };
    }
    // Centralisation's release is a share of the inventory reduction (docs/methods.md §8.9), so it needs today's inventory too.
    const ce = options.centralisation;
    if (ce && ce.coverableRows > 0) {
      numbers.centralisation = { fieldStockReleased: ce.fieldStockReleased, centralStockAdded: ce.centralStockAdded, holdingCostRate: settings.holdingCostRate, annualExtraTransportCost: ce.annualExtraTransportCost };
    }
  }
  if (refurb.annualSavings > 0) numbers.refurbishment = { units: refurb.rows.reduce((s, r) => s + (r.annualSavings > 0 ? r.additionalRefurbished : 0), 0), annualSavings: refurb.annualSavings, newSalesAtRisk: refurb.newSalesAtRisk };
  if (recycling.annualRecovery > 0) numbers.recycling = { condemnedUnits: recycling.condemnedUnits, annualRecovery: recycling.annualRecovery };
  const portfolio = evaluatePortfolio(buildOpportunities(numbers, { ...assumptionsFrom(input), ...options.assumptions }, currency), { horizonYears: settings.horizonYears, discountRate: settings.discountRate, waves: settings.implementationWaves, currency });

  const stage: MomStage = {
    hasInventory,
    annualDemand,
    position,
    currentFillRate,
    recommendedStock,
    excess,
    excessSummary,
    disposition,
    lastTimeBuys,
    risk,
    coverageGaps,
    revenue,
    refurbishment: refurb,
    recycling,
    assessmentKeys,
    assessment,
    scorecard,
    portfolio,
    monitoring,
    opportunityNumbers: numbers,
    currency,
  };
  return { stage, issues };
}

/**
 * Refurbished share of the repairable parts' units on hand from Inventory.Condition: Refurbished
 * units / units with a Condition; null when no repairable part's row gives a Condition.
 */
function conditionShare(input: PlanningInput): number | null {
  const repairable = new Set(input.parts.filter((p) => p.repairable).map((p) => p.id));
  let refurbished = 0;
  let fresh = 0;
  let given = false;
  for (const i of input.inventory) {
    if (!repairable.has(i.partId) || !i.condition) continue;
    given = true;
    if (i.condition === 'Refurbished') refurbished += i.onHand;
    else fresh += i.onHand;
  }
  return given ? refurbishedShare(refurbished, fresh) : null;
}

/**
 * The business case again with other assumptions, without re-planning (the task pane's editable
 * assumptions): the same opportunity figures, the overrides on top of the Assumptions table.
 */
export function rerunBusinessCase(stage: MomStage, input: PlanningInput, overrides: Partial<Record<OpportunityId, OpportunityAssumption>>): MomStage {
  const s = input.settings;
  const opportunities = buildOpportunities(stage.opportunityNumbers, { ...assumptionsFrom(input), ...overrides }, stage.currency);
  return { ...stage, portfolio: evaluatePortfolio(opportunities, { horizonYears: s.horizonYears, discountRate: s.discountRate, waves: s.implementationWaves, currency: stage.currency }) };
}

/**
 * The demand a part-location's stock serves, for excess and obsolescence: a Central's stock resupplies
 * its field locations, so its history and rate are its own customers' plus those of every field
 * location whose Parent it is (same part). Without this a Central with no customers of its own reads
 * as never demanded, and its whole stock as obsolete, while its fields draw on it every month.
 */
function centralHistories(
  rows: { count: number; partId: readonly string[]; locationId: readonly string[]; locationType: readonly string[] },
  own: readonly ArrayLike<number>[],
  locations: ReadonlyMap<string, { parent?: string | null }>,
  ownRate: ArrayLike<number>,
): { quantities: ArrayLike<number>[]; ratePerPeriod: Float64Array } {
  const quantities: ArrayLike<number>[] = own.slice();
  const ratePerPeriod = Float64Array.from(ownRate);
  const centralRow = new Map<string, number>();
  for (let i = 0; i < rows.count; i++) if (rows.locationType[i] === 'Central') centralRow.set(`${rows.partId[i]}\u0000${rows.locationId[i]}`, i);
  const summed = new Map<number, Float64Array>();
  for (let i = 0; i < rows.count; i++) {
    if (rows.locationType[i] === 'Central') continue;
    const parent = locations.get(rows.locationId[i])?.parent;
    const k = parent ? centralRow.get(`${rows.partId[i]}\u0000${parent}`) : undefined;
    if (k === undefined) continue;
    let sum = summed.get(k);
    if (!sum) {
      sum = Float64Array.from(own[k]);
      summed.set(k, sum);
    }
    const field = own[i];
    for (let t = 0; t < sum.length && t < field.length; t++) sum[t] += field[t];
    ratePerPeriod[k] += ownRate[i];
  }
  for (const [k, sum] of summed) quantities[k] = sum;
  return { quantities, ratePerPeriod };
}
