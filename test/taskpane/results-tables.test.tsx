/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["umd", "browser", "require", "default"]}
 *
 * The pane's result tables come from the results contract: headers, header notes and formats are
 * the contract's (a changed header or format in the contract changes what the pane shows), values
 * are read where the contract puts them in the JSON. Checked against independent references: the
 * sample's SLA tier targets, and the SPP Stock sheet's own order/excess and unit cost columns.
 */
import './setup';

// The charts (a large lazily loaded library) are not what this file tests: a stand-in keeps it fast.
// The real charts are checked in test/taskpane/run.test.tsx and in Chromium (test/e2e/results.e2e.test.ts).
jest.mock('../../src/taskpane/components/ResultCharts', () => ({
  __esModule: true,
  default: () => require('react').createElement('div', { 'data-testid': 'result-charts' }),
}));
// Likewise the frontier (the same library); the real one is tested in test/taskpane/frontier.test.tsx.
jest.mock('../../src/taskpane/components/FrontierChart', () => ({
  __esModule: true,
  FrontierChart: () => require('react').createElement('div', { 'data-testid': 'chart-frontier' }),
}));
import { screen, within } from '@testing-library/react';
import { SETTINGS_SPEC } from '../../src/model/contract';
import { headerOf, isGroup, type ResultEntrySpec } from '../../src/model/result-spec';
import { BY_TIER_TABLE, RESULT_SHEETS, STOCK_TABLE } from '../../src/model/results-contract';
import { analyzeTables, readInputTables, type Analysis } from '../../src/pipeline/run';
import { SAMPLE_SLA_TIERS } from '../../src/sample/network';
import { ContractTable } from '../../src/taskpane/components/ContractTable';
import { LARGEST_ACTIONS, ResultsPanel } from '../../src/taskpane/components/ResultsPanel';
import { formatResultValue } from '../../src/taskpane/state/format';
import { largestActions, paneColumns, type PaneTableSpec } from '../../src/taskpane/state/result-rows';
import type { CellValue } from '../../src/workbook/port';
import { fakeSession, sampleWorkbook } from './fake-session';
import { renderInPane as render } from './render';

/** One value per format, and how the pane must write it (USD; the rules of state/format.ts stated independently). */
const SAMPLE_VALUE: Record<string, { value: unknown; shown: string }> = {
  text: { value: 'Gold', shown: 'Gold' },
  percent: { value: 0.955, shown: '95.5%' },
  currency: { value: 1234.4, shown: '$1,234' },
  integer: { value: 12345, shown: '12,345' },
  decimal: { value: 1.234, shown: '1.23' },
};

/** A JSON row for `spec` holding SAMPLE_VALUE[format] at each pane column's JSON path (groups nest). */
function rowFor(spec: PaneTableSpec): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const { path, column } of paneColumns(spec)) {
    const steps = path.split('.');
    let target = row;
    for (const step of steps.slice(0, -1)) target = (target[step] ??= {}) as Record<string, unknown>;
    target[steps[steps.length - 1]] = SAMPLE_VALUE[column.format].value;
  }
  return row;
}

function headerTexts(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('columnheader')
    .map((th) => th.querySelector('[tabindex]')?.textContent ?? '');
}

function descriptionOf(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

function bodyRows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent ?? ''));
}

/** BY_TIER_TABLE with one column changed. */
function withColumn(key: string, change: Record<string, unknown>): PaneTableSpec {
  const edit = (entry: ResultEntrySpec<never>): ResultEntrySpec<never> =>
    isGroup(entry) ? { ...entry, columns: entry.columns.map((c) => (c.key === key ? { ...c, ...change } : c)) } : entry.key === key ? { ...entry, ...change } : entry;
  return { ...BY_TIER_TABLE, columns: (BY_TIER_TABLE.columns as readonly ResultEntrySpec<never>[]).map(edit) };
}

test('a table shows the contract’s pane columns: its headers, notes as descriptions, and values in the column’s format', () => {
  render(<ContractTable spec={BY_TIER_TABLE} rows={[rowFor(BY_TIER_TABLE)]} currency="USD" title="Tiers" />);
  const table = screen.getByRole('table', { name: 'Tiers' });
  const columns = paneColumns(BY_TIER_TABLE);
  // The brief's four fill rates of the tier table are among them (the contract marks them for the pane).
  for (const key of ['targetFillRate', 'fillRate', 'backtest.promisedFillRate', 'backtest.achievedFillRate']) expect(columns.map((c) => c.path)).toContain(key);
  expect(headerTexts(table)).toEqual(columns.map((c) => c.column.header));
  within(table)
    .getAllByRole('columnheader')
    .forEach((th, i) => expect(descriptionOf(th)).toBe(columns[i].column.note));
  expect(bodyRows(table)).toEqual([columns.map((c) => SAMPLE_VALUE[c.column.format].shown)]);
});

