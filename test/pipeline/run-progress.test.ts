/**
 * The run's progress: stages in pipeline order, each fraction within [0, 1] and never falling within
 * its stage, and the MOM assessment (with its field-only network plan, §8.9) reported as a stage of
 * its own rather than after 'compute' has said 100%.
 */
import { analyzeTables, readInputTables, type Stage } from '../../src/pipeline/run';
import { sampleWorkbook } from '../taskpane/fake-session';

test('validate, compute, assess and layout report in order; the centralisation plan reports under assess', async () => {
  const port = await sampleWorkbook({ parts: 8, locations: 4, periods: 24, seed: 3 });
  const tables = await readInputTables(port);
  expect(tables.Inventory?.rows.length ?? 0).toBeGreaterThan(0);
  // Every tier answered within two days, so the fields (emergency delivery in 8–22 hours) are coverable from the Central.
  const tiers = tables.SLATiers!;
  const response = tiers.headers.indexOf('ResponseHours');
  expect(response).toBeGreaterThanOrEqual(0);
  for (const row of tiers.rows) row[response] = 48;
  const events: [Stage, number][] = [];
  const analysis = analyzeTables(tables, {}, { onProgress: (stage, fraction) => events.push([stage, fraction]) });
  expect(analysis.ok).toBe(true);
  const order = events.map(([s]) => s).filter((s, i, all) => i === 0 || all[i - 1] !== s);
  expect(order).toEqual(['validate', 'compute', 'assess', 'layout']);
  for (const stage of order) {
    const fractions = events.filter(([s]) => s === stage).map(([, f]) => f);
    for (let i = 0; i < fractions.length; i++) {
      expect(fractions[i]).toBeGreaterThanOrEqual(0);
      expect(fractions[i]).toBeLessThanOrEqual(1);
      if (i > 0) expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]);
    }
    expect(fractions[fractions.length - 1]).toBe(1);
  }
  // The field-only plan's own progress arrives between assess's 0 and 1.
  const assess = events.filter(([s]) => s === 'assess').map(([, f]) => f);
  expect(assess.some((f) => f > 0 && f < 1)).toBe(true);
});
