/**
 * The portfolio's wiring of the decision-quality pieces: the Critical flag reaches the evidence
 * rules, order sizes are pooled across a part's locations, Calibration = Auto fits on the
 * portfolio's own history and every target-set row promises its class's map of the model's fill rate.
 */
import { applyMap, leadTimeBand } from '../../src/engine/calibration-map';
import { planPortfolio } from '../../src/engine/portfolio';
import { central, demand, field, part, planningInput, tier } from './planning-input';
import { createRng } from '../../src/sample/random';
import { sampleCompoundPoisson } from '../../src/sample/samplers';

const quiet = [1, ...new Array(23).fill(0)];

test('an obsolete Critical part keeps one unit as insurance, a Standard part none', () => {
  const input = planningInput({
    parts: [part('C', { criticality: 'Critical' }), part('S', { criticality: 'Standard' })],
    locations: [central('CDC', { slaTier: 'Gold' })],
    slaTiers: [tier('Gold', 0.95)],
    demand: [demand('C', 'CDC', quiet), demand('S', 'CDC', quiet)],
  });
  const { rows } = planPortfolio(input);
  expect([rows.plans.columns.stock[0], rows.plans.reasonCodeAt(0)]).toEqual([1, 'obsoleteInsurance']);
  expect([rows.plans.columns.stock[1], rows.plans.reasonCodeAt(1)]).toEqual([0, 'obsolete']);
});

test('Compound: a field location with four own sizes pools the part’s sizes at the central', () => {
  const fieldDemand = [2, 0, 0, 0, 0, 0, 2, ...new Array(15).fill(0), 1, 1];
  const centralDemand = [4, 0, 4, 0, 4, 0, 4, 0, 4, 0, 4, ...new Array(13).fill(1)];
  const input = planningInput({
    parts: [part('P', { criticality: 'Critical' })],
    locations: [central('CDC', { slaTier: 'Gold' }), field('F1', 'CDC', 3, { slaTier: 'Gold' })],
    slaTiers: [tier('Gold', 0.9)],
    demand: [demand('P', 'CDC', centralDemand), demand('P', 'F1', fieldDemand)],
    settings: { leadTimeDemand: 'Compound' },
  });
  const { rows } = planPortfolio(input);
  expect(rows.plans.leadTimeModelAt(1)).toBe('Compound');
  // Own sizes 2, 2, 1, 1 (4 < 5): the central's 6 fours and 13 ones pooled at weight 1/19 each.
  // Empirical mean (2 + 2 + 1 + 1 + (6·4 + 13·1)/19) / 5 = (6 + 37/19)/5; the geometric smoothing keeps the mean.
  expect(rows.plans.columns.meanOrderSize[1]).toBeCloseTo((6 + 37 / 19) / 5, 4);
});

/** `count` Standard parts at one Central, 40 periods of clumped demand (compound Poisson: 1.5 orders a period of 1 + NB(0.5, 2) units each), planned as Poisson with Calibration = Auto. */
function clumpedPortfolio(seed: number, count: number) {
  const rng = createRng(seed);
  const parts = Array.from({ length: count }, (_, i) => part(`P${i}`, { criticality: 'Standard' }));
  return planningInput({
    parts,
    locations: [central('CDC')],
    demand: parts.map((p) => demand(p.id, 'CDC', Array.from({ length: 40 }, () => sampleCompoundPoisson(rng, 1.5, 0.5, 2)))),
    settings: { calibration: 'Auto', distribution: 'Poisson', fillRateModel: 'Classic' },
  });
}

test('Calibration = Auto: the fit is returned, and every target-set row promises its class’s map of the model’s fill rate', () => {
  const input = clumpedPortfolio(11, 60);
  const result = planPortfolio(input);
  const calibration = result.calibration!;
  // 40 periods, H = 12: windows decided on 28, 22 and 16 periods.
  expect([...new Set(calibration.cells.map((c) => c.origin))]).toEqual([28, 22, 16]);
  const { plans } = result.rows;
  let mapped = 0;
  for (let i = 0; i < plans.size; i++) {
    const model = plans.columns.modelFillRate[i];
    const expected = plans.reasonCodeAt(i) === 'target' ? applyMap(calibration.maps![plans.demandClassAt(i)][leadTimeBand(plans.columns.leadTimePeriods[i])], model) : model;
    expect(plans.columns.fillRate[i]).toBeCloseTo(expected, 12);
    if (plans.reasonCodeAt(i) === 'target') mapped++;
  }
  expect(mapped).toBeGreaterThan(50);
  // Poisson forced on clumped demand over-promises: the map lowers the promise of the dominant class, so the plan stocks more.
  const map = calibration.maps![plans.demandClassAt(0)][leadTimeBand(plans.columns.leadTimePeriods[0])];
  expect(applyMap(map, 0.9)).toBeLessThan(0.9);
  const off = planPortfolio({ ...input, settings: { ...input.settings, calibration: 'Off' } });
  expect(off.calibration).toBeNull();
  expect(off.summary.stock).toBeLessThan(result.summary.stock);
});

test('Calibration = Auto on too few backtests (under 100 part-location-windows with demand): no map, the model’s own promise', () => {
  const input = clumpedPortfolio(12, 5);
  const result = planPortfolio(input);
  // 5 part-locations × 3 windows = at most 15 backtests.
  expect(result.calibration!.maps).toBeNull();
  expect(result.calibration!.cells.length).toBeGreaterThan(0);
  const off = planPortfolio({ ...input, settings: { ...input.settings, calibration: 'Off' } });
  expect(Array.from(result.rows.plans.columns.fillRate)).toEqual(Array.from(off.rows.plans.columns.fillRate));
  expect(Array.from(result.rows.plans.columns.modelFillRate)).toEqual(Array.from(off.rows.plans.columns.fillRate));
  expect(Array.from(result.rows.plans.columns.stock)).toEqual(Array.from(off.rows.plans.columns.stock));
});
