/**
 * SPP.VARIMETRIC against independent references: the two-echelon reference values in
 * ../shared/reference/network (an independent implementation summing the Poisson pmf directly),
 * a case computed by hand in closed form (comments), the network engine's own evaluation of a
 * larger network with batch demand (the function collapses the rest of the Central's demand into
 * one stream: this checks that the collapse changes nothing), and the single-location functions
 * for a Central that never runs short (methods §9.2).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildNetworkProblem, DEFAULT_NETWORK_SETTINGS, evaluateNetwork, type NetworkPartInput } from '../../src/engine/network';
import { LIMITS, NETWORK_LIMITS } from '../../src/functions/limits';
import { variMetric } from '../../src/functions/network';
import { ebo, fillRate, readyRate } from '../../src/functions/stock';
import { failure } from './helpers';

/** |actual − expected| within tol relative, with an absolute floor of tol near zero. */
function expectClose(actual: number, expected: number, tol: number, label: unknown = ''): void {
  const ok = Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected));
  if (!ok) throw new Error(`${JSON.stringify(label)}: ${actual} is not within ${tol} of ${expected}`);
}

describe('against the independent VARI-METRIC reference values (Poisson demand)', () => {
  const CSV = join(__dirname, '..', '..', '..', 'shared', 'reference', 'network', 'vari_metric_cases.csv');
  const lines = readFileSync(CSV, 'utf8').trim().split(/\r?\n/);
  const header = lines[0].split(',');
  /** The quoted lists hold commas; every other cell is a plain number. */
  const cases = lines.slice(1).map((line) => {
    const cells = line.match(/"[^"]*"|[^,]+/g)!.map((c) => c.replace(/"/g, ''));
    return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
  });
  const list = (s: string) => s.split(',').map(Number);

  test('all 132 cases: field pipeline mean, variance and EBO to 1e-12 relative', () => {
    expect(cases).toHaveLength(132);
    for (const c of cases) {
      const rates = list(c.field_rates_per_day);
      const j = Number(c.field) - 1;
      const total = rates.reduce((a, b) => a + b, 0);
      const args = [rates[j], list(c.field_resupply_days)[j], Number(c.field_stock), total, Number(c.central_pipeline_days), Number(c.central_stock)] as const;
      expectClose(variMetric(...args), Number(c.field_ebo), 1e-12, c);
      expectClose(variMetric(...args, 'PipelineMean'), Number(c.field_pipeline_mean), 1e-12, c);
      expectClose(variMetric(...args, 'PipelineVariance'), Number(c.field_pipeline_var), 1e-12, c);
    }
  });
});

describe('by hand: two fields of 0.5 a day, Central pipeline 2 days, Central stock 1', () => {
  // X₀ ~ Poisson(λ₀T₀ = 2). With s₀ = 1: EBO₀ = E[(X₀ − 1)+] = 2 − 1 + P(X₀ = 0) = 1 + e⁻²;
  // E[(X₀ − 1)+²] = E[(X₀ − 1)²] − P(X₀ = 0) = (2 + 1) − e⁻², so VBO₀ = 3 − e⁻² − (1 + e⁻²)² = 2 − 3e⁻² − e⁻⁴.
  // Field 1 (f = ½, T₁ = 1 day): mean μ = 0.5 + ½·EBO₀ = 1 + ½e⁻²,
  // variance σ² = 0.5 + ½·½·EBO₀ + ¼·VBO₀ = 1.25 − ½e⁻² − ¼e⁻⁴ (> μ: negative binomial).
  // NB with p = μ/σ², r = μ²/(σ² − μ): P(0) = p^r, P(1) = P(0)·r(1 − p), P(2) = P(1)·(r + 1)(1 − p)/2.
  const e2 = Math.exp(-2);
  const mu = 1 + 0.5 * e2;
  const s2 = 1.25 - 0.5 * e2 - 0.25 * e2 * e2;
  const p = mu / s2;
  const r = (mu * mu) / (s2 - mu);
  const P0 = p ** r;
  const P1 = P0 * r * (1 - p);
  const P2 = (P1 * (r + 1) * (1 - p)) / 2;
  const call = (stock: number, measure?: string) => variMetric(0.5, 1, stock, 1, 2, 1, measure);

  test('pipeline mean and variance', () => {
    expectClose(call(0, 'PipelineMean'), mu, 1e-9);
    expectClose(call(0, 'PipelineVariance'), s2, 1e-9);
  });

  test('EBO(s) = μ − s + Σ_{k<s} F(k), fill rate F(s − 1) (unit demand), ready rate F(s), on hand Σ_{k<s} F(k)', () => {
    expectClose(call(0), mu, 1e-9);
    expectClose(call(1), mu - 1 + P0, 1e-9);
    expectClose(call(2), mu - 2 + P0 + (P0 + P1), 1e-9);
    expectClose(call(3), mu - 3 + P0 + (P0 + P1) + (P0 + P1 + P2), 1e-9);
    expect(call(0, 'FillRate')).toBe(0);
    expectClose(call(1, 'FillRate'), P0, 1e-9);
    expectClose(call(3, 'FillRate'), P0 + P1 + P2, 1e-9);
    expectClose(call(2, 'ReadyRate'), P0 + P1 + P2, 1e-9);
    expectClose(call(2, 'ExpectedOnHand'), P0 + (P0 + P1), 1e-9);
  });

  test('plain numbers typed as text and the measure matched like workbook choices', () => {
    expect(variMetric('0.5', '1', '2', '1', '2', '1', 'fill rate')).toBe(call(2, 'FillRate'));
    expect(variMetric(0.5, 1, 2, 1, 2, 1, '', '', '', '')).toBe(call(2));
  });
});

