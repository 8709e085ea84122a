/**
 * End-to-end harness: builds the task pane with the project's webpack config into a temporary
 * folder, serves it on a random localhost port, and drives Debian's Chromium through
 * playwright-core, offline (every request to another host is aborted, so office.js never loads).
 */
import { existsSync, mkdtempSync, promises as fs, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import webpack from 'webpack';
import type { InputTableToWrite } from '../../src/workbook/port';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve(__dirname, '../../test-output/e2e');
const ROOT = path.resolve(__dirname, '../..');

export function assertChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: the browser tests need Debian's Chromium. Run \`apt-get install chromium\` (CI installs it in .ci/run).`);
  }
}

/** A development build (fast, unminified) of the real config; only the output folder differs. */
export async function buildTaskPane(outputPath: string): Promise<void> {
  const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as (env: object, argv: object) => Promise<webpack.Configuration>;
  const config = await makeConfig({}, { mode: 'development' });
  config.context = ROOT;
  config.output = { ...config.output, path: outputPath };
  config.devtool = false;
  config.infrastructureLogging = { level: 'error' };
  await new Promise<void>((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.png': 'image/png', '.xml': 'application/xml', '.json': 'application/json' };

export async function serve(folder: string): Promise<{ url: string; server: Server }> {
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = path.join(folder, path.normalize(pathname).replace(/^([/\\])+/, ''));
    if (!file.startsWith(folder)) return void response.writeHead(403).end();
    try {
      const body = await fs.readFile(file);
      response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
];

/** Chromium with a fresh profile, a 350 px wide pane, and no network beyond localhost. */
export async function launchPane(userDataDir: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 350, height: 900 },
    acceptDownloads: true,
  });
  await context.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === '127.0.0.1' || host === 'localhost' ? route.continue() : route.abort();
  });
  return context;
}

