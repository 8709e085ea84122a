import fc from 'fast-check';
import { SETTINGS_SPEC, TABLES } from '../../src/model/contract';
import { inputColumns } from '../../src/model/template';
import { generateSample, type SampleOptions } from '../../src/sample/generate';
import { periodLabels } from '../../src/sample/periods';
import type { CellValue, InputTableToWrite } from '../../src/workbook/port';
import { byName, contractViolations, records } from './contract-check';

type DemandClass = 'smooth' | 'erratic' | 'intermittent' | 'lumpy';

/**
 * Syntetos–Boylan class of a history: ADI = periods / non-zero periods, CV² = (sd / mean)² of the
 * non-zero sizes (sample sd, 0 with fewer than two), cut-offs 1.32 and 0.49. Null without demand.
 */
function syntetosBoylanClass(quantities: number[]): DemandClass | null {
  const sizes = quantities.filter((q) => q > 0);
  if (sizes.length === 0) return null;
  const adi = quantities.length / sizes.length;
  const mean = sizes.reduce((s, q) => s + q, 0) / sizes.length;
  const variance = sizes.length > 1 ? sizes.reduce((s, q) => s + (q - mean) ** 2, 0) / (sizes.length - 1) : 0;
  const cv2 = variance / (mean * mean);
  if (adi <= 1.32) return cv2 <= 0.49 ? 'smooth' : 'erratic';
  return cv2 <= 0.49 ? 'intermittent' : 'lumpy';
}

/** Demand rows as one full history per part-location (missing periods are zero). */
function histories(tables: InputTableToWrite[], labels: string[]): Map<string, number[]> {
  const index = new Map(labels.map((label, i) => [label, i]));
  const result = new Map<string, number[]>();
  for (const [part, location, period, quantity] of byName(tables, 'Demand').rows as [string, string, string, number][]) {
    const key = `${part}|${location}`;
    let history = result.get(key);
    if (!history) result.set(key, (history = new Array<number>(labels.length).fill(0)));
    history[index.get(period)!] += quantity;
  }
  return result;
}

const options: SampleOptions = { parts: 300, locations: 6, periods: 36, seed: 7 };
const sample = generateSample(options);
const labels = periodLabels(36, 'Month');
const demandHistories = histories(sample, labels);
const locations = records(byName(sample, 'Locations'));
const parts = records(byName(sample, 'Parts'));
const locationType = new Map(locations.map((l) => [l.LocationID, l.Type]));

