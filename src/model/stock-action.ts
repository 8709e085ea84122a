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
  /** 'month' or 'week'. */
  periodWord?: string;
}

/** `1 unit`, `2 units`. */
const unitCount = (x: number): string => `${Math.round(x)} unit${Math.round(x) === 1 ? '' : 's'}`;

/**
 * The rule behind the stock level, with the numbers it used (the rules are in
 * src/engine/stock-rule.ts; plan.reasonCode names the one that applied).
 */
export function stockReason({ plan, targetFillRate, criticality, slaTier, leadTimeDays, periodWord = 'month' }: ReasonInput): string {
  const periods = (k: number): string => `${Math.round(k)} ${periodWord}${Math.round(k) === 1 ? '' : 's'}`;
  const history = `${unitCount(plan.totalQuantity)} in ${periods(plan.periods)}`;
  switch (plan.reasonCode) {
    case 'noDemand':
      return 'Not stocked: no demand in the history';
    case 'forecastZero':
      return 'Not stocked: the forecast expects no more demand';
    case 'obsolete':
      return `Not stocked: no demand for ${periods(plan.periodsWithoutDemand)}`;
    case 'obsoleteInsurance':
      return plan.stock > 0 ? `Stocked ${plan.stock} as insurance: no demand for ${periods(plan.periodsWithoutDemand)} (Critical part)` : `Not stocked: no demand for ${periods(plan.periodsWithoutDemand)}`;
    case 'fewUnits':
      return `Not stocked: ${history}`;
    case 'fewUnitsInsurance':
      return plan.stock > 0 ? `Stocked ${plan.stock} as insurance: ${history} (Critical part)` : `Not stocked: ${history}`;
    default:
      break;
  }
  const whose = criticality === 'Standard' ? 'the Standard parts’ target' : slaTier ? `the target of tier ${slaTier}` : 'the target';
  const distribution =
    plan.leadTimeModel === 'Compound'
      ? `${units(plan.occurrencesPerPeriod)} demands per ${periodWord} of ${units(plan.meanOrderSize)} units on average`
      : plan.distribution === 'NegativeBinomial'
        ? 'negative binomial'
        : 'Poisson';
  const demand = `lead-time demand ${units(plan.leadTimeDemandMean)} units over ${units(leadTimeDays)} days (${distribution})`;
  // Calibration = Auto: the promise is the calibration map of the model's fill rate (docs/methods.md §6.1).
  const calibrated = plan.fillRate !== plan.modelFillRate;
  if (calibrated && plan.fillRate < targetFillRate - 1e-9) {
    return `Stocked ${plan.stock}: ${whose} of ${percent(targetFillRate)} is out of reach on the backtests of your history, which achieved at most ${percent(plan.fillRate)} at this stock (model ${percent(plan.modelFillRate)}), and more stock did not raise it; ${demand}`;
  }
  if (calibrated) return `Stocked ${plan.stock}: calibrated fill rate ${percent(plan.fillRate)} (model ${percent(plan.modelFillRate)}) meets ${whose} of ${percent(targetFillRate)}; ${demand}`;
  return `Stocked ${plan.stock}: stock meets ${whose} of ${percent(targetFillRate)}; ${demand}`;
}
