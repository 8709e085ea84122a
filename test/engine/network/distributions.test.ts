/**
 * The network's count distributions and fill rate against independent references: exact rational
 * values (the same Python-fractions values as test/engine/distributions.test.ts), the engine's
 * single-location implementation (PmfTable, base-stock.ts), and direct summation in the test.
 */
import { baseStockPerformance, compoundFillRate } from '../../../src/engine/base-stock';
import { PmfTable } from '../../../src/engine/distributions';
import { CountTable, fromPmfTable, tabulated, TailTable } from '../../../src/engine/network/count-distribution';
import { evaluateNetwork } from '../../../src/engine/network/evaluate';
import { BatchTable, shelfFillRate } from '../../../src/engine/network/fill-rate';
import { PartModel } from '../../../src/engine/network/part-model';
import { buildNetworkProblem, DEFAULT_NETWORK_SETTINGS } from '../../../src/engine/network/problem';

/** Poisson pmf by direct summation of logs (independent of both tabulations). */
const poissonPmf = (mean: number, k: number) => {
  let log = -mean;
  for (let j = 1; j <= k; j++) log += Math.log(mean / j);
  return Math.exp(log);
};

describe('CountTable', () => {
  test('Poisson pmf equals direct summation, small and large means', () => {
    for (const mean of [0.05, 3.7, 40]) {
      const t = new CountTable().reset(mean, mean);
      for (const k of [0, 1, 2, 5, Math.round(mean), Math.round(mean * 2) + 3]) expect(t.at(k)).toBeCloseTo(poissonPmf(mean, k), 15);
    }
    // Mean 5,000: the body is tabulated from 12σ below the mean and normalised by its sum.
    const big = new CountTable().reset(5000, 5000);
    expect(big.start).toBeGreaterThan(4000);
    for (const k of [4800, 5000, 5150]) expect(big.at(k) / poissonPmf(5000, k)).toBeCloseTo(1, 10);
  });

  test('negative binomial against exact rational sums (r = 3, q = 1/4)', () => {
    // P(X = k) = C(k + 2, k)·(1/4)³·(3/4)^k; mean 9, variance 36. F(9), F(10) and EBO(10) exact.
    const t = new CountTable().reset(9, 36);
    expect(t.poisson).toBe(false);
    expect(t.at(0)).toBeCloseTo(1 / 64, 15);
    expect(t.at(2)).toBeCloseTo((6 * 9) / 16 / 64, 15);
    t.tabulateTail();
    const tail = new TailTable();
    tail.compute(t, 30);
    expect(1 - tail.above[9]).toBeCloseTo(0.60932499170303345, 13);
    expect(1 - tail.above[10]).toBeCloseTo(0.66739830374717712, 13);
    expect(tail.backorders[10]).toBeCloseTo(1.9322574734687805, 12);
    expect(1 - tail.above[19]).toBeCloseTo(0.93935057166788738, 13);
    expect(1 - tail.above[20]).toBeCloseTo(0.95079666475997726, 13);
    expect(tail.backorders[20]).toBeCloseTo(0.24854373571395172, 12);
  });

  test('stays exact as the variance approaches the mean (where q and 1 − q cancel)', () => {
    // Variance above the mean by 1e-12 of it: the pmf must be the Poisson's to ~1e-12.
    const t = new CountTable().reset(2.5, 2.5 * (1 + 1e-12));
    expect(t.poisson).toBe(false);
    for (let k = 0; k < 12; k++) expect(Math.abs(t.at(k) / poissonPmf(2.5, k) - 1)).toBeLessThan(1e-10);
  });

  test('agrees with PmfTable (the single-location tabulation) at moderate dispersion', () => {
    const table = new PmfTable();
    table.reset({ kind: 'NegativeBinomial', mean: 4.2, variance: 9.1 });
    const mine = new CountTable().reset(4.2, 9.1);
    for (let k = 0; k < 40; k++) expect(mine.at(k)).toBeCloseTo(table.at(k), 14);
    const adapted = fromPmfTable(table, 4.2, 9.1, 200);
    const tail = new TailTable();
    tail.compute(adapted, 10);
    mine.tabulateTail();
    const tail2 = new TailTable();
    tail2.compute(mine, 10);
    for (let s = 0; s <= 10; s++) expect(tail.backorders[s]).toBeCloseTo(tail2.backorders[s], 12);
  });
});

