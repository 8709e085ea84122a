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
import { checkNetworkSettings, stockingModeOrigin } from './validateNetwork';
import { checkObsolescenceSettings } from './validateObsolescence';
import { computeWithNetwork, type NetworkStage } from './network-stage';
import { planMomStage, type MomStage } from './mom-stage';
import { planCentralisation } from '../engine/network';
import { headlineFigures, type KeptRun } from '../model/headline';
import { BASE_SCENARIO, scenarioLabel, type NamedScenario } from './scenario-book';

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

export type Stage = 'read' | 'validate' | 'compute' | 'assess' | 'layout' | 'write';

export interface PipelineCallbacks {
  /** Stage and fraction done within it (0…1). */
  onProgress?: (stage: Stage, fraction: number) => void;
  shouldStop?: PortfolioOptions['shouldStop'];
}

export type Analysis =
  | { ok: true; result: AnalysisResult; bundle: ResultBundle; issues: ValidationIssue[]; /** This run's headline figures, to keep with the workbook. */ keptRun: KeptRun }
  | { ok: false; issues: ValidationIssue[] };

/** What a run is, beyond the base scenario: a named scenario on top of it, and the runs the workbook keeps. */
export interface RunOptions {
  /** The named scenario to run (scenario-book.ts); its name labels its issues and its kept run. */
  named?: { name: string; scenario: NamedScenario };
  /** Every scenario's last run, from the workbook; this run replaces its scenario's. */
  keptRuns?: Readonly<Record<string, KeptRun>>;
  /** The clock of the kept run's timestamp (tests pass a fixed one). */
  now?: () => Date;
}

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
export function validateRun(tables: InputTables, scenario: Scenario = {}, named?: RunOptions['named']): RunValidation {
  const validation = validateInput(tables, { columnOverrides: scenario.columnOverrides });
  const tierNames = validation.input ? new Set(validation.input.slaTiers.map((t) => t.tier)) : null;
  const base = validateScenario(scenario, tierNames);
  // A named scenario's values are checked under its own name, then win over the base's.
  const own = named ? validateScenario(named.scenario, tierNames, scenarioLabel(named.name)) : null;
  const all = [...validation.issues, ...base.issues, ...(own?.issues ?? [])];
  // Network settings that depend on each other (StockingMode Budget needs a Budget), once the overrides are merged.
  if (validation.input) {
    const merged = { ...validation.input.settings, ...base.settings, ...own?.settings };
    const origins = [{ label: 'Scenario', settings: base.settings }, ...(own && named ? [{ label: scenarioLabel(named.name), settings: own.settings }] : [])];
    all.push(...checkNetworkSettings(merged, stockingModeOrigin(validation.settingCells, origins)));
    all.push(...checkObsolescenceSettings(merged, validation.settingCells));
  }
  const issues = [...all.filter((i) => i.severity === 'error'), ...all.filter((i) => i.severity === 'warning')];
  if (!validation.input || issues.some((i) => i.severity === 'error')) return { ok: false, issues };
  const overrides = { settings: { ...base.settings, ...own?.settings }, tierTargets: { ...base.tierTargets, ...own?.tierTargets } };
  return { ok: true, input: applyScenario(validation.input, overrides), issues };
}

/** Validate, compute and lay out: pure, no host (but for the clock of the kept run, which options may fix). */
export function analyzeTables(tables: InputTables, scenario: Scenario = {}, callbacks: PipelineCallbacks = {}, options: RunOptions = {}): Analysis {
  const validated = validateForRun(tables, scenario, callbacks, options);
  if (!validated.ok) return validated;
  const computed = computeWithNetwork(validated.input, planPortfolio, planOptions(callbacks));
  // The MOM assessment of the recommended stock (the network plan's when it ran), and its centralisation against a field-only network.
  const network = computed.network;
  // Its own stage: the field-only counterfactual is a second network plan, as long as a good part of
  // the compute, and the pane's progress should not sit at 100% through it.
  callbacks.onProgress?.('assess', 0);
  const onProgress = (done: number, total: number) => callbacks.onProgress?.('assess', total ? (0.9 * done) / total : 0.9);
  const centralisation = network && computed.input.inventory.length > 0 ? planCentralisation(network.problem, network.plan, network.settings, { shouldStop: callbacks.shouldStop, onProgress }) : null;
  const mom = planMomStage(computed.input, computed.portfolio, computed.portfolio.rows.plans.columns.stock, { centralisation });
  callbacks.onProgress?.('assess', 1);
  return layOut(computed.portfolio, computed.input, [...validated.issues, ...computed.issues, ...mom.issues], callbacks, options, computed.network, mom.stage);
}

function validateForRun(tables: InputTables, scenario: Scenario, callbacks: PipelineCallbacks, options: RunOptions): RunValidation {
  callbacks.onProgress?.('validate', 0);
  const validated = validateRun(tables, scenario, options.named);
  if (validated.ok) callbacks.onProgress?.('validate', 1);
  return validated;
}

function planOptions(callbacks: PipelineCallbacks): PortfolioOptions {
  return { onProgress: (done, total) => callbacks.onProgress?.('compute', total ? done / total : 1), shouldStop: callbacks.shouldStop };
}

function layOut(portfolio: PortfolioResult, input: PlanningInput, issues: ValidationIssue[], callbacks: PipelineCallbacks, options: RunOptions, network: NetworkStage | null = null, mom: MomStage | null = null): Analysis {
  callbacks.onProgress?.('layout', 0);
  const plain = { ...resultContext(portfolio, input, issues), ...(network ? { network } : {}), ...(mom ? { mom } : {}) };
  // This run joins the kept runs under its scenario's name, so the scenario sheet shows it with the others.
  const name = options.named?.name ?? BASE_SCENARIO;
  const keptRun: KeptRun = { name, timestamp: (options.now?.() ?? new Date()).toISOString(), engineVersion: plain.engineVersion, figures: headlineFigures(plain) };
  const runs = { ...(options.keptRuns ?? {}), [name]: keptRun };
  const context = { ...plain, scenarios: { active: name, runs: Object.values(runs) } };
  const result = buildResult(context);
  const bundle = layoutResults(context);
  callbacks.onProgress?.('layout', 1);
  return { ok: true, result, bundle, issues, keptRun };
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
