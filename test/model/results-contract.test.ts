/**
 * The results contract drives the JSON, the sheets and the docs: for every result table, every
 * column is in the JSON (under its key) and on the sheet (under its header, with its format and
 * note) with the same value; and docs/workbook.md's generated section is what the contract says.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { flatColumns, inJson, jsonPath, onSheet, type ResultTableSpec } from '../../src/model/result-spec';
import { allSummaryMetrics, SUMMARY_SHEET, type ResultContext } from '../../src/model/results-contract';
import { RESULT_TABLES } from '../../src/model/result-tables';
import { DOC_SECTIONS, generatedSectionOf } from '../../src/model/docs-sections';
import { analyzeTables, type InputTables } from '../../src/pipeline/run';
import { resultContext, resultToJson } from '../../src/pipeline/results';
import { validateRun } from '../../src/pipeline/run';
import { computeWithNetwork } from '../../src/pipeline/network-stage';
import { planPortfolio } from '../../src/engine/portfolio';
import { generateSample } from '../../src/sample';
import type { CellValue, ResultTable } from '../../src/workbook/port';
import type { TableName } from '../../src/model/contract';

/** The sample workbook's tables as a host would read them. */
function sampleTables(): InputTables {
  const tables: InputTables = {};
  for (const table of generateSample({ parts: 25, locations: 4, periods: 30, seed: 5 })) {
    // An unknown setting: one warning, so the Issues table has a row; Calibration = Auto, so SPP Calibration has rows.
    const rows = table.name === 'Settings' ? [...table.rows.map((row) => (row[0] === 'Calibration' ? ['Calibration', 'Auto'] : row)), ['Colour', 'blue']] : table.rows;
    tables[table.name as TableName] = { name: table.name, sheet: table.name, source: 'table', headerRow: 1, firstColumn: 1, headers: table.columns.map((c) => c.header), rows };
  }
  return tables;
}

const analysis = analyzeTables(sampleTables());
if (!analysis.ok) throw new Error(`sample failed: ${JSON.stringify(analysis.issues.slice(0, 3))}`);
/** The JSON as a consumer reads it: NaN → null through the writer. */
const json = JSON.parse(resultToJson(analysis.result)) as Record<string, unknown>;

function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v === null || v === undefined ? v : (v as Record<string, unknown>)[key]), value);
}

function sheetOf(name: string): ResultTable {
  const table = analysis.ok ? analysis.bundle.tables.find((t) => t.sheet === name) : undefined;
  if (!table) throw new Error(`No sheet ${name}`);
  return table;
}

/** The run's context, for tables whose columns depend on the run (columnsFor: one per SLA tier). */
function runContext(): ResultContext {
  const validated = validateRun(sampleTables());
  if (!validated.ok) throw new Error('sample failed');
  const computed = computeWithNetwork(validated.input, planPortfolio);
  return { ...resultContext(computed.portfolio, computed.input, validated.issues), ...(computed.network ? { network: computed.network } : {}) };
}