describe('TailTable', () => {
  test('EBO and VBO of a Poisson pipeline against direct summation', () => {
    const mean = 7.3;
    const t = new CountTable().reset(mean, mean);
    t.tabulateTail();
    const tail = new TailTable();
    tail.compute(t, 25);
    for (const s of [0, 3, 7, 12, 25]) {
      let ebo = 0;
      let second = 0;
      for (let k = s + 1; k < 120; k++) {
        ebo += (k - s) * poissonPmf(mean, k);
        second += (k - s) ** 2 * poissonPmf(mean, k);
      }
      expect(tail.backorders[s]).toBeCloseTo(ebo, 13);
      expect(tail.backorderVariance[s]).toBeCloseTo(second - ebo * ebo, 12);
      // Tiny backorders keep their relative precision (sums of positive terms only).
      expect(Math.abs(tail.backorders[s] / ebo - 1)).toBeLessThan(1e-12);
    }
    expect(tail.backorders[0]).toBeCloseTo(mean, 13);
    expect(tail.backorderVariance[0]).toBeCloseTo(mean, 12);
  });

  test('a supplied tabulated distribution (a demand model\'s pmf) works the same way', () => {
    // Two-point pipeline: P(0) = 0.5, P(4) = 0.5 → EBO(2) = 1, VBO(2) = E[Y²] − 1 = 2 − 1 = 1.
    const dist = tabulated([0.5, 0, 0, 0, 0.5]);
    expect(dist.mean).toBe(2);
    expect(dist.variance).toBe(4);
    const tail = new TailTable();
    tail.compute(dist, 6);
    expect(tail.backorders[2]).toBeCloseTo(1, 15);
    expect(tail.backorderVariance[2]).toBeCloseTo(1, 15);
    expect(tail.above[3]).toBeCloseTo(0.5, 15);
    expect(tail.backorders[4]).toBe(0);
  });
});

