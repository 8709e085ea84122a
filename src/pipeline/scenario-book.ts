/**
 * Named scenarios: what finance and consultants compare ("today's targets", "same-day tier at 95 %",
 * "budget 2 M"). The workbook keeps a base scenario (table sources, column mappings, the pane's
 * overrides), named scenarios that override settings and tier targets on top of it, and the headline
 * figures of each scenario's last run. Stored in the scenario sheet with the rest (StoredScenario).
 */
import type { HeadlineFigure, KeptRun } from '../model/headline';
import type { Settings } from '../model/types';
import type { ColumnFormat, StoredScenario, WorkbookPort } from '../workbook/port';
import type { Scenario } from './run';
import { scenarioFromJson } from './scenario-store';

/** The name under which a run without a named scenario is kept. */
export const BASE_SCENARIO = 'Base';

/** What a named scenario overrides: settings and tier targets (validated at run time like the workbook's). */
export interface NamedScenario {
  settings?: Partial<Settings>;
  tierTargets?: Record<string, number>;
}

export type { KeptRun } from '../model/headline';

/** The scenario a run is for: its name, and what it puts on top of the base (null for the base). */
export interface ChosenScenario {
  name: string;
  named: NamedScenario | null;
}

/** The run options of a chosen scenario (run.ts RunOptions.named). */
export function namedOption(chosen: ChosenScenario): { name: string; scenario: NamedScenario } | undefined {
  return chosen.named ? { name: chosen.name, scenario: chosen.named } : undefined;
}

export interface ScenarioBook {
  base: Scenario;
  named: Record<string, NamedScenario>;
  runs: Record<string, KeptRun>;
  lastRun: StoredScenario['lastRun'] | null;
}

export const EMPTY_BOOK: ScenarioBook = Object.freeze({ base: {}, named: {}, runs: {}, lastRun: null }) as ScenarioBook;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const FORMATS = new Set<ColumnFormat>(['text', 'integer', 'decimal', 'percent', 'currency', 'date']);

function figureFrom(value: unknown): HeadlineFigure | null {
  if (!isRecord(value) || typeof value.key !== 'string' || typeof value.label !== 'string' || !FORMATS.has(value.format as ColumnFormat)) return null;
  const number = typeof value.value === 'number' && Number.isFinite(value.value) ? value.value : null;
  return { key: value.key, label: value.label, format: value.format as ColumnFormat, value: number };
}

function keptRunFrom(name: string, value: unknown): KeptRun | null {
  if (!isRecord(value) || typeof value.timestamp !== 'string' || typeof value.engineVersion !== 'string' || !Array.isArray(value.figures)) return null;
  const figures = value.figures.map(figureFrom).filter((f): f is HeadlineFigure => f !== null);
  return { name, timestamp: value.timestamp, engineVersion: value.engineVersion, figures };
}

/** The book in a stored scenario; hand-edited or older JSON keeps what is well formed. */
export function bookFromStored(stored: StoredScenario | null): ScenarioBook {
  if (!stored || !isRecord(stored.scenario)) return { ...EMPTY_BOOK, named: {}, runs: {} };
  const named: Record<string, NamedScenario> = {};
  for (const [name, value] of Object.entries(isRecord(stored.named) ? stored.named : {})) {
    if (!isRecord(value) || !name.trim()) continue;
    // The same reading as the base scenario's overrides: values kept as stored, validated at run time.
    const { settings, tierTargets } = scenarioFromJson(value);
    named[name] = { ...(settings ? { settings } : {}), ...(tierTargets ? { tierTargets } : {}) };
  }
  const runs: Record<string, KeptRun> = {};
  for (const [name, value] of Object.entries(isRecord(stored.runs) ? stored.runs : {})) {
    const run = keptRunFrom(name, value);
    if (run) runs[name] = run;
  }
  const lastRun = isRecord(stored.lastRun) && typeof stored.lastRun.timestamp === 'string' && typeof stored.lastRun.engineVersion === 'string' ? stored.lastRun : null;
  return { base: scenarioFromJson(stored.scenario), named, runs, lastRun };
}

export function storedFromBook(book: ScenarioBook): StoredScenario {
  const json = <T>(value: T): Record<string, unknown> => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  const stored: StoredScenario = { version: 1, scenario: json(book.base) };
  if (book.lastRun) stored.lastRun = book.lastRun;
  if (Object.keys(book.named).length) stored.named = json(book.named);
  if (Object.keys(book.runs).length) stored.runs = json(Object.fromEntries(Object.entries(book.runs).map(([name, { timestamp, engineVersion, figures }]) => [name, { timestamp, engineVersion, figures }])));
  return stored;
}

/** The base with a named scenario's overrides on top (its settings and targets win). */
export function withNamed(base: Scenario, named: NamedScenario | undefined): Scenario {
  if (!named) return base;
  const settings = { ...(base.settings ?? {}), ...(named.settings ?? {}) };
  const tierTargets = { ...(base.tierTargets ?? {}), ...(named.tierTargets ?? {}) };
  const out: Scenario = { ...base };
  if (Object.keys(settings).length) out.settings = settings;
  if (Object.keys(tierTargets).length) out.tierTargets = tierTargets;
  return out;
}

/** The book read from the workbook, changed and written back (so no writer loses another's scenarios or runs). */
export async function updateStoredBook(port: WorkbookPort, change: (book: ScenarioBook) => ScenarioBook): Promise<ScenarioBook> {
  const book = change(bookFromStored(await port.readScenario()));
  await port.writeScenario(storedFromBook(book));
  return book;
}

/** `Scenario "Budget 2 M"` for a named scenario's messages; `Scenario` for the base. */
export function scenarioLabel(name: string | null): string {
  return name && name !== BASE_SCENARIO ? `Scenario "${name}"` : 'Scenario';
}
