/**
 * Network stocking speed and memory: planNetwork in target mode with the full frontier on N parts ×
 * (1 Central + 10 fields) of synthetic service parts (generation not timed), and the memory the run
 * holds at two or three sizes, to show that it grows linearly with the part-locations.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
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

/** A garbage collector to call between measurements (node has none without --expose-gc). */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return () => {
    gc();
    gc();
  };
}

const heap = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

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
  /** Bytes: the input problem, the peak during the run above it, and the plan kept afterwards. */
  problemBytes: number;
  peakBytes: number;
  planBytes: number;
}

export function benchNetwork(parts: number): NetworkBenchRun {
  const gc = collector();
  gc();
  const before = heap();
  const problem = syntheticNetwork(parts);
  gc();
  const withProblem = heap();
  let peak = withProblem;
  const start = performance.now();
  const cpu = process.cpuUsage();
  const plan: NetworkPlan = planNetwork(problem, DEFAULT_NETWORK_SETTINGS, {
    onProgress: () => {
      const h = heap();
      if (h > peak) peak = h;
    },
  });
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  peak = Math.max(peak, heap());
  gc();
  const kept = heap();
  if (!plan.tiers.every((t) => t.met)) throw new Error('network bench: a tier was not met');
  return {
    parts,
    partLocations: problem.rowCount,
    seconds,
    cpuSeconds,
    steps: plan.steps,
    frontierPoints: plan.frontier.length,
    rounds: plan.rounds,
    investment: plan.total.investment,
    tierFill: plan.tiers.map((t) => t.fillRateWithinResponse),
    problemBytes: withProblem - before,
    peakBytes: peak - withProblem,
    planBytes: kept - withProblem,
  };
}

if (require.main === module) {
  const parts = Number(process.argv[2] ?? 20000);
  planNetwork(syntheticNetwork(500, 10, 2)); // warm up the JIT
  const r = benchNetwork(parts);
  console.log(JSON.stringify(r, null, 1));
}
