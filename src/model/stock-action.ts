/**
 * What a planner reads in the Stock sheet's Action and Reason columns: the recommendation against
 * the current inventory in words, and the rule that set the stock level.
 */
import type { PartLocationPlan } from '../engine/plan-table';

/** `Order 3`, `Excess 2`, `Hold`; without inventory, the level to keep. */
export function stockAction(stock: number, onHand: number): string {
  if (Number.isNaN(onHand)) return stock > 0 ? `Keep ${stock} (no inventory given)` : 'None (no inventory given)';
  const gap = stock - Math.floor(onHand);
  if (gap > 0) return `Order ${gap}`;
  if (gap < 0) return `Excess ${-gap}`;
  return 'Hold';
}

/** 0.95 → `95%`, 0.975 → `97.5%`. */
const percent = (share: number): string => `${Number((100 * share).toFixed(1))}%`;

/** 12.34 → `12.3`, 1.3 → `1.3`, 0.0016 → `0.0016`: enough digits to read, no more. */
function units(x: number): string {
  if (x >= 10) return String(Number(x.toFixed(1)));
  if (x >= 0.01) return String(Number(x.toFixed(2)));
  return String(Number(x.toPrecision(2)));
}

export interface ReasonInput {
  plan: PartLocationPlan;
  targetFillRate: number;
  criticality: 'Critical' | 'Standard';
  slaTier: string | null;
  leadTimeDays: number;
}

/**
 * The rule behind the stock level, with the numbers it used. (Decision-quality rules such as
 * insurance stock or obsolescence add their own reasons; until then every level is set by the target.)
 */
export function stockReason({ plan, targetFillRate, criticality, slaTier, leadTimeDays }: ReasonInput): string {
  if (!(plan.ratePerPeriod > 0)) {
    return plan.totalQuantity > 0 ? 'Not stocked: the forecast expects no more demand' : 'Not stocked: no demand in the history';
  }
  const whose = criticality === 'Standard' ? 'the Standard parts’ target' : slaTier ? `tier ${slaTier}’s target` : 'the target';
  const distribution = plan.distribution === 'NegativeBinomial' ? 'negative binomial' : 'Poisson';
  return `Stocked ${plan.stock} for ${whose} of ${percent(targetFillRate)}: lead-time demand ${units(plan.leadTimeDemandMean)} units over ${units(leadTimeDays)} days (${distribution})`;
}
