/**
 * Large lead-time demand, where the pmf table starts far above 0 (12 standard deviations below the
 * mean) and the batch table outgrows its first 256 entries; and ln Γ below ½ (reflection formula).
 * References: SciPy 1.17 (scipy.stats.poisson, nbinom, logser) and mpmath (loggamma), not this code.
 */
import { baseStockForFillRate, baseStockPerformance, compoundFillRate } from '../../src/engine/base-stock';
import { logGamma, PmfTable, type DemandDistribution } from '../../src/engine/distributions';

describe('large lead-time demand', () => {
  test('Poisson(1000): the least S with F(S − 1) ≥ 95 % is 1053 (F(1051) = 0.947396, F(1052) = 0.950652)', () => {
    const dist: DemandDistribution = { kind: 'Poisson', mean: 1000, variance: 1000 };
    const result = baseStockForFillRate(dist, 0.95, 'Classic');
    expect(result.stock).toBe(1053);
    expect(result.fillRate).toBeCloseTo(0.9506515224647402, 11);
    expect(baseStockPerformance(dist, 1052, 'Classic').fillRate).toBeCloseTo(0.9473959859986517, 11);
    expect(result.readyRate).toBeCloseTo(0.9537432000203797, 11); // F(1053)
    // Far below the mean (and below the table's start, 1000 − 12·√1000 = 620): never ready, EBO = μ − S.
    const short = baseStockPerformance(dist, 10, 'Classic');
    expect(short.readyRate).toBeLessThan(1e-300);
    expect(short.fillRate).toBe(0);
    expect(short.expectedBackorders).toBeCloseTo(990, 9);
  });

  test('very dispersed demand (mean 50, variance 5000): S = 193, far above mean + 100 (F(191) = 0.949641, F(192) = 0.950240)', () => {
    const dist: DemandDistribution = { kind: 'NegativeBinomial', mean: 50, variance: 5000 };
    const result = baseStockForFillRate(dist, 0.95, 'Classic');
    expect(result.stock).toBe(193);
    expect(result.fillRate).toBeCloseTo(0.9502396086598672, 10);
    expect(baseStockPerformance(dist, 192, 'Classic').fillRate).toBeCloseTo(0.9496409772336666, 10);
  });

  test('negative binomial, mean 1000, variance 1100: S = 1056 (F(1055) = 0.951830), EBO(1056) = 0.655966', () => {
    // r = 1000²/100 = 10000, q = 1000/1100: the table starts at ⌊1000 − 12·√1100⌋ = 602, from ln Γ.
    const dist: DemandDistribution = { kind: 'NegativeBinomial', mean: 1000, variance: 1100 };
    const result = baseStockForFillRate(dist, 0.95, 'Classic');
    expect(result.stock).toBe(1056);
    expect(result.fillRate).toBeCloseTo(0.9518300231450609, 10);
    expect(result.expectedBackorders).toBeCloseTo(0.6559662663825908, 9);
    expect(baseStockPerformance(dist, 1055, 'Classic').fillRate).toBeCloseTo(0.9487965677219401, 10);
  });

  test('compound fill rate, negative binomial mean 300, variance 600: S = 343 (FR(342) = 0.949392, FR(343) = 0.953248)', () => {
    const dist: DemandDistribution = { kind: 'NegativeBinomial', mean: 300, variance: 600 };
    expect(compoundFillRate(dist, 342)).toBeCloseTo(0.9493915145959266, 10);
    expect(compoundFillRate(dist, 343)).toBeCloseTo(0.95324792927758, 10);
    expect(baseStockForFillRate(dist, 0.95, 'Compound').stock).toBe(343);
  });
});

describe('ln Γ below ½ (reflection Γ(x)Γ(1 − x) = π / sin πx)', () => {
  test('ln Γ(¼) = 1.2880225246980775, ln Γ(0.1) = 2.2527126517342060 (mpmath)', () => {
    expect(logGamma(0.25)).toBeCloseTo(1.2880225246980775, 13);
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 13);
  });
});

describe('a reused pmf table (the portfolio reuses one across rows)', () => {
  test('gives what a fresh table gives, whatever it held before', () => {
    // Poisson(5) tabulated up to 12 leaves P(X = 3) = e^−5·125/6 = 0.1404 in the table; Poisson(2) at
    // S = 3 must still read F(2) = e^−2·5 = 0.6766764161830635 (exact), nothing beyond k = S − 1.
    const table = new PmfTable();
    baseStockPerformance({ kind: 'Poisson', mean: 5, variance: 5 }, 12, 'Classic', table);
    const reused = baseStockPerformance({ kind: 'Poisson', mean: 2, variance: 2 }, 3, 'Classic', table);
    expect(reused.fillRate).toBeCloseTo(0.6766764161830635, 14);
    expect(reused).toEqual(baseStockPerformance({ kind: 'Poisson', mean: 2, variance: 2 }, 3, 'Classic'));
  });
});
