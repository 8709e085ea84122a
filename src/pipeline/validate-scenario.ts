/**
 * A scenario's overrides (settings and tier targets, from the task pane or stored in the workbook)
 * go through the same contract rules as the workbook's Settings and SLATiers cells, with the same
 * messages: a stored target of 1.5 is an error, not a stock of 254. Scenario values have no cell,
 * so their issues name the scenario instead.
 */
import { SETTINGS_SPEC, tableSpec, type SettingSpec } from '../model/contract';
import type { Settings, ValidationIssue } from '../model/types';
import type { Scenario } from './run';
import { convertCell } from './validateCells';
import { settingField } from './validateSettings';

const SPEC_BY_FIELD = new Map<string, SettingSpec>(SETTINGS_SPEC.map((spec) => [settingField(spec.key), spec]));
const TARGET_RULE = tableSpec('SLATiers').columns.find((column) => column.key === 'TargetFillRate')!;

export interface ScenarioValidation {
  /** The overrides converted to their types (text "0.3" → 0.3); only valid ones. */
  readonly settings: Partial<Settings>;
  readonly tierTargets: Record<string, number>;
  readonly issues: ValidationIssue[];
}

/** `label` names the scenario in messages: `Scenario`, or `Scenario "Budget 2 M"` for a named one. */
export function validateScenario(scenario: Scenario, tierNames: ReadonlySet<string> | null, label = 'Scenario'): ScenarioValidation {
  const issues: ValidationIssue[] = [];
  const issue = (severity: ValidationIssue['severity'], message: string) => issues.push({ severity, sheet: '', cell: '', message: `${label}: ${message}` });
  const settings: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(scenario.settings ?? {})) {
    if (value === undefined) continue;
    const spec = SPEC_BY_FIELD.get(field);
    if (!spec) {
      issue('warning', `unknown setting "${field}" is ignored`);
      continue;
    }
    const conversion = convertCell(value as string | number | boolean, spec);
    if (!conversion.ok) issue('error', conversion.message);
    else if (conversion.value === null) issue('error', `${spec.key} is empty; remove the override to use the workbook's value`);
    else {
      if (conversion.implausible) issue('warning', conversion.implausible);
      settings[field] = conversion.value;
    }
  }
  const tierTargets: Record<string, number> = {};
  for (const [tier, value] of Object.entries(scenario.tierTargets ?? {})) {
    if (tierNames !== null && !tierNames.has(tier)) {
      issue('warning', `the target for tier "${tier}" is ignored: SLATiers has no such tier`);
      continue;
    }
    const conversion = convertCell(value, TARGET_RULE);
    if (!conversion.ok || typeof conversion.value !== 'number') issue('error', `tier ${tier}: ${conversion.ok ? `${TARGET_RULE.key} is empty` : conversion.message}`);
    else tierTargets[tier] = conversion.value;
  }
  return { settings: settings as Partial<Settings>, tierTargets, issues };
}
