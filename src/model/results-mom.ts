/**
 * The MOM assessment's result tables (issue 7, docs/methods.md §8), described once like the core
 * tables (results-contract.ts): excess and disposition, last-time buys, the risk register, parts
 * revenue, the scorecard (KPIs and pillars), the opportunities, the business case by year and the
 * implementation waves; and the JSON sections that are objects rather than rows (`mom`,
 * `opportunities`, `businessCase`). Every table needs the pipeline's MOM stage (context.mom).
 */
import { formatMoney, formatNumber, formatPercent, type EvaluatedOpportunity, type ImplementationWave, type KpiScore, type MonitoringCell, type PillarScore } from '../engine/mom';
import type { CoverageGap, LastTimeBuyRow, MomStage } from '../pipeline/mom-stage';
import { jsonRow, type ResultEntrySpec, type ResultTableSpec, type ResultValue } from './result-spec';
import type { ResultContext } from './results-contract';
import type { JsonSectionSpec } from './result-tables';

export const MOM_SHEETS = {
  summary: 'SPP MOM Summary',
  scores: 'SPP MOM Scores',
  assessment: 'SPP Assessment',
  opportunities: 'SPP Opportunities',
  businessCase: 'SPP Business Case',
  implementation: 'SPP Implementation',
  excess: 'SPP Excess',
  lastTimeBuy: 'SPP Last-Time Buy',
  risk: 'SPP Risk',
  revenue: 'SPP Revenue',
  monitoring: 'SPP Monitoring',
  monitoringByTier: 'SPP Monitoring by Tier',
} as const;

const mom = (c: ResultContext): MomStage => c.mom as MomStage;
const hasMom = (c: ResultContext): boolean => c.mom !== undefined;
const num = (x: number | null | undefined): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : x);
const cur = (c: ResultContext) => c.input.settings.currency;

// ---- Excess and disposition -------------------------------------------------------------------

interface ExcessRow {
  readonly i: number;
  readonly stage: MomStage;
  readonly context: ResultContext;
}

function* excessRows(c: ResultContext): Iterable<ExcessRow> {
  const stage = mom(c);
  const e = stage.excess;
  for (let i = 0; i < e.size; i++) {
    const status = e.statusAt(i);
    // Every row with an excess, and every obsolete or never-demanded row that holds stock.
    if (e.columns.excessUnits[i] > 0 || ((status === 'obsolete' || status === 'noDemand') && e.columns.position[i] > 0)) yield { i, stage, context: c };
  }
}

const EXCESS_COLUMNS: readonly ResultEntrySpec<ExcessRow>[] = [
  { key: 'partId', header: 'Part', format: 'text', unit: '', note: 'PartID of the Parts table.', value: (r) => r.context.portfolio.rows.partId[r.i], pane: true },
  { key: 'locationId', header: 'Location', format: 'text', unit: '', note: 'LocationID of the Locations table.', value: (r) => r.context.portfolio.rows.locationId[r.i], pane: true },
  { key: 'status', header: 'Status', format: 'text', unit: '', note: 'noDemand: no demand in the whole history (obsolete by definition); obsolete: none in the last ObsoleteAfterPeriods; declining: TSB demand probability below half its value a year ago; active.', value: (r) => r.stage.excess.statusAt(r.i), pane: true },
  { key: 'position', header: 'Inventory position', format: 'integer', unit: 'units', note: 'On hand + on order + in repair.', value: (r) => r.stage.excess.columns.position[r.i] },
  { key: 'targetStock', header: 'Stock to keep', format: 'integer', unit: 'units', note: 'The recommended stock; 0 for obsolete and never-demanded part-locations.', value: (r) => r.stage.excess.columns.targetStock[r.i] },
  { key: 'excessUnits', header: 'Excess units', format: 'integer', unit: 'units', note: 'Inventory position − stock to keep, when positive.', value: (r) => r.stage.excess.columns.excessUnits[r.i], pane: true },
  { key: 'monthsOfCover', header: 'Months of cover', format: 'decimal', unit: 'months', note: 'Inventory position ÷ monthly forecast (blank when the forecast is 0: cover without end).', value: (r) => num(r.stage.excess.columns.monthsOfCover[r.i]) },
  { key: 'periodsSinceDemand', header: 'Periods since demand', format: 'integer', unit: 'periods', note: 'Periods since the last period with demand (the history length when there was none).', value: (r) => r.stage.excess.columns.periodsSinceDemand[r.i] },
  { key: 'demandProbability', header: 'Demand probability now', format: 'percent', unit: 'share of periods', note: "TSB's smoothed probability of demand in a period after the history.", value: (r) => num(r.stage.excess.columns.demandProbability[r.i]) },
  { key: 'demandProbabilityBefore', header: 'Demand probability a year ago', format: 'percent', unit: 'share of periods', note: 'The same probability one year of periods earlier.', value: (r) => num(r.stage.excess.columns.demandProbabilityBefore[r.i]) },
  { key: 'value', header: 'Excess value', format: 'currency', unit: 'currency', note: 'Excess units × UnitCost.', value: (r) => r.stage.excess.columns.excessValue[r.i], pane: true },
  { key: 'disposition', header: 'Disposition', format: 'text', unit: '', note: 'Each excess unit by the waterfall: cancel (on order), redeploy to a short location of the part (nearest first), keep (repair or own use while it pays), sell (SalePrice), recycle (SalvageValue), scrap.', value: (r) => r.stage.disposition.summary[r.i] || null, width: 40, pane: true },
  { key: 'cashFreed', header: 'Cash freed', format: 'currency', unit: 'currency', note: 'Purchases avoided (cancel, redeploy) and proceeds (sell, recycle), once.', value: (r) => r.stage.disposition.cashFreed[r.i], pane: true },
  { key: 'holdingCostFreed', header: 'Holding cost freed per year', format: 'currency', unit: 'currency per year', note: 'Units leaving the location × UnitCost × holding cost rate (0 for kept units).', value: (r) => r.stage.disposition.holdingCostFreed[r.i] },
];

