/**
 * The network stage of the pipeline (src/pipeline/network-stage.ts) on a validated input of N parts ×
 * (1 Central + 10 fields) × 36 months: the forecasts of every part-location (planPortfolio), the
 * network plan in target mode with the full frontier, and the network's stocking backtest (forecasts
 * and plan again on the history before the held-out year, then the replay). Generation not timed;
 * the layout (sheets, JSON) is not included (the CLI section times a whole run).
 */
import { collector, heap } from './memory';
import { planPortfolio, type PortfolioOptions } from '../src/engine/portfolio';
import type { Location, Part, PlanningInput } from '../src/model/types';
import { planNetwork } from '../src/engine/network';
import { buildStageProblem, computeWithNetwork, networkSettingsFrom, withNetworkRows } from '../src/pipeline/network-stage';
import { defaultSettings } from '../src/pipeline/validateSettings';
import { createRng } from '../src/sample/random';
import { sampleCompoundPoisson, samplePoisson } from '../src/sample/samplers';

const FIELDS = 10;
const PERIODS = 36;

/**
 * `parts` parts at one Central and 10 Field locations (three tiers by turn: 4 h, 8 h, 24 h; emergency
 * delivery of 8 h at two fields in three), demand per field 0.03–3 a month (log-uniform; a third of
 * the parts lumpy), 40% of the parts with customers at the Central, a third repairable.
 */
export function networkInput(parts: number, seed = 1): PlanningInput {
  const rng = createRng(seed);
  const logUniform = (low: number, high: number) => low * Math.exp(rng() * Math.log(high / low));
  const partList: Part[] = Array.from({ length: parts }, (_, i) => ({
    id: `P${i}`,
    description: '',
    unitCost: Math.round(logUniform(10, 10000)),
    leadTimeDays: 30 + Math.floor(90 * rng()),
    repairable: rng() < 1 / 3,
    repairDays: 10 + Math.floor(20 * rng()),
    scrapRate: 0.1,
    criticality: 'Critical',
    lifecycle: 'Active',
    endOfSupport: null,
    salePrice: null,
    refurbCost: null,
    salvageValue: null,
  }));
  const tiers = ['Platinum', 'Gold', 'Silver'];
  const locations: Location[] = [
    { id: 'CDC', type: 'Central', parent: null, resupplyDays: null, emergencyHours: null, slaTier: 'Silver', holdingCostRate: null },
    ...Array.from({ length: FIELDS }, (_, j): Location => ({ id: `FSL${j}`, type: 'Field', parent: 'CDC', resupplyDays: 1 + (j % 5), emergencyHours: j % 3 === 2 ? null : 8, slaTier: tiers[j % 3], holdingCostRate: null })),
  ];
  const labels = Array.from({ length: PERIODS }, (_, t) => `${2020 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`);
  const demand: PlanningInput['demand'] = [];
  for (const part of partList) {
    const lumpy = rng() < 1 / 3;
    const series = (rate: number) => Float64Array.from({ length: PERIODS }, () => (lumpy ? sampleCompoundPoisson(rng, rate / 2.5, 2.5, 0.8) : samplePoisson(rng, rate)));
    if (rng() < 0.4) demand.push({ partId: part.id, locationId: 'CDC', quantities: series(logUniform(0.06, 6)) });
    for (let j = 0; j < FIELDS; j++) demand.push({ partId: part.id, locationId: `FSL${j}`, quantities: series(logUniform(0.03, 3)) });
  }
  return {
    parts: partList,
    locations,
    slaTiers: [
      { tier: 'Platinum', responseHours: 4, targetFillRate: 0.95, penaltyPerMiss: 2500 },
      { tier: 'Gold', responseHours: 8, targetFillRate: 0.9, penaltyPerMiss: 1500 },
      { tier: 'Silver', responseHours: 24, targetFillRate: 0.85, penaltyPerMiss: 500 },
    ],
    grid: { length: 'Month', first: 2020 * 12, count: PERIODS, labels },
    demand,
    inventory: [],
    settings: defaultSettings(),
  };
}

export interface StageRun {
  parts: number;
  partLocations: number;
  seconds: number;
  cpuSeconds: number;
  investment: number;
  tiersMet: boolean;
  frontierPoints: number;
}

export function timeStage(parts: number): StageRun {
  const input = networkInput(parts);
  const start = performance.now();
  const cpu = process.cpuUsage();
  const { network, portfolio } = computeWithNetwork(input, planPortfolio);
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  if (!network) throw new Error('network stage bench: no network plan');
  return {
    parts,
    partLocations: portfolio.rows.count,
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    investment: portfolio.summary.investment,
    tiersMet: network.plan.tiers.every((t) => t.met),
    frontierPoints: network.plan.frontier.length,
  };
}

const cpuSeconds = (used: NodeJS.CpuUsage) => (used.user + used.system) / 1e6;

