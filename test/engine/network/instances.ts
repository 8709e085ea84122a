/** Small network instances for the network tests, and a seeded generator of random ones. */
import { createRng } from '../../../src/sample/random';
import type { NetworkFieldInput, NetworkPartInput, NetworkTier } from '../../../src/engine/network/problem';

export const TIERS: NetworkTier[] = [
  { name: 'Platinum', responseHours: 4, targetFillRate: 0.95 },
  { name: 'Gold', responseHours: 8, targetFillRate: 0.9 },
  { name: 'Silver', responseHours: 24, targetFillRate: 0.8 },
];

export const field = (ratePerDay: number, resupplyDays: number, tier: number | null, extra: Partial<NetworkFieldInput> = {}): NetworkFieldInput => ({
  ratePerDay,
  resupplyDays,
  tier,
  emergencyHours: null,
  holdingCostRate: 0.25,
  penaltyPerMiss: 0,
  ...extra,
});

export function part(unitCost: number, centralPipelineDays: number, centralRate: number, fields: NetworkFieldInput[], centralTier: number | null = 2, centralPenalty = 0): NetworkPartInput {
  return { unitCost, centralPipelineDays, central: { ratePerDay: centralRate, tier: centralRate > 0 ? centralTier : null, holdingCostRate: 0.25, penaltyPerMiss: centralPenalty }, fields };
}

/**
 * `parts` random parts of slow-moving service parts: 1–4 fields (tiers 0–2), demand 0.002–0.1 a day
 * per field, central pipelines of 10–90 days, unit costs from 20 to 20,000, a third with own central
 * demand, a quarter with over-dispersed demand, and emergency delivery (8 h) at half of the fields.
 */
export function randomParts(parts: number, seed: number, maxFields = 4): NetworkPartInput[] {
  const rng = createRng(seed);
  const out: NetworkPartInput[] = [];
  for (let p = 0; p < parts; p++) {
    const vmr = rng() < 0.25 ? 1.5 + 2 * rng() : 1;
    const fieldCount = 1 + Math.floor(rng() * maxFields);
    const fields: NetworkFieldInput[] = [];
    for (let j = 0; j < fieldCount; j++) {
      const tier = Math.floor(rng() * 3);
      fields.push(
        field(0.002 + 0.1 * rng() ** 2, 1 + Math.floor(rng() * 5), tier, {
          varianceToMean: vmr,
          emergencyHours: rng() < 0.5 ? 8 : null,
          penaltyPerMiss: [2000, 800, 200][tier],
        }),
      );
    }
    const unitCost = Math.round(20 * Math.exp(rng() * Math.log(1000)));
    const centralRate = rng() < 0.33 ? 0.05 * rng() : 0;
    out.push({ ...part(unitCost, 10 + Math.floor(80 * rng()), centralRate, fields, 2, 200), central: { ratePerDay: centralRate, varianceToMean: vmr, tier: centralRate > 0 ? 2 : null, holdingCostRate: 0.25, penaltyPerMiss: 200 } });
  }
  return out;
}