export const EXCESS_TABLE: ResultTableSpec<ResultContext, ExcessRow> = {
  id: 'excess',
  sheet: MOM_SHEETS.excess,
  tableName: 'SppExcess',
  json: { key: 'excess', built: true },
  summary: 'MOM: per part-location with excess or obsolete stock: status, position, stock to keep, excess units and value, months of cover, disposition, cash and holding cost freed',
  title: (c) => `Excess and obsolete stock and its disposition (${cur(c)})`,
  description: (c) => {
    const s = mom(c).excessSummary;
    return [
      `Inventory position (on hand + on order + in repair) above the recommended stock; part-locations without demand in the last ${c.input.settings.obsoleteAfterPeriods} periods, or ever, are obsolete and all their stock is excess.`,
      `${s.withExcess} part-locations hold excess worth ${money(s.excessValue, cur(c))} of a position worth ${money(s.positionValue, cur(c))}; obsolete stock ${money(s.obsoleteValue, cur(c))}.`,
      'Disposition sends each excess unit down a fixed waterfall: cancel what is on order, redeploy, keep, sell, recycle, scrap.',
    ];
  },
  rows: excessRows,
  columns: EXCESS_COLUMNS,
  when: hasMom,
};

// ---- Last-time buy ----------------------------------------------------------------------------

const LTB_COLUMNS: readonly ResultEntrySpec<LastTimeBuyRow>[] = [
  { key: 'partId', header: 'Part', format: 'text', unit: '', note: 'An EndOfLife part of the Parts table.', value: (r) => r.partId, pane: true },
  { key: 'endOfSupport', header: 'End of support', format: 'text', unit: '', note: 'EndOfSupport of the Parts table.', value: (r) => r.endOfSupport },
  { key: 'periodsRemaining', header: 'Periods to end of support', format: 'decimal', unit: 'periods', note: 'From the end of the history to EndOfSupport.', value: (r) => num(r.periodsRemaining) },
  { key: 'declineModel', header: 'Decline model', format: 'text', unit: '', note: 'exponential: demand λ(t) = exp(a + bt) fitted by Poisson regression; constant: the history mean (too little history, or no decline).', value: (r) => r.decline?.model ?? null },
  { key: 'declinePerPeriod', header: 'Decline per period', format: 'percent', unit: 'share per period', note: '1 − exp(b): the share by which demand falls each period (0 for the constant model).', value: (r) => (r.decline ? -Math.expm1(r.decline.slope) : null) },
  { key: 'expectedDemand', header: 'Expected demand to end of support', format: 'decimal', unit: 'units', note: 'Σ λ(t) over the remaining periods.', value: (r) => (r.quantity === null ? null : r.expectedDemand) },
  { key: 'expectedNeed', header: 'Expected new units needed', format: 'decimal', unit: 'units', note: 'The demand for a consumable; × ScrapRate for a repairable (the other returns are repaired).', value: (r) => (r.quantity === null ? null : r.expectedNeed) },
  { key: 'position', header: 'Inventory position', format: 'integer', unit: 'units', note: 'On hand + on order + in repair over all locations.', value: (r) => r.position },
  { key: 'quantity', header: 'Last-time buy', format: 'integer', unit: 'units', note: 'Units to buy now: the LastTimeBuyConfidence quantile of the need, less the position (blank: no last-time buy computed, see Note).', value: (r) => r.quantity, pane: true },
  { key: 'confidence', header: 'Confidence target', format: 'percent', unit: 'probability', note: 'LastTimeBuyConfidence.', value: (r) => r.confidence },
  { key: 'coverage', header: 'Coverage', format: 'percent', unit: 'probability', note: 'P(need ≤ position + last-time buy).', value: (r) => num(r.coverage), pane: true },
  { key: 'expectedLeftover', header: 'Expected leftover', format: 'decimal', unit: 'units', note: 'E[(position + buy − need)+]: units left at end of support.', value: (r) => num(r.expectedLeftover) },
  { key: 'leftoverCost', header: 'Expected leftover cost', format: 'currency', unit: 'currency', note: 'Expected leftover × UnitCost.', value: (r) => num(r.leftoverCost) },
  { key: 'expectedShortage', header: 'Expected shortage', format: 'decimal', unit: 'units', note: 'E[(need − position − buy)+]: units short before end of support.', value: (r) => num(r.expectedShortage) },
  { key: 'buyCost', header: 'Buy cost', format: 'currency', unit: 'currency', note: 'Last-time buy × UnitCost.', value: (r) => r.buyCost, pane: true },
  { key: 'note', header: 'Note', format: 'text', unit: '', note: 'The buy in words, with the decline model and the numbers.', value: (r) => r.note, width: 90 },
];

export const LAST_TIME_BUY_TABLE: ResultTableSpec<ResultContext, LastTimeBuyRow> = {
  id: 'lastTimeBuy',
  sheet: MOM_SHEETS.lastTimeBuy,
  tableName: 'SppLastTimeBuy',
  json: { key: 'lastTimeBuy', built: true },
  summary: 'MOM: per EndOfLife part: demand decline model, expected need until EndOfSupport, position, last-time buy at the confidence, expected leftover and shortage',
  title: (c) => `Last-time buys for end-of-life parts (${cur(c)})`,
  description: (c) => [
    `The quantity to buy now so that the inventory position covers the demand until EndOfSupport with probability ${pct(c.input.settings.lastTimeBuyConfidence)} (LastTimeBuyConfidence), demand declining as fitted to the history.`,
    'Repairables need new units only for condemned returns (ScrapRate). Expected leftover and shortage show the cost of the buy either way.',
  ],
  rows: (c) => mom(c).lastTimeBuys,
  columns: LTB_COLUMNS,
  when: (c) => hasMom(c) && mom(c).lastTimeBuys.length > 0,
};

// ---- Risk register ----------------------------------------------------------------------------

export interface RiskFinding {
  readonly finding: 'penaltyByTier' | 'topPenaltyDriver' | 'noSameDayCoverage' | 'penaltyExceedsHolding';
  readonly tier: string | null;
  readonly partId: string | null;
  readonly locationId: string | null;
  readonly annualPenalty: number | null;
  readonly share: number | null;
  readonly cumulativeShare: number | null;
  readonly annualMisses: number | null;
  readonly netBenefit: number | null;
  readonly leadTimeDays: number | null;
  readonly note: string;
}