describe.each(RESULT_TABLES.map((spec) => [spec.sheet, spec] as const))('result table %s', (_sheet, spec) => {
  const table = sheetOf(spec.sheet);
  const flat = flatColumns(spec.columnsFor ? spec.columnsFor(runContext()) : spec.columns);
  const jsonRows = at(json, spec.json.key) as Record<string, unknown>[];

  test('the sheet has the contract’s columns in order, each with its format and note, and a title and description', () => {
    const expected = flat.filter(({ column }) => onSheet(column)).map(({ column }) => ({ header: column.header, format: column.format, note: column.note }));
    expect(table.columns.map(({ header, format, note }) => ({ header, format, note }))).toEqual(expected);
    expect(table.tableName).toBe(spec.tableName);
    expect(table.title.length).toBeGreaterThan(10);
    expect(table.description?.length).toBeGreaterThanOrEqual(1);
    expect(table.description?.length).toBeLessThanOrEqual(3);
    expect(new Set(table.columns.map((c) => c.header)).size).toBe(table.columns.length);
  });

  test('the JSON has one row per sheet row, every column under its key, with the value on the sheet', () => {
    expect(Array.isArray(jsonRows)).toBe(true);
    expect(jsonRows.length).toBe(table.rows.length);
    expect(table.rows.length).toBeGreaterThan(0);
    const sheetIndex = new Map(table.columns.map((c, i) => [c.header, i]));
    jsonRows.forEach((row, r) => {
      for (const entry of flat) {
        if (!inJson(entry.column)) continue;
        const path = jsonPath(entry);
        const group = entry.group ? (row as Record<string, unknown>)[entry.group.group] : row;
        if (entry.group && group === null) {
          if (onSheet(entry.column)) expect(table.rows[r][sheetIndex.get(entry.column.header)!]).toBeNull();
          continue;
        }
        expect(Object.prototype.hasOwnProperty.call(group, entry.column.key)).toBe(true);
        const value = at(row, path);
        if (onSheet(entry.column)) expect(table.rows[r][sheetIndex.get(entry.column.header)!] as CellValue).toEqual(value);
        // Numbers are finite or absent; text columns hold text.
        if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
        if (entry.column.format === 'text' && value !== null) expect(typeof value).toBe('string');
      }
    });
  });

  test('numeric cells hold numbers (or blanks), text cells text', () => {
    table.columns.forEach((column, c) => {
      for (const row of table.rows) {
        const value = row[c];
        if (value === null) continue;
        expect(typeof value).toBe(column.format === 'text' ? 'string' : 'number');
      }
    });
  });
});

describe('the summary sheet', () => {
  const table = sheetOf(SUMMARY_SHEET.sheet);

  test('one row per metric, each value what the JSON holds at the metric’s path, formatted per row', () => {
    const metrics = new Map(allSummaryMetrics().map((m) => [m.label.replace('<method>', ''), m]));
    table.rows.forEach((row, r) => {
      const label = String(row[0]);
      const method = /^Forecast method: (.+)$/.exec(label)?.[1];
      const m = metrics.get(method ? 'Forecast method: ' : label);
      expect(m).toBeDefined();
      expect(table.rowFormats?.[r]).toBe(m!.format);
      const path = method ? `summary.methods.${method}` : m!.json!;
      const value = path === 'issues' ? (json.issues as unknown[]).length : at(json, path);
      expect(row[1]).toEqual(value ?? null);
      expect(typeof row[2]).toBe('string');
    });
    // The sample has an Inventory table, so its rows are there; and every method used has its row.
    expect(table.rows.map((row) => row[0])).toContain('Current inventory value');
    expect(table.rows.filter((row) => String(row[0]).startsWith('Forecast method: ')).length).toBe(Object.keys(at(json, 'summary.methods') as object).length);
  });
});

describe('actions in words', () => {
  test('every Stock row says what to do against the inventory, consistent with stock − on hand', () => {
    if (!analysis.ok) throw new Error('unreachable');
    for (const row of analysis.result.stock) {
      const gap = row.stockMinusOnHand as number | null;
      const action = row.action as string;
      if (gap === null) expect(action).toMatch(/no inventory given/);
      else if (gap > 0) expect(action).toBe(`Order ${gap}`);
      else if (gap < 0) expect(action).toBe(`Excess ${-gap}`);
      else expect(action).toBe('Hold');
      expect(typeof row.reason).toBe('string');
      expect((row.reason as string).length).toBeGreaterThan(10);
    }
  });
});

describe('docs/workbook.md', () => {
  const markdown = readFileSync(resolve(__dirname, '..', '..', 'docs', 'workbook.md'), 'utf8');
  test.each(DOC_SECTIONS.map((section) => [section.name, section] as const))('its generated section "%s" is exactly what the contracts say (run `npm run docs` after changing them)', (_name, section) => {
    expect(generatedSectionOf(markdown, section.name)).toBe(section.render());
  });
});