export function temporaryFolder(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function removeFolder(folder: string | undefined): void {
  if (folder) rmSync(folder, { recursive: true, force: true });
}

/** The pane fits its width: nothing scrolls sideways. */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await fs.mkdir(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** A text label of a chart as drawn: its four corners on screen (rotated labels are not axis-aligned). */
export interface LabelBox {
  text: string;
  corners: { x: number; y: number }[];
}

export interface ChartGeometry {
  /** The chart's own box (the figure holding its title, plot and legend). */
  chart: { left: number; top: number; right: number; bottom: number };
  labels: LabelBox[];
}

/**
 * Every visible text label inside each element matching `selector`, as drawn: SVG text by its
 * bounding box through the screen transform (so a label rotated by 45° is a rotated rectangle),
 * HTML text by its client rectangle. A label wrapped over several lines (tspans) is one label.
 * Runs in the page.
 */
export async function chartGeometry(page: Page, selector: string): Promise<ChartGeometry[]> {
  return page.$$eval(selector, (charts) =>
    charts.map((chart) => {
      const labels: { text: string; corners: { x: number; y: number }[] }[] = [];
      const seen = new Set<Element>();
      const visible = (element: Element): boolean =>
        element.checkVisibility({ opacityProperty: true, visibilityProperty: true } as CheckVisibilityOptions) &&
        // Visually hidden text for screen readers (1 px clipped boxes) draws nothing.
        element.getBoundingClientRect().width > 1 &&
        element.getBoundingClientRect().height > 1;
      const walker = document.createTreeWalker(chart, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim()) continue;
        let element: Element | null = node.parentElement;
        if (!element) continue;
        // A tspan is a line of its text element: measure the whole label.
        if (element instanceof SVGTSpanElement) element = element.closest('text') ?? element;
        if (seen.has(element) || !visible(element)) continue;
        // A tooltip or a chart's hover callout is drawn over the chart on purpose, and only on hover or focus.
        if (element.closest('[role="tooltip"], .fui-PopoverSurface')) continue;
        seen.add(element);
        let corners: { x: number; y: number }[];
        if (element instanceof SVGGraphicsElement) {
          const box = element.getBBox();
          const matrix = element.getScreenCTM()!;
          corners = [
            [box.x, box.y],
            [box.x + box.width, box.y],
            [box.x + box.width, box.y + box.height],
            [box.x, box.y + box.height],
          ].map(([x, y]) => ({ x: matrix.a * x + matrix.c * y + matrix.e, y: matrix.b * x + matrix.d * y + matrix.f }));
        } else {
          const r = element.getBoundingClientRect();
          corners = [
            { x: r.left, y: r.top },
            { x: r.right, y: r.top },
            { x: r.right, y: r.bottom },
            { x: r.left, y: r.bottom },
          ];
        }
        // Lines of a wrapped label (tspans) read with spaces between them.
        const lines = [...element.querySelectorAll('tspan')].map((line) => line.textContent?.trim() ?? '').filter(Boolean);
        labels.push({ text: lines.length > 1 ? lines.join(' ') : (element.textContent ?? '').trim(), corners });
      }
      const r = chart.getBoundingClientRect();
      return { chart: { left: r.left, top: r.top, right: r.right, bottom: r.bottom }, labels };
    }),
  );
}

/** Separating-axis test for two convex quadrilaterals; they may touch within `tolerance` px. */
export function boxesIntersect(a: LabelBox['corners'], b: LabelBox['corners'], tolerance = 0.5): boolean {
  for (const polygon of [a, b]) {
    for (let i = 0; i < polygon.length; i++) {
      const p = polygon[i];
      const q = polygon[(i + 1) % polygon.length];
      const length = Math.hypot(q.x - p.x, q.y - p.y);
      if (length === 0) continue;
      const axis = { x: -(q.y - p.y) / length, y: (q.x - p.x) / length };
      const project = (points: LabelBox['corners']) => points.map((point) => point.x * axis.x + point.y * axis.y);
      const pa = project(a);
      const pb = project(b);
      if (Math.max(...pa) <= Math.min(...pb) + tolerance || Math.max(...pb) <= Math.min(...pa) + tolerance) return false;
    }
  }
  return true;
}

/** What is wrong with a chart's labels: pairs that intersect, labels outside the chart. */
export function labelProblems(geometry: ChartGeometry, tolerance = 0.5): string[] {
  const problems: string[] = [];
  const { labels, chart } = geometry;
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      if (boxesIntersect(labels[i].corners, labels[j].corners, tolerance)) problems.push(`"${labels[i].text}" overlaps "${labels[j].text}"`);
    }
    const outside = labels[i].corners.some((c) => c.x < chart.left - tolerance || c.x > chart.right + tolerance || c.y < chart.top - tolerance || c.y > chart.bottom + tolerance);
    if (outside) problems.push(`"${labels[i].text}" overflows its chart`);
  }
  return problems;
}

/** Screenshot of one element (e.g. the charts) rather than the whole pane. */
export async function elementScreenshot(page: Page, selector: string, name: string): Promise<string> {
  await fs.mkdir(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.locator(selector).screenshot({ path: file });
  return file;
}

/** Eight tiers with names of different lengths, each used by at least one location. */
export const EIGHT_TIERS = ['Platinum 2h', 'Platinum 4h', 'Gold 8h', 'Gold NBD', 'Silver 24h', 'Silver 48h', 'Bronze 72h', 'Best effort'];

function columnIndex(table: InputTableToWrite, header: string): number {
  const index = table.columns.findIndex((c) => c.header === header);
  if (index < 0) throw new Error(`${table.name} has no ${header} column`);
  return index;
}

/** The sample network with its SLATiers replaced by `tiers`, assigned to the locations in turn. */
export function withTiers(tables: InputTableToWrite[], tiers: string[]): InputTableToWrite[] {
  return tables.map((table) => {
    if (table.name === 'SLATiers') {
      const [tier, hours, target, penalty] = ['Tier', 'ResponseHours', 'TargetFillRate', 'PenaltyPerMiss'].map((h) => columnIndex(table, h));
      return {
        ...table,
        rows: tiers.map((name, i) => {
          const row = new Array(table.columns.length).fill(null);
          row[tier] = name;
          row[hours] = 2 + 6 * i;
          row[target] = 0.99 - 0.02 * i;
          row[penalty] = 3000 - 300 * i;
          return row;
        }),
      };
    }
    if (table.name === 'Locations') {
      const tier = columnIndex(table, 'SLATier');
      return { ...table, rows: table.rows.map((row, i) => row.map((cell, c) => (c === tier ? tiers[i % tiers.length] : cell))) };
    }
    return table;
  });
}
