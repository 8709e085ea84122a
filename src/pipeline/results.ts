/**
 * The analysis results as plain, JSON-ready rows (`spp analyze --json`, schemaVersion 1), built from
 * the results contract (src/model/results-contract.ts): every table the contract marks as built has
 * one JSON array with one object per row and one key per column. Field names are a public
 * contract: keep them stable, add fields freely. Numbers that do not exist (a fill rate without
 * demand, an ADI without demand) are null.
 */
import type { PortfolioResult, PortfolioSummary } from '../engine/portfolio';
import { jsonRow } from '../model/result-spec';
import type { ResultContext } from '../model/results-contract';
import { JSON_SECTIONS, producedTables, type AnyResultTable } from '../model/result-tables';
import type { PlanningInput, ValidationIssue } from '../model/types';
import { ENGINE_VERSION } from '../version';
import { jsonLaidOut, writeJsonParts } from './result-json';

/** One JSON row of a result table: column keys to values, grouped columns as nested objects (or null). */
export type JsonRow = Record<string, unknown>;

/**
 * The JSON of a run. Every result table the contract builds (result-tables.ts) adds an array under its
 * key — `demand`, `stock`, `backtest`, and the features' tables — and JSON_SECTIONS add the sections
 * that are not tables.
 */
export interface AnalysisResult {
  schemaVersion: 1;
  engineVersion: string;
  summary: PortfolioSummary;
  /** SPP Demand Profile: one row per part-location. */
  demand: JsonRow[];
  /** SPP Stock: one row per part-location. */
  stock: JsonRow[];
  /** SPP Backtest: one row per part-location with a stocking backtest. */
  backtest: JsonRow[];
  issues: ValidationIssue[];
  /** The other tables' and sections' JSON, by key. */
  [section: string]: unknown;
}

/** NaN and ±Infinity are not JSON: they become null. */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

export function resultContext(portfolio: PortfolioResult, input: PlanningInput, issues: readonly ValidationIssue[]): ResultContext {
  return { portfolio, input, issues, engineVersion: ENGINE_VERSION };
}

function* jsonRows(spec: AnyResultTable, context: ResultContext): Generator<JsonRow> {
  const columns = spec.columnsFor?.(context) ?? spec.columns;
  for (const row of spec.rows(context)) yield jsonRow(columns, row);
}

/**
 * Each built table's rows by result, for the JSON writer: it streams a table that nobody has read
 * yet row by row (result-json.ts), so its rows are made one at a time and die young.
 */
const pendingTables = new WeakMap<object, Map<string, () => Iterable<JsonRow>>>();

/**
 * The rows of a built table are made when the table is first read: an own, enumerable property
 * whose getter builds the array once and then becomes a plain data property (so JSON.stringify,
 * spreading, structured cloning and tests see an ordinary array). Why: at 20,000 part-locations the
 * three per-part-location tables are 60,000 row objects that would live through the whole run, and
 * `spp analyze --json` needs them only to write each row once (BENCHMARKS.md "File host").
 */
function defineLazyTable(result: AnalysisResult, key: string, rows: () => Iterable<JsonRow>, pending: Map<string, () => Iterable<JsonRow>>): void {
  const settle = (value: unknown) => {
    pending.delete(key);
    Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
  };
  pending.set(key, rows);
  Object.defineProperty(result, key, {
    enumerable: true,
    configurable: true,
    get() {
      const built = [...rows()];
      settle(built);
      return built;
    },
    set: settle,
  });
}

/** The rows of a table of `result` that has not been read yet, to be written one at a time; undefined otherwise. */
export function pendingTableRows(result: object, key: string): Iterable<JsonRow> | undefined {
  return pendingTables.get(result)?.get(key)?.();
}

export function buildResult(context: ResultContext): AnalysisResult {
  const result: AnalysisResult = { schemaVersion: 1, engineVersion: context.engineVersion, summary: context.portfolio.summary, demand: [], stock: [], backtest: [], issues: [...context.issues] };
  const pending = new Map<string, () => Iterable<JsonRow>>();
  pendingTables.set(result, pending);
  for (const spec of producedTables(context)) if (spec.json.built && spec.json.key !== 'issues') defineLazyTable(result, spec.json.key, () => jsonRows(spec, context), pending);
  for (const section of JSON_SECTIONS) if (section.when?.(context) ?? true) result[section.key] = section.value(context);
  return result;
}

export type JsonReport = AnalysisResult | { schemaVersion: 1; issues: ValidationIssue[] };

/**
 * The result as JSON text (result-json.ts: the structure indented, a row a line): NaN/Infinity
 * anywhere (summary included) become null, as JSON.stringify itself writes them (ECMA-262
 * SerializeJSONProperty: a non-finite number is "null"); no replacer function, which would be
 * called for every value of a result with millions of them.
 */
export function resultToJson(result: JsonReport): string {
  return jsonLaidOut(result, pendingTableRows);
}

/** The same text handed to `add` part by part (a key, a row, a bracket; the CLI encodes each as it comes). */
export function writeResultJson(result: JsonReport, add: (text: string) => void): void {
  writeJsonParts(result, add, pendingTableRows);
}
