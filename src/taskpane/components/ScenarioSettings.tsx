/**
 * The run's scenario settings: forecast method, holding cost rate, stocking mode (and budget), and
 * target fill rate per SLA tier.
 * Blank means "as in the workbook": each field shows the workbook's value (or the default where the
 * workbook gives none) as its placeholder and hint, and the run's message where that value is not valid.
 */
import { Caption1, Field, Select, Subtitle2 } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { FORECAST_METHODS, STOCKING_MODES, type ForecastMethodSetting, type StockingMode } from '../../model/contract';
import type { Scenario } from '../../pipeline/run';
import type { InputInspection } from '../state/input-inspection';
import { BUDGET_RULE, HOLDING_COST_RATE_RULE, TARGET_FILL_RATE_RULE } from '../state/number-input';
import { withBudgetAmount, withForecastMethod, withHoldingCostRate, withStockingMode, withTierTarget } from '../state/scenario-edit';
import { formatPercent } from '../state/format';
import { fieldDefault, plainNumber, type WorkbookValue } from '../state/workbook-values';
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
  const method = workbook ? fieldDefault(workbook.forecastMethod, String) : null;
  const holding = workbook ? fieldDefault(workbook.holdingCostRate, share, plainNumber) : null;
  return (
    <section className={panel.section} aria-label="Scenario">
      <Subtitle2 as="h3">Scenario</Subtitle2>
      <Field
        label="Forecast method"
        hint={method?.hint ?? undefined}
        validationState={method?.problem ? 'warning' : undefined}
        validationMessage={method?.problem ?? undefined}
      >
        <Select
          value={scenario.settings?.forecastMethod ?? ''}
          data-testid="forecast-method"
          onChange={(_, data) => onChange((s) => withForecastMethod(s, (data.value || undefined) as ForecastMethodSetting | undefined))}
        >
          <option value="">{methodDefaultLabel(workbook?.forecastMethod)}</option>
          {FORECAST_METHODS.map((name) => (
            <option key={name} value={name}>
              {name === 'Auto' ? 'Auto (best backtest per part-location)' : name}
            </option>
          ))}
        </Select>
      </Field>
      <NumberField
        label="Holding cost rate (per year, share of unit cost)"
        value={scenario.settings?.holdingCostRate}
        placeholder={holding?.placeholder ?? ''}
        hint={holding?.hint ?? undefined}
        warning={holding?.problem}
        rule={HOLDING_COST_RATE_RULE}
        testId="holding-cost-rate"
        onChange={(value) => onChange((s) => withHoldingCostRate(s, value))}
        onValidity={validity('holdingCostRate')}
      />
      <Field label="Stocking mode" hint="Target: least investment meeting every tier over the network; Budget: the best service for the budget; Independent: each part-location on its own.">
        <Select
          value={scenario.settings?.stockingMode ?? ''}
          data-testid="stocking-mode"
          onChange={(_, data) => onChange((s) => withStockingMode(s, (data.value || undefined) as StockingMode | undefined))}
        >
          <option value="">As in the workbook</option>
          {STOCKING_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {mode}
            </option>
          ))}
        </Select>
      </Field>
      {scenario.settings?.stockingMode === 'Budget' && (
        <NumberField
          label="Budget (stock investment)"
          value={scenario.settings?.budget}
          placeholder="As in the workbook"
          rule={BUDGET_RULE}
          testId="budget"
          onChange={(value) => onChange((s) => withBudgetAmount(s, value))}
          onValidity={validity('budget')}
        />
      )}
      {tiers.length > 0 && (
        <fieldset className={panel.section} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <legend>
            <Subtitle2>Target fill rate by SLA tier</Subtitle2>
          </legend>
          <Caption1 className={panel.muted}>Fractions such as 0.95; blank keeps the SLATiers value.</Caption1>
          {tiers.map(({ tier, target }) => {
            const shown = fieldDefault(target, share, plainNumber);
            return (
              <NumberField
                key={tier}
                label={tier}
                value={scenario.tierTargets?.[tier]}
                placeholder={shown.placeholder}
                hint={shown.hint ?? undefined}
                warning={shown.problem}
                rule={TARGET_FILL_RATE_RULE}
                testId={`tier-target-${tier}`}
                onChange={(value) => onChange((s) => withTierTarget(s, tier, value))}
                onValidity={validity(`tier:${tier}`)}
              />
            );
          })}
        </fieldset>
      )}
    </section>
  );
}

/** A share as the fields take it and as a percentage: `0.95 (95.0%)`. */
function share(value: number): string {
  return `${plainNumber(value)} (${formatPercent(value)})`;
}

/** The blank choice of the forecast method: what it stands for and where that comes from. */
function methodDefaultLabel(entry: WorkbookValue<ForecastMethodSetting> | undefined): string {
  if (!entry) return 'As in the workbook';
  if (entry.value === null) return `As in the workbook (${entry.written ?? 'blank'}, not valid)`;
  return entry.source === 'default' ? `Default (${entry.value})` : `As in the workbook (${entry.value})`;
}
