import fc from 'fast-check';
import { SETTINGS_SPEC, TABLES, type ColumnSpec, type TableName } from '../../src/model/contract';
import { columnNote, columnValidation, inputTemplate } from '../../src/model/template';
import { byName, contractViolations, records, withinBounds } from '../sample/contract-check';

describe('inputTemplate', () => {
  const template = inputTemplate();

  it('has one table per contract table, in contract order', () => {
    expect(template.map((t) => t.name)).toEqual(TABLES.map((t) => t.name));
  });

  it('has every contract column as a header, with the contract note and whether it is required', () => {
    for (const spec of TABLES) {
      const table = byName(template, spec.name);
      expect(table.columns.map((c) => c.header)).toEqual(spec.columns.map((c) => c.key));
      spec.columns.forEach((column, c) => {
        const note = table.columns[c].note;
        expect(note.startsWith(column.note)).toBe(true);
        if (column.required === true) expect(note).toMatch(/Required\.$/);
        else if (typeof column.required === 'string') expect(note).toContain(`Required ${column.required}.`);
        else expect(note).toMatch(/Optional/);
      });
    }
  });

  it('states defaults as users type them', () => {
    const parts = byName(template, 'Parts');
    const note = (key: string) => parts.columns.find((c) => c.header === key)?.note;
    expect(note('Repairable')).toContain('Optional, default No.');
    expect(note('ScrapRate')).toContain('Optional, default 0.');
    expect(note('Criticality')).toContain('Optional, default Critical.');
    expect(note('Description')).toMatch(/Optional\.$/);
    expect(note('RepairDays')).toContain('Required when Repairable.');
  });

  it('gives enum columns a list of exactly the contract values and booleans Yes/No', () => {
    for (const spec of TABLES) {
      const table = byName(template, spec.name);
      spec.columns.forEach((column, c) => {
        const validation = table.columns[c].validation;
        if (column.type === 'enum') expect(validation).toEqual({ kind: 'list', values: column.values });
        else if (column.type === 'boolean') expect(validation).toEqual({ kind: 'list', values: ['Yes', 'No'] });
        else if (column.type === 'number') expect(validation).toEqual({ kind: 'decimal', ...bounds(column) });
        else if (column.type === 'integer') expect(validation?.kind).toBe('whole');
        else expect(validation).toBeUndefined();
      });
    }
  });

  it('formats numbers, dates, shares and text columns', () => {
    const format = (table: TableName, key: string) => byName(template, table).columns.find((c) => c.header === key)?.format;
    expect(format('Parts', 'UnitCost')).toBe('decimal');
    expect(format('Parts', 'ScrapRate')).toBe('percent');
    expect(format('Parts', 'EndOfSupport')).toBe('date');
    expect(format('Parts', 'PartID')).toBe('text');
    expect(format('SLATiers', 'TargetFillRate')).toBe('percent');
    expect(format('Demand', 'Period')).toBe('text');
    expect(format('Demand', 'Quantity')).toBe('integer');
  });

  it('has example rows that satisfy every column type, bound, enum and uniqueness rule', () => {
    for (const table of template) expect(contractViolations(table)).toEqual([]);
  });

  it('has example rows that reference each other consistently', () => {
    const ids = (name: 'Parts' | 'Locations' | 'SLATiers', key: string) => new Set(records(byName(template, name)).map((r) => r[key]));
    const partIds = ids('Parts', 'PartID');
    const locationIds = ids('Locations', 'LocationID');
    const tiers = ids('SLATiers', 'Tier');
    const locations = records(byName(template, 'Locations'));
    const centrals = new Set(locations.filter((l) => l.Type === 'Central').map((l) => l.LocationID));
    const demand = records(byName(template, 'Demand'));
    expect(demand.length).toBeGreaterThan(0);
    for (const row of [...demand, ...records(byName(template, 'Inventory'))]) {
      expect(partIds).toContain(row.PartID);
      expect(locationIds).toContain(row.LocationID);
    }
    for (const location of locations) {
      if (location.Type === 'Field') {
        expect(centrals).toContain(location.Parent);
        expect(location.ResupplyDays).not.toBeNull();
      }
      if (location.SLATier !== null) expect(tiers).toContain(location.SLATier);
    }
    // SLATier is required for locations with demand.
    for (const row of demand) expect(locations.find((l) => l.LocationID === row.LocationID)?.SLATier).not.toBeNull();
    for (const part of records(byName(template, 'Parts'))) if (part.Repairable === 'Yes') expect(part.RepairDays).not.toBeNull();
  });

  it('lists every setting with its default, one row each', () => {
    const settings = records(byName(template, 'Settings'));
    expect(settings).toEqual(SETTINGS_SPEC.map((s) => ({ Setting: s.key, Value: s.default })));
    for (const setting of SETTINGS_SPEC) {
      if (typeof setting.default === 'number') expect(withinBounds(setting, setting.default)).toBe(true);
      if (setting.values) expect(setting.values).toContain(setting.default);
    }
  });

  it('builds its notes with columnNote', () => {
    for (const spec of TABLES) expect(byName(template, spec.name).columns.map((c) => c.note)).toEqual(spec.columns.map(columnNote));
  });

  it('says each thing once in a header note: the meaning, then whether it is required and its default', () => {
    const repairable = TABLES.find((t) => t.name === 'Parts')!.columns.find((c) => c.key === 'Repairable')!;
    expect(columnNote(repairable)).toBe('Yes if failed units are repaired and returned to stock (Yes/No, TRUE/FALSE, 1/0). Optional, default No.');
    for (const spec of TABLES) {
      for (const column of spec.columns) {
        const note = columnNote(column);
        // "Default" and "required" are said once, by the requirement text at the end.
        expect(note.match(/\bdefault\b/gi)?.length ?? 0).toBeLessThanOrEqual(1);
        expect(note.match(/\brequired\b/gi)?.length ?? 0).toBeLessThanOrEqual(1);
        expect(note.match(/\boptional\b/gi)?.length ?? 0).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('columnValidation of numeric columns', () => {
  const boundedColumn = fc.record({
    min: fc.option(fc.integer({ min: -50, max: 50 }), { nil: undefined }),
    minExclusive: fc.boolean(),
    span: fc.integer({ min: 2, max: 100 }),
    hasMax: fc.boolean(),
    maxExclusive: fc.boolean(),
  });
  const column = (type: 'integer' | 'number', c: { min?: number; minExclusive: boolean; span: number; hasMax: boolean; maxExclusive: boolean }): ColumnSpec => ({
    key: 'X', synonyms: [], type, required: false, note: '', example: null,
    min: c.min, minExclusive: c.minExclusive, max: c.hasMax ? (c.min ?? 0) + c.span : undefined, maxExclusive: c.maxExclusive,
  });
  const passesExcel = (v: { min?: number; max?: number }, x: number) => (v.min === undefined || x >= v.min) && (v.max === undefined || x <= v.max);

  it('is exact for whole numbers, exclusive bounds included', () => {
    fc.assert(
      fc.property(boundedColumn, fc.integer({ min: -200, max: 200 }), (c, x) => {
        const spec = column('integer', c);
        const validation = columnValidation(spec);
        if (validation?.kind !== 'whole') return false;
        return passesExcel(validation, x) === withinBounds(spec, x);
      }),
    );
  });

  it('never rejects a decimal the contract accepts', () => {
    fc.assert(
      fc.property(boundedColumn, fc.double({ min: -200, max: 200, noNaN: true }), (c, x) => {
        const spec = column('number', c);
        const validation = columnValidation(spec);
        if (validation?.kind !== 'decimal') return false;
        return !withinBounds(spec, x) || passesExcel(validation, x);
      }),
    );
  });
});

function bounds(column: ColumnSpec): { min?: number; max?: number } {
  return { ...(column.min !== undefined ? { min: column.min } : {}), ...(column.max !== undefined ? { max: column.max } : {}) };
}
