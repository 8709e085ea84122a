/**
 * VARI-METRIC against a seeded discrete-event simulation of the network (simulation.ts, written
 * independently of the model): expected backorders, fill rates and fill within response, on a
 * repairable network, a tight central, a central with customers of its own, over-dispersed demand
 * and emergency supply; and a target-mode plan, simulated, meets its tiers.
 *
 * Tolerances: the simulated averages carry sampling error, estimated by batch means (20 batches,
 * standard error SE); 3·SE covers it with 99.7% confidence. On top, the model may differ by its own
 * approximation error: VARI-METRIC fits a negative binomial by two moments (a few percent on field
 * backorders, Sherbrooke 2004 ch. 4); the central pipeline is exact for Poisson demand (Palm's
 * theorem), so its allowance is smaller. The allowances are stated per assertion.
 */
import { evaluateNetwork } from '../../../src/engine/network/evaluate';
import { planNetwork } from '../../../src/engine/network/optimise';
import { buildNetworkProblem, centralPipelineDays, DEFAULT_NETWORK_SETTINGS, type NetworkTier } from '../../../src/engine/network/problem';
import { simulateNetwork, type SimulatedNetwork } from './simulation';

const TIER: NetworkTier = { name: 'NBD', responseHours: 24, targetFillRate: 0.9 };

/** The model's measures of a simulated network at its stock (every field in one tier; emergency fields coverable). */
function model(net: SimulatedNetwork) {
  const T0 = net.repair ? centralPipelineDays({ leadTimeDays: net.leadTimeDays, repairable: true, ...net.repair }) : net.leadTimeDays;
  const problem = buildNetworkProblem(
    [
      {
        unitCost: 1,
        centralPipelineDays: T0,
        central: { ratePerDay: net.central.ratePerDay, varianceToMean: net.central.varianceToMean, tier: 0, holdingCostRate: 0, penaltyPerMiss: 0 },
        fields: net.fields.map((f) => ({ ratePerDay: f.ratePerDay, varianceToMean: f.varianceToMean, resupplyDays: f.resupplyDays, emergencyHours: f.emergency ? 8 : null, tier: 0, holdingCostRate: 0, penaltyPerMiss: 0 })),
      },
    ],
    [TIER],
  );
  return evaluateNetwork(problem, net.stock).rows.columns;
}

/** |model − simulated| within `relative` of the simulated value plus 3 standard errors. */
function expectNear(modelValue: number, simulated: number, se: number, relative: number): void {
  if (process.env.NETWORK_SIM_MARGINS) console.log(`model ${modelValue.toFixed(4)} sim ${simulated.toFixed(4)} ±${se.toFixed(4)} (${(100 * (modelValue / simulated - 1)).toFixed(1)}%)`);
  expect(Math.abs(modelValue - simulated)).toBeLessThanOrEqual(relative * Math.abs(simulated) + 3 * se);
}

interface Case {
  name: string;
  net: SimulatedNetwork;
  days: number;
  /** Allowance for the model's approximation error on field backorders (relative). */
  fieldAllowance: number;
}

