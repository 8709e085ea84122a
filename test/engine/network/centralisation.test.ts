/**
 * The centralisation counterfactual (docs/methods.md §8.9) on a network small enough to plan by
 * hand: one part (unit cost 1,000, Central pipeline 5 days, no demand of the Central's own), two
 * field locations with 0.01 units a day each, resupplied in 2 days, emergency delivery from the
 * Central in 12 hours, both in one next-day tier (24 hours, target 90%); MinFillRate 50%,
 * EmergencyShipmentCost 10, no penalty, holding 25% a year. Demand is Poisson, so VARI-METRIC's
 * pipelines are Poisson and a shelf's fill rate is P(pipeline ≤ s − 1).
 *
 * Optimised (fields coverable, 12 h ≤ 24 h): the Central's pipeline is Poisson(0.02 × 5 = 0.1).
 * At Central stock 0 its availability A₀ is 0, below the 50% floor, so each field needs a unit of
 * its own (2 units at least). At Central stock 1, A₀ = P(X₀ = 0) = e^−0.1 = 0.904837; serving from
 * the Central costs 10 × 365.25 × 0.01 × A₀ = 33.05 a year against about 240 of holding for a field
 * unit, so both fields are served from the Central at stock 0: fill within response A₀ = 90.48% ≥
 * 90% with 1 unit — the least plan, investment 1,000. Emergency shipments = 365.25 × 0.01 × A₀ per
 * field = 2 × 3.6525 × 0.904837 = 6.60984 a year, × 10 = 66.0984 a year.
 *
 * Field-only (nothing coverable): each field needs its own shelf to reach the 50% floor. With Central
 * stock 0 every order waits the Central's full 5 days, so a field's pipeline is Poisson(0.01 × (2 +
 * 5) = 0.07) and one unit fills e^−0.07 = 93.24% ≥ 90%: stock (0, 1, 1), investment 2,000, no
 * emergency shipments. Any 2-unit plan with Central stock > 0 leaves a field at 0, under the floor.
 *
 * Centralisation: field stock released 2,000 − 0 = 2,000, Central stock added 1,000 − 0 = 1,000.
 */
import { planNetwork } from '../../../src/engine/network/optimise';
import { buildNetworkProblem, DEFAULT_NETWORK_SETTINGS, type NetworkSettings } from '../../../src/engine/network/problem';
import { buildOpportunities } from '../../../src/engine/mom/opportunities';
import { compareWithFieldOnly, equalServiceTargets, fieldOnlyProblem, planCentralisation } from '../../../src/engine/network/centralisation';

const SETTINGS: NetworkSettings = { ...DEFAULT_NETWORK_SETTINGS, minFillRate: 0.5, emergencyShipmentCost: 10 };
const TIER = { name: 'Next day', responseHours: 24, targetFillRate: 0.9 };
const fieldAt = (emergencyHours: number | null) => ({ ratePerDay: 0.01, resupplyDays: 2, emergencyHours, tier: 0, holdingCostRate: 0.25, penaltyPerMiss: 0 });
const PROBLEM = buildNetworkProblem(
  [{ unitCost: 1000, centralPipelineDays: 5, central: { ratePerDay: 0, tier: null, holdingCostRate: 0.25, penaltyPerMiss: 0 }, fields: [fieldAt(12), fieldAt(12)] }],
  [TIER],
);

