/**
 * The one pipeline every host runs: read → validate → compute → lay out → write.
 *
 * Split at the host boundary: `readInputTables` and `writeResults` talk to a WorkbookPort (Excel,
 * an .xlsx file); `analyzeTables` is pure and can run anywhere, including a Web Worker.
 */
import { planPortfolio, type PortfolioOptions, type PortfolioResult } from '../engine/portfolio';
import { TABLES, type TableName } from '../model/contract';
import type { PlanningInput, Settings, ValidationIssue } from '../model/types';
import type { ResultBundle, SheetTable, WorkbookPort } from '../workbook/port';
import { layoutResults } from './layout';
import { buildResult, resultContext, type AnalysisResult } from './results';
import { validateInput } from './validate';
import { validateScenario } from './validate-scenario';

export type InputTables = Partial<Record<TableName, SheetTable | null>>;

/** What a user may change for one run without editing the workbook (the task pane's scenario). */
export interface Scenario {
  /**
   * Where to read an input from when it is not under its contract name: another table or sheet
   * name, or a range such as `Sheet1!A1:D200` (headers in its first row).
   */
  tableSources?: Partial<Record<TableName, string>>;
  /** Column mappings per table: contract column key → header text in the workbook. */
  columnOverrides?: Partial<Record<TableName, Record<string, string>>>;
  /** Settings that override the Settings table. */
  settings?: Partial<Settings>;
  /** Target fill rate per SLA tier, overriding the SLATiers table. */
  tierTargets?: Record<string, number>;
}

export type Stage = 'read' | 'validate' | 'compute' | 'layout' | 'write';

export interface PipelineCallbacks {
  /** Stage and fraction done within it (0…1). */
  onProgress?: (stage: Stage, fraction: number) => void;
  shouldStop?: PortfolioOptions['shouldStop'];
}

export type Analysis =
  | { ok: true; result: AnalysisResult; bundle: ResultBundle; issues: ValidationIssue[] }
  | { ok: false; issues: ValidationIssue[] };

/** A source that names a range (`Sheet!A1:D9`) rather than a table or sheet. */
export function isRangeAddress(source: string): boolean {
  return /![$A-Za-z]+\$?\d+(:[$A-Za-z]+\$?\d+)?$/.test(source);
}

export async function readInputTables(port: WorkbookPort, scenario: Scenario = {}): Promise<InputTables> {
  const tables: InputTables = {};
  for (const spec of TABLES) {
    const source = scenario.tableSources?.[spec.name] ?? spec.name;
    tables[spec.name] = isRangeAddress(source) ? await port.readRange(source) : await port.readTable(source);
  }
  return tables;
}

/** The input with the scenario's overrides; the overrides must have been validated (validateRun). */
export function applyScenario(input: PlanningInput, scenario: Pick<Scenario, 'settings' | 'tierTargets'>): PlanningInput {
  const settings = { ...input.settings, ...definedOnly(scenario.settings ?? {}) };
  const targets = scenario.tierTargets ?? {};
  const slaTiers = input.slaTiers.map((t) => (targets[t.tier] !== undefined ? { ...t, targetFillRate: targets[t.tier] } : t));
  return { ...input, settings, slaTiers };
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export type RunValidation = { ok: true; input: PlanningInput; issues: ValidationIssue[] } | { ok: false; issues: ValidationIssue[] };

/**
 * Everything a run checks before planning, in one place for the run and the pane's Validate step:
 * the workbook's tables, then the scenario's overrides by the same rules, errors first.
 */
export function validateRun(tables: InputTables, scenario: Scenario = {}): RunValidation {
  const validation = validateInput(tables, { columnOverrides: scenario.columnOverrides });
  const tierNames = validation.input ? new Set(validation.input.slaTiers.map((t) => t.tier)) : null;
  const overrides = validateScenario(scenario, tierNames);
  const all = [...validation.issues, ...overrides.issues];
  const issues = [...all.filter((i) => i.severity === 'error'), ...all.filter((i) => i.severity === 'warning')];
  if (!validation.input || issues.some((i) => i.severity === 'error')) return { ok: false, issues };
  return { ok: true, input: applyScenario(validation.input, overrides), issues };
}

/** Validate, compute and lay out: pure, no host. */
export function analyzeTables(tables: InputTables, scenario: Scenario = {}, callbacks: PipelineCallbacks = {}): Analysis {
  const validated = validateForRun(tables, scenario, callbacks);
  if (!validated.ok) return validated;
  return layOut(planPortfolio(validated.input, planOptions(callbacks)), validated.input, validated.issues, callbacks);
}

function validateForRun(tables: InputTables, scenario: Scenario, callbacks: PipelineCallbacks): RunValidation {
  callbacks.onProgress?.('validate', 0);
  const validated = validateRun(tables, scenario);
  if (validated.ok) callbacks.onProgress?.('validate', 1);
  return validated;
}

function planOptions(callbacks: PipelineCallbacks): PortfolioOptions {
  return { onProgress: (done, total) => callbacks.onProgress?.('compute', total ? done / total : 1), shouldStop: callbacks.shouldStop };
}

function layOut(portfolio: PortfolioResult, input: PlanningInput, issues: ValidationIssue[], callbacks: PipelineCallbacks): Analysis {
  callbacks.onProgress?.('layout', 0);
  const context = resultContext(portfolio, input, issues);
  const result = buildResult(context);
  const bundle = layoutResults(context);
  callbacks.onProgress?.('layout', 1);
  return { ok: true, result, bundle, issues };
}

/** The whole pipeline on one workbook. Results are written only when the input has no errors. */
export async function runPipeline(port: WorkbookPort, scenario: Scenario = {}, callbacks: PipelineCallbacks = {}): Promise<Analysis> {
  callbacks.onProgress?.('read', 0);
  const tables = await readInputTables(port, scenario);
  callbacks.onProgress?.('read', 1);
  const analysis = analyzeTables(tables, scenario, callbacks);
  if (!analysis.ok) return analysis;
  callbacks.onProgress?.('write', 0);
  await port.writeResults(analysis.bundle);
  callbacks.onProgress?.('write', 1);
  return analysis;
}
