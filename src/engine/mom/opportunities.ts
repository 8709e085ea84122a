/**
 * The opportunity portfolio, business case and implementation plan (docs/methods.md › MOM assessment › Opportunities and business case).
 *
 * Each opportunity is built from the numbers behind it (computed by the other MOM modules and the
 * network engine) into an annual benefit, a one-time benefit realised in year 1 (released stock,
 * disposal proceeds) and a one-time cost at year 0. One-time costs default to the documented
 * judgement values below; the Assumptions table (phase 2) overrides any of the three figures.
 * Cash flows, NPV, IRR and payback follow finance.ts; opportunities with a positive NPV are ranked
 * by NPV per one-time cost and split into waves, quick wins first.
 */
import { evaluateCashFlows, annualCashFlows, type CashFlowEvaluation } from './finance';
import { formatMoney, formatNumber, formatPercent } from './format';
import type { Pillar } from './scorecard';

export const OPPORTUNITY_IDS = ['inventoryReduction', 'excessDisposition', 'penaltyAvoidance', 'refurbishment', 'recycling', 'centralisation'] as const;
export type OpportunityId = (typeof OPPORTUNITY_IDS)[number];

/** The numbers behind each opportunity; an opportunity whose numbers are missing is not built. */
export interface OpportunityNumbers {
  /** Current inventory vs the optimised network at equal service; the excess handled by disposition is taken out so it is not counted twice. */
  inventoryReduction?: { currentInventoryValue: number; optimisedInventoryValue: number; excessBookValue: number; holdingCostRate: number };
  /** Totals of the disposition lines (disposition.ts). */
  excessDisposition?: { units: number; bookValue: number; cashFreed: number; holdingCostFreed: number };
  /** Expected penalties a year at today's stock and at the optimised stock, and what the added stock costs. */
  penaltyAvoidance?: { currentPenalty: number; optimisedPenalty: number; extraInvestment: number; extraHoldingCost: number };
  refurbishment?: { units: number; annualSavings: number; newSalesAtRisk: number };
  recycling?: { condemnedUnits: number; annualRecovery: number };
  /**
   * Field stock released by serving field customers from the Central (the optimised network against
   * the same network served from field stock alone), the Central stock added for it, and the extra
   * emergency transport a year. With inventoryReduction, its release is the part of that reduction
   * due to centralisation: it is capped at the reduction and taken out of it (docs/methods.md §8.9).
   */
  centralisation?: { fieldStockReleased: number; centralStockAdded: number; holdingCostRate: number; annualExtraTransportCost: number };
}

/** A row of the Assumptions table: overrides of an opportunity's figures, or its exclusion. */
export interface OpportunityAssumption {
  oneTimeCost?: number;
  annualBenefit?: number;
  oneTimeBenefit?: number;
  include?: boolean;
}

/**
 * Default one-time costs, as shares of the figure named: the authors' judgement for a first
 * estimate, to be replaced in the Assumptions table by the client's quotes. Penalty avoidance has
 * no default share: its one-time cost is the purchase of the added stock.
 */
export const DEFAULT_ONE_TIME_COSTS: Record<Exclude<OpportunityId, 'penaltyAvoidance'>, { share: number; of: string }> = {
  inventoryReduction: { share: 0.1, of: 'the stock released (planning process and system change)' },
  excessDisposition: { share: 0.1, of: 'the cash freed (handling, selling and transfer)' },
  refurbishment: { share: 0.5, of: 'the first-year saving (refurbishment set-up)' },
  recycling: { share: 0.1, of: 'the annual recovery (recycling contracts)' },
  centralisation: { share: 0.05, of: 'the field stock released (transfers back to the Central)' },
};

export interface BasisItem {
  label: string;
  value: number;
  unit: 'money' | 'moneyPerYear' | 'units' | 'unitsPerYear' | 'share';
}