function riskFindings(c: ResultContext): RiskFinding[] {
  const stage = mom(c);
  const r = stage.risk;
  const m = (x: number) => money(x, cur(c));
  const base = { tier: null, partId: null, locationId: null, annualPenalty: null, share: null, cumulativeShare: null, annualMisses: null, netBenefit: null, leadTimeDays: null };
  const out: RiskFinding[] = [];
  for (const t of r.byTier) out.push({ ...base, finding: 'penaltyByTier', tier: t.tier, annualPenalty: t.annualPenalty, share: t.share, annualMisses: t.annualMisses, note: `${t.tier}: ${fmt(t.annualMisses, 1)} units a year not filled at once, ${m(t.annualPenalty)} of expected penalties a year.` });
  for (const p of r.topParts) out.push({ ...base, finding: 'topPenaltyDriver', partId: p.partId, annualPenalty: p.annualPenalty, share: p.share, cumulativeShare: p.cumulativeShare, note: `${p.partId} drives ${pct(p.share)} of the expected penalty (${pct(p.cumulativeShare)} with the parts above it).` });
  for (const g of stage.coverageGaps) out.push({ ...base, finding: 'noSameDayCoverage', partId: g.partId, locationId: g.locationId, tier: g.tier, leadTimeDays: g.leadTimeDays, note: coverageNote(g) });
  for (const p of r.penaltyExceedsHolding) out.push({ ...base, finding: 'penaltyExceedsHolding', partId: p.partId, locationId: p.locationId, tier: stage.risk.byTier.length ? (c.portfolio.rows.slaTier[p.row] ?? null) : null, netBenefit: p.netBenefit, annualPenalty: p.penaltyAvoided, note: `The recommended stock avoids ${m(p.penaltyAvoided)} a year of penalties for ${m(p.extraHoldingCost)} a year of extra holding cost: ${m(p.netBenefit)} a year better.` });
  return out;
}

function coverageNote(g: CoverageGap): string {
  return `${g.partId} has a ${fmt(g.leadTimeDays, 0)}-day lead time and ${fmt(g.annualDemand, 1)} units a year of demand at ${g.locationId} (${g.tier}, ${fmt(g.responseHours, 0)} h), but no unit there and none that emergency delivery from the Parent brings in time: a miss waits for the supplier.`;
}

const RISK_COLUMNS: readonly ResultEntrySpec<RiskFinding>[] = [
  { key: 'finding', header: 'Finding', format: 'text', unit: '', note: 'penaltyByTier: expected penalties of a tier; topPenaltyDriver: one of the 10 parts with the largest expected penalty; noSameDayCoverage: long lead time, same-day tier, no stock that covers it; penaltyExceedsHolding: the penalties avoided exceed the holding cost of the stock that avoids them.', value: (f) => f.finding, pane: true },
  { key: 'tier', header: 'Tier', format: 'text', unit: '', note: 'SLA tier (or Standard parts).', value: (f) => f.tier },
  { key: 'partId', header: 'Part', format: 'text', unit: '', note: 'PartID.', value: (f) => f.partId, pane: true },
  { key: 'locationId', header: 'Location', format: 'text', unit: '', note: 'LocationID.', value: (f) => f.locationId },
  { key: 'annualPenalty', header: 'Expected penalty per year', format: 'currency', unit: 'currency per year', note: "Today's stock: annual demand × (1 − fill rate) × PenaltyPerMiss; for penaltyExceedsHolding the penalty the recommended stock avoids.", value: (f) => f.annualPenalty, pane: true },
  { key: 'share', header: 'Share of penalty', format: 'percent', unit: 'share', note: 'Of the total expected penalty.', value: (f) => f.share },
  { key: 'cumulativeShare', header: 'Cumulative share', format: 'percent', unit: 'share', note: 'Top drivers: this part and those above it.', value: (f) => f.cumulativeShare },
  { key: 'annualMisses', header: 'Misses per year', format: 'decimal', unit: 'units per year', note: 'Units not filled at once.', value: (f) => f.annualMisses },
  { key: 'netBenefit', header: 'Net benefit per year', format: 'currency', unit: 'currency per year', note: 'Penalty avoided − extra holding cost.', value: (f) => f.netBenefit },
  { key: 'leadTimeDays', header: 'Lead time (days)', format: 'decimal', unit: 'days', note: 'LeadTimeDays of the part.', value: (f) => f.leadTimeDays },
  { key: 'note', header: 'Note', format: 'text', unit: '', note: 'The finding in words.', value: (f) => f.note, width: 90 },
];

export const RISK_TABLE: ResultTableSpec<ResultContext, RiskFinding> = {
  id: 'risk',
  sheet: MOM_SHEETS.risk,
  tableName: 'SppRisk',
  json: { key: 'risk', built: true },
  summary: 'MOM: risk register: expected SLA penalties by tier, the top 10 parts that drive them with their share, long-lead-time parts without same-day coverage, part-locations where penalties exceed the holding cost that avoids them (penalty charts by tier and by driver)',
  title: (c) => `Risk: SLA penalty exposure and coverage (${cur(c)})`,
  description: (c) => [
    mom(c).risk.headline,
    `Penalties are those of today's stock (the plan's without an Inventory table). Same-day tiers answer within ${c.input.settings.sameDayMaxHours} h (SameDayMaxHours); a long lead time is ${c.input.settings.longLeadTimeDays} days or more (LongLeadTimeDays).`,
  ],
  rows: riskFindings,
  columns: RISK_COLUMNS,
  // The register's first rows are the tiers, then the top penalty drivers (riskFindings): each chart plots its block.
  charts: (c) => {
    const r = mom(c).risk;
    const yAxisTitle = `Expected penalty per year (${cur(c)})`;
    return [
      ...(r.byTier.length ? [{ kind: 'bar' as const, title: 'Expected SLA penalty per year by tier', xAxisTitle: 'SLA tier', yAxisTitle, categoryKey: 'tier', seriesKeys: ['annualPenalty'], rows: { first: 0, count: r.byTier.length } }] : []),
      ...(r.topParts.length ? [{ kind: 'bar' as const, title: `The ${r.topParts.length} parts that drive the expected penalty`, xAxisTitle: 'Part', yAxisTitle, categoryKey: 'partId', seriesKeys: ['annualPenalty'], rows: { first: r.byTier.length, count: r.topParts.length } }] : []),
    ];
  },
  when: hasMom,
};

// ---- Revenue ----------------------------------------------------------------------------------