describe('the same as the network engine on a network with batch demand and Central customers', () => {
  // Central's own customers 0.2 a day (ratio 1.5) and three fields; pipeline 20 days.
  const fields = [
    { rate: 0.1, ratio: 2, days: 3 },
    { rate: 0.3, ratio: 1, days: 2 },
    { rate: 0.05, ratio: 3, days: 5 },
  ];
  const central = { rate: 0.2, ratio: 1.5 };
  const location = { tier: null, holdingCostRate: 0.25, penaltyPerMiss: 0 };
  const part: NetworkPartInput = {
    unitCost: 100,
    centralPipelineDays: 20,
    central: { ...location, ratePerDay: central.rate, varianceToMean: central.ratio },
    fields: fields.map((f) => ({ ...location, ratePerDay: f.rate, varianceToMean: f.ratio, resupplyDays: f.days, emergencyHours: null })),
  };
  const problem = buildNetworkProblem([part], []);
  const total = central.rate + fields.reduce((s, f) => s + f.rate, 0);
  const ratio = (central.rate * central.ratio + fields.reduce((s, f) => s + f.rate * f.ratio, 0)) / total; // v̄ = Σ fᵢvᵢ
  const measures = { EBO: 'expectedBackorders', FillRate: 'fillRate', ReadyRate: 'readyRate', ExpectedOnHand: 'expectedOnHand', PipelineMean: 'pipelineMean', PipelineVariance: 'pipelineVariance' } as const;

  test.each(['Compound', 'Classic'] as const)('every field, measure and stock (%s fill rate)', (model) => {
    for (const s0 of [0, 2, 6, 12]) {
      for (const level of [0, 1, 3, 6]) {
        const stock = [s0, level, level, level];
        const { rows } = evaluateNetwork(problem, stock, { ...DEFAULT_NETWORK_SETTINGS, fillRateModel: model });
        fields.forEach((f, j) => {
          for (const [measure, column] of Object.entries(measures)) {
            const value = variMetric(f.rate, f.days, level, total, 20, s0, measure, f.ratio, ratio, model);
            expectClose(value, rows.columns[column][1 + j], 1e-12, { model, s0, level, j, measure });
          }
        });
      }
    }
  });

  test('batch demand changes the fill rate, so the model matters', () => {
    const [compound, classic] = (['Compound', 'Classic'] as const).map((m) => variMetric(0.1, 3, 2, total, 20, 6, 'FillRate', 2, ratio, m));
    expect(compound).toBeLessThan(classic);
    expect(variMetric(0.1, 3, 2, total, 20, 6, 'FillRate', 2, ratio)).toBe(variMetric(0.1, 3, 2, total, 20, 6, 'FillRate', 2, ratio, DEFAULT_NETWORK_SETTINGS.fillRateModel));
  });
});

