import { condemnedRecycling, partsRevenue, refurbishment } from '../../../src/engine/mom/revenue';
import { lacksSameDayCoverage, penaltyRisk, type RiskInput } from '../../../src/engine/mom/risk';

describe('SLA penalty risk (every figure by hand)', () => {
  // Row 0: 10 a year × (1 − 0.90) × 1000 = 1000 now; the recommended stock avoids 10 × 0.05 × 1000 = 500 for 50 more holding → listed, net 450.
  // Row 1: 20 × 0.02 × 1000 = 400; already above the recommendation → nothing to avoid.
  // Row 2: 4 × 0.5 × 2500 = 5000; avoiding 4 × 0.47 × 2500 = 4700 costs 5000 of holding → not listed.
  // Row 3: a Standard part: 20 misses a year, no penalty.
  const input: RiskInput = {
    count: 4,
    partId: ['P1', 'P2', 'P1', 'P3'],
    locationId: ['L1', 'L1', 'L2', 'L2'],
    tier: ['Gold', 'Gold', 'Platinum', 'Standard parts'],
    annualDemand: [10, 20, 4, 100],
    penaltyPerMiss: [1000, 1000, 2500, 0],
    currentFillRate: [0.9, 0.98, 0.5, 0.8],
    recommendedFillRate: [0.95, 0.95, 0.97, 0.85],
    currentHoldingCost: [100, 300, 0, 10],
    recommendedHoldingCost: [150, 200, 5000, 20],
  };
  const risk = penaltyRisk(input, { currency: 'EUR' });

  test('expected penalties by tier, with misses and shares', () => {
    expect(risk.annualPenalty).toBeCloseTo(6400, 9);
    expect(risk.byTier.map((t) => [t.tier, round(t.annualMisses), round(t.annualPenalty), round(t.share)])).toEqual([
      ['Platinum', 2, 5000, 0.78125],
      ['Gold', 1.4, 1400, 0.21875],
      ['Standard parts', 20, 0, 0],
    ]);
  });

  test('the parts that drive them, summed over locations, with their shares', () => {
    expect(risk.topParts.map((p) => [p.partId, round(p.annualPenalty), round(p.share), round(p.cumulativeShare)])).toEqual([
      ['P1', 6000, 0.9375, 0.9375],
      ['P2', 400, 0.0625, 1],
    ]);
    expect(risk.headline).toBe('The top 2 parts drive 100.0% of the expected SLA penalty of EUR 6,400 a year.');
    expect(penaltyRisk(input, { top: 1 }).topParts).toHaveLength(1);
  });

  test('penalties that exceed the holding cost of the stock that avoids them', () => {
    expect(risk.penaltyExceedsHolding.map((r) => [r.partId, r.locationId, round(r.penaltyAvoided), round(r.extraHoldingCost), round(r.netBenefit)])).toEqual([['P1', 'L1', 500, 50, 450]]);
  });

  test('long lead time and no stock for a same-day tier, unless the Parent covers it by emergency delivery', () => {
    const settings = { sameDayMaxHours: 12, longLeadTimeDays: 60 };
    const base = { leadTimeDays: 90, responseHours: 4, unitsAtLocation: 0, emergencyHours: NaN, unitsAtParent: NaN, annualDemand: 2 };
    expect(lacksSameDayCoverage(base, settings)).toBe(true);
    expect(lacksSameDayCoverage({ ...base, unitsAtLocation: 1 }, settings)).toBe(false);
    expect(lacksSameDayCoverage({ ...base, leadTimeDays: 30 }, settings)).toBe(false);
    expect(lacksSameDayCoverage({ ...base, responseHours: 24 }, settings)).toBe(false);
    expect(lacksSameDayCoverage({ ...base, annualDemand: 0 }, settings)).toBe(false);
    expect(lacksSameDayCoverage({ ...base, emergencyHours: 3, unitsAtParent: 2 }, settings)).toBe(false);
    expect(lacksSameDayCoverage({ ...base, emergencyHours: 6, unitsAtParent: 2 }, settings)).toBe(true); // too slow for 4 h
    expect(lacksSameDayCoverage({ ...base, emergencyHours: 3, unitsAtParent: 0 }, settings)).toBe(true); // nothing to send
  });
});

describe('parts revenue, margin and revenue at risk', () => {
  test('demand × SalePrice over priced parts; unpriced demand set aside', () => {
    // Revenue 10 × 200 + 8 × 50 = 2400; cost 10 × 100 + 8 × 40 = 1320; at risk 10 × 0.1 × 200 + 8 × 0.5 × 50 = 400.
    const r = partsRevenue({ count: 3, annualDemand: [10, 5, 8], fillRate: [0.9, 1, 0.5], salePrice: [200, NaN, 50], unitCost: [100, 30, 40] });
    expect(r.revenue).toBe(2400);
    expect(r.costOfSales).toBe(1320);
    expect(r.margin).toBe(1080);
    expect(r.marginShare).toBeCloseTo(0.45, 14);
    expect(r.revenueAtRisk).toBeCloseTo(400, 10);
    expect(r.revenueAtRiskShare).toBeCloseTo(1 / 6, 12);
    expect([r.pricedDemandUnits, r.unpricedDemandUnits]).toEqual([18, 5]);
  });
});

describe('refurbishment savings and the cannibalisation flag', () => {
  const parts = [
    // 20 a year, 25% condemned: 15 returns; 40% refurbished today → 9 more a year × (500 − 120) = 3420; sold at 800 → 7200 of new sales at risk.
    { partId: 'A', annualDemand: 20, repairable: true, scrapRate: 0.25, unitCost: 500, refurbCost: 120, salePrice: 800 },
    // Refurbishing costs more than new: no saving, no flag.
    { partId: 'B', annualDemand: 10, repairable: true, scrapRate: 0, unitCost: 100, refurbCost: 150, salePrice: NaN },
    { partId: 'C', annualDemand: 10, repairable: false, scrapRate: 0, unitCost: 100, refurbCost: 10, salePrice: NaN },
    { partId: 'D', annualDemand: 10, repairable: true, scrapRate: 0, unitCost: 100, refurbCost: NaN, salePrice: NaN },
  ];

  test('savings per returned unit not yet refurbished; the risk stated, not netted', () => {
    const r = refurbishment(parts, { currentRefurbishedShare: 0.4, currency: 'EUR' });
    expect(r.rows.map((x) => [x.partId, round(x.repairableReturns), round(x.additionalRefurbished), x.savingPerUnit, round(x.annualSavings), round(x.newSalesAtRisk), x.cannibalisation])).toEqual([
      ['A', 15, 9, 380, 3420, 7200, true],
      ['B', 10, 6, -50, 0, 0, false],
    ]);
    expect(r.annualSavings).toBeCloseTo(3420, 9);
    expect(r.notes).toEqual([
      'Refurbishing 9 returned units a year instead of buying new saves EUR 3,420 a year (UnitCost − RefurbCost per unit).',
      'Cannibalisation risk: 1 of these parts is also sold to customers; refurbished units offered to them could replace up to EUR 7,200 a year of new-part sales. This is not netted from the saving.',
    ]);
  });

  test('recycling of condemned repairable returns at SalvageValue', () => {
    // A: 20 × 0.25 = 5 condemned a year × 30 = 150, book value 5 × 500 = 2500; B condemns none; C is not repairable.
    const r = condemnedRecycling(parts.map((p) => ({ ...p, salvageValue: 30 })));
    expect(r).toEqual({ condemnedUnits: 5, annualRecovery: 150, annualBookValue: 2500 });
  });
});

function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
