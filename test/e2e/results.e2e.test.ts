/**
 * The Results panel in real Chromium.
 *
 * Charts at pane widths from 300 to 1,400 px, light and dark, with the sample's four SLA tiers and
 * with eight: every text label of every chart is measured as drawn (getBoundingClientRect, or the
 * SVG box through its screen transform for rotated labels); no two labels may intersect, none may
 * leave its chart, every tier keeps its label, and the pane never scrolls sideways. Screenshots go
 * to test-output/e2e/charts-*.png.
 *
 * Keyboard: Tab walks summary cards, tables, charts and the result sheets in that order; every
 * focusable element of the panel is reached by Tab or by the arrow keys of its group; every stop
 * looks different focused than not (pixels of its box compared).
 */
import { promises as fs } from 'node:fs';
import type { Server } from 'node:http';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { generateSample } from '../../src/sample';
import type { InputTableToWrite } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/workbook/xlsx-adapter';
import { assertChromium, buildTaskPane, chartGeometry, elementScreenshot, horizontalOverflow, labelProblems, launchPane, withTiers, EIGHT_TIERS, removeFolder, serve, temporaryFolder, type ChartGeometry } from './harness';

jest.setTimeout(120_000);

const WIDTHS = [300, 350, 800, 1400];

async function writeWorkbook(file: string, tables: InputTableToWrite[]): Promise<void> {
  const port = XlsxWorkbook.empty();
  await port.createInputTables(tables);
  await fs.writeFile(file, await port.toBuffer());
}

let work: string;
let server: Server;
let url: string;
let context: BrowserContext;
let page: Page;
const files: Record<'four' | 'eight', string> = { four: '', eight: '' };
/** Every console error and uncaught exception of the page (React's development warnings among them). */
const consoleErrors: string[] = [];

beforeAll(async () => {
  assertChromium();
  work = temporaryFolder('spp-charts-');
  files.four = path.join(work, 'Four tiers.xlsx');
  files.eight = path.join(work, 'Eight tiers.xlsx');
  await Promise.all([
    buildTaskPane(path.join(work, 'dist')),
    writeWorkbook(files.four, generateSample({ parts: 12, locations: 4, periods: 36, seed: 11 })),
    writeWorkbook(files.eight, withTiers(generateSample({ parts: 16, locations: 10, periods: 36, seed: 5 }), EIGHT_TIERS)),
  ]);
  ({ server, url } = await serve(path.join(work, 'dist')));
  context = await launchPane(path.join(work, 'profile'));
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    // Requests to other hosts (office.js) are aborted on purpose (launchPane): not the panel's errors.
    const offline = message.text().startsWith('Failed to load resource') && !message.location().url.startsWith(url);
    if (message.type() === 'error' && !offline) consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
});

afterAll(async () => {
  await context?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  removeFolder(work);
});

let shown = '';

/** The Results panel of `file`'s run (run once: the tests share it). */
async function showResults(file: string): Promise<void> {
  if (shown === file) return;
  await runWorkbook(file);
  shown = file;
}

async function runWorkbook(file: string): Promise<void> {
  await page.goto(`${url}taskpane.html`);
  await page.getByTestId('workbook-file').setInputFiles(file);
  await page.getByTestId('workbook-name').filter({ hasText: path.basename(file) }).waitFor();
  await page.getByRole('tab', { name: 'Run' }).click();
  await page.getByRole('button', { name: 'Run analysis' }).click();
  await page.getByTestId('summary-cards').waitFor({ timeout: 30_000 });
  await page.getByTestId('chart-tiers').locator('svg').first().waitFor();
}

const CHARTS = '[data-testid^="chart-"]';

/** The charts' geometry once it has settled (charts re-lay themselves out after a resize). */
async function settledGeometry(): Promise<ChartGeometry[]> {
  let previous = '';
  for (let attempt = 0; attempt < 20; attempt++) {
    await page.waitForTimeout(120);
    const geometry = await chartGeometry(page, CHARTS);
    const text = JSON.stringify(geometry);
    if (text === previous) return geometry;
    previous = text;
  }
  throw new Error('the charts did not settle');
}

async function checkAt(name: string, width: number, tiers: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.mouse.move(0, 0); // no hover callout
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur()); // nor a focus callout
    const geometry = await settledGeometry();
    const ids = await page.$$eval(CHARTS, (charts) => charts.map((c) => c.getAttribute('data-testid')));
    geometry.forEach((chart, i) => {
      for (const problem of labelProblems(chart)) problems.push(`${width} px ${scheme} ${ids[i]}: ${problem}`);
    });
    const tierLabels = geometry[ids.indexOf('chart-tiers')].labels.map((l) => l.text);
    for (const tier of tiers) if (!tierLabels.includes(tier)) problems.push(`${width} px ${scheme}: tier ${tier} has no label (${tierLabels.join(', ')})`);
    const { scrollWidth, clientWidth } = await horizontalOverflow(page);
    if (scrollWidth > clientWidth) problems.push(`${width} px ${scheme}: the pane scrolls sideways (${scrollWidth} > ${clientWidth})`);
    await elementScreenshot(page, '[data-testid="result-charts"]', `charts-${name}-${width}-${scheme}`);
  }
  return problems;
}