describe('a Central that never runs short: the single-location model with lead time ResupplyDays', () => {
  // λ₀T₀ = 2 units with 60 on the shelf: EBO₀ = E[(X₀ − 60)+] < 1e-40, so Nⱼ is just λⱼTⱼ (methods §9.2).
  test.each([
    [0.4, 5, 1, 1],
    [0.4, 5, 3, 2.5],
  ])('field %p a day over %p days, stock %p, ratio %p', (rate, days, stock, ratio) => {
    const mean = rate * days;
    const args = [rate, days, stock, 1, 2, 60, undefined, ratio] as const;
    expectClose(variMetric(...args), ebo(mean, stock, ratio * mean), 1e-12);
    expectClose(variMetric(args[0], args[1], args[2], args[3], args[4], args[5], 'FillRate', ratio), fillRate(mean, stock, ratio * mean), 1e-12);
    expectClose(variMetric(args[0], args[1], args[2], args[3], args[4], args[5], 'ReadyRate', ratio), readyRate(mean, stock, ratio * mean), 1e-12);
  });

  test('no demand at the field: nothing is short, as the network plan reports', () => {
    expect(variMetric(0, 3, 0, 1, 20, 0)).toBe(0);
    expect(variMetric(0, 3, 0, 1, 20, 0, 'FillRate')).toBe(1);
    expect(variMetric(0, 3, 2, 0, 20, 0, 'ExpectedOnHand')).toBe(2);
  });
});

describe('bad arguments give Excel errors, never a number', () => {
  test.each([
    ['text for a rate', () => variMetric('fast', 3, 1, 1, 20, 2), '#VALUE!', 'field_rate must be a number, found "fast"'],
    ['a missing central stock', () => variMetric(0.1, 3, 1, 1, 20, ''), '#VALUE!', 'central_stock is required'],
    ['an unknown measure', () => variMetric(0.1, 3, 1, 1, 20, 2, 'Delay'), '#VALUE!', 'measure must be one of EBO, FillRate, ReadyRate, ExpectedOnHand, PipelineMean, PipelineVariance, found "Delay"'],
    ['a negative resupply time', () => variMetric(0.1, -3, 1, 1, 20, 2), '#NUM!', 'field_resupply_days must be a number >= 0, found -3'],
    ['a fractional stock', () => variMetric(0.1, 3, 1.5, 1, 20, 2), '#NUM!', `field_stock must be a whole number from 0 to ${NETWORK_LIMITS.fieldStock}, found 1.5`],
    ['a ratio below 1', () => variMetric(0.1, 3, 1, 1, 20, 2, null, 0.5), '#NUM!', `field_variance_to_mean must be a number from 1 to ${LIMITS.dispersion}, found 0.5`],
    ['a Central with less demand than the field', () => variMetric(2, 3, 1, 1, 20, 2), '#NUM!', "central_rate must be at least field_rate (2): the Central's demand includes this field's orders, found 1"],
    [
      'a Central ratio the rest of its demand cannot give',
      () => variMetric(0.5, 3, 1, 1, 20, 2, null, 3, 1.5),
      '#NUM!',
      "central_variance_to_mean must be at least 2 here: the rest of the Central's demand (0.5 a day) cannot vary less than Poisson, found 1.5",
    ],
    [
      'a Central ratio other than the field’s when the field is all its demand',
      () => variMetric(1, 3, 1, 1, 20, 2, null, 2, 3),
      '#NUM!',
      "central_variance_to_mean must equal field_variance_to_mean (2) when the field is the Central's only demand, found 3",
    ],
  ])('%s', (_label, call, code, message) => {
    expect(failure(call)).toEqual([code, message]);
  });

  test('beyond the work limits: #NUM! instead of freezing Excel', () => {
    expect(failure(() => variMetric(0.1, 3, NETWORK_LIMITS.fieldStock + 1, 1, 20, 2))[0]).toBe('#NUM!');
    expect(failure(() => variMetric(1e4, 1e3, 1, 1e4, 20, 2))).toEqual(['#NUM!', `field_rate × field_resupply_days must be at most ${LIMITS.mean} units, found 10000000`]);
    expect(failure(() => variMetric(100, 50, 1, 100, 50, 2, null, 20))).toEqual([
      '#NUM!',
      `field_rate × (field_resupply_days + central_pipeline_days) × field_variance_to_mean must be at most ${NETWORK_LIMITS.batchSpread} with batch demand (the Compound fill rate's work grows with its square), found 200000`,
    ]);
    // Classic fill rate or unit demand: linear work, so the same spread is allowed.
    expect(variMetric(100, 50, 1, 100, 50, 2, 'EBO', 20, 20, 'Classic')).toBeGreaterThan(0);
  });
});
