/**
 * The run's scenario settings: forecast method, holding cost rate and target fill rate per SLA tier.
 * Blank means "as in the workbook"; the workbook's values are shown as placeholders.
 */
import { Caption1, Field, Select, Subtitle2 } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { FORECAST_METHODS, type ForecastMethodSetting } from '../../model/contract';
import type { Scenario } from '../../pipeline/run';
import type { InputInspection } from '../state/input-inspection';
import { HOLDING_COST_RATE_RULE, TARGET_FILL_RATE_RULE } from '../state/number-input';
import { withForecastMethod, withHoldingCostRate, withTierTarget } from '../state/scenario-edit';
import { usePanelStyles } from './layout-styles';
import { NumberField } from './NumberField';

export interface ScenarioSettingsProps {
  scenario: Scenario;
  inspection: InputInspection | null;
  onChange(update: (current: Scenario) => Scenario): void;
  /** False while any field holds text that is not a valid value. */
  onValidity(valid: boolean): void;
}

export function ScenarioSettings({ scenario, inspection, onChange, onValidity }: ScenarioSettingsProps) {
  const panel = usePanelStyles();
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => onValidity(invalid.size === 0), [invalid, onValidity]);
  const validity = (field: string) => (valid: boolean) =>
    setInvalid((current) => {
      if (valid === !current.has(field)) return current;
      const next = new Set(current);
      if (valid) next.delete(field);
      else next.add(field);
      return next;
    });

  const workbook = inspection?.settings;
  const tiers = inspection?.tiers ?? [];
  return (
    <section className={panel.section} aria-label="Scenario">
      <Subtitle2 as="h3">Scenario</Subtitle2>
      <Field label="Forecast method">
        <Select
          value={scenario.settings?.forecastMethod ?? ''}
          data-testid="forecast-method"
          onChange={(_, data) => onChange((s) => withForecastMethod(s, (data.value || undefined) as ForecastMethodSetting | undefined))}
        >
          <option value="">{`As in Settings (${workbook?.forecastMethod ?? 'Auto'})`}</option>
          {FORECAST_METHODS.map((method) => (
            <option key={method} value={method}>
              {method === 'Auto' ? 'Auto (best backtest per part-location)' : method}
            </option>
          ))}
        </Select>
      </Field>
      <NumberField
        label="Holding cost rate (per year, share of unit cost)"
        value={scenario.settings?.holdingCostRate}
        placeholder={workbook ? `${workbook.holdingCostRate} (workbook)` : ''}
        rule={HOLDING_COST_RATE_RULE}
        testId="holding-cost-rate"
        onChange={(value) => onChange((s) => withHoldingCostRate(s, value))}
        onValidity={validity('holdingCostRate')}
      />
      {tiers.length > 0 && (
        <fieldset className={panel.section} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <legend>
            <Subtitle2>Target fill rate by SLA tier</Subtitle2>
          </legend>
          <Caption1 className={panel.muted}>Fractions such as 0.95; blank keeps the SLATiers value.</Caption1>
          {tiers.map((tier) => (
            <NumberField
              key={tier.tier}
              label={tier.tier}
              value={scenario.tierTargets?.[tier.tier]}
              placeholder={Number.isFinite(tier.targetFillRate) ? `${tier.targetFillRate} (workbook)` : ''}
              rule={TARGET_FILL_RATE_RULE}
              testId={`tier-target-${tier.tier}`}
              onChange={(value) => onChange((s) => withTierTarget(s, tier.tier, value))}
              onValidity={validity(`tier:${tier.tier}`)}
            />
          ))}
        </fieldset>
      )}
    </section>
  );
}
