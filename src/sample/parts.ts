/**
 * The sample's parts master: cost, lead time, repairability, criticality and lifecycle, each part
 * with the demand pattern it will be simulated with.
 */
import type { Criticality, Lifecycle } from '../model/types';
import { DEMAND_PATTERNS, PATTERN_SHARES, drawDemandProfile, type DemandPattern, type DemandProfile } from './demand';
import { chance, integerBetween, logNormal, shuffle, uniform, weightedIndex, type Rng } from './random';

export interface SamplePart {
  id: string;
  description: string;
  unitCost: number;
  leadTimeDays: number;
  repairable: boolean;
  repairDays: number | null;
  scrapRate: number | null;
  criticality: Criticality;
  lifecycle: Lifecycle;
  endOfSupport: Date | null;
  salePrice: number;
  refurbCost: number | null;
  salvageValue: number;
  demand: DemandProfile;
}

/**
 * Median unit cost per pattern: fast movers are cheap consumables, slow movers expensive modules.
 * The log-normal spread (σ = 1.2) still gives every pattern cheap and costly parts.
 */
const MEDIAN_COST: Readonly<Record<DemandPattern, number>> = { smooth: 40, erratic: 120, intermittent: 900, lumpy: 350 };
const MIN_COST = 5;
const MAX_COST = 20_000;

const LIFECYCLES: readonly Lifecycle[] = ['Active', 'Mature', 'EndOfLife'];
const LIFECYCLE_WEIGHTS = [0.65, 0.25, 0.1];
const CRITICAL_SHARE = 0.7;

const COMPONENTS = [
  'Power supply unit', 'Cooling fan', 'Main board', 'Controller board', 'Hard disk drive', 'Solid-state drive',
  'Memory module', 'Touch display', 'Laser module', 'Print head', 'Fuser assembly', 'Drive belt', 'Battery pack',
  'Hydraulic pump', 'Servo motor', 'Gearbox', 'Sensor kit', 'Filter cartridge', 'Valve assembly', 'Network card',
  'Cable harness', 'Bearing set', 'Seal kit', 'Control panel', 'Camera module', 'Stepper motor', 'Relay board',
];

export function generateParts(count: number, rng: Rng): SamplePart[] {
  const patterns = assignPatterns(count, rng);
  const width = Math.max(5, String(count).length);
  return patterns.map((pattern, i) => generatePart(`PN-${String(i + 1).padStart(width, '0')}`, pattern, rng));
}

/**
 * Patterns by quota (largest remainder) rather than independent draws, so every pattern appears
 * once there are four parts and the shares are exact, then shuffled over the part numbers.
 */
function assignPatterns(count: number, rng: Rng): DemandPattern[] {
  const quotas = DEMAND_PATTERNS.map((pattern) => count * PATTERN_SHARES[pattern]);
  const counts = quotas.map(Math.floor);
  const byRemainder = DEMAND_PATTERNS.map((_, i) => i).sort((a, b) => quotas[b] - counts[b] - (quotas[a] - counts[a]) || a - b);
  for (let left = count - counts.reduce((s, c) => s + c, 0), k = 0; left > 0; left--, k++) counts[byRemainder[k]]++;
  if (count >= DEMAND_PATTERNS.length) {
    // Tiny samples: move one part from the most common pattern to any pattern left empty.
    for (let i = 0; i < counts.length; i++) {
      if (counts[i] > 0) continue;
      counts[counts.indexOf(Math.max(...counts))]--;
      counts[i]++;
    }
  }
  return shuffle(rng, DEMAND_PATTERNS.flatMap((pattern, i) => new Array<DemandPattern>(counts[i]).fill(pattern)));
}

function generatePart(id: string, pattern: DemandPattern, rng: Rng): SamplePart {
  const unitCost = roundMoney(Math.min(MAX_COST, Math.max(MIN_COST, logNormal(rng, MEDIAN_COST[pattern], 1.2))));
  // Costly modules are worth repairing; cheap consumables rarely are (about 30% overall).
  const repairable = chance(rng, unitCost >= 1000 ? 0.6 : unitCost >= 150 ? 0.35 : 0.08);
  const lifecycle = LIFECYCLES[weightedIndex(rng, LIFECYCLE_WEIGHTS)];
  return {
    id,
    description: `${COMPONENTS[Math.floor(rng() * COMPONENTS.length)]} ${String.fromCharCode(65 + Math.floor(rng() * 8))}${integerBetween(rng, 1, 9)}`,
    unitCost,
    leadTimeDays: integerBetween(rng, 14, 120),
    repairable,
    repairDays: repairable ? integerBetween(rng, 7, 40) : null,
    scrapRate: repairable ? Math.round(uniform(rng, 0, 0.3) * 100) / 100 : null,
    criticality: chance(rng, CRITICAL_SHARE) ? 'Critical' : 'Standard',
    lifecycle,
    endOfSupport: lifecycle === 'EndOfLife' ? endOfSupportDate(rng) : null,
    salePrice: roundMoney(unitCost * uniform(rng, 1.3, 2.5)),
    refurbCost: repairable ? roundMoney(unitCost * uniform(rng, 0.1, 0.35)) : null,
    salvageValue: roundMoney(unitCost * uniform(rng, 0.02, 0.3)),
    demand: drawDemandProfile(pattern, lifecycle, rng),
  };
}

/** A month end in 2026–2028: support ends after the history, which is what makes the part EndOfLife. */
function endOfSupportDate(rng: Rng): Date {
  return new Date(Date.UTC(integerBetween(rng, 2026, 2028), integerBetween(rng, 1, 12), 0));
}

function roundMoney(value: number): number {
  return Math.round(value * 100) / 100;
}