export interface Opportunity {
  id: OpportunityId;
  name: string;
  pillar: Pillar;
  /** Net benefit a year, at the end of each year 1 … H. */
  annualBenefit: number;
  /** Realised once, at the end of year 1. */
  oneTimeBenefit: number;
  /** Spent at year 0. */
  oneTimeCost: number;
  /** Which of the three figures come from the Assumptions table. */
  overridden: ('annualBenefit' | 'oneTimeBenefit' | 'oneTimeCost')[];
  basis: BasisItem[];
  /** KPIs and reports that monitor it. */
  metrics: string[];
  summary: string;
}

const METRICS: Record<OpportunityId, string[]> = {
  inventoryReduction: ['Inventory turns', 'Inventory investment per unit of annual demand', 'Fill rate backtested'],
  excessDisposition: ['Excess share of inventory', 'Obsolete share of inventory', 'Recovery on excess and scrap'],
  penaltyAvoidance: ['SLA penalty per year', 'Fill rate promised', 'SLA compliance by tier and month'],
  refurbishment: ['Refurbished share of repairable supply', 'Parts gross margin'],
  recycling: ['Recovery on excess and scrap'],
  centralisation: ['Same-day demand covered by field stock', 'SLA compliance by tier and month', 'Inventory turns'],
};

const NAMES: Record<OpportunityId, [string, Pillar]> = {
  inventoryReduction: ['Inventory reduction at equal service', 'Optimize'],
  excessDisposition: ['Excess stock disposition', 'Minimize'],
  penaltyAvoidance: ['SLA penalty avoidance', 'Minimize'],
  refurbishment: ['Refurbishment instead of new buys', 'Maximize'],
  recycling: ['Recycling of condemned units', 'Maximize'],
  centralisation: ['Centralisation of field stock', 'Optimize'],
};

