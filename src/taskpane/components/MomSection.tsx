/**
 * The MOM assessment in the Results tab: the scorecard (pillar scores with their key
 * observations) and the business case headline, then the opportunities with editable annual
 * benefit and one-time cost that re-run only the business case (no re-planning). Tables come from
 * the results contract like the other result tables.
 */
import { Body1, Subtitle2 } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { OpportunityId } from '../../engine/mom';
import { jsonRow } from '../../model/result-spec';
import { OPPORTUNITIES_TABLE, SCORES_TABLE } from '../../model/results-mom';
import type { AnalysisResult } from '../../pipeline/results';
import { hasBusinessCase, rerunBusinessCase, type AssumptionEdit } from '../state/business-case';
import { formatResultValue } from '../state/format';
import { tableRows } from '../state/result-rows';
import { ContractTable } from './ContractTable';
import { usePanelStyles } from './layout-styles';
import { NumberField } from './NumberField';

const MONEY_RULE = { min: 0 };
/** An annual benefit may be negative (an opportunity that costs more a year than it saves). */
const BENEFIT_RULE = { min: -1e15 };

export function MomSection({ result }: { result: AnalysisResult }) {
  const panel = usePanelStyles();
  const currency = result.summary.currency;
  const [edits, setEdits] = useState<Partial<Record<OpportunityId, AssumptionEdit>>>({});
  const portfolio = useMemo(() => (hasBusinessCase(result) ? rerunBusinessCase(result, edits, currency) : null), [result, edits, currency]);
  if (!portfolio) return null;
  const edit = (id: OpportunityId, key: keyof AssumptionEdit, value: number | undefined) => setEdits((all) => ({ ...all, [id]: { ...all[id], [key]: value } }));
  const bc = portfolio.businessCase;
  const original = result.opportunities as { id: OpportunityId; annualBenefit: number; oneTimeCost: number }[];
  return (
    <section className={panel.section} aria-label="MOM assessment" data-testid="mom">
      <ContractTable spec={SCORES_TABLE} rows={tableRows(result, SCORES_TABLE)} currency={currency} title="MOM scorecard" description="Maximize, Optimize and Minimize scored 0–100 against best-in-class benchmarks (SPP Assessment holds every KPI)." />
      <Subtitle2 as="h3">Business case</Subtitle2>
      <Body1 data-testid="business-case-headline">{bc.headline}</Body1>
      <ContractTable
        spec={OPPORTUNITIES_TABLE}
        rows={portfolio.opportunities.map((o) => jsonRow(OPPORTUNITIES_TABLE.columns, o))}
        currency={currency}
        title="Opportunities"
        description={`NPV over ${(result.businessCase as { horizonYears: number }).horizonYears} years; edit the figures below to re-run the business case without re-planning.`}
      />
      <div data-testid="mom-assumptions">
      {original.map((o) => (
        <div key={o.id} data-testid={`assumption-${o.id}`}>
          <NumberField
            label={`${portfolio.opportunities.find((p) => p.id === o.id)?.name ?? o.id}: annual benefit`}
            value={edits[o.id]?.annualBenefit}
            placeholder={formatResultValue(o.annualBenefit, 'currency', currency)}
            rule={BENEFIT_RULE}
            testId={`annual-benefit-${o.id}`}
            onChange={(v) => edit(o.id, 'annualBenefit', v)}
            onValidity={() => undefined}
          />
          <NumberField
            label="One-time cost"
            value={edits[o.id]?.oneTimeCost}
            placeholder={formatResultValue(o.oneTimeCost, 'currency', currency)}
            rule={MONEY_RULE}
            testId={`one-time-cost-${o.id}`}
            onChange={(v) => edit(o.id, 'oneTimeCost', v)}
            onValidity={() => undefined}
          />
        </div>
      ))}
      </div>
    </section>
  );
}
