/**
 * `npm run bench`: the engine's throughput, the CLI end to end with its file I/O share, and
 * promised vs achieved fill rate on the real car-parts data. Figures go to BENCHMARKS.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { analyzeFile } from '../src/cli/analyze';
import { writeSample } from '../src/cli/sample';
import { carPartsBacktest } from './fill-rate-backtest';
import { benchEngine } from './engine';
import { benchFunctions } from './functions';
import { networkBenchSection } from './network';
import { decisionQualityCost, decisionQualityDrift, decisionQualitySection } from './decision-quality';
import { networkStageBenchSection } from './network-stage';
import { fileIoBenchSection } from './file-io';
import { momStageBenchSection } from './mom-stage';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

async function main(): Promise<void> {
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}\n`);

  console.log('## Engine');
  for (const [n, p] of [[200_000, 36]] as const) {
    const runs = [benchEngine(n, p), benchEngine(n, p), benchEngine(n, p)];
    const best = Math.min(...runs.map((r) => r.seconds));
    console.log(`planPortfolio (one thread), ${n.toLocaleString('en-US')} part-locations × ${p} periods: best of 3 ${best.toFixed(2)} s (runs ${runs.map((r) => r.seconds.toFixed(2)).join(', ')})`);
  }

  console.log('\n## Network stocking (bench/network.ts)');
  networkBenchSection((line) => console.log(line));

  console.log('\n## Network stage of the pipeline (bench/network-stage.ts)');
  networkStageBenchSection((line) => console.log(line));
  console.log('\n## MOM stage in the pipeline (bench/mom-stage.ts)');
  await momStageBenchSection((line) => console.log(line));

  console.log('\n## CLI end to end (20,000 part-locations: 5,000 parts × 4 locations × 36 months)');
  const dir = mkdtempSync(join(tmpdir(), 'spp-bench-'));
  try {
    const input = join(dir, 'sample.xlsx');
    let start = performance.now();
    await writeSample(input, { parts: 5000, locations: 4, periods: 36, seed: 42 });
    console.log(`spp sample: ${seconds(performance.now() - start)}`);
    const quiet = () => undefined;
    const outcome = await analyzeFile(input, { out: join(dir, 'results.xlsx'), json: join(dir, 'results.json'), stdout: quiet, stderr: quiet });
    const t = outcome.timings;
    const io = t.load + t.read + t.save + t.json;
    console.log(`spp analyze (in process): total ${seconds(t.total)}`);
    console.log(`  load .xlsx ${seconds(t.load)}, read tables ${seconds(t.read)}, validate+plan+layout ${seconds(t.analyze)}, write .xlsx ${seconds(t.save)}, write JSON ${seconds(t.json)}`);
    console.log(`  share of reading and writing files: ${percent(io / t.total)} (reading ${percent((t.load + t.read) / t.total)}, writing ${percent((t.save + t.json) / t.total)})`);
    start = performance.now();
    execFileSync(process.execPath, [resolve(__dirname, '..', 'bin', 'spp.js'), 'analyze', input, '--out', join(dir, 'cli.xlsx')], { stdio: 'ignore' });
    console.log(`npx spp analyze (separate process, wall clock): ${seconds(performance.now() - start)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  console.log('\n## File host: spp analyze against the floor of reading and writing the same files (bench/file-io.ts)');
  await fileIoBenchSection((line) => console.log(line));

  console.log('\n## Car parts: promised vs achieved fill rate (2,509 series, decide on 39 months, replay 12)');
  console.log('| Recipe | Lead time (months) | Target | Promised | Achieved | Stock (units) |');
  console.log('|---|---|---|---|---|---|');
  for (const r of carPartsBacktest()) {
    console.log(`| ${r.recipe} | ${r.leadTimeMonths} | ${percent(r.target)} | ${percent(r.promised)} | ${percent(r.achieved)} | ${r.stock.toLocaleString('en-US')} |`);
  }

  console.log('\n## Decision quality on the car parts (bench/decision-quality.ts)');
  decisionQualitySection((line) => console.log(line));
  decisionQualityDrift((line) => console.log(line));
  decisionQualityCost((line) => console.log(line));

  const functions = benchFunctions();
  console.log(`\n## Custom functions: time per cell (${functions.series.toLocaleString('en-US')} car-parts series, best of 5)`);
  console.log('| Function | Per call | Engine call it wraps | Ratio |');
  console.log('|---|---|---|---|');
  for (const t of functions.timings) console.log(`| ${t.label} | ${t.functionMicros.toFixed(2)} µs | ${t.engineMicros.toFixed(2)} µs | ${(t.functionMicros / t.engineMicros).toFixed(1)} |`);
  console.log('Slowest calls within the limits (src/functions/limits.ts), best of 3:');
  for (const w of functions.worst) console.log(`  ${w.call}: ${w.milliseconds.toFixed(0)} ms`);
}

void main();
