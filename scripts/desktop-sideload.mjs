// Per-OS developer sideloading of manifest.xml into desktop Excel (used by scripts/sideload.mjs).
// office-addin-debugging is fetched on demand with npx and never becomes a project dependency:
// its dependency tree installs a native keychain module whose install script downloads a binary,
// which would break `npm ci` on an offline machine.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const WINDOWS_DEVELOPER_KEY = 'HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer';
const MAC_WEF_DIR = join(homedir(), 'Library/Containers/com.microsoft.Excel/Data/Documents/wef');
const EXCEL_APP_PATHS = ['HKLM', 'HKCU'].map((hive) => `${hive}\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe`);

/** True when desktop Excel is installed on this Windows or Mac machine (always false on Linux). */
export function desktopExcelInstalled() {
  if (process.platform === 'darwin') {
    return ['/Applications/Microsoft Excel.app', join(homedir(), 'Applications/Microsoft Excel.app')].some(existsSync);
  }
  if (process.platform === 'win32') {
    return EXCEL_APP_PATHS.some((key) => spawnSync('reg', ['query', key], { stdio: 'ignore' }).status === 0);
  }
  return false;
}

/**
 * Runs `npx --yes office-addin-debugging <args>` in the repo, echoing its output. It reports most
 * failures only as "Unable to ..." on stderr with exit code 0, so the output is scanned as well.
 */
export function runOfficeAddinDebugging(repoRoot, args) {
  return new Promise((resolve) => {
    const child = spawn('npx', ['--yes', 'office-addin-debugging', ...args], {
      cwd: repoRoot,
      shell: process.platform === 'win32', // npx is npx.cmd there
      stdio: ['inherit', 'pipe', 'pipe'],
    });
    let output = '';
    const echo = (stream) => (chunk) => ((output += chunk), stream.write(chunk));
    child.stdout.on('data', echo(process.stdout));
    child.stderr.on('data', echo(process.stderr));
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0 && !/Unable to (start|stop)/i.test(output)));
  });
}

/** Registers the manifest where Excel looks for developer add-ins; returns what to undo later. */
export function registerManifest(manifestPath, manifestId) {
  if (process.platform === 'win32') {
    const result = spawnSync('reg', ['add', WINDOWS_DEVELOPER_KEY, '/v', manifestId, '/t', 'REG_SZ', '/d', manifestPath, '/f'], { stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`reg add ${WINDOWS_DEVELOPER_KEY} failed`);
    return { kind: 'registry', key: WINDOWS_DEVELOPER_KEY, value: manifestId };
  }
  if (process.platform === 'darwin') {
    mkdirSync(MAC_WEF_DIR, { recursive: true });
    const file = join(MAC_WEF_DIR, `${manifestId}.manifest.xml`);
    copyFileSync(manifestPath, file);
    return { kind: 'wef-file', file };
  }
  throw new Error(`no desktop Excel sideload location on ${process.platform}`);
}

/** Removes a registration made by registerManifest; missing entries are fine. */
export function unregisterManifest(registration) {
  if (registration?.kind === 'registry') {
    spawnSync('reg', ['delete', registration.key, '/v', registration.value, '/f'], { stdio: 'ignore' });
  } else if (registration?.kind === 'wef-file') {
    rmSync(registration.file, { force: true });
  }
}

/** Opens desktop Excel so the developer add-in shows up (best effort). */
export function launchExcel() {
  const [command, args] = process.platform === 'darwin' ? ['open', ['-a', 'Microsoft Excel']] : ['cmd', ['/c', 'start', '', 'excel']];
  spawn(command, args, { stdio: 'ignore', detached: true }).on('error', () => {}).unref();
}
