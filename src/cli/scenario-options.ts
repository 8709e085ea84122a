/**
 * The scenario options of `spp analyze`: `--scenario NAME` picks (or names) a scenario kept in the
 * workbook, `--set KEY=VALUE`, `--target TIER=VALUE` and `--budget N` override its values. Values
 * stay text here: the run validates them by the workbook's own rules, with the same messages.
 */
import { normalizeHeader, SETTINGS_SPEC } from '../model/contract';
import { BASE_SCENARIO, type ChosenScenario, type NamedScenario, type ScenarioBook } from '../pipeline/scenario-book';
import { settingField } from '../pipeline/validateSettings';
import { UsageError } from './exit-codes';

/** A run made with overrides but no --scenario is kept under this name, so it can be compared and run again. */
export const COMMAND_LINE_SCENARIO = 'Command line';

export interface ScenarioOptions {
  scenario?: string;
  set?: string[];
  target?: string[];
  budget?: string;
}

const SETTING_BY_NAME = new Map<string, string>();
for (const spec of SETTINGS_SPEC) for (const name of [spec.key, ...spec.synonyms]) if (!SETTING_BY_NAME.has(normalizeHeader(name))) SETTING_BY_NAME.set(normalizeHeader(name), spec.key);

function pair(text: string, option: string): [string, string] {
  const at = text.indexOf('=');
  if (at <= 0 || at === text.length - 1) throw new UsageError(`${option} takes KEY=VALUE, found "${text}".`);
  return [text.slice(0, at).trim(), text.slice(at + 1).trim()];
}

/** The overrides the options give, or null when they give none. */
export function overridesFrom(options: ScenarioOptions): NamedScenario | null {
  const settings: Record<string, string> = {};
  for (const text of options.set ?? []) {
    const [name, value] = pair(text, '--set');
    const key = SETTING_BY_NAME.get(normalizeHeader(name));
    if (!key) throw new UsageError(`--set ${name}: no such setting (settings: ${SETTINGS_SPEC.map((s) => s.key).join(', ')}).`);
    settings[settingField(key)] = value;
  }
  if (options.budget !== undefined) {
    settings.stockingMode = 'Budget';
    settings.budget = options.budget;
  }
  const tierTargets: Record<string, string> = {};
  for (const text of options.target ?? []) {
    const [tier, value] = pair(text, '--target');
    tierTargets[tier] = value;
  }
  const out: NamedScenario = {};
  if (Object.keys(settings).length) out.settings = settings as NamedScenario['settings'];
  if (Object.keys(tierTargets).length) out.tierTargets = tierTargets as unknown as Record<string, number>;
  return out.settings || out.tierTargets ? out : null;
}

/** The scenario a run is for; an unknown name without overrides is a usage error naming the stored ones. */
export function chooseScenario(book: ScenarioBook, options: ScenarioOptions): ChosenScenario {
  const overrides = overridesFrom(options);
  const name = options.scenario?.trim() || (overrides ? COMMAND_LINE_SCENARIO : BASE_SCENARIO);
  if (name === BASE_SCENARIO) {
    if (overrides) throw new UsageError(`"${BASE_SCENARIO}" is the workbook's own scenario; give the overrides another name with --scenario.`);
    return { name, named: null };
  }
  const stored = book.named[name];
  if (!stored && !overrides) {
    const names = Object.keys(book.named);
    throw new UsageError(`No scenario "${name}" in the workbook (${names.length ? `it has ${names.map((n) => `"${n}"`).join(', ')}` : 'it has none yet'}); define it with --set, --target or --budget.`);
  }
  const settings = { ...(stored?.settings ?? {}), ...(overrides?.settings ?? {}) };
  const tierTargets = { ...(stored?.tierTargets ?? {}), ...(overrides?.tierTargets ?? {}) };
  const named: NamedScenario = {};
  if (Object.keys(settings).length) named.settings = settings;
  if (Object.keys(tierTargets).length) named.tierTargets = tierTargets;
  return { name, named };
}

/** A scenario named for `spp compare`: Base, or one kept in the workbook. */
export function storedScenario(book: ScenarioBook, name: string): ChosenScenario {
  if (name === BASE_SCENARIO) return { name, named: null };
  const named = book.named[name];
  if (!named) {
    const names = [BASE_SCENARIO, ...Object.keys(book.named)];
    throw new UsageError(`No scenario "${name}" in the workbook; it has ${names.map((n) => `"${n}"`).join(', ')}. Run \`spp analyze --scenario NAME --set …\` to define one.`);
  }
  return { name, named };
}
