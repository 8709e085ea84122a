/** `spp compare`: two scenarios of one workbook planned side by side, A, B and Delta for every headline figure. */
import * as path from 'node:path';
import { compareScenarios } from '../pipeline/compare';
import { readInputTables } from '../pipeline/run';
import { bookFromStored, storedFromBook } from '../pipeline/scenario-book';
import { lastRunNow } from '../pipeline/scenario-store';
import type { ComparisonRow } from '../model/results-scenarios';
import { ENGINE_VERSION } from '../version';
import { loadXlsxFile, saveXlsxFileAtomic } from '../workbook/xlsx-file';
import { writeFileAtomic } from './analyze';
import { EXIT_INVALID_INPUT, EXIT_OK } from './exit-codes';
import { ensureParentFolder } from './output-paths';
import { storedScenario } from './scenario-options';
import { issuesText } from './summary-text';

export interface CompareOptions {
  out?: string;
  json?: string;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

/** `book.xlsx` → `book-compare.xlsx` beside it. */
export function defaultCompareOutPath(input: string): string {
  const parsed = path.parse(input);
  return path.join(parsed.dir, `${parsed.name}-compare${parsed.ext || '.xlsx'}`);
}

function formatted(value: number | null, format: ComparisonRow['format'], signed = false): string {
  if (value === null) return '–';
  const sign = signed && value > 0 ? '+' : '';
  if (format === 'percent') return `${sign}${(100 * value).toFixed(1)}${signed ? ' pt' : '%'}`;
  if (format === 'integer' || format === 'currency') return `${sign}${Math.round(value).toLocaleString('en-US')}`;
  return `${sign}${value.toFixed(2)}`;
}

/** The comparison as aligned text for the terminal. */
export function comparisonText(a: string, b: string, rows: readonly ComparisonRow[]): string {
  const width = Math.max(6, ...rows.map((r) => r.label.length));
  const header = `${'Figure'.padEnd(width)}  ${`A: ${a}`.padStart(18)}  ${`B: ${b}`.padStart(18)}  ${'Delta (B − A)'.padStart(14)}`;
  return [header, ...rows.map((r) => `${r.label.padEnd(width)}  ${formatted(r.a, r.format).padStart(18)}  ${formatted(r.b, r.format).padStart(18)}  ${formatted(r.delta, r.format, true).padStart(14)}`)].join('\n');
}

export async function compareFile(input: string, a: string, b: string, options: CompareOptions = {}): Promise<number> {
  const out = options.stdout ?? ((t: string) => process.stdout.write(t + '\n'));
  const err = options.stderr ?? ((t: string) => process.stderr.write(t + '\n'));
  const workbook = await loadXlsxFile(input);
  const book = bookFromStored(await workbook.readScenario());
  const [first, second] = [storedScenario(book, a), storedScenario(book, b)];
  const tables = await readInputTables(workbook, book.base);
  const comparison = compareScenarios(tables, book.base, first, second);
  const report = issuesText(comparison.issues);
  if (!comparison.ok) {
    err(`${input}: scenario "${a}" or "${b}" has errors; nothing was written${options.json ? ' except the JSON report' : ''}.`);
    if (report) err(report);
    if (options.json) await writeFileAtomic(options.json, JSON.stringify({ schemaVersion: 1, issues: comparison.issues }, null, 2));
    return EXIT_INVALID_INPUT;
  }
  const outPath = options.out ?? defaultCompareOutPath(input);
  await workbook.writeScenario(storedFromBook({ ...book, runs: { ...book.runs, [a]: comparison.a, [b]: comparison.b }, lastRun: lastRunNow() }));
  await workbook.writeResults(comparison.bundle);
  await ensureParentFolder(outPath);
  await saveXlsxFileAtomic(workbook, outPath);
  if (options.json) {
    const json = { schemaVersion: 1, engineVersion: ENGINE_VERSION, scenarios: { a, b, runs: [comparison.a, comparison.b], comparison: comparison.rows }, issues: comparison.issues };
    await writeFileAtomic(options.json, JSON.stringify(json, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2));
  }
  if (report) err(report);
  out(comparisonText(a, b, comparison.rows));
  out(`Comparison workbook: ${path.resolve(outPath)} (sheet SPP Compare)`);
  if (options.json) out(`Comparison JSON:     ${path.resolve(options.json)}`);
  return EXIT_OK;
}
