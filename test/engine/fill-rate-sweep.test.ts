/**
 * FillRateSweep (src/engine/base-stock.ts): the fill rate of S = 0, 1, 2, … in one pass at O(1) a
 * level, against the O(S) convolution that compoundFillRate and baseStockPerformance compute for
 * each level on its own, and against hand values.
 */
import { baseStockPerformance, compoundFillRate, FillRateSweep } from '../../src/engine/base-stock';
import type { DemandDistribution } from '../../src/engine/distributions';

const nb = (mean: number, variance: number): DemandDistribution => ({ kind: 'NegativeBinomial', mean, variance });

describe('FillRateSweep', () => {
  test('hand values of the compound NB fill rate: FR(0) = 0, FR(1) = P(X = 0) / E[B], FR(2) = (P(X = 0)·E[min(B, 2)] + P(X = 1)) / E[B]', () => {
    // μ = 2, σ² = 5: q = 0.4, θ = 0.6, r = 4/3. P(X = 0) = q^r; P(X = 1) = r·θ·q^r.
    // Logarithmic batches: P(B = 1) = θ / −ln q; E[B] = θ / (q·(−ln q)); E[min(B, 2)] = 1 + P(B ≥ 2) = 2 − P(B = 1).
    const q = 0.4;
    const theta = 0.6;
    const r = 4 / 3;
    const norm = -Math.log(q);
    const meanBatch = theta / (q * norm);
    const p0 = Math.pow(q, r);
    const p1 = r * theta * p0;
    const b1 = theta / norm;
    const sweep = new FillRateSweep();
    sweep.reset(nb(2, 5), 'Compound');
    expect(sweep.advanceTo(0)).toBe(0);
    expect(sweep.advanceTo(1)).toBeCloseTo(p0 / meanBatch, 14);
    expect(sweep.advanceTo(2)).toBeCloseTo((p0 * (2 - b1) + p1) / meanBatch, 14);
  });

  test('compound NB: every level equals the per-level convolution to 1e-12, on short and long pipelines', () => {
    const sweep = new FillRateSweep();
    for (const [mean, variance] of [
      [0.05, 0.2],
      [0.5, 0.6],
      [2, 5],
      [6, 60],
      [30, 45],
      [120, 1200],
    ]) {
      const dist = nb(mean, variance);
      sweep.reset(dist, 'Compound');
      const top = Math.ceil(mean + 12 * Math.sqrt(variance)) + 5;
      let largest = 0;
      for (let s = 0; s <= top; s++) largest = Math.max(largest, Math.abs(sweep.advanceTo(s) - compoundFillRate(dist, s)));
      expect({ mean, variance, largest: largest < 1e-12 }).toEqual({ mean, variance, largest: true });
    }
  });

  test('a table tabulated from start > 0 (mean far above the variance) and the classic model give the same bits as the per-level sums', () => {
    const sweep = new FillRateSweep();
    const cases: [DemandDistribution, 'Compound' | 'Classic'][] = [
      [nb(400, 420), 'Compound'],
      [nb(3, 7), 'Classic'],
      [{ kind: 'Poisson', mean: 4, variance: 4 }, 'Compound'],
      [{ kind: 'Poisson', mean: 0, variance: 0 }, 'Compound'],
    ];
    for (const [dist, model] of cases) {
      sweep.reset(dist, model);
      for (let s = 0; s <= Math.ceil(dist.mean + 10 * Math.sqrt(dist.variance)) + 3; s++) {
        expect([dist.mean, s, sweep.advanceTo(s)]).toEqual([dist.mean, s, baseStockPerformance(dist, s, model).fillRate]);
      }
    }
  });

  test('advanceTo never moves back and keeps its level', () => {
    const sweep = new FillRateSweep();
    sweep.reset(nb(2, 5), 'Compound');
    const at5 = sweep.advanceTo(5);
    expect(sweep.advanceTo(3)).toBe(at5);
    expect(sweep.stock).toBe(5);
  });
});