test('changing a contract column’s header, format or pane flag changes what the pane shows', () => {
  const target = headerOf(BY_TIER_TABLE.columns, 'targetFillRate');
  const changed = withColumn('targetFillRate', { header: 'Goal', format: 'decimal' });
  render(<ContractTable spec={changed} rows={[{ key: 'Gold', targetFillRate: 0.95 }]} currency="USD" title="Changed" />);
  const table = screen.getByRole('table', { name: 'Changed' });
  expect(headerTexts(table)).toContain('Goal');
  expect(headerTexts(table)).not.toContain(target);
  const goal = headerTexts(table).indexOf('Goal');
  expect(bodyRows(table)[0][goal]).toBe('0.95'); // decimal, where the contract's percent shows 95.0%

  // A column the contract does not mark for the pane is not shown; marking it shows it.
  const stock = headerOf(BY_TIER_TABLE.columns, 'stock');
  render(<ContractTable spec={withColumn('stock', { pane: true })} rows={[{ key: 'Gold', stock: 1234 }]} currency="USD" title="With stock" />);
  expect(headerTexts(screen.getByRole('table', { name: 'With stock' }))).toContain(stock);
  expect(headerTexts(table)).not.toContain(stock);
});

test('currency cells use the run’s currency', () => {
  expect(formatResultValue(1234.4, 'currency', 'EUR')).toBe('€1,234');
  expect(formatResultValue(1234.4, 'currency', 'JPY')).toBe('¥1,234');
  expect(formatResultValue(1234.4, 'currency', 'XYZ')).toMatch(/^XYZ\s1,234$/); // a code Intl does not know keeps its letters
  expect(formatResultValue(null, 'percent', 'USD')).toBe('n/a');
  expect(formatResultValue(Number.NaN, 'integer', 'USD')).toBe('n/a');
});

let sample: Promise<{ analysis: Extract<Analysis, { ok: true }>; session: ReturnType<typeof fakeSession> }> | null = null;

/** The sample's analysis, computed once for the tests that render the Results panel. */
function sampleAnalysis() {
  sample ??= (async () => {
    const port = await sampleWorkbook();
    const analysis = analyzeTables(await readInputTables(port));
    if (!analysis.ok) throw new Error('the sample should be valid');
    return { analysis, session: fakeSession(port) };
  })();
  return sample;
}

test('Results: the SLA tier table has every tier with the workbook’s target, and Standard parts with StandardFillRate', async () => {
  const { analysis, session } = await sampleAnalysis();
  render(<ResultsPanel analysis={analysis} session={session} />);
  const table = within(screen.getByTestId('table-byTier')).getByRole('table');
  const headers = headerTexts(table);
  const tierColumn = headers.indexOf(headerOf(BY_TIER_TABLE.columns, 'key'));
  const targetColumn = headers.indexOf(headerOf(BY_TIER_TABLE.columns, 'targetFillRate'));
  const rows = bodyRows(table);
  expect(rows.length).toBe(analysis.result.summary.byTier.length);
  const standard = SETTINGS_SPEC.find((s) => s.key === 'StandardFillRate')!.default as number;
  for (const row of rows) {
    // Every Critical part-location of a tier has the tier's target, so the demand-weighted target is exactly it.
    const tier = SAMPLE_SLA_TIERS.find((t) => t.tier === row[tierColumn]);
    const expected = row[tierColumn] === 'Standard parts' ? standard : tier!.targetFillRate;
    expect(row[targetColumn]).toBe(`${(100 * expected).toFixed(1)}%`);
  }
  expect(rows.map((r) => r[tierColumn])).toContain('Standard parts');
  await screen.findByTestId('result-charts'); // the lazy charts settle inside the test
});

