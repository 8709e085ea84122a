/**
 * The task pane end to end in real Chromium, standalone (offline, office.js blocked): open a
 * generated workbook, validate, run, read the results, download the workbook and check it with a
 * plain ExcelJS load; a workbook with a bad cell shows its exact `Sheet!Cell` issue; the pane never
 * scrolls sideways at 350 px, in light or dark. Screenshots go to test-output/e2e/.
 */
import { promises as fs } from 'node:fs';
import type { Server } from 'node:http';
import * as path from 'node:path';
import * as ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { RESULT_SHEETS } from '../../src/pipeline/layout';
import { analyzeTables, readInputTables } from '../../src/pipeline/run';
import { generateSample } from '../../src/sample';
import { formatCurrency } from '../../src/taskpane/state/format';
import type { WorkbookPort } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/workbook/xlsx-adapter';
import { editedWithExcelJs } from '../workbook/xlsx-harness';
import { assertChromium, buildTaskPane, horizontalOverflow, launchPane, removeFolder, screenshot, serve, temporaryFolder } from './harness';

jest.setTimeout(90_000);

const SAMPLE = { parts: 12, locations: 4, periods: 36, seed: 11 };
const INPUT_SHEETS = ['Parts', 'Locations', 'SLATiers', 'Demand', 'Inventory', 'Settings'];

let work: string;
let server: Server;
let url: string;
let context: BrowserContext;
let page: Page;
let goodFile: string;
let badFile: string;

async function writeSample(file: string, edit?: (workbook: ExcelJS.Workbook) => void): Promise<void> {
  const port = XlsxWorkbook.empty();
  await port.createInputTables(generateSample(SAMPLE));
  await fs.writeFile(file, await (edit ? await editedWithExcelJs(port, edit) : port).toBuffer());
}

async function loadExcel(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await fs.readFile(file)) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** Every cell value of a sheet as comparable text (dates as ISO strings). */
function cellValues(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const value = sheet.getCell(r, c).value;
      row.push(value instanceof Date ? value.toISOString() : JSON.stringify(value ?? null));
    }
    rows.push(row);
  }
  return rows;
}

interface TableInfo {
  name: string;
  ref: string;
}

function tablesOf(sheet: ExcelJS.Worksheet): TableInfo[] {
  return (sheet.getTables() as unknown as { table?: TableInfo; model?: { name: string; tableRef?: string; ref?: string } }[]).map((t) => {
    const model = t.model ?? { name: t.table!.name, tableRef: t.table!.ref };
    return { name: model.name, ref: model.tableRef ?? model.ref ?? '' };
  });
}

