/**
 * The network input and its rules: the Central's pipeline time, SLA coverage predicates, a supplied
 * central pipeline distribution (where the engine's lead-time demand model plugs in), the reasons
 * in words, and rows without demand.
 */
import { CountTable, tabulated } from '../../../src/engine/network/count-distribution';
import { evaluateNetwork } from '../../../src/engine/network/evaluate';
import { planNetwork } from '../../../src/engine/network/optimise';
import { buildNetworkProblem, canServeFromParent, centralPipelineDays, DEFAULT_NETWORK_SETTINGS, isSameDayTier, subProblem, tierCanBeMet } from '../../../src/engine/network/problem';
import { networkReason } from '../../../src/engine/network/reasons';
import { field, part, randomParts, TIERS } from './instances';

describe('network input rules', () => {
  test('central pipeline time: lead time, or the repair and scrap mix of a repairable', () => {
    expect(centralPipelineDays({ leadTimeDays: 45, repairable: false, repairDays: 10, scrapRate: 0.2 })).toBe(45);
    // 0.9 × 14 + 0.1 × 60 = 18.6 days.
    expect(centralPipelineDays({ leadTimeDays: 60, repairable: true, repairDays: 14, scrapRate: 0.1 })).toBeCloseTo(18.6, 12);
  });

  test('coverage: emergency delivery within the response time; same-day tiers; tiers no location can meet', () => {
    expect(canServeFromParent(8, 24)).toBe(true);
    expect(canServeFromParent(24, 24)).toBe(true);
    expect(canServeFromParent(8, 4)).toBe(false);
    expect(canServeFromParent(null, 48)).toBe(false);
    expect(isSameDayTier(4)).toBe(true);
    expect(isSameDayTier(24)).toBe(false);
    expect(tierCanBeMet(4, [{ type: 'Central', emergencyHours: null }])).toBe(false);
    expect(tierCanBeMet(4, [{ type: 'Central', emergencyHours: 3 }])).toBe(true);
    expect(tierCanBeMet(4, [{ type: 'Central', emergencyHours: null }, { type: 'Field', emergencyHours: null }])).toBe(true);
    expect(tierCanBeMet(24, [{ type: 'Central', emergencyHours: null }])).toBe(true);
    expect(tierCanBeMet(24, [])).toBe(false);
    const problem = buildNetworkProblem([part(10, 20, 0, [field(0.1, 2, 1, { emergencyHours: 8 }), field(0.1, 2, 0, { emergencyHours: 8 }), field(0.1, 2, null, { emergencyHours: 8 })])], TIERS);
    expect(Array.from(problem.coverable)).toEqual([0, 1, 0, 0]); // Gold 8 h: yes; Platinum 4 h: no; no tier: no
  });

  test('a tier index outside the tiers is refused', () => {
    expect(() => buildNetworkProblem([part(10, 20, 0, [field(0.1, 2, 7)])], TIERS)).toThrow('tier 7 is not one of the 3 tiers');
  });

  test('a sub-problem holds the chosen parts, evaluated as in the whole network', () => {
    const problem = buildNetworkProblem(randomParts(6, 4), TIERS);
    const sub = subProblem(problem, [4, 1]);
    expect(sub.partCount).toBe(2);
    const stock = Array.from({ length: problem.rowCount }, (_, r) => (r % 3) + 1);
    const whole = evaluateNetwork(problem, stock).rows.columns;
    const rows = [4, 1].flatMap((p) => Array.from({ length: problem.firstRow[p + 1] - problem.firstRow[p] }, (_, k) => problem.firstRow[p] + k));
    const part = evaluateNetwork(sub, rows.map((r) => stock[r])).rows.columns;
    rows.forEach((r, i) => expect(part.fillRateWithinResponse[i]).toBe(whole.fillRateWithinResponse[r]));
  });
});