describe('fill rate from the shelf', () => {
  test('with the batch sizes of the pipeline\'s own ratio it is the single-location compound fill rate', () => {
    for (const [mean, variance] of [
      [1.5, 4.5],
      [0.4, 0.9],
      [12, 30],
    ]) {
      const table = new CountTable().reset(mean, variance);
      const batch = new BatchTable().reset(variance / mean);
      for (const s of [1, 2, 4, 8, 20]) {
        table.ensure(s);
        expect(shelfFillRate(table, s, batch)).toBeCloseTo(compoundFillRate({ kind: 'NegativeBinomial', mean, variance }, s), 12);
      }
    }
  });

  test('unit demands: F(s − 1)', () => {
    const table = new CountTable().reset(2, 2);
    table.ensure(10);
    const batch = new BatchTable().reset(1);
    expect(shelfFillRate(table, 3, batch)).toBeCloseTo(poissonPmf(2, 0) + poissonPmf(2, 1) + poissonPmf(2, 2), 15);
    expect(shelfFillRate(table, 0, batch)).toBe(0);
  });

  test('a field whose Central never runs short is the single-location plan of its resupply time', () => {
    // A Central with 200 units for a pipeline of 3: EBO₀ = 0, so the field's pipeline is its demand
    // over the resupply time, NB(0.12·5, 2.2·0.12·5), and every measure is base-stock.ts's.
    const problem = buildNetworkProblem(
      [{ unitCost: 10, centralPipelineDays: 20, central: { ratePerDay: 0.03, tier: null, holdingCostRate: 0.2, penaltyPerMiss: 0 }, fields: [{ ratePerDay: 0.12, varianceToMean: 2.2, resupplyDays: 5, emergencyHours: null, tier: null, holdingCostRate: 0.2, penaltyPerMiss: 0 }] }],
      [],
    );
    for (const s of [0, 1, 2, 4]) {
      const row = evaluateNetwork(problem, [200, s]).rows.row(1);
      const single = baseStockPerformance({ kind: 'NegativeBinomial', mean: 0.6, variance: 1.32 }, s, 'Compound');
      expect(row.pipelineMean).toBeCloseTo(0.6, 14);
      expect(row.pipelineVariance).toBeCloseTo(1.32, 14);
      expect(row.fillRate).toBeCloseTo(single.fillRate, 12);
      expect(row.readyRate).toBeCloseTo(single.readyRate, 12);
      expect(row.expectedBackorders).toBeCloseTo(single.expectedBackorders, 12);
      expect(row.expectedOnHand).toBeCloseTo(single.expectedOnHand, 12);
      expect(row.expectedDelayDays).toBeCloseTo(single.expectedBackorders / 0.12, 10);
    }
  });

  test('batch demand: the recurrence for N + B gives the hand-computed fill rates', () => {
    // Central never short: the field's pipeline is its demand over the resupply time, NB with mean
    // λT = 1 and variance 2, i.e. geometric, P(N = k) = 2^−(k+1); batches logarithmic with θ = 1/2,
    // P(B = j) = 2^−j / (j ln 2), E[B] = 1/ln 2. FR(s) = Σ_{k<s} P(N = k)·E[min(B, s − k)] / E[B]:
    //   FR(1) = ½·1·ln 2 = ln 2 / 2
    //   FR(2) = (½·(2 − P(B = 1)) + ¼)·ln 2 = 1.25 ln 2 − 0.25
    //   FR(3) = (½·(3 − 2P(B = 1) − P(B = 2)) + ¼·(2 − P(B = 1)) + ⅛)·ln 2 = 2.125 ln 2 − 0.6875
    //   FR(4) = (½·(4 − 3P(1) − 2P(2) − P(3)) + ¼·(3 − 2P(1) − P(2)) + ⅛·(2 − P(1)) + 1/16)·ln 2
    //         = 3.0625 ln 2 − 119/96   (P(1), P(2), P(3) = ½, ⅛, 1/24 over ln 2)
    const problem = buildNetworkProblem(
      [{ unitCost: 10, centralPipelineDays: 20, central: { ratePerDay: 0.001, tier: null, holdingCostRate: 0.2, penaltyPerMiss: 0 }, fields: [{ ratePerDay: 0.25, varianceToMean: 2, resupplyDays: 4, emergencyHours: null, tier: null, holdingCostRate: 0.2, penaltyPerMiss: 0 }] }],
      [],
    );
    const expected = [0, Math.LN2 / 2, 1.25 * Math.LN2 - 0.25, 2.125 * Math.LN2 - 0.6875, 3.0625 * Math.LN2 - 119 / 96];
    for (let s = 0; s < expected.length; s++) expect(evaluateNetwork(problem, [200, s]).rows.row(1).fillRate).toBeCloseTo(expected[s], 14);
  });

  test('batch demand: the recurrence equals the convolution over the shelf (the former formula) to 1e-12', () => {
    // Field curves of VARI-METRIC pipelines at every central level, dispersed demand from barely
    // (v = 1.0001) to very lumpy (v = 40), short and long pipelines, against shelfFillRate's direct
    // Σ_{k<s} P(N = k)·E[min(B, s − k)] / E[B] on the same pipeline.
    let compared = 0;
    for (const v of [1.0001, 1.3, 2.5, 8, 40]) {
      for (const [rate, resupply, centralDays] of [
        [0.002, 2, 30],
        [0.05, 5, 90],
        [0.4, 3, 60],
        [2, 1, 20],
      ]) {
        const problem = buildNetworkProblem(
          [
            {
              unitCost: 10,
              centralPipelineDays: centralDays,
              central: { ratePerDay: rate / 3, varianceToMean: v, tier: null, holdingCostRate: 0.2, penaltyPerMiss: 0 },
              fields: [1, 0.3].map((share) => ({ ratePerDay: rate * share, varianceToMean: v, resupplyDays: resupply, emergencyHours: 8, tier: 0, holdingCostRate: 0.2, penaltyPerMiss: 0 })),
            },
          ],
          [{ name: 'T', responseHours: 8, targetFillRate: 0.9 }],
        );
        const model = new PartModel(problem, DEFAULT_NETWORK_SETTINGS);
        model.setPart(0);
        for (const s0 of [0, Math.floor(model.centralCap / 3), model.centralCap]) {
          model.setCentralLevel(s0);
          for (let j = 0; j < model.fieldCount; j++) {
            const curve = model.fieldCurve(j, 40);
            const table = new CountTable().reset(curve.pipelineMean, curve.pipelineVariance);
            if (table.start > 0) continue; // a body tabulated from start > 0 keeps the convolution
            const batch = new BatchTable().reset(v);
            for (let s = 0; s <= curve.last; s++) {
              table.ensure(s);
              expect(Math.abs(curve.fill[s] - shelfFillRate(table, s, batch))).toBeLessThan(1e-12);
              compared++;
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(2000);
  });

  test("batch demand at the Central: its customers' fill rate by the recurrence gives the hand values", () => {
    // The Central's pipeline is NB with mean λ₀T₀ = 0.05·20 = 1 and variance 2 (every v = 2), i.e.
    // geometric, and its customers' batches are logarithmic with θ = 1/2: the hand values of the
    // field test above, now read at the Central for every central level.
    const problem = buildNetworkProblem(
      [{ unitCost: 10, centralPipelineDays: 20, central: { ratePerDay: 0.04, varianceToMean: 2, tier: null, holdingCostRate: 0.2, penaltyPerMiss: 0 }, fields: [{ ratePerDay: 0.01, varianceToMean: 2, resupplyDays: 4, emergencyHours: null, tier: null, holdingCostRate: 0.2, penaltyPerMiss: 0 }] }],
      [],
    );
    const expected = [0, Math.LN2 / 2, 1.25 * Math.LN2 - 0.25, 2.125 * Math.LN2 - 0.6875, 3.0625 * Math.LN2 - 119 / 96];
    for (let s = 0; s < expected.length; s++) expect(evaluateNetwork(problem, [s, 0]).rows.row(0).fillRate).toBeCloseTo(expected[s], 14);
  });

  test("batch demand at the Central: its customers' fill rate equals the convolution over the shelf to 1e-12 at every level", () => {
    // Central pipelines from a mean of 0.1 to about 130 (every level up to the search limit), dispersed
    // demand from barely (v = 1.0001) to very lumpy (v = 40), against shelfFillRate's direct sum.
    let compared = 0;
    for (const v of [1.0001, 1.3, 2.5, 8, 40]) {
      for (const [rate, centralDays] of [
        [0.002, 30],
        [0.05, 90],
        [0.4, 60],
        [1.5, 60],
      ]) {
        const problem = buildNetworkProblem(
          [
            {
              unitCost: 10,
              centralPipelineDays: centralDays,
              central: { ratePerDay: rate / 2, varianceToMean: v, tier: null, holdingCostRate: 0.2, penaltyPerMiss: 0 },
              fields: [{ ratePerDay: rate / 2, varianceToMean: v, resupplyDays: 3, emergencyHours: null, tier: null, holdingCostRate: 0.2, penaltyPerMiss: 0 }],
            },
          ],
          [],
        );
        const model = new PartModel(problem, DEFAULT_NETWORK_SETTINGS);
        model.setPart(0);
        const table = new CountTable().reset(rate * centralDays, v * rate * centralDays);
        table.tabulateTail();
        if (table.start > 0) continue; // tabulated from start > 0: the model keeps the sum
        const batch = new BatchTable().reset(v);
        for (let s0 = 0; s0 <= model.centralCap; s0++) {
          model.setCentralLevel(s0);
          expect(Math.abs(model.centralFill - shelfFillRate(table, s0, batch))).toBeLessThan(1e-12);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  test("batch demand at the Central: its customers' misses 1 − FR keep eleven digits at every level up to the search limit", () => {
    // Very lumpy demand (v = 10, batches with θ = 0.9) on a long pipeline (mean 40, variance 400):
    // 1 − FR falls to about 2e-4 at the search limit. Reference from positive terms only, on the
    // model's own pipeline pmf: E[B]·(1 − FR(s)) = Σ_{k<s} P(N = k)·E[(B − (s − k))⁺] + E[B]·P(N ≥ s),
    // E[(B − j)⁺] = Σ_{i>j} (i − j)·P(B = i), P(B = i) = θ^i / (i·(−ln(1 − θ))).
    const v = 10;
    const problem = buildNetworkProblem(
      [{ unitCost: 10, centralPipelineDays: 80, central: { ratePerDay: 0.25, varianceToMean: v, tier: null, holdingCostRate: 0.2, penaltyPerMiss: 0 }, fields: [{ ratePerDay: 0.25, varianceToMean: v, resupplyDays: 3, emergencyHours: null, tier: null, holdingCostRate: 0.2, penaltyPerMiss: 0 }] }],
      [],
    );
    const model = new PartModel(problem, DEFAULT_NETWORK_SETTINGS);
    model.setPart(0);
    const theta = 1 - 1 / v;
    const norm = -Math.log1p(-theta);
    const batchProbability = (i: number) => Math.pow(theta, i) / (i * norm);
    const meanBatch = theta / ((1 - theta) * norm);
    const excess = Array.from({ length: 400 }, (_, j) => {
      let sum = 0;
      for (let i = 2400; i > j; i--) sum += (i - j) * batchProbability(i); // θ^2400 < 1e-100
      return sum;
    });
    const central = model.central;
    const p = (k: number) => (k - central.start >= 0 && k - central.start < central.length ? central.pmf[k - central.start] : 0);
    expect(model.centralCap).toBeGreaterThan(60);
    expect(model.centralCap).toBeLessThan(400);
    let worst = 0;
    for (let s = 1; s <= model.centralCap; s++) {
      let shortfall = 0;
      for (let k = central.start + central.length - 1; k >= s; k--) shortfall += meanBatch * p(k);
      for (let k = s - 1; k >= 0; k--) shortfall += p(k) * excess[s - k];
      const misses = shortfall / meanBatch;
      model.setCentralLevel(s);
      worst = Math.max(worst, Math.abs(1 - model.centralFill - misses) / misses);
    }
    expect(model.centralFill).toBeGreaterThan(0.999);
    expect(worst).toBeLessThan(1e-11); // the forward form (E[(s − N)⁺] − E[(s − N − B)⁺]) / E[B] is off by 6e-10 here
  });
});
