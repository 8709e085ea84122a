/**
 * VARI-METRIC against independent reference values: ../shared/reference/network/vari_metric_cases.csv
 * (README there: an independent implementation summing the Poisson pmf directly in double
 * precision, agreeing with an exact evaluation to about 1e-12 relative). The brief asks for 1e-9;
 * the engine agrees to 2e-14, so 1e-12 is asserted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateNetwork } from '../../../src/engine/network/evaluate';
import { PartModel } from '../../../src/engine/network/part-model';
import { buildNetworkProblem, DEFAULT_NETWORK_SETTINGS, type NetworkPartInput } from '../../../src/engine/network/problem';

const CSV = join(__dirname, '..', '..', '..', '..', 'shared', 'reference', 'network', 'vari_metric_cases.csv');

function parseCsv(text: string): Record<string, string>[] {
  const lines = text.trim().split(/\r?\n/);
  const split = (line: string) => {
    const out: string[] = [];
    let cell = '';
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === ',' && !quoted) {
        out.push(cell);
        cell = '';
      } else cell += ch;
    }
    out.push(cell);
    return out;
  };
  const header = split(lines[0]);
  return lines.slice(1).map((line) => Object.fromEntries(split(line).map((v, i) => [header[i], v])));
}

const cases = parseCsv(readFileSync(CSV, 'utf8'));
const numbers = (s: string) => s.split(',').map(Number);

function partOf(c: Record<string, string>): NetworkPartInput {
  const rates = numbers(c.field_rates_per_day);
  const resupply = numbers(c.field_resupply_days);
  return {
    unitCost: 1,
    centralPipelineDays: Number(c.central_pipeline_days),
    central: { ratePerDay: 0, tier: null, holdingCostRate: 0.25, penaltyPerMiss: 0 },
    fields: rates.map((rate, i) => ({ ratePerDay: rate, resupplyDays: resupply[i], emergencyHours: null, tier: null, holdingCostRate: 0.25, penaltyPerMiss: 0 })),
  };
}

/** Relative difference, with an absolute floor for values near zero. */
const close = (actual: number, expected: number, tol = 1e-12) => Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected));

describe('VARI-METRIC against the reference cases', () => {
  test('the reference file holds the four networks', () => {
    expect(new Set(cases.map((c) => c.case))).toEqual(new Set(['two-outlets-repair', 'three-fields-tight', 'one-big-one-small', 'slow-movers']));
    expect(cases.length).toBe(132);
  });

  test.each(cases.map((c, i) => [i + 2, c.case, c.central_stock, c.field, c.field_stock, c] as const))('line %p: %s, s0 = %s, field %s at s = %s', (_line, _name, _s0, _field, _s, c) => {
    const part = partOf(c);
    const problem = buildNetworkProblem([part], []);
    const s0 = Number(c.central_stock);
    const j = Number(c.field) - 1;
    const stock = new Array(1 + part.fields.length).fill(0);
    stock[0] = s0;
    stock[1 + j] = Number(c.field_stock);
    const { rows } = evaluateNetwork(problem, stock);
    const col = rows.columns;
    // Central: EBO₀ and VBO₀ of the Poisson pipeline.
    expect(close(col.expectedBackorders[0], Number(c.central_ebo))).toBe(true);
    const model = new PartModel(problem, DEFAULT_NETWORK_SETTINGS);
    model.setPart(0, s0);
    model.setCentralLevel(s0);
    expect(close(model.ebo0, Number(c.central_ebo))).toBe(true);
    expect(close(model.vbo0, Number(c.central_vbo))).toBe(true);
    // Field j: pipeline moments and EBO of the fitted distribution.
    expect(close(col.pipelineMean[1 + j], Number(c.field_pipeline_mean))).toBe(true);
    expect(close(col.pipelineVariance[1 + j], Number(c.field_pipeline_var))).toBe(true);
    expect(close(col.expectedBackorders[1 + j], Number(c.field_ebo))).toBe(true);
  });
});