describe('generateSample', () => {
  it('is deterministic: the same options give identical tables', () => {
    expect(JSON.stringify(generateSample(options))).toBe(JSON.stringify(sample));
  });

  it('gives different tables for a different seed', () => {
    const other = generateSample({ ...options, seed: 8 });
    expect(JSON.stringify(byName(other, 'Demand').rows)).not.toBe(JSON.stringify(byName(sample, 'Demand').rows));
    expect(JSON.stringify(byName(other, 'Parts').rows)).not.toBe(JSON.stringify(byName(sample, 'Parts').rows));
  });

  it('writes every contract table with the template columns, and every row satisfies the contract', () => {
    expect(sample.map((t) => t.name)).toEqual(TABLES.map((t) => t.name));
    for (const table of sample) {
      expect(table.columns).toEqual(inputColumns(TABLES.find((t) => t.name === table.name)!));
      expect(contractViolations(table)).toEqual([]);
    }
  });

  it('rejects options that are not whole numbers >= 1 or an unknown period length', () => {
    expect(() => generateSample({ ...options, parts: 0 })).toThrow(RangeError);
    expect(() => generateSample({ ...options, locations: 2.5 })).toThrow(RangeError);
    expect(() => generateSample({ ...options, periods: -1 })).toThrow(RangeError);
    expect(() => generateSample({ ...options, seed: 0.5 })).toThrow(RangeError);
    expect(() => generateSample({ ...options, periodLength: 'Day' as never })).toThrow(RangeError);
  });

  describe('locations', () => {
    const network = (count: number) => records(byName(generateSample({ parts: 1, locations: count, periods: 1, seed: count }), 'Locations'));

    it.each([
      [1, 1, 0],
      [4, 1, 3],
      [10, 1, 9],
      [11, 2, 9],
      [25, 3, 22],
    ])('%p locations: %p Central and %p Field', (count, centrals, fields) => {
      const rows = network(count);
      expect(rows.filter((l) => l.Type === 'Central')).toHaveLength(centrals);
      expect(rows.filter((l) => l.Type === 'Field')).toHaveLength(fields);
    });

    it('has unique IDs, Fields round-robin under Centrals, resupply and emergency times in range', () => {
      const between = (value: CellValue, low: number, high: number) => typeof value === 'number' && value >= low && value <= high;
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 400 }), (count) => {
          const rows = network(count);
          const centrals = rows.filter((l) => l.Type === 'Central').map((l) => l.LocationID);
          const fields = rows.filter((l) => l.Type === 'Field');
          return (
            rows.length === count &&
            new Set(rows.map((l) => l.LocationID)).size === count &&
            centrals.length === Math.ceil(count / 10) &&
            fields.every((field, f) => field.Parent === centrals[f % centrals.length] && between(field.ResupplyDays, 1, 5) && between(field.EmergencyHours, 2, 24)) &&
            rows.every((l) => (l.Type === 'Central' ? /^CDC-[A-Z]+\d*$/ : /^FSL-[A-Z]{3}\d*$/).test(String(l.LocationID)))
          );
        }),
        { numRuns: 60 },
      );
    });

    it('references only SLA tiers that exist, the faster ones at Field locations', () => {
      const tiers = new Map(records(byName(sample, 'SLATiers')).map((t) => [t.Tier, t.ResponseHours as number]));
      expect(tiers.size).toBeGreaterThanOrEqual(3);
      const hours = (type: string) => locations.filter((l) => l.Type === type).map((l) => tiers.get(l.SLATier)!);
      for (const location of locations) expect(tiers.has(location.SLATier)).toBe(true);
      expect(Math.max(...hours('Field'))).toBeLessThan(Math.min(...hours('Central')));
    });
  });

  describe('parts', () => {
    const share = (test: (p: Record<string, CellValue>) => boolean) => parts.filter(test).length / parts.length;

    it('has realistic costs, lead times and repair data', () => {
      expect(parts).toHaveLength(options.parts);
      for (const part of parts) {
        const cost = part.UnitCost as number;
        expect(cost).toBeGreaterThanOrEqual(5);
        expect(cost).toBeLessThanOrEqual(20_000);
        expect(part.LeadTimeDays).toBeGreaterThanOrEqual(14);
        expect(part.LeadTimeDays).toBeLessThanOrEqual(120);
        expect(part.SalePrice as number).toBeGreaterThan(cost);
        expect(part.SalvageValue as number).toBeLessThan(cost);
        if (part.Repairable === 'Yes') {
          expect(part.RepairDays).toBeGreaterThanOrEqual(7);
          expect(part.RepairDays).toBeLessThanOrEqual(40);
          expect(part.ScrapRate).toBeGreaterThanOrEqual(0);
          expect(part.ScrapRate).toBeLessThanOrEqual(0.3);
          expect(part.RefurbCost as number).toBeGreaterThan(0);
        } else {
          expect([part.RepairDays, part.ScrapRate, part.RefurbCost]).toEqual([null, null, null]);
        }
        expect(part.EndOfSupport instanceof Date).toBe(part.Lifecycle === 'EndOfLife');
        if (part.EndOfSupport instanceof Date) expect(part.EndOfSupport.getTime()).toBeGreaterThan(Date.UTC(2025, 11, 31));
      }
      const costs = parts.map((p) => p.UnitCost as number);
      expect(Math.max(...costs) / Math.min(...costs)).toBeGreaterThan(100);
    });

    it('mixes repairables, criticality and lifecycle stages in about the intended shares', () => {
      expect(share((p) => p.Repairable === 'Yes')).toBeGreaterThan(0.2);
      expect(share((p) => p.Repairable === 'Yes')).toBeLessThan(0.4);
      expect(share((p) => p.Criticality === 'Critical')).toBeGreaterThan(0.6);
      expect(share((p) => p.Criticality === 'Critical')).toBeLessThan(0.8);
      expect(share((p) => p.Lifecycle === 'Active')).toBeGreaterThan(0.5);
      expect(share((p) => p.Lifecycle === 'Mature')).toBeGreaterThan(0.1);
      expect(share((p) => p.Lifecycle === 'EndOfLife')).toBeGreaterThan(0.03);
      expect(share((p) => p.Lifecycle === 'EndOfLife')).toBeLessThan(0.2);
    });
  });

  describe('demand', () => {
    const demandRows = byName(sample, 'Demand').rows;

    it('has every part at every location, writing zero only for a part-location that never had demand', () => {
      expect(demandHistories.size).toBe(options.parts * options.locations);
      const rowsPerKey = new Map<string, number>();
      for (const [part, location] of demandRows) rowsPerKey.set(`${part}|${location}`, (rowsPerKey.get(`${part}|${location}`) ?? 0) + 1);
      for (const [part, location, period, quantity] of demandRows) {
        if (quantity !== 0) continue;
        expect(period).toBe('2025-12');
        expect(rowsPerKey.get(`${part}|${location}`)).toBe(1);
      }
    });

    it('uses month labels ending 2025-12, or ISO weeks ending 2025-W52', () => {
      expect(new Set(demandRows.map((r) => r[2]))).toEqual(new Set(labels));
      expect(labels[0]).toBe('2023-01');
      const weekly = generateSample({ ...options, parts: 20, periods: 104, periodLength: 'Week' });
      const weeks = [...new Set(byName(weekly, 'Demand').rows.map((r) => r[2] as string))].sort();
      expect(weeks.at(-1)).toBe('2025-W52');
      expect(weeks[0]).toBe('2024-W01');
      expect(records(byName(weekly, 'Settings')).find((s) => s.Setting === 'PeriodLength')?.Value).toBe('Week');
    });

    it('contains all four Syntetos–Boylan classes', () => {
      const counts: Record<string, number> = {};
      for (const history of demandHistories.values()) {
        const demandClass = syntetosBoylanClass(history) ?? 'none';
        counts[demandClass] = (counts[demandClass] ?? 0) + 1;
      }
      for (const demandClass of ['smooth', 'erratic', 'intermittent', 'lumpy']) expect(counts[demandClass] / demandHistories.size).toBeGreaterThan(0.08);
    });

    it('runs higher at Centrals than at Field locations', () => {
      const meanRate = (type: string) => {
        const rates = [...demandHistories].filter(([key]) => locationType.get(key.split('|')[1]) === type).map(([, h]) => h.reduce((s, q) => s + q, 0) / h.length);
        return rates.reduce((s, r) => s + r, 0) / rates.length;
      };
      expect(meanRate('Central')).toBeGreaterThan(1.5 * meanRate('Field'));
    });

    it('declines for EndOfLife parts and grows for the Active ones on balance', () => {
      const lifecycle = new Map(parts.map((p) => [p.PartID, p.Lifecycle]));
      const lastThirdOverFirst = (stage: string) => {
        let first = 0;
        let last = 0;
        for (const [key, history] of demandHistories) {
          if (lifecycle.get(key.split('|')[0]) !== stage) continue;
          first += history.slice(0, 12).reduce((s, q) => s + q, 0);
          last += history.slice(24).reduce((s, q) => s + q, 0);
        }
        return last / first;
      };
      expect(lastThirdOverFirst('EndOfLife')).toBeLessThan(0.75);
      expect(lastThirdOverFirst('Active')).toBeGreaterThan(1.05);
    });

    it('shows most demand classes even in a tiny sample', () => {
      const tiny = generateSample({ parts: 4, locations: 1, periods: 36, seed: 3 });
      const classes = new Set([...histories(tiny, labels).values()].map(syntetosBoylanClass));
      // Four parts at one Central: noise may blur one class, but most patterns must show.
      expect(classes.size).toBeGreaterThanOrEqual(3);
    });
  });

  it('has one Inventory row per part-location with whole, non-negative stock, some of it zero', () => {
    const inventory = byName(sample, 'Inventory').rows;
    expect(inventory).toHaveLength(options.parts * options.locations);
    expect(new Set(inventory.map(([p, l]) => `${p}|${l}`))).toEqual(new Set(demandHistories.keys()));
    const onHand = inventory.map((r) => r[2] as number);
    for (const units of onHand) expect(Number.isInteger(units) && units >= 0).toBe(true);
    const zeroShare = onHand.filter((u) => u === 0).length / onHand.length;
    expect(zeroShare).toBeGreaterThan(0.02);
    expect(zeroShare).toBeLessThan(0.4);
  });

  it('writes the default settings', () => {
    expect(records(byName(sample, 'Settings'))).toEqual(SETTINGS_SPEC.map((s) => ({ Setting: s.key, Value: s.default })));
  });
});

describe('periodLabels', () => {
  it('counts months back across year ends', () => {
    expect(periodLabels(13, 'Month')).toEqual(['2024-12', ...Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`)]);
  });

  it('follows ISO weeks, 53-week years included', () => {
    const weeks = periodLabels(320, 'Week');
    expect(new Set(weeks).size).toBe(320);
    expect(weeks).toContain('2020-W53');
    expect(weeks).not.toContain('2021-W53');
    expect(weeks[weeks.indexOf('2020-W53') + 1]).toBe('2021-W01');
    expect(weeks.at(-1)).toBe('2025-W52');
  });
});