export function buildOpportunities(numbers: OpportunityNumbers, assumptions: Partial<Record<OpportunityId, OpportunityAssumption>> = {}, currency = 'USD'): Opportunity[] {
  const money = (x: number) => formatMoney(x, currency);
  const built: Opportunity[] = [];
  const add = (id: OpportunityId, annualBenefit: number, oneTimeBenefit: number, oneTimeCost: number, basis: BasisItem[], summary: (o: Opportunity) => string) => {
    const a = assumptions[id] ?? {};
    if (a.include === false) return;
    const [name, pillar] = NAMES[id];
    const o: Opportunity = { id, name, pillar, annualBenefit, oneTimeBenefit, oneTimeCost, overridden: [], basis, metrics: METRICS[id], summary: '' };
    for (const key of ['annualBenefit', 'oneTimeBenefit', 'oneTimeCost'] as const) {
      const value = a[key];
      if (value !== undefined && Number.isFinite(value)) {
        o[key] = value;
        o.overridden.push(key);
      }
    }
    o.summary = summary(o);
    built.push(o);
  };
  const costNote = (o: Opportunity, id: Exclude<OpportunityId, 'penaltyAvoidance'>) =>
    o.overridden.includes('oneTimeCost')
      ? `one-time cost ${money(o.oneTimeCost)} (Assumptions)`
      : `one-time cost ${money(o.oneTimeCost)} (default: ${formatPercent(DEFAULT_ONE_TIME_COSTS[id].share, 0)} of ${DEFAULT_ONE_TIME_COSTS[id].of})`;

  const ir = numbers.inventoryReduction;
  const ce = numbers.centralisation;
  // The reduction today's inventory allows, and the part of it centralisation accounts for: the two are disjoint shares of one release.
  const reduction = ir ? Math.max(0, ir.currentInventoryValue - ir.optimisedInventoryValue - ir.excessBookValue) : Infinity;
  const centralRelease = ce ? Math.min(reduction, Math.max(0, ce.fieldStockReleased - ce.centralStockAdded)) : 0;
  if (ir) {
    const release = reduction - centralRelease;
    const centralNote = centralRelease > 0 ? ` and ${money(centralRelease)} counted under centralisation` : '';
    add('inventoryReduction', release * ir.holdingCostRate, release, DEFAULT_ONE_TIME_COSTS.inventoryReduction.share * release, [
      { label: 'Current inventory', value: ir.currentInventoryValue, unit: 'money' },
      { label: 'Optimised network at equal service', value: ir.optimisedInventoryValue, unit: 'money' },
      { label: 'Excess counted under disposition', value: ir.excessBookValue, unit: 'money' },
      { label: 'Release counted under centralisation', value: centralRelease, unit: 'money' },
      { label: 'Stock released', value: release, unit: 'money' },
      { label: 'Holding cost rate', value: ir.holdingCostRate, unit: 'share' },
    ], (o) =>
      `Reduce inventory at equal service: release ${money(o.oneTimeBenefit)} of stock (current ${money(ir.currentInventoryValue)} against ${money(ir.optimisedInventoryValue)} optimised, less ${money(ir.excessBookValue)} of excess counted under disposition${centralNote}) and save ${money(o.annualBenefit)} a year of holding cost; ${costNote(o, 'inventoryReduction')}.`);
  }

  const ed = numbers.excessDisposition;
  if (ed) {
    add('excessDisposition', ed.holdingCostFreed, ed.cashFreed, DEFAULT_ONE_TIME_COSTS.excessDisposition.share * ed.cashFreed, [
      { label: 'Excess units disposed of', value: ed.units, unit: 'units' },
      { label: 'Book value', value: ed.bookValue, unit: 'money' },
      { label: 'Cash freed', value: ed.cashFreed, unit: 'money' },
      { label: 'Holding cost freed', value: ed.holdingCostFreed, unit: 'moneyPerYear' },
    ], (o) =>
      `Dispose of ${formatNumber(ed.units, 0)} excess units (book value ${money(ed.bookValue)}): ${money(o.oneTimeBenefit)} cash from cancelled orders, redeployment, sale and recycling, and ${money(o.annualBenefit)} a year of holding cost; ${costNote(o, 'excessDisposition')}.`);
  }

  const pa = numbers.penaltyAvoidance;
  if (pa) {
    const avoided = pa.currentPenalty - pa.optimisedPenalty;
    add('penaltyAvoidance', avoided - pa.extraHoldingCost, 0, pa.extraInvestment, [
      { label: 'Expected penalty today', value: pa.currentPenalty, unit: 'moneyPerYear' },
      { label: 'Expected penalty with the optimised stock', value: pa.optimisedPenalty, unit: 'moneyPerYear' },
      { label: 'Stock added', value: pa.extraInvestment, unit: 'money' },
      { label: 'Holding cost added', value: pa.extraHoldingCost, unit: 'moneyPerYear' },
    ], (o) =>
      `Avoid SLA penalties: expected penalties fall from ${money(pa.currentPenalty)} to ${money(pa.optimisedPenalty)} a year; net of ${money(pa.extraHoldingCost)} a year of added holding cost that is ${money(o.annualBenefit)} a year, for ${money(o.oneTimeCost)} of added stock${o.overridden.includes('oneTimeCost') ? ' (Assumptions)' : ''}.`);
  }

  const rf = numbers.refurbishment;
  if (rf) {
    add('refurbishment', rf.annualSavings, 0, DEFAULT_ONE_TIME_COSTS.refurbishment.share * rf.annualSavings, [
      { label: 'Returned units refurbished a year', value: rf.units, unit: 'unitsPerYear' },
      { label: 'Saving a year', value: rf.annualSavings, unit: 'moneyPerYear' },
      { label: 'New-part sales at risk of cannibalisation', value: rf.newSalesAtRisk, unit: 'moneyPerYear' },
    ], (o) =>
      `Refurbish ${formatNumber(rf.units, 0)} returned units a year instead of buying new: ${money(o.annualBenefit)} a year; ${costNote(o, 'refurbishment')}.` +
      (rf.newSalesAtRisk > 0 ? ` Cannibalisation risk, not netted: up to ${money(rf.newSalesAtRisk)} a year of new-part sales.` : ''));
  }

  const rc = numbers.recycling;
  if (rc) {
    add('recycling', rc.annualRecovery, 0, DEFAULT_ONE_TIME_COSTS.recycling.share * rc.annualRecovery, [
      { label: 'Condemned units a year', value: rc.condemnedUnits, unit: 'unitsPerYear' },
      { label: 'Recovery a year', value: rc.annualRecovery, unit: 'moneyPerYear' },
    ], (o) =>
      `Recycle ${formatNumber(rc.condemnedUnits, 0)} condemned units a year at their SalvageValue: ${money(o.annualBenefit)} a year; ${costNote(o, 'recycling')}.`);
  }

  if (ce) {
    const net = ce.fieldStockReleased - ce.centralStockAdded;
    const capped = centralRelease < Math.max(0, net);
    const cappedNote = capped ? `, of which today's inventory leaves ${money(centralRelease)} to release beyond the excess counted under disposition` : '';
    // Only the field stock actually released is transferred back: its share of the net release when capped.
    const transferred = Math.max(0, ce.fieldStockReleased) * (capped ? centralRelease / net : 1);
    add('centralisation', centralRelease * ce.holdingCostRate - ce.annualExtraTransportCost, centralRelease, DEFAULT_ONE_TIME_COSTS.centralisation.share * transferred, [
      { label: 'Field stock released', value: ce.fieldStockReleased, unit: 'money' },
      { label: 'Central stock added', value: ce.centralStockAdded, unit: 'money' },
      { label: 'Stock released', value: centralRelease, unit: 'money' },
      { label: 'Holding cost rate', value: ce.holdingCostRate, unit: 'share' },
      { label: 'Extra transport a year', value: ce.annualExtraTransportCost, unit: 'moneyPerYear' },
    ], (o) =>
      `Serve field customers from the Central where its emergency delivery meets the response time: ${money(ce.fieldStockReleased)} of field stock released for ${money(ce.centralStockAdded)} added centrally, net ${money(Math.max(0, net))}${cappedNote}; ${money(o.annualBenefit)} a year net of ${money(ce.annualExtraTransportCost)} extra emergency transport; ${costNote(o, 'centralisation')}.`);
  }
  return built;
}