interface RevenueRow {
  readonly partId: string;
  readonly annualDemand: number;
  readonly salePrice: number | null;
  readonly revenue: number | null;
  readonly margin: number | null;
  readonly revenueAtRisk: number | null;
  readonly refurbishmentSavings: number | null;
  readonly newSalesAtRisk: number | null;
  readonly condemnedRecovery: number | null;
}

function revenueRows(c: ResultContext): RevenueRow[] {
  const stage = mom(c);
  const rows = c.portfolio.rows;
  const byPart = new Map<string, { d: number; rev: number; cost: number; risk: number }>();
  for (let i = 0; i < rows.count; i++) {
    let p = byPart.get(rows.partId[i]);
    if (!p) byPart.set(rows.partId[i], (p = { d: 0, rev: 0, cost: 0, risk: 0 }));
    const d = stage.annualDemand[i];
    p.d += d;
    p.cost += d * rows.unitCost[i];
    p.risk += d * (1 - stage.currentFillRate[i]);
  }
  const refurb = new Map(stage.refurbishment.rows.map((r) => [r.partId, r]));
  return c.input.parts
    .filter((part) => byPart.has(part.id))
    .map((part) => {
      const p = byPart.get(part.id)!;
      const price = part.salePrice;
      const rf = refurb.get(part.id);
      const recovery = part.repairable && part.salvageValue !== null ? p.d * part.scrapRate * part.salvageValue : null;
      return {
        partId: part.id,
        annualDemand: p.d,
        salePrice: price,
        revenue: price === null ? null : p.d * price,
        margin: price === null ? null : p.d * price - p.cost,
        revenueAtRisk: price === null ? null : p.risk * price,
        refurbishmentSavings: rf ? rf.annualSavings : null,
        newSalesAtRisk: rf && rf.cannibalisation ? rf.newSalesAtRisk : null,
        condemnedRecovery: recovery,
      };
    });
}

const REVENUE_COLUMNS: readonly ResultEntrySpec<RevenueRow>[] = [
  { key: 'partId', header: 'Part', format: 'text', unit: '', note: 'PartID.', value: (r) => r.partId, pane: true },
  { key: 'annualDemand', header: 'Annual demand', format: 'decimal', unit: 'units per year', note: 'Forecast per period × periods per year, over all locations.', value: (r) => r.annualDemand },
  { key: 'salePrice', header: 'Sale price', format: 'currency', unit: 'currency', note: 'SalePrice (blank: the part is not sold).', value: (r) => r.salePrice },
  { key: 'revenue', header: 'Parts revenue per year', format: 'currency', unit: 'currency per year', note: 'Annual demand × SalePrice.', value: (r) => r.revenue, pane: true },
  { key: 'margin', header: 'Margin per year', format: 'currency', unit: 'currency per year', note: 'Annual demand × (SalePrice − UnitCost).', value: (r) => r.margin, pane: true },
  { key: 'revenueAtRisk', header: 'Revenue at risk per year', format: 'currency', unit: 'currency per year', note: "Annual demand × (1 − fill rate of today's stock) × SalePrice: demand not filled at once.", value: (r) => r.revenueAtRisk },
  { key: 'refurbishmentSavings', header: 'Refurbishment savings per year', format: 'currency', unit: 'currency per year', note: 'Repairable returns not refurbished today × (UnitCost − RefurbCost).', value: (r) => r.refurbishmentSavings },
  { key: 'newSalesAtRisk', header: 'New-part sales at risk (cannibalisation)', format: 'currency', unit: 'currency per year', note: 'Refurbished units × SalePrice, for parts also sold: flagged, not netted.', value: (r) => r.newSalesAtRisk },
  { key: 'condemnedRecovery', header: 'Recycling of condemned units per year', format: 'currency', unit: 'currency per year', note: 'Annual demand × ScrapRate × SalvageValue, repairable parts.', value: (r) => r.condemnedRecovery },
];

export const REVENUE_TABLE: ResultTableSpec<ResultContext, RevenueRow> = {
  id: 'revenue',
  sheet: MOM_SHEETS.revenue,
  tableName: 'SppRevenue',
  json: { key: 'revenue', built: true },
  summary: 'MOM: per part: parts revenue and margin, revenue at risk, refurbishment savings with the new-part sales they could cannibalise, recycling of condemned units',
  title: (c) => `Aftermarket revenue per part (${cur(c)} a year)`,
  description: (c) => {
    const r = mom(c).revenue;
    return [
      `Parts revenue ${money(r.revenue, cur(c))} a year at a margin of ${money(r.margin, cur(c))}${r.marginShare !== null ? ` (${pct(r.marginShare)})` : ''}; ${money(r.revenueAtRisk, cur(c))} a year is demand not filled at once.`,
      ...mom(c).refurbishment.notes,
    ];
  },
  rows: revenueRows,
  columns: REVENUE_COLUMNS,
  when: hasMom,
};

// ---- Scorecard --------------------------------------------------------------------------------

const ASSESSMENT_COLUMNS: readonly ResultEntrySpec<KpiScore>[] = [
  { key: 'pillar', header: 'Pillar', format: 'text', unit: '', note: 'Maximize (aftermarket revenue), Optimize (infrastructure and inventory) or Minimize (excess, retirement and risk).', value: (k) => k.pillar, pane: true },
  { key: 'kpi', header: 'KPI', format: 'text', unit: '', note: 'The Assessment row.', value: (k) => k.kpi, width: 36, pane: true },
  { key: 'current', header: 'Current', format: 'decimal', unit: 'the KPI unit', note: 'Computed from the data, or as entered in the Assessment table.', value: (k) => num(k.current), pane: true },
  { key: 'benchmark', header: 'Benchmark', format: 'decimal', unit: 'the KPI unit', note: 'Best in class: scores 100.', value: (k) => num(k.benchmark), pane: true },
  { key: 'floor', header: 'Floor', format: 'decimal', unit: 'the KPI unit', note: 'Worst acceptable: scores 0.', value: (k) => num(k.floor) },
  { key: 'weight', header: 'Weight', format: 'decimal', unit: '', note: 'Weight within the pillar.', value: (k) => k.weight },
  { key: 'higherIsBetter', header: 'Higher is better', format: 'text', unit: '', note: 'Yes or No.', value: (k) => (k.higherIsBetter ? 'Yes' : 'No') },
  { key: 'score', header: 'Score', format: 'decimal', unit: 'points of 100', note: '100 × (Current − Floor) / (Benchmark − Floor), clipped to 0–100.', value: (k) => num(k.score), pane: true },
  { key: 'pointsLost', header: 'Points off the pillar', format: 'decimal', unit: 'points', note: 'Weight share × (100 − score): what the gap costs the pillar score.', value: (k) => num(k.pointsLost) },
  { key: 'source', header: 'Source', format: 'text', unit: '', note: 'How Current is computed (or that it was entered) and where Benchmark and Floor come from.', value: (k) => k.source, width: 80 },
  { key: 'note', header: 'Note', format: 'text', unit: '', note: 'Why a KPI is not scored.', value: (k) => k.note || null, width: 40 },
];