async function expectNoSidewaysScroll(): Promise<void> {
  const { scrollWidth, clientWidth } = await horizontalOverflow(page);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

/** Screenshot of a stage, in light and in dark, each checked for sideways scrolling. */
async function stage(name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(300); // let colour transitions finish before the screenshot
    await expectNoSidewaysScroll();
    await screenshot(page, `${name}-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function openWorkbook(file: string): Promise<void> {
  await page.getByTestId('workbook-file').setInputFiles(file);
  await page.getByTestId('workbook-name').filter({ hasText: path.basename(file) }).waitFor();
}

beforeAll(async () => {
  assertChromium();
  work = temporaryFolder('spp-e2e-');
  goodFile = path.join(work, 'Service network.xlsx');
  badFile = path.join(work, 'Bad network.xlsx');
  await Promise.all([
    buildTaskPane(path.join(work, 'dist')),
    writeSample(goodFile),
    writeSample(badFile, (workbook) => {
      workbook.getWorksheet('Parts')!.getCell('C3').value = -5;
    }),
  ]);
  ({ server, url } = await serve(path.join(work, 'dist')));
  context = await launchPane(path.join(work, 'profile'));
  page = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await context?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  removeFolder(work);
});

test('open, validate, run, read the results and download the workbook', async () => {
  const started = Date.now();
  await page.goto(`${url}taskpane.html`);
  await page.getByRole('button', { name: 'Open workbook (.xlsx)' }).waitFor();
  expect(await page.getByTestId('run-mode').textContent()).toBe('Standalone');
  expect(Date.now() - started).toBeLessThan(10_000); // the blocked office.js does not hold up start-up
  await stage('01-start');

  await openWorkbook(goodFile);
  // The workbook is read (and later written) in its own Web Worker, never on the page's thread.
  const workerNames = await Promise.all(page.workers().map((worker) => worker.evaluate(() => (self as unknown as { name: string }).name)));
  expect(workerNames).toContain('spp-xlsx');
  for (const name of INPUT_SHEETS) expect(await page.getByTestId(`table-state-${name}`).textContent()).toBe('Found');
  await page.getByRole('button', { name: /^Parts/ }).click(); // expand one table: sources and column mapping
  await page.getByTestId('column-Parts-UnitCost').waitFor();
  await stage('02-inputs');

  await page.getByRole('tab', { name: 'Validate' }).click();
  await page.getByRole('button', { name: 'Validate input' }).click();
  await page.getByText('No problems found: the input is ready to run.').waitFor();
  await stage('03-validate');

  await page.getByRole('tab', { name: 'Run' }).click();
  await page.getByTestId('tier-target-Gold').waitFor();
  await stage('04-run-settings');
  await page.getByRole('button', { name: 'Run analysis' }).click();
  await page.getByTestId('summary-cards').waitFor({ timeout: 30_000 });
  await page.getByTestId('chart-investment').locator('svg[role="region"]').first().waitFor();
  expect(await page.getByTestId('card-part-locations-value').textContent()).toBe(String(SAMPLE.parts * SAMPLE.locations));
  await stage('05-results');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download results workbook' }).click()]);
  expect(download.suggestedFilename()).toBe('Service network-results.xlsx');
  const downloaded = path.join(work, 'downloaded.xlsx');
  await download.saveAs(downloaded);

  const before = await loadExcel(goodFile);
  const after = await loadExcel(downloaded);
  // The inputs are untouched, cell for cell.
  for (const name of INPUT_SHEETS) expect(cellValues(after.getWorksheet(name)!)).toEqual(cellValues(before.getWorksheet(name)!));

  // Every result table the pipeline lays out is there as an Excel table on its sheet.
  const expected = analyzeTables(await readInputTables((await XlsxWorkbook.fromBuffer(await fs.readFile(goodFile))) as unknown as WorkbookPort));
  if (!expected.ok) throw new Error('the sample should be valid');
  for (const table of expected.bundle.tables) {
    const sheet = after.getWorksheet(table.sheet);
    expect(sheet).toBeDefined();
    expect(tablesOf(sheet!).map((t) => t.name)).toContain(table.tableName);
  }

  // SPP Stock has one row per part-location, and the summary's investment is the column's sum.
  const stockSheet = after.getWorksheet(RESULT_SHEETS.stock)!;
  const stockTable = tablesOf(stockSheet).find((t) => t.name === 'SppStock')!;
  const [top, bottom] = stockTable.ref.split(':').map((address) => stockSheet.getCell(address));
  const headerRow = Number(top.row);
  expect(Number(bottom.row) - headerRow).toBe(SAMPLE.parts * SAMPLE.locations);
  let investmentColumn = -1;
  for (let c = Number(top.col); c <= Number(bottom.col); c++) if (stockSheet.getCell(headerRow, c).value === 'Investment') investmentColumn = c;
  expect(investmentColumn).toBeGreaterThan(0);
  let sum = 0;
  for (let r = headerRow + 1; r <= Number(bottom.row); r++) sum += Number(stockSheet.getCell(r, investmentColumn).value);

  const summarySheet = after.getWorksheet(RESULT_SHEETS.summary)!;
  let summaryInvestment: number | undefined;
  summarySheet.eachRow((row) => {
    if (row.getCell(1).value === 'Stock investment') summaryInvestment = Number(row.getCell(2).value);
  });
  expect(summaryInvestment).toBeDefined();
  expect(Math.abs(summaryInvestment! - sum)).toBeLessThanOrEqual(1e-9 * Math.abs(sum) + 1e-6);
  expect(await page.getByTestId('card-investment-value').textContent()).toBe(formatCurrency(sum, expected.result.summary.currency));
});

test('a workbook with a bad cell shows the exact Sheet!Cell issue, reachable by keyboard', async () => {
  await openWorkbook(badFile);
  await page.getByRole('tab', { name: 'Validate' }).click();
  await page.getByRole('button', { name: 'Validate input' }).click();
  const issue = page.getByTestId('error-list').getByRole('button', { name: 'Error: Parts!C3: UnitCost must be a number > 0, found -5' });
  await issue.waitFor();
  expect(await page.getByTestId('issue-counts').textContent()).toBe('1 error0 warnings');
  await stage('06-issues');

  // Keyboard only: Tab from the Validate button to the issue, then Enter.
  await page.getByRole('button', { name: 'Validate input' }).focus();
  let reached = false;
  for (let i = 0; i < 15 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await issue.evaluate((element) => element === document.activeElement);
  }
  expect(reached).toBe(true);
  await page.keyboard.press('Enter');
  await page.getByText('Parts!C3: open the workbook in Excel to go there.').waitFor();

  // A run on it lists the same problem and writes nothing.
  await page.getByRole('tab', { name: 'Run' }).click();
  await page.getByRole('button', { name: 'Run analysis' }).click();
  await page.getByText('The input has errors').waitFor({ timeout: 30_000 });
  await page.getByTestId('error-list').getByText('Parts!C3: UnitCost must be a number > 0, found -5').waitFor();
  await stage('07-run-errors');
});