const CASES: Case[] = [
  {
    // Sherbrooke-style repairable: T₀ = 0.9·14 + 0.1·60 = 18.6 days, routing drawn per unit.
    name: 'repairable part, two outlets',
    net: { central: { ratePerDay: 0 }, fields: [{ ratePerDay: 0.1, resupplyDays: 2 }, { ratePerDay: 0.1, resupplyDays: 2 }], leadTimeDays: 60, repair: { repairDays: 14, scrapRate: 0.1 }, stock: [2, 1, 1] },
    days: 1e6,
    fieldAllowance: 0.04,
  },
  {
    // Central pipeline 11.1 units with one unit of stock: EBO₀ ≈ 10.1, fields wait most of the time.
    name: 'tight central',
    net: { central: { ratePerDay: 0 }, fields: [{ ratePerDay: 0.05, resupplyDays: 1 }, { ratePerDay: 0.12, resupplyDays: 2 }, { ratePerDay: 0.2, resupplyDays: 3 }], leadTimeDays: 30, stock: [1, 1, 2, 3] },
    days: 4e5,
    fieldAllowance: 0.04,
  },
  {
    name: 'central with customers of its own',
    net: { central: { ratePerDay: 0.3 }, fields: [{ ratePerDay: 0.2, resupplyDays: 3 }, { ratePerDay: 0.1, resupplyDays: 5 }], leadTimeDays: 20, stock: [10, 2, 1] },
    days: 4e5,
    fieldAllowance: 0.04,
  },
  {
    // Compound Poisson demand (logarithmic batches, variance-to-mean 2.5) everywhere. The batch-aware
    // split is an approximation of its own (partial batches at the Central), hence 6%.
    name: 'over-dispersed demand',
    net: { central: { ratePerDay: 0.1, varianceToMean: 2.5 }, fields: [{ ratePerDay: 0.1, resupplyDays: 3, varianceToMean: 2.5 }, { ratePerDay: 0.2, resupplyDays: 3, varianceToMean: 2.5 }], leadTimeDays: 30, stock: [10, 3, 4] },
    days: 1e6,
    fieldAllowance: 0.06,
  },
];

describe('VARI-METRIC against the simulation', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, { net, days, fieldAllowance }) => {
    const sim = simulateNetwork(net, { seed: 20261127, days, warmupDays: 2000 });
    const m = model(net);
    const central = sim.locations[0];
    // Central backorders (all orders waiting): exact for Poisson and for equal-ratio NB demand; 1% for the tabulation.
    expectNear(m.expectedBackorders[0], central.backorders, central.backordersStandardError, 0.01);
    if (net.central.ratePerDay > 0) expectNear(m.fillRate[0], central.filledFromShelf / central.demand, central.fillStandardError, 0.01);
    for (let j = 1; j < sim.locations.length; j++) {
      const s = sim.locations[j];
      expectNear(m.expectedBackorders[j], s.backorders, s.backordersStandardError, fieldAllowance);
      // Fill rates: 1.5 points for the two-moment fit.
      expect(Math.abs(m.fillRate[j] - s.filledFromShelf / s.demand)).toBeLessThanOrEqual(0.015 + 3 * s.fillStandardError);
    }
  });

  test('plain METRIC understates field backorders where the central is short now and then; VARI-METRIC does not', () => {
    // The tight network's fields with ten units at the Central (pipeline 11.1, EBO₀ ≈ 1.9): central
    // delays are random, which METRIC's fixed delay misses (about half the backorders here).
    const net = { ...CASES[1].net, stock: [10, 1, 2, 3] };
    const sim = simulateNetwork(net, { seed: 5, days: 6e5, warmupDays: 2000 });
    const vari = model(net);
    const problem = buildNetworkProblem(
      [{ unitCost: 1, centralPipelineDays: 30, central: { ratePerDay: 0, tier: null, holdingCostRate: 0, penaltyPerMiss: 0 }, fields: net.fields.map((f) => ({ ...f, emergencyHours: null, tier: null, holdingCostRate: 0, penaltyPerMiss: 0 })) }],
      [],
    );
    const metric = evaluateNetwork(problem, net.stock, { ...DEFAULT_NETWORK_SETTINGS, model: 'Metric' }).rows.columns;
    for (let j = 1; j <= 3; j++) {
      const s = sim.locations[j];
      expectNear(vari.expectedBackorders[j], s.backorders, s.backordersStandardError, 0.04);
      expect(metric.expectedBackorders[j]).toBeLessThan(0.7 * s.backorders);
    }
  });

  test('emergency supply from the Central: fill within response', () => {
    // Fields 1 and 2 are coverable (field 2 holds nothing: served from the Central), field 3 is not.
    const net: SimulatedNetwork = {
      central: { ratePerDay: 0 },
      fields: [{ ratePerDay: 0.1, resupplyDays: 3, emergency: true }, { ratePerDay: 0.2, resupplyDays: 3, emergency: true }, { ratePerDay: 0.1, resupplyDays: 3 }],
      leadTimeDays: 30,
      stock: [10, 1, 0, 1],
    };
    const sim = simulateNetwork(net, { seed: 77, days: 6e5, warmupDays: 2000 });
    const m = model(net);
    for (let j = 1; j <= 3; j++) {
      const s = sim.locations[j];
      // W = FR + A₀·(1 − FR_D): 1.5 points. (Independence, FR + (1 − FR)·A₀, was 8 points high at field 1.)
      expect(Math.abs(m.fillRateWithinResponse[j] - s.filledWithinResponse / s.demand)).toBeLessThanOrEqual(0.015 + 3 * s.withinStandardError);
    }
    // Served from the Central: exactly the chance that the Central has a unit (PASTA).
    const s2 = sim.locations[2];
    expect(Math.abs(m.centralAvailability[2] - s2.filledWithinResponse / s2.demand)).toBeLessThanOrEqual(3 * s2.withinStandardError + 0.002);
  });
});

