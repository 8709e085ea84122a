/**
 * The sample's stocking network: SLA tiers and Central warehouses each resupplying a set of Field
 * stocking locations (FSLs) in their region.
 */
import type { LocationType } from '../model/types';
import { chance, integerBetween, uniform, type Rng } from './random';

export interface SampleSlaTier {
  tier: string;
  responseHours: number;
  targetFillRate: number;
  penaltyPerMiss: number;
}

/**
 * Penalties per miss are service credits: with them today's expected penalties come to about 5% of
 * the sample's parts revenue (five times these made them a quarter of it, and every business case
 * a penalty-avoidance case with an IRR of several hundred percent).
 */
export const SAMPLE_SLA_TIERS: readonly SampleSlaTier[] = [
  { tier: 'Platinum', responseHours: 4, targetFillRate: 0.97, penaltyPerMiss: 500 },
  { tier: 'Gold', responseHours: 8, targetFillRate: 0.95, penaltyPerMiss: 300 },
  { tier: 'Silver', responseHours: 24, targetFillRate: 0.9, penaltyPerMiss: 100 },
  { tier: 'Bronze', responseHours: 48, targetFillRate: 0.85, penaltyPerMiss: 20 },
];

/** Centrals serve their own direct customers next business day; FSLs sell the fast tiers. */
const CENTRAL_TIER = 'Silver';
const FIELD_PLATINUM_SHARE = 0.4;

export interface SampleLocation {
  id: string;
  type: LocationType;
  parent: string | null;
  resupplyDays: number | null;
  emergencyHours: number | null;
  slaTier: string;
  /**
   * Demand multiplier of the location relative to a typical FSL: a Central's own customers (and
   * its share of the installed base) make its demand several times an FSL's.
   */
  demandScale: number;
}

interface Region {
  code: string;
  cities: readonly string[];
}

/** Regions in the order Centrals are opened, with IATA-style city codes for their FSLs. */
const REGIONS: readonly Region[] = [
  { code: 'EU', cities: ['AMS', 'PAR', 'FRA', 'MAD', 'MIL', 'LHR', 'MUC', 'VIE', 'ARN', 'WAW', 'BRU', 'ZRH', 'CPH', 'DUB', 'LIS', 'PRG'] },
  { code: 'US', cities: ['NYC', 'CHI', 'DFW', 'LAX', 'ATL', 'SEA', 'BOS', 'DEN', 'MIA', 'PHX', 'SFO', 'IAH', 'MSP', 'DTW', 'CLT', 'YYZ'] },
  { code: 'APAC', cities: ['SIN', 'TYO', 'HKG', 'SEL', 'SYD', 'BOM', 'SHA', 'BKK', 'KUL', 'MNL', 'DEL', 'MEL', 'TPE', 'CGK', 'AKL', 'OSA'] },
  { code: 'LATAM', cities: ['GRU', 'MEX', 'BOG', 'SCL', 'LIM', 'EZE', 'GIG', 'PTY', 'MVD', 'GDL', 'MTY', 'UIO'] },
  { code: 'MEA', cities: ['DXB', 'JNB', 'CAI', 'RUH', 'NBO', 'LOS', 'TLV', 'DOH', 'CMN', 'IST', 'AUH', 'CPT'] },
];

/** One Central per started block of ten locations; the rest are Field locations. */
export function centralCount(locations: number): number {
  return Math.ceil(locations / 10);
}

/** Centrals first, then Fields assigned round-robin to the Centrals as Parent. */
export function generateNetwork(locations: number, rng: Rng): SampleLocation[] {
  const centrals = centralCount(locations);
  const result: SampleLocation[] = [];
  const centralRegions: Region[] = [];
  for (let c = 0; c < centrals; c++) {
    const region = REGIONS[c % REGIONS.length];
    centralRegions.push(region);
    result.push({
      id: `CDC-${withRound(region.code, Math.floor(c / REGIONS.length))}`,
      type: 'Central',
      parent: null,
      resupplyDays: null,
      emergencyHours: null,
      slaTier: CENTRAL_TIER,
      demandScale: uniform(rng, 2.5, 4),
    });
  }
  // Count FSLs per region, not per Central, so a second EU Central never reuses an EU city code.
  const citiesUsed = new Map<string, number>();
  for (let f = 0; f < locations - centrals; f++) {
    const parentIndex = f % centrals;
    const region = centralRegions[parentIndex];
    const used = citiesUsed.get(region.code) ?? 0;
    citiesUsed.set(region.code, used + 1);
    const city = region.cities[used % region.cities.length];
    result.push({
      id: `FSL-${withRound(city, Math.floor(used / region.cities.length))}`,
      type: 'Field',
      parent: result[parentIndex].id,
      resupplyDays: integerBetween(rng, 1, 5),
      emergencyHours: integerBetween(rng, 2, 24),
      slaTier: chance(rng, FIELD_PLATINUM_SHARE) ? 'Platinum' : 'Gold',
      demandScale: uniform(rng, 0.6, 1.4),
    });
  }
  return result;
}

/** `AMS`, then `AMS2`, `AMS3`, … once every code of the list is taken. */
function withRound(code: string, round: number): string {
  return round === 0 ? code : `${code}${round + 1}`;
}