export interface EvaluatedOpportunity extends Opportunity, CashFlowEvaluation {
  /** NPV / one-time cost; +Infinity for a positive NPV at no one-time cost. */
  npvPerOneTimeCost: number;
  /** 1 = first in the plan; null when not in the plan (NPV ≤ 0). */
  rank: number | null;
  wave: number | null;
  waveNote: string;
}

export interface ImplementationWave {
  wave: number;
  name: string;
  opportunities: OpportunityId[];
  oneTimeCost: number;
  npv: number;
  /** The KPIs that monitor the wave's opportunities, without repeats. */
  metrics: string[];
}

export interface BusinessCase extends CashFlowEvaluation {
  opportunities: OpportunityId[];
  annualBenefit: number;
  oneTimeBenefit: number;
  oneTimeCost: number;
  headline: string;
}

export interface Portfolio {
  opportunities: EvaluatedOpportunity[];
  waves: ImplementationWave[];
  businessCase: BusinessCase;
}

export function evaluatePortfolio(opportunities: readonly Opportunity[], settings: { horizonYears: number; discountRate: number; waves?: number; currency?: string }): Portfolio {
  const currency = settings.currency ?? 'USD';
  const waveCount = settings.waves ?? 3;
  const evaluated: EvaluatedOpportunity[] = opportunities.map((o) => {
    const flows = annualCashFlows({ oneTimeCost: o.oneTimeCost, annualBenefit: o.annualBenefit, oneTimeBenefit: o.oneTimeBenefit, horizonYears: settings.horizonYears });
    const e = evaluateCashFlows(flows, settings.discountRate, currency);
    const ratio = o.oneTimeCost > 0 ? e.npv / o.oneTimeCost : e.npv > 0 ? Infinity : e.npv < 0 ? -Infinity : 0;
    return { ...o, ...e, npvPerOneTimeCost: ratio, rank: null, wave: null, waveNote: '' };
  });
  const inPlan = evaluated
    .filter((o) => o.npv > 0)
    .sort((a, b) => b.npvPerOneTimeCost - a.npvPerOneTimeCost || b.npv - a.npv || OPPORTUNITY_IDS.indexOf(a.id) - OPPORTUNITY_IDS.indexOf(b.id));
  const size = Math.max(1, Math.ceil(inPlan.length / waveCount));
  inPlan.forEach((o, i) => {
    o.rank = i + 1;
    o.wave = Math.floor(i / size) + 1;
    o.waveNote = `Wave ${o.wave}${o.wave === 1 ? ' (quick wins)' : ''}: NPV ${formatMoney(o.npv, currency)} ${o.oneTimeCost > 0 ? `for ${formatMoney(o.oneTimeCost, currency)} one-time cost, ${formatNumber(o.npvPerOneTimeCost, 1)} per unit of cost` : 'at no one-time cost'}.`;
  });
  for (const o of evaluated) {
    if (o.rank === null) o.waveNote = `Not in the plan: NPV ${formatMoney(o.npv, currency)} over ${settings.horizonYears} years at ${formatPercent(settings.discountRate, 1)} is not positive.`;
  }
  const waves: ImplementationWave[] = [];
  for (const o of inPlan) {
    let w = waves[o.wave! - 1];
    if (!w) waves.push((w = { wave: o.wave!, name: o.wave === 1 ? 'Wave 1: quick wins' : `Wave ${o.wave}`, opportunities: [], oneTimeCost: 0, npv: 0, metrics: [] }));
    w.opportunities.push(o.id);
    w.oneTimeCost += o.oneTimeCost;
    w.npv += o.npv;
    for (const m of o.metrics) if (!w.metrics.includes(m)) w.metrics.push(m);
  }
  return { opportunities: evaluated, waves, businessCase: businessCase(inPlan, settings, currency) };
}