describe('centralisation: the optimised network against the same network from field stock alone', () => {
  const plan = planNetwork(PROBLEM, SETTINGS, { mode: 'target' });
  const comparison = planCentralisation(PROBLEM, plan, SETTINGS)!;

  test('the optimised plan serves both fields from one Central unit (hand calculation above)', () => {
    expect(Array.from(plan.rows.columns.stock)).toEqual([1, 0, 0]);
    expect([plan.rows.decisionAt(1), plan.rows.decisionAt(2)]).toEqual(['ServeFromCentral', 'ServeFromCentral']);
    expect(plan.tiers[0].fillRateWithinResponse).toBeCloseTo(Math.exp(-0.1), 10);
  });

  test('the field-only plan stocks a unit at each field and none at the Central', () => {
    const fieldOnly = planNetwork(fieldOnlyProblem(PROBLEM, [0.9]), SETTINGS, { mode: 'target' });
    expect(Array.from(fieldOnly.rows.columns.stock)).toEqual([0, 1, 1]);
    expect(fieldOnly.tiers[0].fillRateWithinResponse).toBeCloseTo(Math.exp(-0.07), 10);
    expect(fieldOnly.total.expectedAnnualEmergencyShipments).toBe(0);
  });

  test('field stock released, Central stock added and the extra emergency transport', () => {
    expect(comparison.coverableRows).toBe(2);
    expect(comparison.optimisedInvestment).toBe(1000);
    expect(comparison.fieldOnlyInvestment).toBe(2000);
    expect(comparison.fieldStockReleased).toBe(2000);
    expect(comparison.centralStockAdded).toBe(1000);
    expect(comparison.emergencyShipments).toBeCloseTo(2 * 365.25 * 0.01 * Math.exp(-0.1), 9); // 6.60984
    expect(comparison.annualExtraTransportCost).toBeCloseTo(10 * 2 * 365.25 * 0.01 * Math.exp(-0.1), 8); // 66.0984
    expect(comparison.fieldOnlyFillByTier[0]).toBeCloseTo(Math.exp(-0.07), 10);
  });

  test('as an opportunity: the release is the part of the inventory reduction due to centralisation, not added to it', () => {
    // Today 5,000 against 1,000 optimised, no excess: 4,000 released in all. Centralisation takes
    // 2,000 − 1,000 = 1,000 of it (250 a year of holding − 66.10 transport = 183.90; cost 5% of
    // the 2,000 field stock = 100); the inventory reduction keeps 3,000 (750 a year; cost 300).
    const numbers = {
      inventoryReduction: { currentInventoryValue: 5000, optimisedInventoryValue: 1000, excessBookValue: 0, holdingCostRate: 0.25 },
      centralisation: { ...comparison, holdingCostRate: 0.25 },
    };
    const byId = Object.fromEntries(buildOpportunities(numbers).map((o) => [o.id, o]));
    expect(byId.centralisation.oneTimeBenefit).toBe(1000);
    expect(byId.centralisation.annualBenefit).toBeCloseTo(250 - 10 * 2 * 365.25 * 0.01 * Math.exp(-0.1), 8);
    expect(byId.centralisation.oneTimeCost).toBe(100);
    expect(byId.inventoryReduction.oneTimeBenefit).toBe(3000);
    expect(byId.inventoryReduction.annualBenefit).toBe(750);
    expect(byId.inventoryReduction.oneTimeCost).toBe(300);
    // Today 1,600: only 600 can be released, and centralisation cannot claim more than that; the
    // field stock transferred back is 2,000 × 600 / 1,000 = 1,200, at 5%: 60.
    const thin = Object.fromEntries(buildOpportunities({ ...numbers, inventoryReduction: { ...numbers.inventoryReduction, currentInventoryValue: 1600 } }).map((o) => [o.id, o]));
    expect(thin.centralisation.oneTimeBenefit).toBe(600);
    expect(thin.centralisation.oneTimeCost).toBeCloseTo(60, 10);
    expect(thin.inventoryReduction.oneTimeBenefit).toBe(0);
    expect(thin.centralisation.summary).toContain("net USD 1,000, of which today's inventory leaves USD 600 to release beyond the excess counted under disposition");
  });

  test('without a coverable field there is nothing to centralise and no second plan', () => {
    const uncovered = buildNetworkProblem([{ unitCost: 1000, centralPipelineDays: 5, central: { ratePerDay: 0, tier: null, holdingCostRate: 0.25, penaltyPerMiss: 0 }, fields: [fieldAt(30), fieldAt(null)] }], [TIER]);
    expect(planCentralisation(uncovered, planNetwork(uncovered, SETTINGS), SETTINGS)).toBeNull();
  });

  test('equal service: tier targets in target mode (or what the plan reaches below them), the reached fill in budget mode', () => {
    const tiers = [{ ...plan.tiers[0], fillRateWithinResponse: 0.93 }];
    expect(equalServiceTargets(PROBLEM, { mode: 'target', tiers })).toEqual([0.9]);
    expect(equalServiceTargets(PROBLEM, { mode: 'target', tiers: [{ ...tiers[0], fillRateWithinResponse: 0.85 }] })).toEqual([0.85]);
    expect(equalServiceTargets(PROBLEM, { mode: 'budget', tiers })).toEqual([0.93]);
    // A budget plan that serves the fields from the Central at 90.48% against field stock reaching it.
    const budget = planNetwork(PROBLEM, SETTINGS, { mode: 'budget', budget: 1000 });
    const fieldOnly = planNetwork(fieldOnlyProblem(PROBLEM, equalServiceTargets(PROBLEM, budget)), SETTINGS, { mode: 'target' });
    expect(compareWithFieldOnly(PROBLEM, budget, fieldOnly).fieldOnlyInvestment).toBe(2000);
  });
});
