/**
 * Named instances after Sherbrooke, C.C. (2004), *Optimal Inventory Modeling of Systems:
 * Multi-Echelon Techniques*, 2nd ed., Kluwer — chapter 2, the single-site model for repairable
 * items, and its negative binomial for demand more variable than Poisson (variance-to-mean ratio).
 *
 * The models, not printed numbers: the parameters below are ours, and every expected value is
 * computed twice — in the comments by exact summation (40-digit mpmath), and in the test by direct
 * summation of the book's definitions, independent of the engine's loss-function shortcut:
 *   Palm's theorem: units in resupply X ~ Poisson(m·T), m the demand rate, T the mean resupply time;
 *   EBO(s) = Σ_{x>s} (x − s)·Pr{X = x};  fill rate = Pr{X ≤ s − 1};  Pr{no backorder} = Pr{X ≤ s};
 *   EBO(s + 1) = EBO(s) − Pr{X > s} (the recursion behind Sherbrooke's marginal analysis).
 */
import { baseStockForFillRate, baseStockPerformance } from '../../src/engine/base-stock';
import { cdf, expectedBackorders, type DemandDistribution } from '../../src/engine/distributions';
import { planPortfolio } from '../../src/engine/portfolio';
import { central, constant, demand, field, part, planningInput, tier } from '../engine/planning-input';

/** Pr{X = x} for x = 0 … upTo, Poisson by the product p(x) = p(x − 1)·μ/x. */
function poissonPmf(mean: number, upTo: number): number[] {
  const p = [Math.exp(-mean)];
  for (let x = 1; x <= upTo; x++) p.push((p[x - 1] * mean) / x);
  return p;
}

/**
 * Sherbrooke's negative binomial with mean μ and variance-to-mean ratio V > 1:
 * Pr{X = x} = C(a + x − 1, x)·b^x·(1 − b)^a with a = μ/(V − 1), b = (V − 1)/V.
 */
function sherbrookeNegativeBinomialPmf(mean: number, vmr: number, upTo: number): number[] {
  const a = mean / (vmr - 1);
  const b = (vmr - 1) / vmr;
  const p = [Math.pow(1 - b, a)];
  for (let x = 1; x <= upTo; x++) p.push((p[x - 1] * (a + x - 1) * b) / x);
  return p;
}

const sumEbo = (p: number[], s: number) => p.reduce((sum, px, x) => (x > s ? sum + (x - s) * px : sum), 0);
const sumBelow = (p: number[], k: number) => p.slice(0, Math.max(0, k + 1)).reduce((a, b) => a + b, 0);

/**
 * Instance `sherbrooke_single_site_repairable`: a repairable item at one site. Demand 3 units a
 * month; a failed unit is repaired in 20 days, except the 10 % condemned, which are bought in 90
 * days. Mean resupply time T = 0.9·20 + 0.1·90 = 27 days = 27/30.4375 months, so by Palm's theorem
 * the units in resupply are Poisson with mean 3·27/30.4375 = 2.661190965092402.
 */
const INSTANCE = {
  name: 'sherbrooke_single_site_repairable',
  demandPerMonth: 3,
  repairDays: 20,
  procurementDays: 90,
  condemnationRate: 0.1,
  pipelineMean: 2.661190965092402,
  // mpmath, 40 digits: s → [Pr{X ≤ s − 1} (fill rate), Pr{X ≤ s}, EBO(s)]
  table: {
    0: [0, 0.069864965441797944, 2.6611909650924025],
    3: [0.50317863445531617, 0.72262900532971257, 0.49002354524152014],
    6: [0.94633553032183957, 0.98080092007217821, 0.027616922287064998],
    7: [0.98080092007217821, 0.99390363204531957, 0.0084178423592432095],
  } as Record<number, [number, number, number]>,
};

