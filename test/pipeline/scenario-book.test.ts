import { compareRuns } from '../../src/model/results-scenarios';
import { bookFromStored, storedFromBook, withNamed } from '../../src/pipeline/scenario-book';
import type { KeptRun } from '../../src/model/headline';

const run = (name: string, investment: number, gold: number | null): KeptRun => ({
  name,
  timestamp: '2026-12-01T10:00:00.000Z',
  engineVersion: '0.1.0',
  figures: [
    { key: 'investment', label: 'Stock investment', format: 'currency', value: investment },
    { key: 'fillRate:Gold', label: 'Planned fill rate: Gold', format: 'percent', value: gold },
  ],
});

describe('the scenario book in the stored scenario', () => {
  test('round-trips: base, named scenarios, kept runs and the last run', () => {
    const book = { base: { tierTargets: { Gold: 0.9 } }, named: { 'Budget 2 M': { settings: { holdingCostRate: 0.2 } } }, runs: { Base: run('Base', 100, 0.9) }, lastRun: { timestamp: 't', engineVersion: 'v' } };
    expect(bookFromStored(JSON.parse(JSON.stringify(storedFromBook(book))))).toEqual(book);
  });

  test('keeps what is well formed of hand-edited or older JSON', () => {
    const book = bookFromStored({
      version: 1,
      scenario: { settings: { alpha: 0.2 } },
      named: { Good: { tierTargets: { Gold: 0.97 }, colour: 'blue' }, Bad: 'not an object', ' ': { settings: {} } },
      runs: { Good: { timestamp: 't', engineVersion: 'v', figures: [{ key: 'investment', label: 'I', format: 'currency', value: 5 }, { key: 'x' }] }, Broken: { figures: 3 } },
    });
    expect(book.base).toEqual({ settings: { alpha: 0.2 } });
    expect(book.named).toEqual({ Good: { tierTargets: { Gold: 0.97 } } });
    expect(Object.keys(book.runs)).toEqual(['Good']);
    expect(book.runs.Good.figures).toEqual([{ key: 'investment', label: 'I', format: 'currency', value: 5 }]);
    expect(bookFromStored(null)).toEqual({ base: {}, named: {}, runs: {}, lastRun: null });
  });

  test('a named scenario’s settings and targets win over the base’s; the rest of the base stays', () => {
    const base = { tableSources: { Parts: 'Items' }, settings: { alpha: 0.2, holdingCostRate: 0.3 }, tierTargets: { Gold: 0.9, Silver: 0.8 } };
    expect(withNamed(base, { settings: { holdingCostRate: 0.1 }, tierTargets: { Gold: 0.97 } })).toEqual({
      tableSources: { Parts: 'Items' },
      settings: { alpha: 0.2, holdingCostRate: 0.1 },
      tierTargets: { Gold: 0.97, Silver: 0.8 },
    });
    expect(withNamed(base, undefined)).toBe(base);
  });
});

describe('compareRuns', () => {
  test('A, B and B − A for every figure; a figure only one run has leaves the other blank', () => {
    const a = run('A', 100, 0.9);
    const b = { ...run('B', 250, null), figures: [...run('B', 250, null).figures, { key: 'fillRate:Silver', label: 'Planned fill rate: Silver', format: 'percent' as const, value: 0.8 }] };
    expect(compareRuns(a, b)).toEqual([
      { key: 'investment', label: 'Stock investment', format: 'currency', a: 100, b: 250, delta: 150 },
      { key: 'fillRate:Gold', label: 'Planned fill rate: Gold', format: 'percent', a: 0.9, b: null, delta: null },
      { key: 'fillRate:Silver', label: 'Planned fill rate: Silver', format: 'percent', a: null, b: 0.8, delta: null },
    ]);
  });
});
