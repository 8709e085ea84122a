// `npm start` / `npm run stop`: serve the add-in on https://localhost:3000 and sideload it.
//   start [--register]  Windows/macOS with Excel: office-addin-debugging via npx (--register, or
//                       when npx fails offline: register the manifest in the developer sideload
//                       location directly). Elsewhere: instructions for Excel on the web. Keeps
//                       serving until Ctrl+C or `npm run stop`.
//   stop                Undoes the sideload and stops the dev server that `start` launched.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:https';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { desktopExcelInstalled, launchExcel, registerManifest, runOfficeAddinDebugging, unregisterManifest } from './desktop-sideload.mjs';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MANIFEST = join(REPO_ROOT, 'manifest.xml');
const TASKPANE_URL = 'https://localhost:3000/taskpane.html';
const STATE_FILE = join(REPO_ROOT, 'node_modules', '.cache', 'spp-addin', 'sideload.json');
const DEV_SERVER_START_TIMEOUT_MS = 180_000;

const log = (message) => console.log(`[spp] ${message}`);

function manifestId() {
  const id = /<Id>\s*([^<\s]+)\s*<\/Id>/.exec(readFileSync(MANIFEST, 'utf8'))?.[1];
  if (!id) throw new Error('manifest.xml has no <Id>');
  return id;
}

function readState() {
  try {
    return JSON.parse(readFileSync(STATE_FILE, 'utf8'));
  } catch {
    return undefined;
  }
}

function writeState(state) {
  mkdirSync(dirname(STATE_FILE), { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));
}

/** Resolves true once the dev server answers (its certificate may be self-signed: not checked here). */
function devServerAnswers() {
  return new Promise((done) => {
    const request = get(TASKPANE_URL, { rejectUnauthorized: false, timeout: 2000 }, (response) => {
      response.resume();
      done(response.statusCode === 200);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => done(false));
  });
}

/** Starts `webpack serve` as a child (so stop can end it by PID) and waits until it serves. */
async function startDevServer() {
  const webpackCli = createRequire(import.meta.url).resolve('webpack-cli/bin/cli.js');
  const child = spawn(process.execPath, [webpackCli, 'serve', '--mode', 'development'], { cwd: REPO_ROOT, stdio: 'inherit' });
  let exited = false;
  child.on('exit', () => (exited = true));
  for (const deadline = Date.now() + DEV_SERVER_START_TIMEOUT_MS; Date.now() < deadline && !exited; ) {
    if (await devServerAnswers()) return child;
    await new Promise((r) => setTimeout(r, 1000));
  }
  child.kill();
  throw new Error(`the dev server did not answer on ${TASKPANE_URL}`);
}

function printWebInstructions(reason) {
  log(`${reason} Sideload into Excel on the web instead:`);
  console.log(`
  1. Open a workbook in Excel on the web (https://www.office.com, a OneDrive or SharePoint file).
  2. Home › Add-ins › More Add-ins (or Insert › Add-ins) › My Add-ins › Upload My Add-in.
  3. Upload ${MANIFEST}
  The browser must trust https://localhost:3000: open ${TASKPANE_URL} once
  (it also runs there standalone, outside Excel).
  Keep this command running while you work; Ctrl+C stops serving.
`);
}

/** Sideloads into desktop Excel; returns how, for `stop`. */
async function sideloadDesktop(useTool) {
  if (useTool) {
    log('Sideloading with office-addin-debugging (fetched by npx, not a project dependency)…');
    if (await runOfficeAddinDebugging(REPO_ROOT, ['start', 'manifest.xml', 'desktop', '--app', 'excel', '--dev-server-port', '3000'])) {
      return { method: 'office-addin-debugging' };
    }
    log('office-addin-debugging was not available or failed; registering the manifest directly.');
  }
  const registration = registerManifest(MANIFEST, manifestId());
  launchExcel();
  log('Registered as a developer add-in. In Excel: Home › Add-ins (or Insert › My Add-ins) › Developer Add-ins › Service Parts Planner.');
  return { method: 'register', registration };
}

async function start(args) {
  const previous = readState();
  if (previous?.devServerPid && processAlive(previous.devServerPid)) {
    log(`Already running (dev server PID ${previous.devServerPid}). Use \`npm run stop\` first.`);
    return;
  }
  const child = (await devServerAnswers()) ? undefined : await startDevServer();
  if (!child) log(`A dev server already answers on ${TASKPANE_URL}; using it.`);

  let sideload = { method: 'web' };
  if (process.platform === 'linux') printWebInstructions('Desktop Excel does not run on Linux.');
  else if (!desktopExcelInstalled()) printWebInstructions('Desktop Excel was not found on this machine.');
  else sideload = await sideloadDesktop(!args.includes('--register'));
  writeState({ devServerPid: child?.pid ?? null, ...sideload });

  if (!child) return;
  log('Serving. Ctrl+C stops the dev server; `npm run stop` also removes the sideloaded add-in.');
  const shutDown = () => child.kill();
  process.on('SIGINT', shutDown);
  process.on('SIGTERM', shutDown);
  child.on('exit', () => process.exit(0));
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stop() {
  const state = readState() ?? {};
  if (state.method === 'office-addin-debugging') {
    await runOfficeAddinDebugging(REPO_ROOT, ['stop', 'manifest.xml']);
  }
  unregisterManifest(state.registration);
  if (state.devServerPid && processAlive(state.devServerPid)) {
    process.kill(state.devServerPid);
    log(`Stopped the dev server (PID ${state.devServerPid}).`);
  }
  if (state.method === 'web') log('Nothing local to undo; remove an uploaded add-in in Excel on the web (My Add-ins) or by clearing the browser cache.');
  rmSync(STATE_FILE, { force: true });
  log('Stopped.');
}

const [command, ...args] = process.argv.slice(2);
try {
  if (command === 'start') await start(args);
  else if (command === 'stop') await stop();
  else throw new Error('usage: node scripts/sideload.mjs start [--register] | stop');
} catch (error) {
  console.error(`[spp] ${error.message}`);
  process.exit(1);
}