describe('a supplied central pipeline distribution', () => {
  test('a tabulated Poisson gives the same plan as the built-in one', () => {
    const input = part(100, 30, 0.02, [field(0.05, 2, 0), field(0.03, 3, 1, { emergencyHours: 8 })]);
    const built = buildNetworkProblem([input], TIERS);
    const pmf = new CountTable().reset(0.1 * 30, 0.1 * 30);
    pmf.tabulateTail();
    const supplied = buildNetworkProblem([{ ...input, centralPipeline: tabulated(pmf.pmf.subarray(0, pmf.length)) }], TIERS);
    const a = evaluateNetwork(built, [4, 1, 0]).rows.columns;
    const b = evaluateNetwork(supplied, [4, 1, 0]).rows.columns;
    for (const r of [0, 1, 2]) {
      expect(b.expectedBackorders[r]).toBeCloseTo(a.expectedBackorders[r], 13);
      expect(b.fillRateWithinResponse[r]).toBeCloseTo(a.fillRateWithinResponse[r], 13);
    }
  });

  test('a more variable pipeline (same mean) gives the fields longer waits and more stock', () => {
    // Two-point pipeline with mean 3: 0 or 6 units, half the time each (variance 9 instead of 3).
    const input = part(100, 30, 0, [field(0.06, 2, 0), field(0.04, 3, 1)]);
    const lumpy = buildNetworkProblem([{ ...input, centralPipeline: tabulated([0.5, 0, 0, 0, 0, 0, 0.5]) }], TIERS);
    const poisson = buildNetworkProblem([input], TIERS);
    // At s₀ = 3: EBO₀ = ½·3 = 1.5 for the two-point pipeline, E[(X − 3)+] ≈ 0.67 for Poisson(3).
    expect(evaluateNetwork(lumpy, [3, 1, 1]).rows.columns.expectedBackorders[0]).toBeCloseTo(1.5, 14);
    expect(evaluateNetwork(lumpy, [3, 1, 1]).rows.columns.expectedBackorders[1]).toBeGreaterThan(evaluateNetwork(poisson, [3, 1, 1]).rows.columns.expectedBackorders[1]);
    const a = planNetwork(lumpy);
    const b = planNetwork(poisson);
    expect(a.tiers.every((t) => t.met) && b.tiers.every((t) => t.met)).toBe(true);
    expect(a.total.stock).toBeGreaterThan(b.total.stock);
  });
});

describe('rows without demand and reasons', () => {
  test('a Central without customers of its own is planned for its fields; a field without demand gets nothing', () => {
    const problem = buildNetworkProblem([part(50, 30, 0, [field(0.1, 2, 2), field(0, 2, 2)])], TIERS);
    const plan = planNetwork(problem);
    const c = plan.rows.columns;
    expect(c.stock[0]).toBeGreaterThan(0);
    expect(c.annualDemand[0]).toBe(0);
    expect(c.fillRate[0]).toBe(1);
    expect(plan.rows.decisionAt(2)).toBe('NoDemand');
    expect(c.stock[2]).toBe(0);
    expect(networkReason(problem, plan.rows, 2)).toBe('No demand expected here: nothing stocked.');
    // Stock held where nothing is demanded is reported with its value.
    const held = evaluateNetwork(problem, [c.stock[0], c.stock[1], 3]);
    expect(held.rows.columns.investment[2]).toBe(150);
    expect(held.rows.columns.annualHoldingCost[2]).toBeCloseTo(3 * 50 * 0.25, 12);
    expect(networkReason(problem, held.rows, 2)).toBe('No demand expected here; 3 units held.');
  });

  test('a field location without a tier is held at the floor only, and says so', () => {
    const problem = buildNetworkProblem([part(50, 30, 0, [field(0.1, 2, 2), field(0.1, 2, null)])], TIERS);
    const plan = planNetwork(problem);
    expect(plan.rows.columns.fillRateWithinResponse[2]).toBeGreaterThanOrEqual(0.5);
    expect(networkReason(problem, plan.rows, 2)).toBe('No SLA tier: stocked for the MinFillRate floor only.');
  });

  test('the floor reason when the Central alone cannot serve a coverable field', () => {
    // A Central with little stock for its pipeline: A₀ < 0.5, so the field must hold stock.
    const problem = buildNetworkProblem([part(50, 60, 0, [field(0.2, 2, 1, { emergencyHours: 8 })])], TIERS);
    const { rows } = evaluateNetwork(problem, [3, 2]);
    expect(rows.columns.centralAvailability[1]).toBeLessThan(0.5);
    expect(networkReason(problem, rows, 1, { minFillRate: 0.5 })).toMatch(/^Stock in the field: the Central has a unit on its shelf only \d+\.\d% of the time, below the MinFillRate floor of 50\.0%/);
  });
});

describe('settings', () => {
  test('MinFillRate must be below 1', () => {
    const problem = buildNetworkProblem([part(50, 30, 0, [field(0.1, 2, 2)])], TIERS);
    expect(() => planNetwork(problem, { ...DEFAULT_NETWORK_SETTINGS, minFillRate: 1 })).toThrow('MinFillRate');
    expect(() => planNetwork(problem, DEFAULT_NETWORK_SETTINGS, { mode: 'budget' })).not.toThrow();
    expect(() => planNetwork(problem, DEFAULT_NETWORK_SETTINGS, { mode: 'budget', budget: -1 })).toThrow('budget');
  });

  test('classic fill rate ignores batch sizes: more fill promised for the same stock', () => {
    const problem = buildNetworkProblem([part(50, 30, 0, [field(0.1, 2, 2, { varianceToMean: 3 })])], TIERS);
    const compound = evaluateNetwork(problem, [5, 2]).rows.columns.fillRate[1];
    const classic = evaluateNetwork(problem, [5, 2], { ...DEFAULT_NETWORK_SETTINGS, fillRateModel: 'Classic' }).rows.columns.fillRate[1];
    expect(classic).toBeGreaterThan(compound);
  });
});