test('Results: the largest actions are the SPP Stock rows with the largest order or excess value, from the sheet itself', async () => {
  const { analysis, session } = await sampleAnalysis();
  render(<ResultsPanel analysis={analysis} session={session} />);

  // The reference: the SPP Stock sheet as laid out for the workbook, read by its headers.
  const sheet = analysis.bundle.tables.find((t) => t.sheet === RESULT_SHEETS.stock)!;
  const at = (key: string) => sheet.columns.findIndex((c) => c.header === headerOf(STOCK_TABLE.columns, key));
  const [part, location, gap, cost] = ['partId', 'locationId', 'stockMinusOnHand', 'unitCost'].map(at);
  const value = (row: CellValue[]) => Math.abs(row[gap] as number) * (row[cost] as number);
  const actions = sheet.rows.filter((row) => typeof row[gap] === 'number' && row[gap] !== 0);
  const expected = [...actions]
    .sort((a, b) => value(b) - value(a))
    .slice(0, LARGEST_ACTIONS)
    .map((row) => [row[part], row[location]]);
  expect(expected.length).toBe(Math.min(LARGEST_ACTIONS, actions.length));
  expect(actions.length).toBeGreaterThan(LARGEST_ACTIONS); // the sample has more actions than are shown

  const section = screen.getByTestId('table-stock');
  const table = within(section).getByRole('table');
  const headers = headerTexts(table);
  const shown = bodyRows(table).map((row) => [row[headers.indexOf(headerOf(STOCK_TABLE.columns, 'partId'))], row[headers.indexOf(headerOf(STOCK_TABLE.columns, 'locationId'))]]);
  expect(shown).toEqual(expected);
  expect(within(section).getByText(new RegExp(`^The ${LARGEST_ACTIONS} largest of ${actions.length} orders and excesses`))).toBeTruthy();
  // The Action column says what to do, in the sheet's words.
  const action = headers.indexOf(headerOf(STOCK_TABLE.columns, 'action'));
  for (const row of bodyRows(table)) expect(row[action]).toMatch(/^(Order|Excess) \d+$/);
  await screen.findByTestId('result-charts');
});

test('largest actions: holds are left out, ties keep the sheet’s order, and without inventory the largest investments stand in', () => {
  const rows = [
    { partId: 'A', stockMinusOnHand: 2, unitCost: 10, investment: 100 }, // 20
    { partId: 'B', stockMinusOnHand: 0, unitCost: 1000, investment: 900 }, // hold
    { partId: 'C', stockMinusOnHand: -4, unitCost: 5, investment: 50 }, // 20, after A
    { partId: 'D', stockMinusOnHand: -1, unitCost: 30, investment: 10 }, // 30
  ];
  const ranked = largestActions(STOCK_TABLE, rows, 10);
  expect(ranked.by).toBe('action');
  expect(ranked.rows.map((r) => r.partId)).toEqual(['D', 'A', 'C']);
  expect(largestActions(STOCK_TABLE, rows, 2).rows.map((r) => r.partId)).toEqual(['D', 'A']);
  expect(largestActions(STOCK_TABLE, rows, 2).total).toBe(3);

  const noInventory = rows.map((r) => ({ ...r, stockMinusOnHand: null }));
  const byInvestment = largestActions(STOCK_TABLE, noInventory, 2);
  expect(byInvestment.by).toBe('investment');
  expect(byInvestment.rows.map((r) => r.partId)).toEqual(['B', 'A']);
});

test('focus order: summary cards, the tables, the charts, then the result sheets; no positive tabindex', async () => {
  const { analysis, session } = await sampleAnalysis(); // an Excel session: a "Go to" button per result sheet
  render(<ResultsPanel analysis={analysis} session={session} />);
  await screen.findByTestId('result-charts');
  const results = screen.getByTestId('results');
  const focusable = [...results.querySelectorAll<HTMLElement>('*')].filter((e) => e.tabIndex >= 0 && !e.hasAttribute('data-tabster-dummy'));
  expect(focusable.filter((e) => e.tabIndex > 0)).toEqual([]); // DOM order is the tab order
  const region = (e: HTMLElement) => e.closest('[data-testid^="chart-"], [data-testid^="table-"], [data-testid="summary-cards"], [data-testid="mom-assumptions"], [data-testid="result-sheets"]')?.getAttribute('data-testid');
  const order = focusable.map(region).filter((r, i, all) => r !== all[i - 1]);
  // The charts' bars and legends come between the tables and the sheets (checked with real charts in Chromium).
  // The MOM section follows the stock tables: its scorecard and opportunities, then its editable assumptions.
  expect(order).toEqual(['summary-cards', 'table-byTier', 'table-stock', 'table-momScores', 'table-opportunities', 'mom-assumptions', 'result-sheets']);
  const charts = screen.getByTestId('result-charts');
  const [lastTable, sheets] = [screen.getByTestId('table-stock'), screen.getByTestId('result-sheets')];
  expect(lastTable.compareDocumentPosition(charts) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  expect(charts.compareDocumentPosition(sheets) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

  // Every card and every column header is focusable; every result sheet has its button.
  expect(within(screen.getByTestId('summary-cards')).getAllByRole('group').every((card) => card.tabIndex === 0)).toBe(true);
  for (const th of within(results).getAllByRole('columnheader')) expect(th.querySelector<HTMLElement>('[tabindex]')?.tabIndex).toBe(0);
  const sheetButtons = within(screen.getByTestId('result-sheets')).getAllByRole('button');
  expect(sheetButtons.map((b) => b.textContent)).toEqual(analysis.bundle.tables.map((t) => `Go to ${t.sheet}`));
});
