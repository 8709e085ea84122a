/**
 * The scenario as stored in the workbook (WorkbookPort.readScenario / writeScenario). Stored JSON
 * may come from another version or be edited by hand, so reading keeps only well-formed parts.
 */
import { SETTINGS_SPEC, TABLES, type TableName } from '../model/contract';
import { settingField } from './validateSettings';
import type { Scenario } from './run';
import type { StoredScenario, WorkbookPort } from '../workbook/port';
import { ENGINE_VERSION } from '../version';

export type LastRun = NonNullable<StoredScenario['lastRun']>;

export interface LoadedScenario {
  scenario: Scenario;
  lastRun: LastRun | null;
}

const TABLE_NAMES = new Set<string>(TABLES.map((t) => t.name));

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringRecord(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function scalarRecord(value: unknown): Record<string, string | number | boolean> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string | number | boolean] => isScalar(entry[1])));
}

const SETTING_FIELDS = new Set(SETTINGS_SPEC.map((spec) => settingField(spec.key)));

function perTable<T>(value: unknown, read: (v: unknown) => T): Partial<Record<TableName, T>> {
  if (!isRecord(value)) return {};
  const out: Partial<Record<TableName, T>> = {};
  for (const [name, entry] of Object.entries(value)) if (TABLE_NAMES.has(name)) out[name as TableName] = read(entry);
  return out;
}

/** A Scenario from stored JSON; unknown keys and values of the wrong type are dropped. */
export function scenarioFromJson(json: Record<string, unknown>): Scenario {
  const scenario: Scenario = {};
  const sources = perTable(json.tableSources, (v) => (typeof v === 'string' ? v : undefined));
  const cleanSources = Object.fromEntries(Object.entries(sources).filter(([, v]) => v)) as Scenario['tableSources'];
  if (cleanSources && Object.keys(cleanSources).length) scenario.tableSources = cleanSources;
  const overrides = perTable(json.columnOverrides, stringRecord);
  if (Object.keys(overrides).length) scenario.columnOverrides = overrides;
  // Settings and targets are kept as stored, whatever their value: the run validates them by the
  // workbook's rules and reports a bad one (a target of 1.5) instead of silently dropping it.
  if (isRecord(json.settings)) {
    const settings = Object.fromEntries(Object.entries(json.settings).filter(([field, value]) => SETTING_FIELDS.has(field) && isScalar(value)));
    if (Object.keys(settings).length) scenario.settings = settings as NonNullable<Scenario['settings']>;
  }
  const targets = scalarRecord(json.tierTargets);
  if (Object.keys(targets).length) scenario.tierTargets = targets as Record<string, number>;
  return scenario;
}

function lastRunFrom(value: unknown): LastRun | null {
  if (!isRecord(value) || typeof value.timestamp !== 'string' || typeof value.engineVersion !== 'string') return null;
  return { timestamp: value.timestamp, engineVersion: value.engineVersion };
}

export async function loadScenario(port: WorkbookPort): Promise<LoadedScenario> {
  const stored = await port.readScenario();
  if (!stored || !isRecord(stored.scenario)) return { scenario: {}, lastRun: null };
  return { scenario: scenarioFromJson(stored.scenario), lastRun: lastRunFrom(stored.lastRun) };
}

export function storedScenario(scenario: Scenario, lastRun: LastRun | null): StoredScenario {
  const stored: StoredScenario = { version: 1, scenario: JSON.parse(JSON.stringify(scenario)) as Record<string, unknown> };
  if (lastRun) stored.lastRun = lastRun;
  return stored;
}

export function lastRunNow(now: Date = new Date()): LastRun {
  return { timestamp: now.toISOString(), engineVersion: ENGINE_VERSION };
}