export const ASSESSMENT_TABLE: ResultTableSpec<ResultContext, KpiScore> = {
  id: 'assessment',
  sheet: MOM_SHEETS.assessment,
  tableName: 'SppAssessment',
  json: { key: 'mom.kpis', built: false },
  summary: 'MOM: the scorecard per KPI: pillar, current value, benchmark, floor, weight, score 0–100, points off the pillar, source',
  title: () => 'MOM scorecard: each KPI against best in class',
  description: () => [
    'Each KPI scored 0–100 between its Floor (worst acceptable) and its Benchmark (best in class); Current is computed from the data where the data allows, otherwise taken from the Assessment table.',
    'Edit Benchmark, Floor, Weight or Current in the Assessment input table and run again; Source says where each figure comes from.',
  ],
  rows: (c) => mom(c).scorecard.kpis,
  columns: ASSESSMENT_COLUMNS,
  when: hasMom,
};

interface ScoreRow {
  readonly pillar: string;
  readonly score: number | null;
  readonly observations: string;
  readonly note: string;
}

function scoreRows(c: ResultContext): ScoreRow[] {
  const card = mom(c).scorecard;
  return [
    ...card.pillars.map((p: PillarScore) => ({ pillar: p.pillar, score: p.score, observations: p.observations.join(' '), note: p.note })),
    { pillar: 'MOM score', score: card.overall, observations: '', note: card.overallNote },
  ];
}

const SCORE_COLUMNS: readonly ResultEntrySpec<ScoreRow>[] = [
  { key: 'pillar', header: 'Pillar', format: 'text', unit: '', note: 'Maximize, Optimize, Minimize, and the overall MOM score.', value: (r) => r.pillar, pane: true },
  { key: 'score', header: 'Score', format: 'decimal', unit: 'points of 100', note: 'Weighted mean of the pillar’s KPI scores; the MOM score is the mean of the pillars.', value: (r) => num(r.score), pane: true },
  { key: 'observations', header: 'Key observations', format: 'text', unit: '', note: 'The three biggest gaps of the pillar, with their numbers.', value: (r) => r.observations || null, width: 120, pane: true },
  { key: 'note', header: 'Note', format: 'text', unit: '', note: 'KPIs left out of the score, and why.', value: (r) => r.note || null, width: 50 },
];

export const SCORES_TABLE: ResultTableSpec<ResultContext, ScoreRow> = {
  id: 'momScores',
  sheet: MOM_SHEETS.scores,
  tableName: 'SppMomScores',
  json: { key: 'mom.scores', built: false },
  summary: 'MOM: the three pillar scores and the overall MOM score, with the key observations (pillar chart)',
  title: (c) => `MOM score ${mom(c).scorecard.overall === null ? 'not available' : fmt(mom(c).scorecard.overall!, 0) + ' of 100'}`,
  description: () => ['Maximize aftermarket revenue, Optimize infrastructure and inventory, Minimize excess, retirement and risk: each pillar scored 0–100 from its KPIs (SPP Assessment).'],
  rows: scoreRows,
  columns: SCORE_COLUMNS,
  charts: () => [{ kind: 'bar', title: 'MOM pillar scores (0–100)', xAxisTitle: 'Pillar', yAxisTitle: 'Score', categoryKey: 'pillar', seriesKeys: ['score'] }],
  when: hasMom,
};

// ---- Opportunities, business case, implementation ----------------------------------------------

const OPPORTUNITY_COLUMNS: readonly ResultEntrySpec<EvaluatedOpportunity>[] = [
  { key: 'id', header: 'Opportunity ID', format: 'text', unit: '', note: 'Stable identifier (the Assumptions table names opportunities by it).', value: (o) => o.id },
  { key: 'name', header: 'Opportunity', format: 'text', unit: '', note: 'What is done.', value: (o) => o.name, width: 34, pane: true },
  { key: 'pillar', header: 'Pillar', format: 'text', unit: '', note: 'The MOM pillar it serves.', value: (o) => o.pillar },
  { key: 'annualBenefit', header: 'Annual benefit', format: 'currency', unit: 'currency per year', note: 'Net benefit a year, at the end of years 1 … HorizonYears.', value: (o) => o.annualBenefit, pane: true },
  { key: 'oneTimeBenefit', header: 'One-time benefit', format: 'currency', unit: 'currency', note: 'Released once at the end of year 1 (stock released, disposal cash).', value: (o) => o.oneTimeBenefit },
  { key: 'oneTimeCost', header: 'One-time cost', format: 'currency', unit: 'currency', note: 'Spent at year 0 (a documented default share unless the Assumptions table gives it).', value: (o) => o.oneTimeCost, pane: true },
  { key: 'npv', header: 'NPV', format: 'currency', unit: 'currency', note: 'Σ_t CF_t / (1 + DiscountRate)^t, year 0 undiscounted: Excel =CF0 + NPV(rate, CF1:CFH).', value: (o) => o.npv, pane: true },
  { key: 'irr', header: 'IRR', format: 'percent', unit: 'per year', note: 'Rate at which the NPV is 0 (blank when undefined: no sign change, or several rates).', value: (o) => num(o.irr) },
  { key: 'paybackMonths', header: 'Payback (months)', format: 'decimal', unit: 'months', note: 'Benefits of a year accrue evenly over it; blank when not paid back within the horizon.', value: (o) => num(o.paybackMonths), pane: true },
  { key: 'wave', header: 'Wave', format: 'integer', unit: '', note: 'Implementation wave, by NPV per one-time cost (blank: NPV not positive, not in the plan).', value: (o) => o.wave },
  { key: 'summary', header: 'Numbers behind it', format: 'text', unit: '', note: 'The figures the benefit and cost come from.', value: (o) => o.summary, width: 100 },
];

