/** The plain-text summary `spp analyze` prints. */
import type { AnalysisResult } from '../pipeline/results';
import { formatIssue, type ValidationIssue } from '../model/types';

const percent = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : `${(x * 100).toFixed(1)}%`);
const money = (x: number, currency: string) => `${currency} ${Math.round(x).toLocaleString('en-US')}`;
const count = (x: number) => Math.round(x).toLocaleString('en-US');

export function summaryText(result: AnalysisResult): string {
  const s = result.summary;
  const bt = s.backtest;
  const classes = Object.entries(s.demandClasses)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${c} ${count(n)}`)
    .join(', ');
  const methods = Object.entries(s.methods)
    .map(([m, n]) => `${m} ${count(n ?? 0)}`)
    .join(', ');
  const lines = [
    `Planned ${count(s.partLocations)} part-locations (${count(s.parts)} parts at ${count(s.locations)} locations), ${s.periods} ${s.periodLength === 'Week' ? 'weeks' : 'months'} ${s.firstPeriod} … ${s.lastPeriod}`,
    `  Demand classes:        ${classes}`,
    `  Forecast methods:      ${methods}`,
    `  Recommended stock:     ${count(s.stock)} units, investment ${money(s.investment, s.currency)}, holding ${money(s.annualHoldingCost, s.currency)}/year`,
    `  Fill rate:             target ${percent(s.targetFillRate)}, planned ${percent(s.fillRate)}; expected SLA penalties ${money(s.expectedAnnualPenalty, s.currency)}/year`,
    `  Backtest (held out):   target ${percent(bt.targetFillRate)}, promised ${percent(bt.promisedFillRate)}, achieved ${percent(bt.achievedFillRate)} on ${count(bt.demand)} units at ${count(bt.evaluated)} part-locations`,
  ];
  if (s.inventory) {
    lines.push(
      `  Current inventory:     ${money(s.inventory.onHandValue, s.currency)} on hand; ${money(s.inventory.excessValue, s.currency)} above and ${money(s.inventory.shortfallValue, s.currency)} short of the recommendation`,
    );
  }
  lines.push(...networkLines(result, s.currency), ...momLines(result, s.currency));
  return lines.join('\n');
}

/** The JSON sections the summary reads (results-network.ts, results-mom.ts); absent when the run had no network plan or no MOM stage. */
interface NetworkSections {
  networkPlan?: { mode: string; investment: number; fillRateWithinResponse: number | null };
  tiers?: { tier: string; annualDemand: number; targetFillRate: number | null; fillRateWithinResponse: number | null }[];
}
interface MomSections {
  mom?: { score: number | null; pillars: Record<'maximize' | 'optimize' | 'minimize', { score: number | null }> };
  businessCase?: { opportunities: string[]; npv: number; irr: number | null; paybackMonths: number | null; horizonYears: number; discountRate: number };
}

const score = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(1));

/** The network plan's investment and fill within response per tier with demand, against its target (the Total row has none). */
function networkLines(result: AnalysisResult & NetworkSections, currency: string): string[] {
  const plan = result.networkPlan;
  if (!plan) return [];
  const tiers = (result.tiers ?? []).filter((t) => t.annualDemand > 0 && t.targetFillRate !== null).map((t) => `${t.tier} ${percent(t.fillRateWithinResponse)} of ${percent(t.targetFillRate)}`);
  return [
    `  Network plan:          ${plan.mode} mode, investment ${money(plan.investment, currency)}, fill within response ${percent(plan.fillRateWithinResponse)}`,
    ...(tiers.length ? [`  By tier (of target):   ${tiers.join(', ')}`] : []),
  ];
}

/** The MOM score with its pillars, and the business case's NPV, IRR and payback. */
function momLines(result: AnalysisResult & MomSections, currency: string): string[] {
  const lines: string[] = [];
  const mom = result.mom;
  if (mom) {
    const p = mom.pillars;
    lines.push(`  MOM score:             ${score(mom.score)} of 100 (Maximize ${score(p.maximize.score)}, Optimize ${score(p.optimize.score)}, Minimize ${score(p.minimize.score)})`);
  }
  const bc = result.businessCase;
  if (bc) {
    if (bc.opportunities.length === 0) lines.push('  Business case:         none (no opportunity has a positive NPV)');
    else {
      const irr = bc.irr === null || !Number.isFinite(bc.irr) ? 'IRR undefined' : `IRR ${percent(bc.irr)}`;
      const payback = bc.paybackMonths === null || !Number.isFinite(bc.paybackMonths) ? `no payback within ${bc.horizonYears} years` : `payback ${bc.paybackMonths.toFixed(1)} months`;
      const n = bc.opportunities.length;
      lines.push(`  Business case:         NPV ${money(bc.npv, currency)} over ${bc.horizonYears} years at ${percent(bc.discountRate)}, ${irr}, ${payback} (${n} opportunit${n === 1 ? 'y' : 'ies'})`);
    }
  }
  return lines;
}

/** Errors first, then warnings, one per line, prefixed by severity. */
export function issuesText(issues: ValidationIssue[]): string {
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  const lines: string[] = [];
  if (errors.length) lines.push(`${errors.length} error${errors.length === 1 ? '' : 's'}:`, ...errors.map((i) => `  ${formatIssue(i)}`));
  if (warnings.length) lines.push(`${warnings.length} warning${warnings.length === 1 ? '' : 's'}:`, ...warnings.map((i) => `  ${formatIssue(i)}`));
  return lines.join('\n');
}
