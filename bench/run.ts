/**
 * `npm run bench`: the engine's throughput, the network and MOM stages, the CLI's file host against
 * the floor of its file work (bench/file-io.ts), and
 * promised vs achieved fill rate on the real car-parts data. Figures go to BENCHMARKS.md.
 */
import { cpus } from 'node:os';
import { carPartsBacktest } from './fill-rate-backtest';
import { benchEngine } from './engine';
import { benchFunctions } from './functions';
import { networkBenchSection } from './network';
import { decisionQualityCost, decisionQualityDrift, decisionQualitySection } from './decision-quality';
import { networkStageBenchSection } from './network-stage';
import { fileIoBenchSection } from './file-io';
import { momStageBenchSection } from './mom-stage';

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