export const OPPORTUNITIES_TABLE: ResultTableSpec<ResultContext, EvaluatedOpportunity> = {
  id: 'opportunities',
  sheet: MOM_SHEETS.opportunities,
  tableName: 'SppOpportunities',
  json: { key: 'opportunities', built: false },
  summary: 'MOM: the opportunity portfolio: annual benefit, one-time benefit and cost, NPV, IRR, payback, wave and the numbers behind each (NPV chart)',
  title: (c) => `Opportunities over ${c.input.settings.horizonYears} years at ${pct(c.input.settings.discountRate)} (${cur(c)})`,
  description: () => [
    'Each opportunity is quantified from the same numbers as the stocking analysis; cash flows are at year ends (as Excel NPV assumes), one-time costs at year 0.',
    'One-time costs are documented default shares until the Assumptions table gives them.',
  ],
  rows: (c) => mom(c).portfolio.opportunities,
  columns: OPPORTUNITY_COLUMNS,
  charts: (c) => [{ kind: 'bar', title: 'NPV by opportunity', xAxisTitle: 'Opportunity', yAxisTitle: `NPV (${cur(c)})`, categoryKey: 'name', seriesKeys: ['npv'] }],
  when: hasMom,
};

interface CaseYear {
  readonly year: number;
  readonly cashFlow: number;
  readonly cumulative: number;
  readonly discounted: number;
  readonly discountedCumulative: number;
}

function caseYears(c: ResultContext): CaseYear[] {
  const bc = mom(c).portfolio.businessCase;
  let dc = 0;
  return bc.cashFlows.map((f, t) => {
    const d = f / Math.pow(1 + bc.discountRate, t);
    dc += d;
    return { year: t, cashFlow: f, cumulative: bc.cumulative[t], discounted: d, discountedCumulative: dc };
  });
}

const CASE_COLUMNS: readonly ResultEntrySpec<CaseYear>[] = [
  { key: 'year', header: 'Year', format: 'integer', unit: 'years', note: '0 = now (one-time costs); flows of year t at its end.', value: (y) => y.year, pane: true },
  { key: 'cashFlow', header: 'Cash flow', format: 'currency', unit: 'currency', note: 'Sum over the opportunities in the plan.', value: (y) => y.cashFlow, pane: true },
  { key: 'cumulative', header: 'Cumulative cash flow', format: 'currency', unit: 'currency', note: 'Running total.', value: (y) => y.cumulative, pane: true },
  { key: 'discounted', header: 'Discounted cash flow', format: 'currency', unit: 'currency', note: 'Cash flow / (1 + DiscountRate)^year.', value: (y) => y.discounted },
  { key: 'discountedCumulative', header: 'Cumulative discounted', format: 'currency', unit: 'currency', note: 'Running total; the last year is the NPV.', value: (y) => y.discountedCumulative },
];

export const BUSINESS_CASE_TABLE: ResultTableSpec<ResultContext, CaseYear> = {
  id: 'businessCase',
  sheet: MOM_SHEETS.businessCase,
  tableName: 'SppBusinessCase',
  json: { key: 'businessCase.years', built: false },
  summary: 'MOM: the business case by year: cash flow, cumulative, discounted (cumulative cash-flow chart); NPV, IRR and payback in the title lines',
  title: (c) => `Business case: NPV ${money(mom(c).portfolio.businessCase.npv, cur(c))}`,
  description: (c) => {
    const bc = mom(c).portfolio.businessCase;
    return [bc.headline, ...(bc.irrNote ? [bc.irrNote] : []), ...(bc.paybackNote ? [bc.paybackNote] : [])];
  },
  rows: caseYears,
  columns: CASE_COLUMNS,
  charts: (c) => [{ kind: 'line', title: 'Cumulative cash flow of the business case', xAxisTitle: 'Year', yAxisTitle: `Cumulative (${cur(c)})`, categoryKey: 'year', seriesKeys: ['cumulative', 'discountedCumulative'] }],
  when: hasMom,
};

const WAVE_COLUMNS: readonly ResultEntrySpec<ImplementationWave & { names: string }>[] = [
  { key: 'wave', header: 'Wave', format: 'integer', unit: '', note: '1 = quick wins: the highest NPV per one-time cost first.', value: (w) => w.wave, pane: true },
  { key: 'name', header: 'Name', format: 'text', unit: '', note: 'Wave name.', value: (w) => w.name },
  { key: 'opportunities', header: 'Opportunities', format: 'text', unit: '', note: 'Opportunities in the wave.', value: (w) => w.names, width: 50, pane: true },
  { key: 'oneTimeCost', header: 'One-time cost', format: 'currency', unit: 'currency', note: 'Sum over the wave.', value: (w) => w.oneTimeCost },
  { key: 'npv', header: 'NPV', format: 'currency', unit: 'currency', note: 'Sum over the wave.', value: (w) => w.npv, pane: true },
  { key: 'metrics', header: 'Metrics to monitor', format: 'text', unit: '', note: 'The KPIs and reports that show whether the wave delivers.', value: (w) => w.metrics.join('; '), width: 80 },
];

export const IMPLEMENTATION_TABLE: ResultTableSpec<ResultContext, ImplementationWave & { names: string }> = {
  id: 'implementation',
  sheet: MOM_SHEETS.implementation,
  tableName: 'SppImplementation',
  json: { key: 'implementation', built: true },
  summary: 'MOM: the implementation plan: positive-NPV opportunities in waves, quick wins first, with the metrics that monitor each wave',
  title: (c) => `Implementation plan in ${mom(c).portfolio.waves.length} waves`,
  description: (c) => [`Opportunities with a positive NPV, ranked by NPV per one-time cost and split into ImplementationWaves (${c.input.settings.implementationWaves}) waves; each with the metrics that monitor it.`],
  rows: (c) => {
    const names = new Map(mom(c).portfolio.opportunities.map((o) => [o.id, o.name]));
    return mom(c).portfolio.waves.map((w) => ({ ...w, names: w.opportunities.map((id) => names.get(id) ?? id).join('; ') }));
  },
  columns: WAVE_COLUMNS,
  when: hasMom,
};

// ---- Monitoring ------------------------------------------------------------------------------