/**
 * The parts of the stage on their own, one run each: the floor (the forecasts of every
 * part-location, planPortfolio, which the stage cannot do without) and the network plan in target
 * mode with the full frontier (planNetwork with its calibration: the issue's speed goal), both CPU
 * seconds.
 */
export function stageParts(parts: number): { forecastsCpu: number; livePlanCpu: number; calibrationRounds: number } {
  const input = withNetworkRows(networkInput(parts));
  let cpu = process.cpuUsage();
  const portfolio = planPortfolio(input, {});
  const forecastsCpu = cpuSeconds(process.cpuUsage(cpu));
  const { problem } = buildStageProblem(input, portfolio);
  const settings = networkSettingsFrom(input);
  cpu = process.cpuUsage();
  const plan = planNetwork(problem, settings, { mode: 'target' });
  const livePlanCpu = cpuSeconds(process.cpuUsage(cpu));
  return { forecastsCpu, livePlanCpu, calibrationRounds: plan.rounds };
}

/** Live bytes above the input at the most held during the stage (a full collection at every 8th progress call) and kept after it. */
export function stageMemory(parts: number): { parts: number; partLocations: number; inputBytes: number; peakBytes: number; keptBytes: number } {
  const gc = collector();
  gc();
  const before = heap();
  const input = networkInput(parts);
  gc();
  const withInput = heap();
  let peak = withInput;
  let calls = 0;
  // Progress comes every 500 part-locations (forecasts) and every 500 parts (network): sample every 8th.
  const sample: PortfolioOptions['onProgress'] = () => {
    if (calls++ % 8 !== 0) return;
    gc();
    peak = Math.max(peak, heap());
  };
  const result = computeWithNetwork(input, planPortfolio, { onProgress: sample });
  gc();
  const kept = heap();
  if (!result.network) throw new Error('no network');
  return { parts, partLocations: result.portfolio.rows.count, inputBytes: withInput - before, peakBytes: Math.max(peak, kept) - withInput, keptBytes: kept - withInput };
}

/** The `npm run bench` block: best of three at 20,000 parts, live memory at 5,000, 10,000 and 20,000. */
export function networkStageBenchSection(log: (line: string) => void): void {
  timeStage(300); // warm up the JIT
  const parts = 20000;
  const runs = [timeStage(parts), timeStage(parts), timeStage(parts)];
  const best = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const r = runs[0];
  log(`computeWithNetwork (forecasts, network plan in target mode with the full frontier, network backtest), ${parts.toLocaleString('en-US')} parts × (1 Central + 10 fields) × ${PERIODS} months = ${r.partLocations.toLocaleString('en-US')} part-locations:`);
  log(`  best of 3 ${best.seconds.toFixed(2)} s wall, ${best.cpuSeconds.toFixed(2)} s CPU (runs ${runs.map((x) => `${x.seconds.toFixed(2)} s / ${x.cpuSeconds.toFixed(2)} s CPU`).join(', ')}); tiers met: ${r.tiersMet}; ${r.frontierPoints} frontier points; investment ${Math.round(r.investment).toLocaleString('en-US')}`);
  const bestCpu = Math.min(...runs.map((x) => x.cpuSeconds));
  const partsAlone = stageParts(parts);
  log(`  floor, the forecasts alone (planPortfolio): ${partsAlone.forecastsCpu.toFixed(2)} s CPU; the stage is ×${(bestCpu / partsAlone.forecastsCpu).toFixed(1)} the floor`);
  log(`  the network plan alone (planNetwork, target mode, full frontier, ${partsAlone.calibrationRounds} calibration rounds): ${partsAlone.livePlanCpu.toFixed(2)} s CPU`);
  log('| Parts | Part-locations | Input (live) | Peak during the stage (live) | Kept after it | Peak per part-location |');
  log('|---|---|---|---|---|---|');
  let previous: ReturnType<typeof stageMemory> | null = null;
  for (const size of [5000, 10000, 20000]) {
    const m = stageMemory(size);
    const mb = (b: number) => `${(b / 1048576).toFixed(1)} MB`;
    const ratio = previous ? ` (×${(m.peakBytes / previous.peakBytes).toFixed(2)} for ×${(m.partLocations / previous.partLocations).toFixed(0)} part-locations)` : '';
    log(`| ${size.toLocaleString('en-US')} | ${m.partLocations.toLocaleString('en-US')} | ${mb(m.inputBytes)} | ${mb(m.peakBytes)}${ratio} | ${mb(m.keptBytes)} | ${Math.round(m.peakBytes / m.partLocations)} B |`);
    previous = m;
  }
}

if (require.main === module) {
  const parts = Number(process.argv[2] ?? 20000);
  timeStage(300);
  console.log(JSON.stringify(timeStage(parts)));
  console.log(JSON.stringify(stageParts(parts)));
  if (process.argv[3] !== 'time') console.log(JSON.stringify(stageMemory(parts)));
}
