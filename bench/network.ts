/**
 * Network stocking speed and memory: planNetwork in target mode with the full frontier on N parts ×
 * (1 Central + 10 fields) of synthetic service parts (generation not timed), and the memory the run
 * holds at two or three sizes, to show that it grows linearly with the part-locations.
 */
import { collector, heap } from './memory';
import { planNetwork, type NetworkPlan } from '../src/engine/network/optimise';
import { buildNetworkProblem, centralPipelineDays, DEFAULT_NETWORK_SETTINGS, type NetworkFieldInput, type NetworkPartInput, type NetworkProblem, type NetworkTier } from '../src/engine/network/problem';
import { createRng } from '../src/sample/random';

export const BENCH_TIERS: NetworkTier[] = [
  { name: 'Platinum', responseHours: 4, targetFillRate: 0.95 },
  { name: 'Gold', responseHours: 8, targetFillRate: 0.9 },
  { name: 'Silver', responseHours: 24, targetFillRate: 0.85 },
];

/**
 * `parts` parts, each with a Central and `fields` field locations: demand per field 0.001–0.1 units
 * a day (log-uniform: mostly slow movers), a third repairable (repair 10–30 days, scrap 10%,
 * supplier 30–120 days), 40% with customers of their own at the Central, 30% over-dispersed
 * (variance-to-mean 1.5–3), unit costs 10–10,000 (log-uniform), fields in the three tiers by turn,
 * emergency delivery of 8 h at two fields in three (it covers Gold and Silver, not Platinum).
 */
export function syntheticNetwork(parts: number, fields = 10, seed = 1): NetworkProblem {
  const rng = createRng(seed);
  const logUniform = (low: number, high: number) => low * Math.exp(rng() * Math.log(high / low));
  const input: NetworkPartInput[] = [];
  for (let p = 0; p < parts; p++) {
    const vmr = rng() < 0.3 ? 1.5 + 1.5 * rng() : 1;
    const repairable = rng() < 1 / 3;
    const leadTimeDays = 30 + Math.floor(90 * rng());
    const T0 = centralPipelineDays({ leadTimeDays, repairable, repairDays: 10 + Math.floor(20 * rng()), scrapRate: 0.1 });
    const list: NetworkFieldInput[] = [];
    for (let j = 0; j < fields; j++) {
      const tier = (p + j) % 3;
      list.push({
        ratePerDay: logUniform(0.001, 0.1),
        varianceToMean: vmr,
        resupplyDays: 1 + Math.floor(5 * rng()),
        emergencyHours: rng() < 2 / 3 ? 8 : null,
        tier,
        holdingCostRate: 0.25,
        penaltyPerMiss: [2500, 1500, 500][tier],
      });
    }
    const own = rng() < 0.4 ? logUniform(0.002, 0.2) : 0;
    input.push({
      unitCost: Math.round(logUniform(10, 10000)),
      centralPipelineDays: T0,
      central: { ratePerDay: own, varianceToMean: vmr, tier: own > 0 ? 2 : null, holdingCostRate: 0.25, penaltyPerMiss: 500 },
      fields: list,
    });
  }
  return buildNetworkProblem(input, BENCH_TIERS);
}

export interface NetworkBenchRun {
  parts: number;
  partLocations: number;
  seconds: number;
  /** CPU time of the run (user + system), less sensitive than wall time to other work on a shared machine. */
  cpuSeconds: number;
  steps: number;
  frontierPoints: number;
  rounds: number;
  investment: number;
  tierFill: number[];
}

/** Times planNetwork (target mode, full frontier) on `parts` parts; generation not timed. */
export function timeNetwork(parts: number): NetworkBenchRun {
  const problem = syntheticNetwork(parts);
  const start = performance.now();
  const cpu = process.cpuUsage();
  const plan: NetworkPlan = planNetwork(problem, DEFAULT_NETWORK_SETTINGS);
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  if (!plan.tiers.every((t) => t.met)) throw new Error('network bench: a tier was not met');
  return {
    parts,
    partLocations: problem.rowCount,
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    steps: plan.steps,
    frontierPoints: plan.frontier.length,
    rounds: plan.rounds,
    investment: plan.total.investment,
    tierFill: plan.tiers.map((t) => t.fillRateWithinResponse),
  };
}