interface MonitoringRow {
  readonly tier: string;
  readonly month: string;
  readonly cell: MonitoringCell;
  /** The model's promise for the tier (planned fill rate of the recommended stock); null by month. */
  readonly promised: number | null;
}

const MONITORING_COLUMNS: readonly ResultEntrySpec<MonitoringRow>[] = [
  { key: 'tier', header: 'Tier', format: 'text', unit: '', note: 'SLA tier of the events ("All tiers" for the monthly trend).', value: (r) => r.tier, pane: true },
  { key: 'month', header: 'Month', format: 'text', unit: '', note: 'YYYY-MM of the events ("All months" for a tier total).', value: (r) => r.month, pane: true },
  { key: 'events', header: 'Events', format: 'integer', unit: 'events', note: 'Service events (demands) in the ServiceEvents table.', value: (r) => r.cell.events },
  { key: 'fillRate', header: 'Achieved fill rate', format: 'percent', unit: 'share of events', note: 'Events filled from stock ÷ events.', value: (r) => num(r.cell.fillRate), pane: true },
  { key: 'promisedFillRate', header: 'Promised fill rate', format: 'percent', unit: 'share of demanded units', note: 'The planned fill rate of the recommended stock for the tier (SPP By Tier), next to what was achieved.', value: (r) => num(r.promised) },
  { key: 'timed', header: 'Timed events', format: 'integer', unit: 'events', note: 'Events with a ResponseHours.', value: (r) => r.cell.timed },
  { key: 'slaCompliance', header: 'SLA compliance', format: 'percent', unit: 'share of timed events', note: "Timed events answered within the tier's ResponseHours ÷ timed events.", value: (r) => num(r.cell.slaCompliance), pane: true },
];

function monitoringRows(c: ResultContext, trend: boolean): MonitoringRow[] {
  const m = mom(c).monitoring!;
  if (trend) return m.byMonth.map((cell) => ({ tier: 'All tiers', month: cell.month, cell, promised: null }));
  const promised = new Map(c.portfolio.summary.byTier.map((g) => [g.key, g.fillRate]));
  const rows: MonitoringRow[] = [];
  for (const total of m.byTier) {
    rows.push({ tier: total.tier, month: 'All months', cell: total, promised: promised.get(total.tier) ?? null });
    for (const cell of m.byTierAndMonth) if (cell.tier === total.tier) rows.push({ tier: cell.tier, month: cell.month, cell, promised: promised.get(cell.tier) ?? null });
  }
  return rows;
}

const hasEvents = (c: ResultContext) => hasMom(c) && mom(c).monitoring !== null;

export const MONITORING_TABLE: ResultTableSpec<ResultContext, MonitoringRow> = {
  id: 'monitoring',
  sheet: MOM_SHEETS.monitoring,
  tableName: 'SppMonitoring',
  json: { key: 'monitoring.byMonth', built: false },
  summary: 'MOM: with a ServiceEvents table, achieved fill rate and SLA compliance by month over all tiers (trend chart)',
  title: () => 'Monitoring: achieved fill rate and SLA compliance by month',
  description: (c) => mom(c).monitoring!.notes,
  rows: (c) => monitoringRows(c, true),
  columns: MONITORING_COLUMNS,
  charts: () => [{ kind: 'line', title: 'Monthly fill rate and SLA compliance', xAxisTitle: 'Month', yAxisTitle: 'Share', categoryKey: 'month', seriesKeys: ['fillRate', 'slaCompliance'] }],
  when: hasEvents,
};

export const MONITORING_BY_TIER_TABLE: ResultTableSpec<ResultContext, MonitoringRow> = {
  id: 'monitoringByTier',
  sheet: MOM_SHEETS.monitoringByTier,
  tableName: 'SppMonitoringByTier',
  json: { key: 'monitoring.byTier', built: false },
  summary: 'MOM: with a ServiceEvents table, achieved fill rate and SLA compliance per tier and month, next to the fill rate the plan promises',
  title: () => 'Monitoring by SLA tier: achieved against promised',
  description: () => ["Each tier's total over all months, then its months. Promised is the planned fill rate of the recommended stock (SPP By Tier): the programme is monitored with the workbook that planned it."],
  rows: (c) => monitoringRows(c, false),
  columns: MONITORING_COLUMNS,
  when: hasEvents,
};

// ---- One-page summary -------------------------------------------------------------------------

interface SummaryLine {
  readonly section: string;
  readonly item: string;
  readonly value: ResultValue;
  readonly text: string;
}

function summaryLines(c: ResultContext): SummaryLine[] {
  const stage = mom(c);
  const card = stage.scorecard;
  const bc = stage.portfolio.businessCase;
  const s = c.portfolio.summary;
  const m = (x: number) => money(x, cur(c));
  const lines: SummaryLine[] = [{ section: 'MOM score', item: 'Overall', value: num(card.overall), text: card.overallNote }];
  for (const p of card.pillars) lines.push({ section: 'MOM score', item: p.pillar, value: num(p.score), text: p.observations[0] ?? p.note });
  const top = [...stage.portfolio.opportunities].filter((o) => o.npv > 0).sort((a, b) => b.npv - a.npv).slice(0, 3);
  for (const o of top) lines.push({ section: 'Top opportunities', item: o.name, value: o.npv, text: `NPV ${m(o.npv)}; ${m(o.annualBenefit)} a year for ${m(o.oneTimeCost)} one-time${o.wave ? `; wave ${o.wave}` : ''}.` });
  lines.push({ section: 'Business case', item: 'NPV', value: bc.npv, text: bc.headline });
  lines.push({ section: 'Business case', item: 'IRR', value: num(bc.irr), text: bc.irrNote || 'Rate at which the NPV is 0.' });
  lines.push({ section: 'Business case', item: 'Payback (months)', value: num(bc.paybackMonths), text: bc.paybackNote || 'Benefits accrue evenly over each year.' });
  lines.push({ section: 'Investment', item: 'Recommended stock investment', value: s.investment, text: `${fmt(s.stock, 0)} units at ${s.partLocations} part-locations.` });
  if (stage.hasInventory) lines.push({ section: 'Investment', item: 'Current inventory position', value: stage.excessSummary.positionValue, text: `Excess ${m(stage.excessSummary.excessValue)}, obsolete ${m(stage.excessSummary.obsoleteValue)}.` });
  lines.push({ section: 'Service', item: 'Planned fill rate', value: s.fillRate, text: `Target ${pct(s.targetFillRate)}; backtested ${pct(s.backtest.achievedFillRate)}.` });
  lines.push({ section: 'Service', item: 'Expected SLA penalties per year today', value: stage.risk.annualPenalty, text: stage.risk.headline });
  const ltb = stage.lastTimeBuys.filter((l) => l.quantity !== null);
  if (ltb.length) lines.push({ section: 'End of life', item: 'Last-time buys', value: ltb.reduce((t, l) => t + l.buyCost, 0), text: `${ltb.length} end-of-life parts, ${fmt(ltb.reduce((t, l) => t + (l.quantity ?? 0), 0), 0)} units to buy now (SPP Last-Time Buy).` });
  return lines;
}

