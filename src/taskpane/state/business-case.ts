/**
 * The task pane's editable assumptions: the business case again from the run's opportunities
 * (the `opportunities` and `businessCase` JSON sections) with other annual benefits or one-time
 * costs, without re-planning — the engine's own evaluatePortfolio (NPV, IRR, payback, waves) on
 * the same opportunities, the edits on top.
 */
import { evaluatePortfolio, type Opportunity, type OpportunityId, type Pillar, type Portfolio } from '../../engine/mom';
import type { AnalysisResult } from '../../pipeline/results';

export interface AssumptionEdit {
  annualBenefit?: number;
  oneTimeCost?: number;
}

interface OpportunityJson {
  id: OpportunityId;
  name: string;
  pillar: Pillar;
  annualBenefit: number;
  oneTimeBenefit: number;
  oneTimeCost: number;
  metrics: string[];
  summary: string;
}

interface BusinessCaseJson {
  horizonYears: number;
  discountRate: number;
  implementationWaves: number;
}

/** Whether the run has a business case to edit. */
export function hasBusinessCase(result: AnalysisResult): boolean {
  return Array.isArray(result.opportunities) && typeof result.businessCase === 'object' && result.businessCase !== null;
}

export function rerunBusinessCase(result: AnalysisResult, edits: Partial<Record<OpportunityId, AssumptionEdit>>, currency: string): Portfolio {
  const settings = result.businessCase as BusinessCaseJson;
  const opportunities = (result.opportunities as OpportunityJson[]).map((o): Opportunity => {
    const edit = edits[o.id] ?? {};
    const overridden: Opportunity['overridden'] = [];
    if (edit.annualBenefit !== undefined) overridden.push('annualBenefit');
    if (edit.oneTimeCost !== undefined) overridden.push('oneTimeCost');
    return {
      id: o.id,
      name: o.name,
      pillar: o.pillar,
      annualBenefit: edit.annualBenefit ?? o.annualBenefit,
      oneTimeBenefit: o.oneTimeBenefit,
      oneTimeCost: edit.oneTimeCost ?? o.oneTimeCost,
      overridden,
      basis: [],
      metrics: o.metrics,
      summary: o.summary,
    };
  });
  return evaluatePortfolio(opportunities, { horizonYears: settings.horizonYears, discountRate: settings.discountRate, waves: settings.implementationWaves, currency });
}