describe(`${INSTANCE.name} (Sherbrooke 2004, ch. 2: single-site model, Palm's theorem)`, () => {
  const pipeline: DemandDistribution = { kind: 'Poisson', mean: INSTANCE.pipelineMean, variance: INSTANCE.pipelineMean };

  test('the pipeline mean is demand × mean resupply time (repair, or procurement when condemned)', () => {
    const T = (1 - INSTANCE.condemnationRate) * INSTANCE.repairDays + INSTANCE.condemnationRate * INSTANCE.procurementDays;
    expect(T).toBeCloseTo(27, 12);
    expect((INSTANCE.demandPerMonth * T) / 30.4375).toBeCloseTo(INSTANCE.pipelineMean, 14);
  });

  test('EBO, fill rate and Pr{no backorder} against the table and against direct summation', () => {
    const p = poissonPmf(INSTANCE.pipelineMean, 80);
    for (const [key, [fill, noBackorder, ebo]] of Object.entries(INSTANCE.table)) {
      const s = Number(key);
      expect(expectedBackorders(pipeline, s)).toBeCloseTo(ebo, 13);
      expect(expectedBackorders(pipeline, s)).toBeCloseTo(sumEbo(p, s), 13);
      const performance = baseStockPerformance(pipeline, s, 'Classic');
      expect(performance.fillRate).toBeCloseTo(fill, 14);
      expect(performance.fillRate).toBeCloseTo(sumBelow(p, s - 1), 14);
      expect(performance.readyRate).toBeCloseTo(noBackorder, 14); // the engine's ReadyRate is Pr{X ≤ s}
      expect(performance.expectedBackorders).toBeCloseTo(ebo, 13);
    }
  });

  test('EBO(s + 1) = EBO(s) − Pr{X > s} for s = 0 … 15, from EBO(0) = the pipeline mean', () => {
    let ebo = INSTANCE.pipelineMean;
    for (let s = 0; s <= 15; s++) {
      expect(expectedBackorders(pipeline, s)).toBeCloseTo(ebo, 12);
      ebo -= 1 - cdf(pipeline, s);
    }
  });

  test('the least stock for a 95 % fill rate is 7 (Pr{X ≤ 5} = 0.94634 < 0.95 ≤ Pr{X ≤ 6} = 0.98080); 90 % needs 6', () => {
    expect(baseStockForFillRate(pipeline, 0.95, 'Classic').stock).toBe(7);
    expect(baseStockForFillRate(pipeline, 0.95, 'Compound').stock).toBe(7); // Poisson: both models agree
    expect(baseStockForFillRate(pipeline, 0.9, 'Classic').stock).toBe(6);
  });

  test('the whole engine on the instance as a workbook: the same lead time, pipeline, stock and EBO', () => {
    // 36 months of 3 units: every forecast is exactly 3 and the variance is floored at the rate,
    // so the lead-time demand is the Palm pipeline. The Field site under the Central is resupplied in
    // 7 days (single-echelon: the Central's own delay is not added): Poisson(3·7/30.4375).
    const input = planningInput({
      parts: [part('LRU-1', { repairable: true, repairDays: INSTANCE.repairDays, leadTimeDays: INSTANCE.procurementDays, scrapRate: INSTANCE.condemnationRate, unitCost: 5000 })],
      locations: [central('DEPOT', { slaTier: 'Gold' }), field('BASE', 'DEPOT', 7, { slaTier: 'Gold' })],
      slaTiers: [tier('Gold', 0.95)],
      demand: [demand('LRU-1', 'DEPOT', constant(3, 36)), demand('LRU-1', 'BASE', constant(3, 36))],
    });
    const { rows } = planPortfolio(input);
    const plan = rows.plans.row(0);
    expect(rows.leadTimeDays[0]).toBeCloseTo(27, 12);
    expect(plan.distribution).toBe('Poisson');
    expect(plan.leadTimeDemandMean).toBeCloseTo(INSTANCE.pipelineMean, 13);
    expect(plan.stock).toBe(7);
    expect(plan.expectedBackorders).toBeCloseTo(INSTANCE.table[7][2], 13);
    expect(plan.fillRate).toBeCloseTo(INSTANCE.table[7][0], 13);
    expect(plan.investment).toBe(35000);
    const base = rows.plans.row(1);
    const baseMean = (3 * 7) / 30.4375;
    expect(base.leadTimeDemandMean).toBeCloseTo(baseMean, 14);
    // Poisson(0.689938): Pr{X ≤ 1} = 0.847685 < 0.95 ≤ Pr{X ≤ 2} = 0.967071 (checked by direct summation below) → 3 units.
    const p = poissonPmf(baseMean, 40);
    expect(sumBelow(p, 1)).toBeLessThan(0.95);
    expect(sumBelow(p, 2)).toBeGreaterThanOrEqual(0.95);
    expect(base.stock).toBe(3);
  });
});

/**
 * Instance `sherbrooke_negative_binomial_vmr`: demand more variable than Poisson, in Sherbrooke's
 * parameterization by mean μ = 4 and variance-to-mean ratio V = 2.5 (variance 10): a = 8/3,
 * b = 0.6. The engine's negative binomial is parameterized by mean and variance (q = μ/σ² = 1/V,
 * r = μ²/(σ² − μ) = a); the two must give the same distribution.
 */
describe('sherbrooke_negative_binomial_vmr (Sherbrooke 2004: negative binomial by variance-to-mean ratio)', () => {
  const dist: DemandDistribution = { kind: 'NegativeBinomial', mean: 4, variance: 10 };
  // mpmath, 40 digits: s → [Pr{X ≤ s − 1}, EBO(s)]
  const table: Record<number, [number, number]> = {
    0: [0, 4],
    4: [0.52139981268950483, 1.2128162679885594],
    8: [0.86935102465986068, 0.27864827842830357],
    12: [0.97162215550313301, 0.055429576139078387],
  };

  test('EBO and F(s − 1) against the table and against direct summation of Sherbrooke\'s pmf', () => {
    const p = sherbrookeNegativeBinomialPmf(4, 2.5, 400);
    for (const [key, [fill, ebo]] of Object.entries(table)) {
      const s = Number(key);
      expect(expectedBackorders(dist, s)).toBeCloseTo(ebo, 12);
      expect(expectedBackorders(dist, s)).toBeCloseTo(sumEbo(p, s), 12);
      expect(baseStockPerformance(dist, s, 'Classic').fillRate).toBeCloseTo(fill, 13);
      expect(cdf(dist, s - 1)).toBeCloseTo(sumBelow(p, s - 1), 13);
    }
  });

  test('the variance of the pmf is V·μ and its mean μ (moments by summation)', () => {
    const p = sherbrookeNegativeBinomialPmf(4, 2.5, 400);
    const mean = p.reduce((sum, px, x) => sum + x * px, 0);
    const variance = p.reduce((sum, px, x) => sum + (x - mean) ** 2 * px, 0);
    expect(mean).toBeCloseTo(4, 12);
    expect(variance).toBeCloseTo(10, 11);
  });
});