/** Marks every focusable element of the results with data-focus-id; returns their ids and regions. */
async function tagFocusables(): Promise<{ id: string; region: string; what: string }[]> {
  return page.$$eval('[data-testid="results"] *', (elements) =>
    elements
      // Tabster's focus sentinels (data-tabster-dummy) only pass focus on; they are not elements a user reaches.
      .filter((e) => (e as HTMLElement).tabIndex >= 0 && !(e as HTMLButtonElement).disabled && !e.hasAttribute('data-tabster-dummy') && e.checkVisibility())
      .map((e, i) => {
        e.setAttribute('data-focus-id', String(i));
        return { id: String(i), what: `${e.tagName.toLowerCase()} ${(e.getAttribute('aria-label') ?? e.textContent ?? '').slice(0, 40)}`, region: e.closest('[data-testid^="chart-"], [data-testid^="table-"], [data-testid="summary-cards"], [data-testid="mom-assumptions"], [data-testid="result-sheets"]')?.getAttribute('data-testid') ?? '?' };
      }),
  );
}

const focusedId = () => page.evaluate(() => document.activeElement?.getAttribute('data-focus-id') ?? null);

test('keyboard: a logical tab order through cards, tables, charts and sheets; everything reachable and visibly focused', async () => {
  await page.setViewportSize({ width: 350, height: 900 });
  await showResults(files.four);
  await page.getByTestId('chart-classes').locator('svg').first().waitFor();
  const focusables = await tagFocusables();
  const regionOf = new Map(focusables.map((f) => [f.id, f.region]));

  // Tab from the Results tab until focus leaves the panel.
  await page.getByRole('tab', { name: 'Results' }).focus();
  const stops: string[] = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const id = await focusedId();
    if (id === null) break;
    stops.push(id);
  }
  const order = stops.map((id) => regionOf.get(id)!).filter((region, i, all) => region !== all[i - 1]);
  // The efficient frontier (network plan) after the other charts: its point list and "Plan at this budget" (the plot's points are not tab stops).
  // The MOM assessment (scorecard, opportunities, editable assumptions) follows the stock tables.
  expect(order).toEqual(['summary-cards', 'table-byTier', 'table-stock', 'table-momScores', 'table-opportunities', 'mom-assumptions', 'chart-investment', 'chart-tiers', 'chart-classes', 'chart-frontier', 'result-sheets']);

  // Every stop is visibly focused: its box (and a margin for the ring) looks different without focus.
  for (const id of stops) {
    const element = page.locator(`[data-focus-id="${id}"]`);
    await element.focus();
    await page.keyboard.press('Shift'); // keyboard modality: focus rings show as after Tab
    const box = (await element.boundingBox())!;
    const clip = { x: Math.max(0, box.x - 4), y: Math.max(0, box.y - 4), width: box.width + 8, height: box.height + 8 };
    const focused = await page.screenshot({ clip });
    await element.evaluate((e) => (e as HTMLElement).blur());
    await page.mouse.move(0, 0);
    await page.waitForTimeout(150); // transitions and callouts end
    const unfocused = await page.screenshot({ clip });
    expect({ id, region: regionOf.get(id), changed: !focused.equals(unfocused) }).toEqual({ id, region: regionOf.get(id), changed: true });
  }

  // Every focusable element is a tab stop or reached by the arrow keys from one.
  const reached = new Set(stops);
  for (const id of stops) {
    for (const key of ['ArrowRight', 'ArrowDown']) {
      await page.locator(`[data-focus-id="${id}"]`).focus();
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press(key);
        const now = await focusedId();
        if (now === null || reached.has(now)) {
          if (now === null) break;
          if (i > 0 && now === id) break; // round the group
        }
        if (now !== null) reached.add(now);
      }
    }
  }
  expect(focusables.filter((f) => !reached.has(f.id))).toEqual([]);
  await elementScreenshot(page, '[data-testid="results"]', 'results-keyboard');
});

test('four tiers: no chart label overlaps another or leaves its chart, at every width, light and dark', async () => {
  await showResults(files.four); // the keyboard test's run, when it ran first
  const problems: string[] = [];
  for (const width of WIDTHS) problems.push(...(await checkAt('four-tiers', width, ['Platinum', 'Gold', 'Silver', 'Standard parts'])));
  expect(problems).toEqual([]);
});

test('eight tiers: no chart label overlaps another or leaves its chart, at every width, light and dark', async () => {
  await showResults(files.eight);
  const problems: string[] = [];
  for (const width of WIDTHS) problems.push(...(await checkAt('eight-tiers', width, [...EIGHT_TIERS, 'Standard parts'])));
  expect(problems).toEqual([]);
});

test('the panel draws every chart and table without a console error or warning of React (no NaN in any SVG attribute)', async () => {
  await showResults(files.four);
  await settledGeometry();
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await settledGeometry();
  }
  expect(consoleErrors).toEqual([]);
});
