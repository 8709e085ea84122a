#!/usr/bin/env node
/**
 * `npm run mutation [-- stryker options]`: StrykerJS over src/engine (stryker.config.mjs), then the
 * score, the run time and the surviving mutants (reports/mutation/survivors.txt).
 *
 * Stryker runs the tests in a copy of the repository at .stryker-tmp/sandbox-*, one folder deeper
 * than the repository itself, so the tests' `../shared` (the real car-parts data, never copied into
 * the repository) would miss. A link .stryker-tmp/shared → ../../shared puts it where they look.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const temp = join(root, '.stryker-tmp');
const shared = resolve(root, '..', 'shared');
const link = join(temp, 'shared');
mkdirSync(temp, { recursive: true });
let linked = false;
try {
  linked = lstatSync(link).isSymbolicLink();
} catch {}
if (!linked && existsSync(shared)) symlinkSync(relative(temp, shared), link, 'dir');

const started = Date.now();
const stryker = join(root, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
const run = spawnSync(process.execPath, [stryker, 'run', 'stryker.config.mjs', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
const seconds = (Date.now() - started) / 1000;
if (run.status !== 0) process.exit(run.status ?? 1);

// Score as Stryker defines it: detected (killed + timeout) / valid (detected + survived + no coverage).
const report = JSON.parse(readFileSync(join(root, 'reports', 'mutation', 'mutation.json'), 'utf8'));
const counts = {};
const survivors = [];
for (const [file, { mutants, source }] of Object.entries(report.files)) {
  const lines = source.split('\n');
  for (const m of mutants) {
    counts[m.status] = (counts[m.status] ?? 0) + 1;
    if (m.status === 'Survived' || m.status === 'NoCoverage') {
      const { line, column } = m.location.start;
      survivors.push(`${file}:${line}:${column} ${m.status} ${m.mutatorName}: ${m.replacement ?? ''}\n    ${lines[line - 1].trim()}`);
    }
  }
}
const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
const valid = detected + (counts.Survived ?? 0) + (counts.NoCoverage ?? 0);
writeFileSync(join(root, 'reports', 'mutation', 'survivors.txt'), survivors.join('\n') + '\n');
const summary = Object.entries(counts).map(([status, n]) => `${status} ${n}`).join(', ');
console.log(`\nMutation score (src/engine): ${((100 * detected) / valid).toFixed(2)} % — ${detected} of ${valid} mutants detected (${summary}); ${seconds.toFixed(0)} s.`);
console.log(`Surviving mutants: reports/mutation/survivors.txt; full report: reports/mutation/mutation.html.`);