const SUMMARY_COLUMNS: readonly ResultEntrySpec<SummaryLine>[] = [
  { key: 'section', header: 'Section', format: 'text', unit: '', note: 'MOM score, top opportunities, business case, investment, service, end of life.', value: (l) => l.section, width: 18 },
  { key: 'item', header: 'Item', format: 'text', unit: '', note: 'What the line shows.', value: (l) => l.item, width: 36 },
  { key: 'value', header: 'Value', format: 'decimal', unit: 'score, currency, share or months (see Item)', note: 'Scores out of 100; money in the currency; fill rates and IRR as shares; payback in months.', value: (l) => l.value, width: 16 },
  { key: 'text', header: 'In words', format: 'text', unit: '', note: 'The line in a sentence, with its numbers.', value: (l) => l.text, width: 110 },
];

export const MOM_SUMMARY_TABLE: ResultTableSpec<ResultContext, SummaryLine> = {
  id: 'momSummary',
  sheet: MOM_SHEETS.summary,
  tableName: 'SppMomSummary',
  json: { key: 'momSummary', built: true },
  summary: 'MOM: one page for a deck: the MOM score and its pillars, the top opportunities, the business case, the headline investment and service figures',
  title: (c) => `MOM assessment — ${mom(c).scorecard.overall === null ? 'no MOM score' : `MOM score ${fmt(mom(c).scorecard.overall!, 0)} of 100`}, business case NPV ${money(mom(c).portfolio.businessCase.npv, cur(c))}`,
  description: () => ['The assessment on one page: the other SPP MOM sheets and SPP Assessment, SPP Opportunities and SPP Business Case hold the numbers behind each line.'],
  rows: summaryLines,
  columns: SUMMARY_COLUMNS,
  when: hasMom,
};

/** The MOM tables in sheet order. */
export const MOM_TABLES = [MOM_SUMMARY_TABLE, SCORES_TABLE, ASSESSMENT_TABLE, OPPORTUNITIES_TABLE, BUSINESS_CASE_TABLE, IMPLEMENTATION_TABLE, EXCESS_TABLE, LAST_TIME_BUY_TABLE, RISK_TABLE, REVENUE_TABLE, MONITORING_TABLE, MONITORING_BY_TIER_TABLE] as const;

// ---- JSON sections ----------------------------------------------------------------------------

function momJson(c: ResultContext): unknown {
  const card = mom(c).scorecard;
  const kpiJson = (k: KpiScore) => jsonRow(ASSESSMENT_COLUMNS, k);
  const pillars: Record<string, unknown> = {};
  for (const p of card.pillars) pillars[p.pillar.toLowerCase()] = { score: num(p.score), kpis: p.kpis.map(kpiJson), observations: p.observations, note: p.note };
  return { score: num(card.overall), note: card.overallNote, pillars, scores: scoreRows(c).map((r) => jsonRow(SCORE_COLUMNS, r)), kpis: card.kpis.map(kpiJson) };
}

function opportunitiesJson(c: ResultContext): unknown {
  return mom(c).portfolio.opportunities.map((o) => ({
    id: o.id,
    name: o.name,
    pillar: o.pillar,
    annualBenefit: o.annualBenefit,
    oneTimeBenefit: o.oneTimeBenefit,
    oneTimeCost: o.oneTimeCost,
    cashFlows: o.cashFlows,
    npv: o.npv,
    irr: num(o.irr),
    irrNote: o.irrNote,
    paybackMonths: num(o.paybackMonths),
    wave: o.wave,
    metrics: o.metrics,
    summary: o.summary,
  }));
}

function businessCaseJson(c: ResultContext): unknown {
  const bc = mom(c).portfolio.businessCase;
  return {
    opportunities: bc.opportunities,
    annualBenefit: bc.annualBenefit,
    oneTimeBenefit: bc.oneTimeBenefit,
    oneTimeCost: bc.oneTimeCost,
    cashFlows: bc.cashFlows,
    cumulative: bc.cumulative,
    discountRate: bc.discountRate,
    horizonYears: c.input.settings.horizonYears,
    implementationWaves: c.input.settings.implementationWaves,
    npv: bc.npv,
    irr: num(bc.irr),
    irrNote: bc.irrNote,
    paybackMonths: num(bc.paybackMonths),
    paybackNote: bc.paybackNote,
    headline: bc.headline,
    years: caseYears(c),
  };
}

export const MOM_JSON_SECTIONS: readonly JsonSectionSpec[] = [
  { key: 'mom', value: momJson, when: hasMom },
  { key: 'opportunities', value: opportunitiesJson, when: hasMom },
  { key: 'businessCase', value: businessCaseJson, when: hasMom },
  {
    key: 'monitoring',
    value: (c) => ({
      byMonth: monitoringRows(c, true).map((r) => jsonRow(MONITORING_COLUMNS, r)),
      byTier: monitoringRows(c, false).map((r) => jsonRow(MONITORING_COLUMNS, r)),
      total: jsonRow(MONITORING_COLUMNS, { tier: 'All tiers', month: 'All months', cell: mom(c).monitoring!.total, promised: c.portfolio.summary.fillRate }),
      unknownTierEvents: mom(c).monitoring!.unknownTierEvents,
      notes: mom(c).monitoring!.notes,
    }),
    when: hasEvents,
  },
];

// ---- Formatting -------------------------------------------------------------------------------

const fmt = (x: number, decimals: number): string => formatNumber(x, decimals);
const money = (x: number, currency: string): string => formatMoney(x, currency);
const pct = (x: number): string => formatPercent(x, 1);