/** The business case: the opportunities in the plan, their cash flows added year by year. */
function businessCase(inPlan: readonly EvaluatedOpportunity[], settings: { horizonYears: number; discountRate: number }, currency: string): BusinessCase {
  const flows = new Array<number>(settings.horizonYears + 1).fill(0);
  let annualBenefit = 0;
  let oneTimeBenefit = 0;
  let oneTimeCost = 0;
  for (const o of inPlan) {
    o.cashFlows.forEach((f, t) => (flows[t] += f));
    annualBenefit += o.annualBenefit;
    oneTimeBenefit += o.oneTimeBenefit;
    oneTimeCost += o.oneTimeCost;
  }
  const e = evaluateCashFlows(flows, settings.discountRate, currency);
  const money = (x: number) => formatMoney(x, currency);
  const irr = e.irr === null ? 'IRR undefined (no investment to return)' : `IRR ${formatPercent(e.irr, 1)}`;
  const payback = e.paybackMonths === null ? 'not paid back within the horizon' : `payback ${formatNumber(e.paybackMonths, 1)} months`;
  const headline =
    inPlan.length === 0
      ? 'No opportunity has a positive NPV: there is no business case to present.'
      : `${inPlan.length} ${inPlan.length === 1 ? 'opportunity' : 'opportunities'}: ${money(oneTimeCost)} one-time cost, ${money(oneTimeBenefit)} released once and ${money(annualBenefit)} a year; ` +
        `NPV ${money(e.npv)} over ${settings.horizonYears} years at ${formatPercent(settings.discountRate, 1)}, ${irr}, ${payback}.`;
  return { ...e, opportunities: inPlan.map((o) => o.id), annualBenefit, oneTimeBenefit, oneTimeCost, headline };
}