describe('target mode in the simulation', () => {
  const tiers: NetworkTier[] = [
    { name: 'Same day', responseHours: 4, targetFillRate: 0.95 },
    { name: 'Next day', responseHours: 24, targetFillRate: 0.9 },
  ];
  const parts = [
    { unitCost: 400, T0: 25, central: 0.05, fields: [[0.1, 2, 0, null], [0.08, 3, 1, 8], [0.05, 2, 1, 8]] },
    { unitCost: 2500, T0: 40, central: 0, fields: [[0.04, 3, 0, null], [0.06, 2, 1, 8]] },
    { unitCost: 90, T0: 15, central: 0.1, fields: [[0.15, 1, 0, 8], [0.1, 4, 1, null]] },
  ] as const;

  test('every tier reaches its target within response, in the model and simulated', () => {
    const problem = buildNetworkProblem(
      parts.map((p) => ({
        unitCost: p.unitCost,
        centralPipelineDays: p.T0,
        central: { ratePerDay: p.central, tier: p.central > 0 ? 1 : null, holdingCostRate: 0.25, penaltyPerMiss: 100 },
        fields: p.fields.map(([rate, resupply, tier, emergency]) => ({ ratePerDay: rate, resupplyDays: resupply, tier, emergencyHours: emergency, holdingCostRate: 0.25, penaltyPerMiss: 500 })),
      })),
      tiers,
    );
    const plan = planNetwork(problem, DEFAULT_NETWORK_SETTINGS);
    for (const [t, tier] of plan.tiers.entries()) expect(tier.fillRateWithinResponse).toBeGreaterThanOrEqual(tiers[t].targetFillRate);
    // Simulate each part's network (parts are independent) at the plan's stock, pooling tiers.
    const demand = [0, 0];
    const within = [0, 0];
    parts.forEach((p, index) => {
      const first = problem.firstRow[index];
      const stock = Array.from({ length: p.fields.length + 1 }, (_, k) => plan.rows.columns.stock[first + k]);
      const sim = simulateNetwork(
        { central: { ratePerDay: p.central }, fields: p.fields.map(([rate, resupply, , , ], k) => ({ ratePerDay: rate, resupplyDays: resupply, emergency: problem.coverable[first + 1 + k] === 1 })), leadTimeDays: p.T0, stock },
        { seed: 100 + index, days: 6e5, warmupDays: 2000 },
      );
      sim.locations.forEach((s, k) => {
        const t = problem.tier[first + k];
        if (t < 0) return;
        demand[t] += s.demand;
        within[t] += s.filledWithinResponse;
      });
    });
    // Simulated over ~60,000–140,000 units per tier: a binomial standard error below 0.2 points; allow
    // half a point of model error below the target (the plan sits just above it in the model).
    for (const t of [0, 1]) expect(within[t] / demand[t]).toBeGreaterThanOrEqual(tiers[t].targetFillRate - 0.005);
  });
});
