import { daysPerPeriod, holdingCostRate, leadTimeDays, penaltyPerMiss, periodsPerYear, targetFillRate } from '../../src/engine/policy';
import { defaultSettings } from '../../src/pipeline/validateSettings';
import { central, field, part, tier } from './planning-input';

const settings = { ...defaultSettings(), standardFillRate: 0.85, holdingCostRate: 0.25 };
const gold = tier('Gold', 0.97, 1500);

describe('days per period and periods per year', () => {
  test('a month is 365.25 / 12 = 30.4375 days, a week 7 days', () => {
    expect(daysPerPeriod('Month')).toBe(30.4375);
    expect(daysPerPeriod('Week')).toBe(7);
  });

  test('12 months a year; 365.25 / 7 = 52.178571… weeks a year', () => {
    expect(periodsPerYear('Month')).toBeCloseTo(12, 14);
    expect(periodsPerYear('Week')).toBeCloseTo(52.17857142857143, 12);
  });
});

describe('lead time in days', () => {
  test('Central, consumable part: LeadTimeDays', () => {
    expect(leadTimeDays(part('P', { leadTimeDays: 45 }), central('C'))).toBe(45);
  });

  test('Central, repairable part: (1 − ScrapRate)·RepairDays + ScrapRate·LeadTimeDays', () => {
    // 0.9 × 20 + 0.1 × 90 = 18 + 9 = 27 days. (Not the repair time alone, 20; not the purchase time, 90;
    // not the swapped weights 0.1 × 20 + 0.9 × 90 = 83.)
    const repairable = part('R', { repairable: true, repairDays: 20, leadTimeDays: 90, scrapRate: 0.1 });
    expect(leadTimeDays(repairable, central('C'))).toBeCloseTo(27, 12);
    // No scrap: every unit comes back from repair (20 days); all scrapped: bought anew (90 days).
    expect(leadTimeDays({ ...repairable, scrapRate: 0 }, central('C'))).toBe(20);
    expect(leadTimeDays({ ...repairable, scrapRate: 1 }, central('C'))).toBe(90);
    // 0.75 × 12 + 0.25 × 60 = 9 + 15 = 24.
    expect(leadTimeDays(part('R2', { repairable: true, repairDays: 12, leadTimeDays: 60, scrapRate: 0.25 }), central('C'))).toBeCloseTo(24, 12);
  });

  test('a consumable part ignores RepairDays and ScrapRate at a Central', () => {
    expect(leadTimeDays(part('P', { repairable: false, repairDays: 20, leadTimeDays: 90, scrapRate: 0.5 }), central('C'))).toBe(90);
  });

  test('Field location: ResupplyDays from its Central, whatever the part (0 when not given)', () => {
    const repairable = part('R', { repairable: true, repairDays: 20, leadTimeDays: 90, scrapRate: 0.1 });
    expect(leadTimeDays(repairable, field('F', 'C', 3))).toBe(3);
    expect(leadTimeDays(part('P', { leadTimeDays: 45 }), field('F', 'C', 5))).toBe(5);
    expect(leadTimeDays(part('P', { leadTimeDays: 45 }), { ...field('F', 'C', 5), resupplyDays: null })).toBe(0);
  });
});

describe('target fill rate, penalty and holding cost rate', () => {
  test("Critical parts get their location tier's target; Standard parts StandardFillRate", () => {
    expect(targetFillRate(part('P', { criticality: 'Critical' }), gold, settings)).toBe(0.97);
    expect(targetFillRate(part('P', { criticality: 'Standard' }), gold, settings)).toBe(0.85);
    expect(targetFillRate(part('P', { criticality: 'Standard' }), gold, { ...settings, standardFillRate: 0.8 })).toBe(0.8);
  });

  test('a Critical part at a location without a tier falls back to StandardFillRate', () => {
    expect(targetFillRate(part('P', { criticality: 'Critical' }), undefined, settings)).toBe(0.85);
    expect(targetFillRate(part('P', { criticality: 'Standard' }), undefined, settings)).toBe(0.85);
  });

  test("penalty per miss: the tier's for Critical parts; none for Standard parts or without a tier", () => {
    expect(penaltyPerMiss(part('P', { criticality: 'Critical' }), gold)).toBe(1500);
    expect(penaltyPerMiss(part('P', { criticality: 'Standard' }), gold)).toBe(0);
    expect(penaltyPerMiss(part('P', { criticality: 'Critical' }), undefined)).toBe(0);
    expect(penaltyPerMiss(part('P', { criticality: 'Standard' }), undefined)).toBe(0);
  });

  test("holding cost rate: the location's override, else the setting (an override of 0 is kept)", () => {
    expect(holdingCostRate(central('C', { holdingCostRate: 0.4 }), settings)).toBe(0.4);
    expect(holdingCostRate(central('C', { holdingCostRate: 0 }), settings)).toBe(0);
    expect(holdingCostRate(central('C'), settings)).toBe(0.25);
    expect(holdingCostRate(central('C'), { ...settings, holdingCostRate: 0.3 })).toBe(0.3);
  });
});
