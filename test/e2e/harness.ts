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
