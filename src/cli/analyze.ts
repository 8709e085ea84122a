/** `spp analyze`: the whole pipeline on an .xlsx file. */
import { closeSync, openSync, writeSync } from 'node:fs';
import { writeFile, rename, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { analyzeTables, readInputTables, type Scenario } from '../pipeline/run';
import { writeResultJson, type AnalysisResult, type JsonReport } from '../pipeline/results';
import { lastRunNow } from '../pipeline/scenario-store';
import { bookFromStored, namedOption, storedFromBook, type ChosenScenario, type ScenarioBook } from '../pipeline/scenario-book';
import type { ValidationIssue } from '../model/types';
import { loadXlsxFile, saveXlsxFileAtomic } from '../workbook/xlsx-file';
import { EXIT_INVALID_INPUT, EXIT_OK } from './exit-codes';
import { ensureParentFolder } from './output-paths';
import { ProgressBar } from './progress';
import { issuesText, summaryText } from './summary-text';

export interface AnalyzeOptions {
  out?: string;
  json?: string;
  /** The base scenario to use instead of the one stored in the workbook (tests, benchmarks). */
  scenario?: Scenario;
  /** The scenario the run is for (scenario-options.ts chooseScenario); the base when absent. */
  choose?: (book: ScenarioBook) => ChosenScenario;
  /** Where the summary and report go (stdout / stderr by default). */
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

/** Wall-clock milliseconds per stage, for the benchmark; `cpu` the same stages in CPU milliseconds (user + system). */
export interface AnalyzeTimings {
  load: number;
  read: number;
  analyze: number;
  save: number;
  json: number;
  total: number;
  cpu: Omit<AnalyzeTimings, 'cpu'>;
}

export interface AnalyzeOutcome {
  exitCode: number;
  result?: AnalysisResult;
  issues: ValidationIssue[];
  outPath?: string;
  timings: AnalyzeTimings;
}

/** `book.xlsx` → `book-results.xlsx` beside it. */
export function defaultOutPath(input: string): string {
  const parsed = path.parse(input);
  return path.join(parsed.dir, `${parsed.name}-results${parsed.ext || '.xlsx'}`);
}

/** Writes text so that the file holds the old or the complete new content, never a part. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  await ensureParentFolder(file);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Writes the JSON report as it is laid out, with the same all-or-nothing rename: each part (a row,
 * a key) is encoded into one reused buffer of 1 MB outside the JavaScript heap, written out when
 * full, so the text of a 100 MB report never lives long enough for the garbage collector to copy
 * it (BENCHMARKS.md "File host").
 */
export async function writeJsonFileAtomic(file: string, report: JsonReport): Promise<void> {
  await ensureParentFolder(file);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const fd = openSync(temporary, 'w');
    try {
      const buffer = Buffer.allocUnsafe(1 << 20);
      let at = 0;
      const flush = () => {
        for (let done = 0; done < at; ) done += writeSync(fd, buffer, done, at - done);
        at = 0;
      };
      writeResultJson(report, (text) => {
        // UTF-8 takes at most 3 bytes per UTF-16 code unit.
        if (at + 3 * text.length > buffer.length) {
          flush();
          if (3 * text.length > buffer.length) {
            writeSync(fd, text);
            return;
          }
        }
        at += buffer.write(text, at);
      });
      flush();
    } finally {
      closeSync(fd);
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export async function analyzeFile(input: string, options: AnalyzeOptions = {}): Promise<AnalyzeOutcome> {
  const out = options.stdout ?? ((t: string) => process.stdout.write(t + '\n'));
  const err = options.stderr ?? ((t: string) => process.stderr.write(t + '\n'));
  const timings: AnalyzeTimings = { load: 0, read: 0, analyze: 0, save: 0, json: 0, total: 0, cpu: { load: 0, read: 0, analyze: 0, save: 0, json: 0, total: 0 } };
  const start = performance.now();
  const startCpu = process.cpuUsage();
  let mark = start;
  let markCpu = startCpu;
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1000;
  };
  const lap = (key: Exclude<keyof AnalyzeTimings, 'cpu' | 'total'>) => {
    const now = performance.now();
    timings[key] = now - mark;
    timings.cpu[key] = cpuMs(markCpu);
    mark = now;
    markCpu = process.cpuUsage();
  };
  const finish = () => {
    timings.total = performance.now() - start;
    timings.cpu.total = cpuMs(startCpu);
  };
  const progress = new ProgressBar();

  progress.update('read', 0);
  const workbook = await loadXlsxFile(input);
  lap('load');
  // The scenario stored by the add-in (column mappings, table sources, overrides) makes the CLI
  // reproduce the add-in's run on the same workbook; a named scenario goes on top of it.
  const book = bookFromStored(await workbook.readScenario());
  const scenario = options.scenario ?? book.base;
  const chosen = options.choose?.(book) ?? { name: 'Base', named: null };
  const tables = await readInputTables(workbook, scenario);
  lap('read');
  const analysis = analyzeTables(tables, scenario, { onProgress: (stage, fraction) => progress.update(stage, fraction) }, { named: namedOption(chosen), keptRuns: book.runs });
  lap('analyze');
  const report = issuesText(analysis.issues);

  if (!analysis.ok) {
    progress.done();
    err(`${input}: the input has errors; nothing was written${options.json ? ' except the JSON report' : ''}.`);
    if (report) err(report);
    if (options.json) await writeJsonFileAtomic(options.json, { schemaVersion: 1, issues: analysis.issues });
    lap('json');
    finish();
    return { exitCode: EXIT_INVALID_INPUT, issues: analysis.issues, timings };
  }

  const outPath = options.out ?? defaultOutPath(input);
  progress.update('write', 0);
  // The scenario first: its hidden sheet then keeps its place before the results on every re-run.
  // The book keeps the named scenario's values and this run's figures with the others'.
  const named = chosen.named ? { ...book.named, [chosen.name]: chosen.named } : book.named;
  await workbook.writeScenario(storedFromBook({ base: scenario, named, runs: { ...book.runs, [chosen.name]: analysis.keptRun }, lastRun: lastRunNow() }));
  await workbook.writeResults(analysis.bundle);
  await ensureParentFolder(outPath);
  await saveXlsxFileAtomic(workbook, outPath);
  progress.update('write', 1);
  lap('save');
  if (options.json) await writeJsonFileAtomic(options.json, analysis.result);
  lap('json');
  progress.done();
  finish();

  if (report) err(report);
  if (Object.keys(scenario).length > 0) out(`Scenario stored in the workbook applied: ${Object.keys(scenario).join(', ')}`);
  if (chosen.named) out(`Scenario "${chosen.name}": ${describeNamed(chosen)}; kept in the workbook with its figures (SPP Scenarios).`);
  out(summaryText(analysis.result));
  out(`Results workbook: ${path.resolve(outPath)}`);
  if (options.json) out(`Results JSON:     ${path.resolve(options.json)}`);
  return { exitCode: EXIT_OK, result: analysis.result, issues: analysis.issues, outPath, timings };
}

/** `HoldingCostRate 0.2, target Gold 0.97` for the summary line. */
function describeNamed(chosen: ChosenScenario): string {
  const settings = Object.entries(chosen.named?.settings ?? {}).map(([field, value]) => `${field.charAt(0).toUpperCase()}${field.slice(1)} ${value}`);
  const targets = Object.entries(chosen.named?.tierTargets ?? {}).map(([tier, value]) => `target ${tier} ${value}`);
  return [...settings, ...targets].join(', ') || 'no overrides';
}
