import {
  excessShare,
  fillRateBacktested,
  fillRatePromised,
  inventoryTurns,
  investmentPerAnnualDemandUnit,
  modelRefurbishedShare,
  obsoleteShare,
  recyclingRecovery,
  refurbishedShare,
  sameDayDemandCovered,
  slaPenaltyPerYear,
} from '../../../src/engine/mom/kpis';

// Three part-locations, values chosen so every KPI can be summed by hand.
const annualDemand = [12, 6, 0];
const unitCost = [100, 50, 10];

describe('KPI formulas against hand calculations', () => {
  test('fill rate promised is demand-weighted; rows without demand weigh nothing', () => {
    // (12 × 0.9 + 6 × 0.6) / 18 = 14.4 / 18 = 0.8
    expect(fillRatePromised(annualDemand, [0.9, 0.6, 0.1])).toBeCloseTo(0.8, 14);
    expect(fillRatePromised([0, 0], [0.5, 0.5])).toBeNull();
  });

  test('fill rate backtested is Σ filled / Σ demanded', () => {
    expect(fillRateBacktested([10, 0, 5], [9, 0, 3])).toBeCloseTo(12 / 15, 14);
    expect(fillRateBacktested([0], [0])).toBeNull();
  });

  test('investment per unit of annual demand and inventory turns', () => {
    const position = [6, 4, 3]; // value 600 + 200 + 30 = 830
    expect(investmentPerAnnualDemandUnit(position, unitCost, annualDemand)).toBeCloseTo(830 / 18, 12);
    // Demand at cost 12 × 100 + 6 × 50 = 1500 over stock at cost 830.
    expect(inventoryTurns(annualDemand, position, unitCost)).toBeCloseTo(1500 / 830, 12);
    expect(inventoryTurns(annualDemand, [0, 0, 0], unitCost)).toBeNull();
  });

  test('excess, obsolete and recovery shares are plain ratios', () => {
    expect(excessShare(230, 1000)).toBe(0.23);
    expect(obsoleteShare(0, 0)).toBeNull();
    expect(recyclingRecovery(15, 100)).toBe(0.15);
  });

  test('SLA penalty a year: Σ d × (1 − FR) × penalty', () => {
    // 12 × 0.1 × 500 + 6 × 0.4 × 0 + 0 = 600
    expect(slaPenaltyPerYear(annualDemand, [0.9, 0.6, 0.5], [500, 0, 1000])).toBeCloseTo(600, 10);
  });

  test('refurbished share: from counted units, and from the repair model (1 − ScrapRate)', () => {
    expect(refurbishedShare(30, 10)).toBe(0.75);
    // Repairable rows only: (12 × 0.8 + 6 × 0.5) / 18 = 12.6 / 18 = 0.7
    expect(modelRefurbishedShare([12, 6, 100], [true, true, false], [0.2, 0.5, 0])).toBeCloseTo(0.7, 14);
  });

  test('same-day demand covered: demand of same-day rows with at least one unit at the serving location', () => {
    // Same-day rows 0 and 1 (demand 12 and 6); only row 0 stocked → 12 / 18.
    expect(sameDayDemandCovered([12, 6, 30], [true, true, false], [2, 0, 5])).toBeCloseTo(2 / 3, 14);
  });
});
