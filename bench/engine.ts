/** Engine throughput: planPortfolio on N part-locations × P periods of synthetic demand (generation not timed). */
import { planPortfolio } from '../src/engine/portfolio';
import { defaultSettings } from '../src/pipeline/validateSettings';
import type { PlanningInput } from '../src/model/types';
import { createRng } from '../src/sample/random';
import { sampleCompoundPoisson, samplePoisson } from '../src/sample/samplers';

export function syntheticInput(partLocations: number, periods: number, seed = 1): PlanningInput {
  const rng = createRng(seed);
  const locationsPerPart = 4;
  const partCount = Math.ceil(partLocations / locationsPerPart);
  const parts = Array.from({ length: partCount }, (_, i) => ({
    id: `P${i}`,
    description: '',
    unitCost: 10 + (i % 997),
    leadTimeDays: 30 + (i % 60),
    repairable: i % 3 === 0,
    repairDays: 14,
    scrapRate: 0.1,
    criticality: i % 4 === 0 ? ('Standard' as const) : ('Critical' as const),
    lifecycle: 'Active' as const,
    endOfSupport: null,
    salePrice: null,
    refurbCost: null,
    salvageValue: null,
  }));
  const locations = [
    { id: 'CDC', type: 'Central' as const, parent: null, resupplyDays: null, emergencyHours: null, slaTier: 'NBD', holdingCostRate: null },
    ...[1, 2, 3].map((k) => ({ id: `FSL${k}`, type: 'Field' as const, parent: 'CDC', resupplyDays: 2 + k, emergencyHours: 4, slaTier: 'SameDay', holdingCostRate: null })),
  ];
  const labels = Array.from({ length: periods }, (_, t) => `${2020 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`);
  const demand = [];
  for (let i = 0; i < partLocations; i++) {
    const kind = i % 4;
    const quantities = new Array<number>(periods);
    for (let t = 0; t < periods; t++) {
      quantities[t] = kind === 0 ? samplePoisson(rng, 6) : kind === 1 ? samplePoisson(rng, 0.3) : sampleCompoundPoisson(rng, 0.25, 2.5, 0.8);
    }
    demand.push({ partId: parts[Math.floor(i / locationsPerPart)].id, locationId: locations[i % locationsPerPart].id, quantities });
  }
  return {
    parts,
    locations,
    slaTiers: [
      { tier: 'SameDay', responseHours: 4, targetFillRate: 0.95, penaltyPerMiss: 500 },
      { tier: 'NBD', responseHours: 24, targetFillRate: 0.9, penaltyPerMiss: 100 },
    ],
    grid: { length: 'Month', first: 2020 * 12, count: periods, labels },
    demand,
    inventory: [],
    settings: defaultSettings(),
  };
}

export function benchEngine(partLocations: number, periods: number): { seconds: number; perSecond: number } {
  const input = syntheticInput(partLocations, periods);
  planPortfolio(syntheticInput(2000, periods, 2)); // warm up the JIT
  const start = performance.now();
  const result = planPortfolio(input);
  const seconds = (performance.now() - start) / 1000;
  if (result.rows.count !== partLocations) throw new Error('unexpected row count');
  return { seconds, perSecond: partLocations / seconds };
}

if (require.main === module) {
  const n = Number(process.argv[2] ?? 200000);
  const p = Number(process.argv[3] ?? 36);
  const r = benchEngine(n, p);
  console.log(`engine: ${n} part-locations × ${p} periods in ${r.seconds.toFixed(2)} s (${Math.round(r.perSecond).toLocaleString('en-US')}/s)`);
}