export interface NetworkMemory {
  parts: number;
  partLocations: number;
  /** Live bytes (after a full collection): the input problem; the most held during the run above it, sampled every 500 parts; the plan kept. */
  problemBytes: number;
  peakBytes: number;
  planBytes: number;
}

/** Live memory of a run: a full garbage collection before every sample, so garbage is not counted (slow; not timed). */
export function measureNetworkMemory(parts: number): NetworkMemory {
  const gc = collector();
  gc();
  const before = heap();
  const problem = syntheticNetwork(parts);
  gc();
  const withProblem = heap();
  let peak = withProblem;
  const plan = planNetwork(problem, DEFAULT_NETWORK_SETTINGS, {
    onProgress: () => {
      gc();
      peak = Math.max(peak, heap());
    },
  });
  gc();
  const kept = heap();
  if (plan.rows.count !== problem.rowCount) throw new Error('network bench: unexpected row count');
  return { parts, partLocations: problem.rowCount, problemBytes: withProblem - before, peakBytes: Math.max(peak, kept) - withProblem, planBytes: kept - withProblem };
}

/** The `npm run bench` section: best of three timings at 20,000 parts, live memory at three sizes. */
export function networkBenchSection(log: (line: string) => void): void {
  planNetwork(syntheticNetwork(500, 10, 2)); // warm up the JIT
  const parts = 20000;
  const runs = [timeNetwork(parts), timeNetwork(parts), timeNetwork(parts)];
  const best = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const r = runs[0];
  log(`planNetwork, target mode with the full frontier, ${parts.toLocaleString('en-US')} parts × (1 Central + 10 fields) = ${r.partLocations.toLocaleString('en-US')} part-locations:`);
  log(`  best of 3 ${best.seconds.toFixed(2)} s wall, ${best.cpuSeconds.toFixed(2)} s CPU (runs ${runs.map((x) => `${x.seconds.toFixed(2)} s / ${x.cpuSeconds.toFixed(2)} s CPU`).join(', ')})`);
  log(`  ${r.steps.toLocaleString('en-US')} greedy steps, ${r.frontierPoints} frontier points, ${r.rounds} calibration rounds; investment ${Math.round(r.investment).toLocaleString('en-US')}; fill within response by tier ${r.tierFill.map((f) => `${(100 * f).toFixed(2)}%`).join(', ')}`);
  log('| Parts | Part-locations | Problem (live) | Peak during the run (live) | Plan kept | Peak per part-location |');
  log('|---|---|---|---|---|---|');
  let previous: NetworkMemory | null = null;
  for (const size of [5000, 10000, 20000]) {
    const m = measureNetworkMemory(size);
    const mb = (b: number) => `${(b / 1048576).toFixed(1)} MB`;
    const ratio = previous ? ` (×${(m.peakBytes / previous.peakBytes).toFixed(2)} for ×${(m.partLocations / previous.partLocations).toFixed(0)} part-locations)` : '';
    log(`| ${size.toLocaleString('en-US')} | ${m.partLocations.toLocaleString('en-US')} | ${mb(m.problemBytes)} | ${mb(m.peakBytes)}${ratio} | ${mb(m.planBytes)} | ${Math.round(m.peakBytes / m.partLocations)} B |`);
    previous = m;
  }
}

if (require.main === module) {
  const parts = Number(process.argv[2] ?? 20000);
  planNetwork(syntheticNetwork(500, 10, 2)); // warm up the JIT
  console.log(JSON.stringify(timeNetwork(parts)));
  console.log(JSON.stringify(measureNetworkMemory(parts)));
}
