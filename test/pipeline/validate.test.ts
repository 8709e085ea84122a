import { SETTINGS_SPEC, type TableName } from '../../src/model/contract';
import { formatIssue, type Part, type ValidationIssue } from '../../src/model/types';
import { validateInput as validateAll } from '../../src/pipeline/validate';
import type { CellValue, SheetTable } from '../../src/workbook/port';
import { sheetTable, utc } from './fixtures';

type Tables = Partial<Record<TableName, SheetTable | null>>;

/**
 * The fixtures hold a few months of demand, so every run also warns that the history is shorter than
 * a year; the tests below are about other things and leave that warning out (it has tests of its own).
 */
const isShortHistory = (issue: ValidationIssue): boolean => issue.message.startsWith('The Demand history covers');
function validateInput(...args: Parameters<typeof validateAll>): ReturnType<typeof validateAll> {
  const result = validateAll(...args);
  return { ...result, issues: result.issues.filter((issue) => !isShortHistory(issue)) };
}

/** `error Parts!C3: …`: severity, place and message in one comparable line. */
const show = (issue: ValidationIssue) => `${issue.severity} ${formatIssue(issue)}`;
const shown = (tables: Tables, options?: Parameters<typeof validateInput>[1]) => validateInput(tables, options).issues.map(show);

const PARTS: CellValue[][] = [
  ['PartID', 'Description', 'UnitCost', 'LeadTimeDays', 'Repairable', 'RepairDays', 'ScrapRate', 'Criticality', 'Lifecycle', 'EndOfSupport'],
  ['PN-1', 'Power supply', 420, 45, 'Yes', 20, 0.1, 'Critical', 'Active', null],
  // An EndOfLife part needs an EndOfSupport after the history (else a warning: no last-time buy).
  ['PN-2', 'Fan', 15, 10, 'No', null, null, 'standard', 'end of life', new Date(Date.UTC(2030, 11, 31))],
];
const LOCATIONS: CellValue[][] = [
  ['LocationID', 'Type', 'Parent', 'ResupplyDays', 'SLATier'],
  ['CDC', 'Central', null, null, null],
  ['FSL-1', 'Field', 'CDC', 3, 'Gold'],
];
const TIERS: CellValue[][] = [
  ['Tier', 'ResponseHours', 'TargetFillRate', 'PenaltyPerMiss'],
  ['Gold', 4, 0.95, 1500],
];
const DEMAND: CellValue[][] = [
  ['PartID', 'LocationID', 'Period', 'Quantity'],
  ['PN-1', 'FSL-1', '2024-01', 2],
  ['PN-1', 'FSL-1', '2024-03', 1],
  ['PN-2', 'FSL-1', '2024-02', 5],
  ['PN-1', 'FSL-1', '2024-03', 4],
];

/** A valid workbook; pass grids to replace tables (null removes one). */
function workbook(replace: Partial<Record<TableName, CellValue[][] | null>> = {}): Tables {
  const grids: Partial<Record<TableName, CellValue[][] | null>> = { Parts: PARTS, Locations: LOCATIONS, SLATiers: TIERS, Demand: DEMAND, ...replace };
  const tables: Tables = {};
  for (const [name, grid] of Object.entries(grids) as [TableName, CellValue[][] | null][]) tables[name] = grid === null ? null : sheetTable(name, grid);
  return tables;
}

/** The grid with one cell replaced (row 0 = header). */
function withCell(grid: CellValue[][], row: number, column: number, value: CellValue): CellValue[][] {
  return grid.map((cells, r) => (r === row ? cells.map((cell, c) => (c === column ? value : cell)) : cells));
}

/** Defaults written out by hand; settings added to the contract later are checked generically below. */
const DEFAULT_SETTINGS = {
  periodLength: 'Month',
  forecastMethod: 'Auto',
  alpha: 0.1,
  beta: 0.1,
  movingAverageWindow: 12,
  holdingCostRate: 0.25,
  standardFillRate: 0.85,
  backtestPeriods: 12,
  currency: 'USD',
};

describe('a valid workbook', () => {
  test('gives the typed input and no issues', () => {
    const { input, issues } = validateInput(workbook());
    expect(issues).toEqual([]);
    expect(input).toEqual({
      parts: [
        {
          id: 'PN-1', description: 'Power supply', unitCost: 420, leadTimeDays: 45, repairable: true, repairDays: 20, scrapRate: 0.1,
          criticality: 'Critical', lifecycle: 'Active', endOfSupport: null, salePrice: null, refurbCost: null, salvageValue: null,
        },
        {
          id: 'PN-2', description: 'Fan', unitCost: 15, leadTimeDays: 10, repairable: false, repairDays: 0, scrapRate: 0,
          criticality: 'Standard', lifecycle: 'EndOfLife', endOfSupport: '2030-12-31', salePrice: null, refurbCost: null, salvageValue: null,
        },
      ],
      locations: [
        { id: 'CDC', type: 'Central', parent: null, resupplyDays: null, emergencyHours: null, slaTier: null, holdingCostRate: null },
        { id: 'FSL-1', type: 'Field', parent: 'CDC', resupplyDays: 3, emergencyHours: null, slaTier: 'Gold', holdingCostRate: null },
      ],
      slaTiers: [{ tier: 'Gold', responseHours: 4, targetFillRate: 0.95, penaltyPerMiss: 1500 }],
      // 2024-01 is month 2024 × 12 + 0 = 24288.
      grid: { length: 'Month', first: 24288, count: 3, labels: ['2024-01', '2024-02', '2024-03'] },
      demand: [
        // Two rows for PN-1 in 2024-03 (1 and 4) are summed; 2024-02 has no row, so 0.
        { partId: 'PN-1', locationId: 'FSL-1', quantities: [2, 0, 5] },
        { partId: 'PN-2', locationId: 'FSL-1', quantities: [0, 5, 0] },
      ],
      inventory: [],
      settings: expect.objectContaining(DEFAULT_SETTINGS),
    });
  });

  test('blank optional cells take the contract defaults', () => {
    const parts = [
      ['PartID', 'UnitCost', 'LeadTimeDays', 'Repairable', 'ScrapRate', 'Criticality', 'Lifecycle', 'EndOfSupport', 'SalePrice'],
      ['PN-1', 420, 45, null, null, null, '  ', null, null],
      ['PN-2', 15, 10, null, null, null, null, null, null],
    ];
    const { input, issues } = validateInput(workbook({ Parts: parts, SLATiers: [['Tier', 'ResponseHours', 'TargetFillRate'], ['Gold', 4, 0.95]] }));
    expect(issues).toEqual([]);
    const expected: Part = {
      id: 'PN-1', description: '', unitCost: 420, leadTimeDays: 45, repairable: false, repairDays: 0, scrapRate: 0,
      criticality: 'Critical', lifecycle: 'Active', endOfSupport: null, salePrice: null, refurbCost: null, salvageValue: null,
    };
    expect(input!.parts[0]).toEqual(expected);
    expect(input!.slaTiers).toEqual([{ tier: 'Gold', responseHours: 4, targetFillRate: 0.95, penaltyPerMiss: 0 }]);
    expect(input!.settings).toMatchObject(DEFAULT_SETTINGS);
    const settings = input!.settings as unknown as Record<string, unknown>;
    for (const spec of SETTINGS_SPEC) expect([spec.key, settings[spec.key.charAt(0).toLowerCase() + spec.key.slice(1)]]).toEqual([spec.key, spec.default]);
    expect(Object.keys(settings)).toHaveLength(SETTINGS_SPEC.length);
  });
});

describe('missing tables', () => {
  test('each missing required table is an error naming it and what it must hold; Inventory and Settings are optional', () => {
    const { input, issues } = validateInput({ Parts: null, Inventory: null, Settings: null });
    expect(input).toBeNull();
    expect(issues.map(show)).toEqual([
      'error Missing required table Parts: add a sheet or Excel table named Parts with one row per spare part: cost, supply lead time, repairability and lifecycle. Required columns: PartID, UnitCost, LeadTimeDays.',
      'error Missing required table Locations: add a sheet or Excel table named Locations with stocking locations: Central warehouses and the Field stocking locations they resupply. Required columns: LocationID, Type.',
      'error Missing required table SLATiers: add a sheet or Excel table named SLATiers with service-level agreement tiers: response time, target fill rate and penalty per miss. Required columns: Tier, ResponseHours, TargetFillRate.',
      'error Missing required table Demand: add a sheet or Excel table named Demand with demand history per part, location and period (long layout). The wide layout is also accepted: PartID, LocationID, then one column per period. Required columns: PartID, LocationID, Period, Quantity.',
    ]);
  });

  test('a required table with headers but no rows is an error', () => {
    expect(shown(workbook({ SLATiers: [TIERS[0]] }))).toEqual([
      'error SLATiers: SLATiers has no data rows; add service-level agreement tiers: response time, target fill rate and penalty per miss.',
      'error Locations!E3: SLATier "Gold" is not in SLATiers',
    ]);
  });
});

describe('headers', () => {
  test('synonyms are accepted: Part Number, part_no, SKU, Qty', () => {
    const { input, issues } = validateInput(
      workbook({
        Parts: [['Part Number', 'Cost', 'Lead Time'], ['PN-1', 420, 45], ['PN-2', 15, 10]],
        Demand: [['SKU', 'Site', 'Month', 'Qty'], ['PN-1', 'FSL-1', '2024-01', 2], ['PN-2', 'FSL-1', '2024-02', 1]],
        Inventory: [['part_no', 'Location', 'QOH'], ['PN-1', 'FSL-1', 3]],
      }),
    );
    expect(issues).toEqual([]);
    expect(input!.demand).toEqual([
      { partId: 'PN-1', locationId: 'FSL-1', quantities: [2, 0] },
      { partId: 'PN-2', locationId: 'FSL-1', quantities: [0, 1] },
    ]);
    expect(input!.inventory).toEqual([{ partId: 'PN-1', locationId: 'FSL-1', onHand: 3, onOrder: 0, inRepair: 0, condition: null }]);
  });

  test('missing required columns and a header matched twice', () => {
    const parts = [['PartID', 'Description', 'LeadTimeDays', 'SKU'], ['PN-1', 'PSU', 45, 'X'], ['PN-2', 'Fan', 10, 'Y']];
    expect(shown(workbook({ Parts: parts }))).toEqual([
      'error Parts: Missing required column UnitCost in the header row (row 1); accepted headers: UnitCost, Cost, Unit Cost, Unit Price, Standard Cost, Price',
      'warning Parts!D1: Column "SKU" also matches PartID, already read from column A; this column is ignored',
    ]);
  });

  test('column overrides map headers by hand', () => {
    const parts = [['Artikel', 'Preis', 'Lieferzeit'], ['PN-1', 420, 45], ['PN-2', 15, 10]];
    const columnOverrides = { Parts: { PartID: 'Artikel', UnitCost: 'Preis', LeadTimeDays: 'Lieferzeit' } };
    const { input, issues } = validateInput(workbook({ Parts: parts }), { columnOverrides });
    expect(issues).toEqual([]);
    expect(input!.parts.map((p) => [p.id, p.unitCost, p.leadTimeDays])).toEqual([['PN-1', 420, 45], ['PN-2', 15, 10]]);
  });
});

describe('cell conversion', () => {
  test.each<[string, TableName, CellValue[][], string | string[]]>([
    ['number > 0', 'Parts', withCell(PARTS, 1, 2, 'abc'), 'error Parts!C2: UnitCost must be a number > 0, found "abc"'],
    ['whole number >= 0', 'Demand', withCell(DEMAND, 2, 3, -3), 'error Demand!D3: Quantity must be a whole number >= 0, found -3'],
    ['whole number, not a fraction', 'Demand', withCell(DEMAND, 2, 3, 2.5), 'error Demand!D3: Quantity must be a whole number >= 0, found 2.5'],
    ['number from 0 to 1', 'Parts', withCell(PARTS, 2, 6, 1.5), 'error Parts!G3: ScrapRate must be a number from 0 to 1, found 1.5; it is a share: if you meant 1.5 %, enter 0.015'],
    ['number > 0 and < 1', 'SLATiers', withCell(TIERS, 1, 2, 1), 'error SLATiers!C2: TargetFillRate must be a number > 0 and < 1, found 1'],
    ['enum', 'Parts', withCell(PARTS, 1, 7, 'Urgent'), 'error Parts!H2: Criticality must be one of Critical, Standard, found "Urgent"'],
    ['enum of three', 'Parts', withCell(PARTS, 1, 8, 'Retired'), 'error Parts!I2: Lifecycle must be one of Active, Mature, EndOfLife, found "Retired"'],
    ['boolean', 'Parts', withCell(PARTS, 1, 4, 'maybe'), 'error Parts!E2: Repairable must be Yes or No, found "maybe"'],
    // Demand for PN-2 then names a part that Parts no longer has.
    ['required', 'Parts', withCell(PARTS, 2, 0, '   '), ['error Parts!A3: PartID is required', 'error Demand!A4: Demand for unknown part "PN-2" (not in Parts)']],
    ['Excel error', 'Parts', withCell(PARTS, 1, 2, { error: '#DIV/0!' }), 'error Parts!C2: UnitCost holds the Excel error #DIV/0!; fix the formula or enter a value'],
    ['Excel error in an optional cell', 'Parts', withCell(PARTS, 1, 6, { error: '#N/A' }), 'error Parts!G2: ScrapRate holds the Excel error #N/A; fix the formula or enter a value'],
    ['boolean in a number column', 'Parts', withCell(PARTS, 1, 3, true), 'error Parts!D2: LeadTimeDays must be a number > 0, found TRUE'],
  ])('%s', (_, table, grid, issue) => {
    const { input, issues } = validateInput(workbook({ [table]: grid }));
    expect(issues.map(show)).toEqual(typeof issue === 'string' ? [issue] : issue);
    expect(input).toBeNull();
  });

  test.each<[CellValue, boolean]>([
    ['Yes', true], ['y', true], ['TRUE', true], ['true', true], [1, true], ['1', true], [true, true],
    ['No', false], ['N', false], ['FALSE', false], [0, false], ['0', false], [false, false],
  ])('boolean %p is %p', (value, repairable) => {
    const { input } = validateInput(workbook({ Parts: withCell(PARTS, 1, 4, value) }));
    expect(input!.parts[0].repairable).toBe(repairable);
  });

  test('enums ignore case, spaces, _ and -, and are stored in canonical spelling', () => {
    const parts = withCell(withCell(withCell(PARTS, 1, 8, 'END_OF-life'), 1, 9, new Date(Date.UTC(2030, 0, 1))), 2, 7, ' STANDARD ');
    const locations = withCell(LOCATIONS, 2, 1, 'field');
    const { input, issues } = validateInput(workbook({ Parts: parts, Locations: locations }));
    expect(issues).toEqual([]);
    expect(input!.parts.map((p) => [p.lifecycle, p.criticality])).toEqual([['EndOfLife', 'Critical'], ['EndOfLife', 'Standard']]);
    expect(input!.locations[1].type).toBe('Field');
  });

  test('text: numbers become their text, whitespace is trimmed; numbers typed as text are numbers', () => {
    const parts = [['PartID', 'UnitCost', 'LeadTimeDays'], [1001, ' 420 ', '45'], ['  PN-2 ', 15, 10]];
    const demand = [['PartID', 'LocationID', 'Period', 'Quantity'], ['1001', 'FSL-1', '2024-01', 1], ['PN-2', ' FSL-1', '2024-01', '2']];
    const { input, issues } = validateInput(workbook({ Parts: parts, Demand: demand }));
    expect(issues).toEqual([]);
    expect(input!.parts.map((p) => [p.id, p.unitCost, p.leadTimeDays])).toEqual([['1001', 420, 45], ['PN-2', 15, 10]]);
    expect(input!.demand.map((s) => [s.partId, s.quantities])).toEqual([['1001', [1]], ['PN-2', [2]]]);
  });

  test('dates: Excel dates and serials are read as ISO dates; ISO text and unambiguous day-first text are accepted with a warning; ambiguous text is an error', () => {
    const parts = [
      ['PartID', 'UnitCost', 'LeadTimeDays', 'EOS'],
      ['PN-1', 420, 45, utc(2027, 6, 30)],
      ['PN-2', 15, 10, 46568], // 2027-06-30: 20,999 days after 1970-01-01, + 25,569
      ['PN-3', 15, 10, '2027-06-30'],
      ['PN-4', 15, 10, '30/06/2027'],
      ['PN-5', 15, 10, '03/06/2027'],
    ];
    const { issues } = validateInput(workbook({ Parts: parts }));
    expect(issues.map(show)).toEqual([
      'error Parts!D6: EndOfSupport "03/06/2027" is ambiguous (day and month order unknown); enter it as YYYY-MM-DD, or as an Excel date',
      'warning Parts!D4: EndOfSupport "2027-06-30" is a date stored as text; it was read as 2027-06-30',
      'warning Parts!D5: EndOfSupport "30/06/2027" is a date stored as text; it was read as 2027-06-30',
    ]);
    const { input } = validateInput(workbook({ Parts: parts.slice(0, 5) }));
    expect(input!.parts.map((p) => p.endOfSupport)).toEqual(['2027-06-30', '2027-06-30', '2027-06-30', '2027-06-30']);
  });

  test('entirely blank rows inside a table are skipped silently; later addresses stay right', () => {
    const parts = [PARTS[0], PARTS[1], [null, '', '  ', null, null, null, null, null, null], withCell(PARTS, 2, 2, 'abc')[2]];
    const { issues } = validateInput(workbook({ Parts: parts }));
    expect(issues.map(show)).toEqual(['error Parts!C4: UnitCost must be a number > 0, found "abc"']);
    const valid = validateInput(workbook({ Parts: [PARTS[0], PARTS[1], [null], PARTS[2]] }));
    expect(valid.issues).toEqual([]);
    expect(valid.input!.parts.map((p) => p.id)).toEqual(['PN-1', 'PN-2']);
  });
});

describe('duplicate IDs', () => {
  test('PartID, LocationID, Tier and Setting: an error on the duplicate cell naming the first row', () => {
    const issues = shown(
      workbook({
        Parts: [...PARTS, ['PN-1', 'Duplicate', 5, 5]],
        Locations: [...LOCATIONS, ['CDC', 'Central']],
        SLATiers: [...TIERS, ['Gold', 8, 0.9]],
        Settings: [['Setting', 'Value'], ['Alpha', 0.2], ['Smoothing', 0.3]],
      }),
    );
    expect(issues).toEqual([
      'error Settings!A3: Duplicate Setting "Smoothing" (first at row 2)',
      'error Parts!A4: Duplicate PartID "PN-1" (first at row 2)',
      'error SLATiers!A3: Duplicate Tier "Gold" (first at row 2)',
      'error Locations!A4: Duplicate LocationID "CDC" (first at row 2)',
    ]);
  });
});

describe('Parts rules', () => {
  test('RepairDays is required when Repairable; given for a non-repairable part it is ignored', () => {
    const parts = withCell(withCell(PARTS, 1, 5, null), 2, 5, 'n/a');
    expect(shown(workbook({ Parts: parts }))).toEqual(['error Parts!F2: RepairDays is required when Repairable is Yes']);
    const { input, issues } = validateInput(workbook({ Parts: withCell(PARTS, 2, 5, 30) }));
    expect(issues).toEqual([]);
    expect(input!.parts[1]).toMatchObject({ repairable: false, repairDays: 0 });
  });

  test('a repairable part without a RepairDays column', () => {
    const parts = [['PartID', 'UnitCost', 'LeadTimeDays', 'Repairable'], ['PN-1', 420, 45, 'Yes'], ['PN-2', 15, 10, 'No']];
    expect(shown(workbook({ Parts: parts }))).toEqual(['error Parts!D2: RepairDays is required when Repairable is Yes, but Parts has no RepairDays column']);
  });
});

describe('Locations rules', () => {
  const locations = [
    ['LocationID', 'Type', 'Parent', 'ResupplyDays', 'SLATier'],
    ['CDC', 'Central', null, null, null],
    ['FSL-1', 'Field', 'CDC', 3, 'Gold'],
    ['FSL-2', 'Field', null, 2, null], // no parent
    ['FSL-3', 'Field', 'HUB', 2, null], // unknown parent
    ['FSL-4', 'Field', 'FSL-1', 2, null], // parent is not Central
    ['FSL-5', 'Field', 'CDC', null, null], // no resupply time
    ['CDC-2', 'Central', 'CDC', null, null], // a Central with a parent
    ['FSL-6', 'Field', 'CDC', 2, 'Platinum'], // unknown tier
  ];

  test('Field needs an existing Central parent and a resupply time; a Central parent is ignored; tiers must exist', () => {
    const { input, issues } = validateInput(workbook({ Locations: locations }));
    expect(input).toBeNull();
    expect(issues.map(show)).toEqual([
      'error Locations!C4: Parent is required for Field locations',
      'error Locations!C5: Parent "HUB" is not in Locations',
      'error Locations!C6: Parent "FSL-1" is a Field location; the Parent must be a Central location',
      'error Locations!D7: ResupplyDays is required for Field locations',
      'error Locations!E9: SLATier "Platinum" is not in SLATiers',
      'warning Locations!C8: Parent "CDC" is ignored: Central locations have no parent',
    ]);
  });

  test('a Central with a parent is only a warning, and its parent is dropped', () => {
    const { input, issues } = validateInput(workbook({ Locations: [...LOCATIONS, ['CDC-2', 'Central', 'CDC', 4, null]] }));
    expect(issues.map(show)).toEqual(['warning Locations!C4: Parent "CDC" is ignored: Central locations have no parent']);
    expect(input!.locations[2]).toEqual({ id: 'CDC-2', type: 'Central', parent: null, resupplyDays: null, emergencyHours: null, slaTier: null, holdingCostRate: null });
  });

  test('a location with demand needs an SLATier, reported at its SLATier cell', () => {
    const demand = [...DEMAND, ['PN-2', 'CDC', '2024-01', 1], ['PN-1', 'CDC', '2024-02', 1]];
    expect(shown(workbook({ Demand: demand }))).toEqual(['error Locations!E2: SLATier is required for location "CDC", which has demand']);
  });
});

describe('Demand, long layout', () => {
  test('unknown parts and locations, unreadable periods and non-integer quantities, each at its cell', () => {
    const demand = [
      ['PartID', 'LocationID', 'Period', 'Quantity'],
      ['PN-9', 'FSL-1', '2024-01', 1],
      ['PN-1', 'FSL-9', '2024-01', 1],
      ['PN-1', 'FSL-1', 'January', 1],
      ['PN-1', 'FSL-1', '03/04/2024', 1],
      ['PN-1', 'FSL-1', '2024-01', 1.5],
      ['PN-1', 'FSL-1', null, null],
      ['PN-1', 'FSL-1', '2024-01-15', 1],
      ['PN-1', 'FSL-1', { error: '#REF!' }, { error: '#N/A' }],
    ];
    expect(shown(workbook({ Demand: demand }))).toEqual([
      'error Demand!A2: Demand for unknown part "PN-9" (not in Parts)',
      'error Demand!B3: Demand for unknown location "FSL-9" (not in Locations)',
      'error Demand!C4: Period must be a month (YYYY-MM) or a date, found "January"',
      'error Demand!C5: Period "03/04/2024" is ambiguous (day and month order unknown); enter it as YYYY-MM-DD or YYYY-MM, or as an Excel date',
      'error Demand!D6: Quantity must be a whole number >= 0, found 1.5',
      'error Demand!C7: Period is required',
      'error Demand!D7: Quantity is required',
      'error Demand!C9: Period holds the Excel error #REF!; fix the formula or enter a value',
      'error Demand!D9: Quantity holds the Excel error #N/A; fix the formula or enter a value',
      'warning Demand!C8: Period "2024-01-15" is a date stored as text; it was read as 2024-01',
    ]);
  });

  test('a date stored as text is still used; rows with the same part, location and period are summed', () => {
    const demand = [
      ['PartID', 'LocationID', 'Period', 'Quantity'],
      ['PN-1', 'FSL-1', '2024-01-15', 1],
      ['PN-1', 'FSL-1', utc(2024, 1, 20), 2],
      ['PN-1', 'FSL-1', 45292, 3], // 2024-01-01
      ['PN-1', 'FSL-1', '2024-1', 4],
    ];
    const { input, issues } = validateInput(workbook({ Demand: demand }));
    expect(issues.map(show)).toEqual(['warning Demand!C2: Period "2024-01-15" is a date stored as text; it was read as 2024-01']);
    expect(input!.grid).toEqual({ length: 'Month', first: 24288, count: 1, labels: ['2024-01'] });
    expect(input!.demand).toEqual([{ partId: 'PN-1', locationId: 'FSL-1', quantities: [10] }]);
  });

  test('the grid spans all demand; each series covers it, missing periods are 0; zero-only series are kept', () => {
    const demand = [
      ['PartID', 'LocationID', 'Period', 'Quantity'],
      ['PN-1', 'FSL-1', '2023-11', 3],
      ['PN-2', 'FSL-1', '2024-02', 1],
      ['PN-2', 'CDC', '2024-01', 0],
    ];
    // Gold at 24 h: a same-day tier on the Central would be warned about (validateNetwork.ts).
    const { input, issues } = validateInput(workbook({ Demand: demand, Locations: withCell(LOCATIONS, 1, 4, 'Gold'), SLATiers: [['Tier', 'ResponseHours', 'TargetFillRate'], ['Gold', 24, 0.95]] }));
    expect(issues).toEqual([]);
    expect(input!.grid).toEqual({ length: 'Month', first: 24286, count: 4, labels: ['2023-11', '2023-12', '2024-01', '2024-02'] });
    expect(input!.demand).toEqual([
      { partId: 'PN-1', locationId: 'FSL-1', quantities: [3, 0, 0, 0] },
      { partId: 'PN-2', locationId: 'FSL-1', quantities: [0, 0, 0, 1] },
      { partId: 'PN-2', locationId: 'CDC', quantities: [0, 0, 0, 0] },
    ]);
  });

  test('weekly periods with PeriodLength Week, across an ISO year end', () => {
    const demand = [
      ['PartID', 'LocationID', 'Week', 'Quantity'],
      ['PN-1', 'FSL-1', utc(2024, 12, 30), 2], // Monday of 2025-W01
      ['PN-1', 'FSL-1', '2024-W52', 1],
      ['PN-1', 'FSL-1', utc(2025, 1, 5), 4], // Sunday of 2025-W01
    ];
    const settings = [['Setting', 'Value'], ['PeriodLength', 'week']];
    const { input, issues } = validateInput(workbook({ Demand: demand, Settings: settings }));
    expect(issues).toEqual([]);
    // 2024-W52 starts Monday 2024-12-23: day 20,080 since 1970-01-01, (20080 − 4) / 7 = 2868.
    expect(input!.grid).toEqual({ length: 'Week', first: 2868, count: 2, labels: ['2024-W52', '2025-W01'] });
    expect(input!.demand[0].quantities).toEqual([1, 6]);
    expect(input!.settings.periodLength).toBe('Week');
  });

  test('a month in Week mode and a week in Month mode name the PeriodLength setting', () => {
    const weekly = [['Setting', 'Value'], ['PeriodLength', 'Week']];
    expect(shown(workbook({ Settings: weekly, Demand: withCell(DEMAND, 1, 2, '2024-03').slice(0, 2) }))).toEqual([
      'error Demand!C2: Period "2024-03" is a month, but PeriodLength is Week; enter ISO weeks as YYYY-Www, or set PeriodLength to Month in Settings',
    ]);
    expect(shown(workbook({ Demand: withCell(DEMAND, 1, 2, '2024-W05').slice(0, 2) }))).toEqual([
      'error Demand!C2: Period "2024-W05" is an ISO week, but PeriodLength is Month; enter months as YYYY-MM, or set PeriodLength to Week in Settings',
    ]);
  });

  test('large numbers of identical problems are capped per column and rule', () => {
    const rows: CellValue[][] = [];
    for (let i = 0; i < 12_395; i++) rows.push(['PN-1', 'FSL-1', '2024-01', 'abc']);
    for (let i = 0; i < 3; i++) rows.push(['PN-1', 'FSL-1', '2024-01', -1]); // same rule, same column: counted in the same kind
    rows.push(['PN-9', 'FSL-1', '2024-01', 1]); // another rule: listed
    const { issues } = validateInput(workbook({ Demand: [DEMAND[0], ...rows] }));
    const quantityIssues = issues.filter((i) => i.cell.startsWith('D') || i.message.startsWith('…'));
    expect(quantityIssues).toHaveLength(51);
    expect(quantityIssues.slice(0, 2).map(show)).toEqual([
      'error Demand!D2: Quantity must be a whole number >= 0, found "abc"',
      'error Demand!D3: Quantity must be a whole number >= 0, found "abc"',
    ]);
    expect(show(quantityIssues[49])).toBe('error Demand!D51: Quantity must be a whole number >= 0, found "abc"');
    // 12,398 invalid quantities − 50 listed = 12,348 more.
    expect(show(quantityIssues[50])).toBe('error Demand: … and 12,348 more rows like this in column D');
    expect(issues.map(show)).toContain('error Demand!A12400: Demand for unknown part "PN-9" (not in Parts)');
    expect(issues).toHaveLength(52);
  });
});

describe('the cap also applies to warnings', () => {
  test('60 dates stored as text: 50 warnings and a summary warning', () => {
    const rows: CellValue[][] = Array.from({ length: 60 }, () => ['PN-1', 'FSL-1', '2024-01-15', 1]);
    const { input, issues } = validateInput(workbook({ Demand: [DEMAND[0], ...rows] }));
    expect(issues).toHaveLength(51);
    expect(show(issues[0])).toBe('warning Demand!C2: Period "2024-01-15" is a date stored as text; it was read as 2024-01');
    expect(show(issues[50])).toBe('warning Demand: … and 10 more rows like this in column C');
    expect(input!.demand).toEqual([{ partId: 'PN-1', locationId: 'FSL-1', quantities: [60] }]);
  });
});

describe('Demand, wide layout', () => {
  test('PartID, LocationID and one column per period give the same series as the long layout; blank is 0, extra columns are ignored', () => {
    const wide = [
      ['PartID', 'LocationID', 'Region', utc(2024, 1, 1), 45323, '2024-03'], // 45323 = 45292 + 31 = 2024-02-01
      ['PN-1', 'FSL-1', 'EU', 2, null, 5],
      ['PN-2', 'FSL-1', 'EU', null, 5, 0],
    ];
    const fromWide = validateInput(workbook({ Demand: wide }));
    const fromLong = validateInput(workbook());
    expect(fromWide.issues).toEqual([]);
    expect(fromWide.input!.grid).toEqual(fromLong.input!.grid);
    expect(fromWide.input!.demand).toEqual(fromLong.input!.demand);
    expect(fromWide.input!.demand).toEqual([
      { partId: 'PN-1', locationId: 'FSL-1', quantities: [2, 0, 5] },
      { partId: 'PN-2', locationId: 'FSL-1', quantities: [0, 5, 0] },
    ]);
  });

  test('headers meant as periods but unreadable are errors at the header; quantities are checked per cell', () => {
    const wide = [
      ['PartID', 'LocationID', '2024-01', '2024-13', 'Jan-24', 'Total 2024', '2024-W05', '2024-02-15'],
      ['PN-1', 'FSL-1', 1, 1, 1, 99, 1, -1],
    ];
    expect(shown(workbook({ Demand: wide }))).toEqual([
      'error Demand!D1: Column header "2024-13" is not a month (YYYY-MM) or a date; correct it, or rename it if the column holds no demand',
      'error Demand!E1: Column header "Jan-24" is not a month (YYYY-MM) or a date; correct it, or rename it if the column holds no demand',
      'error Demand!G1: Column header "2024-W05" is an ISO week, but PeriodLength is Month; enter months as YYYY-MM, or set PeriodLength to Week in Settings',
      'error Demand!H2: Quantity must be a whole number >= 0, found -1',
      'warning Demand!H1: Column header "2024-02-15" is a date stored as text; it was read as 2024-02',
    ]);
  });

  test('neither layout: one error explaining both', () => {
    expect(shown(workbook({ Demand: [['PartID', 'LocationID', 'Region'], ['PN-1', 'FSL-1', 'EU']] }))).toEqual([
      'error Demand: Demand needs Period and Quantity columns (long layout), or one column per period with headers such as 2025-01 or dates (wide layout); neither was found in the header row (row 1)',
    ]);
  });

  test('long layout with only one of Period and Quantity: the other is a missing column', () => {
    expect(shown(workbook({ Demand: [['PartID', 'LocationID', 'Period'], ['PN-1', 'FSL-1', '2024-01']] }))).toEqual([
      'error Demand: Missing required column Quantity in the header row (row 1); accepted headers: Quantity, Qty, Demand, Units, Usage, Quantity Demanded, Demand Qty',
    ]);
  });

  test('a grid spanning over a century is reported as a typing error instead of being built', () => {
    const demand = [DEMAND[0], DEMAND[1], ['PN-1', 'FSL-1', utc(2200, 1, 1), 1]];
    // 2024-01 to 2200-01: 176 × 12 + 1 = 2,113 months.
    expect(shown(workbook({ Demand: demand }))).toEqual([
      'error Demand: Demand periods run from 2024-01 (cell C2) to 2200-01 (cell C3), 2,113 months; check those periods (a number such as 202401 is read as an Excel date serial)',
    ]);
  });
});

describe('Locations without the columns a Field location needs', () => {
  test('Parent and ResupplyDays are reported at the Type cell of each Field location', () => {
    const locations = [['LocationID', 'Type', 'SLATier'], ['CDC', 'Central'], ['FSL-1', 'Field', 'Gold']];
    expect(shown(workbook({ Locations: locations }))).toEqual([
      'error Locations!B3: Parent is required for Field locations, but Locations has no Parent column',
      'error Locations!B3: ResupplyDays is required for Field locations, but Locations has no ResupplyDays column',
    ]);
  });
});

describe('Locations without an SLATier column', () => {
  test('each location with demand is reported at its LocationID', () => {
    const locations = [['LocationID', 'Type', 'Parent', 'ResupplyDays'], ['CDC', 'Central'], ['FSL-1', 'Field', 'CDC', 3]];
    expect(shown(workbook({ Locations: locations }))).toEqual([
      'error Locations!A3: SLATier is required for location "FSL-1", which has demand, but Locations has no SLATier column',
    ]);
  });
});

describe('Inventory', () => {
  test('unknown parts and locations, duplicate part-locations and negative stock', () => {
    const inventory = [
      ['PartID', 'LocationID', 'OnHand'],
      ['PN-1', 'FSL-1', 3],
      ['PN-9', 'FSL-1', 1],
      ['PN-1', 'FSL-9', 1],
      ['PN-1', 'FSL-1', 2],
      ['PN-2', 'CDC', -1],
    ];
    expect(shown(workbook({ Inventory: inventory }))).toEqual([
      'error Inventory!C6: OnHand must be a number >= 0, found -1',
      'error Inventory!A3: Inventory for unknown part "PN-9" (not in Parts)',
      'error Inventory!B4: Inventory for unknown location "FSL-9" (not in Locations)',
      'error Inventory!A5: Duplicate inventory for part "PN-1" at location "FSL-1" (first at row 2)',
    ]);
  });

  test('valid rows become inventory positions', () => {
    const { input, issues } = validateInput(workbook({ Inventory: [['PartID', 'LocationID', 'Stock'], ['PN-1', 'FSL-1', 3], ['PN-2', 'CDC', 0]] }));
    expect(issues).toEqual([]);
    expect(input!.inventory).toEqual([
      { partId: 'PN-1', locationId: 'FSL-1', onHand: 3, onOrder: 0, inRepair: 0, condition: null },
      { partId: 'PN-2', locationId: 'CDC', onHand: 0, onOrder: 0, inRepair: 0, condition: null },
    ]);
  });
});

describe('Settings', () => {
  test('Setting/Value pairs by key or synonym; values converted per setting; the rest keep their defaults', () => {
    const settings = [['Name', 'Val'], ['Method', 'croston'], ['MA Window', 6], ['currency', ' EUR '], ['Holding Rate', '0.3'], ['Time Bucket', 'Week']];
    const demand = [['PartID', 'LocationID', 'Period', 'Quantity'], ['PN-1', 'FSL-1', '2024-W01', 1]];
    const { input, issues } = validateInput(workbook({ Settings: settings, Demand: demand }));
    expect(issues).toEqual([]);
    expect(input!.settings).toMatchObject({ ...DEFAULT_SETTINGS, forecastMethod: 'Croston', movingAverageWindow: 6, currency: 'EUR', holdingCostRate: 0.3, periodLength: 'Week' });
  });

  test('unknown settings are warnings; invalid and blank values are errors at the Value cell', () => {
    const settings = [['Setting', 'Value'], ['Alpha', 1.5], ['Colour', 'Blue'], ['MovingAverageWindow', 2.5], ['Beta', null], [null, 3], ['PeriodLength', 'Day']];
    const known = SETTINGS_SPEC.map((s) => s.key).join(', ');
    expect(shown(workbook({ Settings: settings }))).toEqual([
      'error Settings!B2: Alpha must be a number > 0 and <= 1, found 1.5',
      'error Settings!B4: MovingAverageWindow must be a whole number >= 1, found 2.5',
      'error Settings!B5: Beta is required; delete the row to use the default 0.1',
      'error Settings!A6: Setting is required',
      'error Settings!B7: PeriodLength must be one of Month, Week, found "Day"',
      `warning Settings!A3: Unknown setting "Colour"; it is ignored (known settings: ${known})`,
    ]);
  });
});

describe('reporting', () => {
  test('all problems of all tables in one run, errors before warnings', () => {
    const { input, issues } = validateInput(
      workbook({
        Settings: [['Setting', 'Value'], ['Colour', 'Blue'], ['Alpha', 0]],
        Parts: withCell(PARTS, 1, 2, 0),
        Locations: [...LOCATIONS, ['CDC-2', 'Central', 'CDC']],
        SLATiers: withCell(TIERS, 1, 1, 'fast'),
        Demand: [...DEMAND, ['PN-1', 'FSL-1', '2024-02-10', 1], ['PN-3', 'FSL-1', '2024-02', 1]],
        Inventory: [['PartID', 'LocationID', 'OnHand'], ['PN-1', 'FSL-1', 'many']],
      }),
    );
    expect(input).toBeNull();
    expect(issues.map(show)).toEqual([
      'error Settings!B3: Alpha must be a number > 0 and <= 1, found 0',
      'error Parts!C2: UnitCost must be a number > 0, found 0',
      'error SLATiers!B2: ResponseHours must be a number > 0, found "fast"',
      'error Demand!A7: Demand for unknown part "PN-3" (not in Parts)',
      'error Inventory!C2: OnHand must be a number >= 0, found "many"',
      'warning Settings!A2: Unknown setting "Colour"; it is ignored (known settings: ' + SETTINGS_SPEC.map((s) => s.key).join(', ') + ')',
      'warning Locations!C4: Parent "CDC" is ignored: Central locations have no parent',
      'warning Demand!C6: Period "2024-02-10" is a date stored as text; it was read as 2024-02',
    ]);
  });

  test('warnings alone do not block the run', () => {
    const { input, issues } = validateInput(workbook({ Demand: [...DEMAND, ['PN-1', 'FSL-1', '2024-02-10', 1]] }));
    expect(issues.map((i) => i.severity)).toEqual(['warning']);
    expect(input!.demand[0].quantities).toEqual([2, 1, 5]);
  });

  test('addresses follow the table position on its sheet; "first at row" is a worksheet row', () => {
    const parts = sheetTable('Parts', [PARTS[0], withCell(PARTS, 1, 2, 'abc')[1], PARTS[2], PARTS[1]], { sheet: 'Master Data', headerRow: 3, firstColumn: 2 });
    const { issues } = validateInput({ ...workbook(), Parts: parts });
    expect(issues.map(show)).toEqual([
      "error 'Master Data'!D4: UnitCost must be a number > 0, found \"abc\"",
      "error 'Master Data'!B6: Duplicate PartID \"PN-1\" (first at row 4)",
    ]);
  });
});

describe('plausibility: valid values that are probably slips get a warning with their cell', () => {
  /** 24 months of one unit a month for PN-1 at FSL-1. */
  const twoYears: CellValue[][] = [['PartID', 'LocationID', 'Period', 'Quantity'], ...Array.from({ length: 24 }, (_, i) => ['PN-1', 'FSL-1', `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, 1])];

  test('a history shorter than a year', () => {
    expect(validateAll(workbook()).issues.map(show)).toEqual([
      'warning Demand: The Demand history covers 3 months (2024-01 to 2024-03), less than a year: forecasts rest on few periods, slow movers may show no demand at all, and there is no stocking backtest',
    ]);
    expect(validateAll(workbook({ Demand: twoYears })).issues).toEqual([]);
  });

  test('a BacktestPeriods that leaves less than 12 periods to decide on, at its cell, with the largest that works', () => {
    const settings = [['Setting', 'Value'], ['BacktestPeriods', 30]];
    expect(validateAll(workbook({ Demand: twoYears, Settings: settings })).issues.map(show)).toEqual([
      'warning Settings!B2: BacktestPeriods 30 with 24 months (2023-01 to 2024-12) of history leaves fewer than 12 periods to decide on, so there is no stocking backtest this run; set BacktestPeriods to at most 12',
    ]);
    // 12 held out of 24 leaves exactly 12: fine.
    expect(validateAll(workbook({ Demand: twoYears, Settings: [['Setting', 'Value'], ['BacktestPeriods', 12]] })).issues).toEqual([]);
    // Twelve months and the default: no short-history warning (a year is enough), but no backtest either.
    expect(validateAll(workbook({ Demand: twoYears.slice(0, 13) })).issues.map(show)).toEqual([
      'warning BacktestPeriods 12 with 12 months (2023-01 to 2023-12) of history leaves fewer than 12 periods to decide on, so there is no stocking backtest this run; it needs at least 13 periods of history',
    ]);
  });

  test('holding cost rates above 1 (25 meant as 25 %), in Settings and in Locations', () => {
    const locations = LOCATIONS.map((row, r) => [...row, r === 0 ? 'HoldingCostRate' : r === 2 ? 30 : null]);
    expect(shown(workbook({ Settings: [['Setting', 'Value'], ['HoldingCostRate', 25]], Locations: locations }))).toEqual([
      'warning Settings!B2: HoldingCostRate 25 means 2,500 % of the unit cost a year; if you meant 25 %, enter 0.25',
      'warning Locations!F3: HoldingCostRate 30 means 3,000 % of the unit cost a year; if you meant 30 %, enter 0.3',
    ]);
    expect(shown(workbook({ Settings: [['Setting', 'Value'], ['HoldingCostRate', 1]] }))).toEqual([]);
  });

  test('shares typed as percentages are errors that say what to type', () => {
    expect(shown(workbook({ SLATiers: withCell(TIERS, 1, 2, 95) }))).toEqual([
      'error SLATiers!C2: TargetFillRate must be a number > 0 and < 1, found 95; it is a share: if you meant 95 %, enter 0.95',
    ]);
    expect(shown(workbook({ Settings: [['Setting', 'Value'], ['StandardFillRate', '90']] }))).toEqual([
      'error Settings!B2: StandardFillRate must be a number > 0 and < 1, found "90"; it is a share: if you meant 90 %, enter 0.9',
    ]);
    // Above 100 it cannot be a percentage either: the plain message.
    expect(shown(workbook({ SLATiers: withCell(TIERS, 1, 2, 950) }))).toEqual(['error SLATiers!C2: TargetFillRate must be a number > 0 and < 1, found 950']);
  });

  test('lead, repair and resupply times above five years', () => {
    const parts = withCell(withCell(PARTS, 1, 3, 2000), 1, 5, 1900);
    const locations = withCell(LOCATIONS, 2, 3, 1827);
    expect(shown(workbook({ Parts: parts, Locations: locations }))).toEqual([
      'warning Parts!D2: LeadTimeDays 2000 is more than five years (1826 days); check that it is in days',
      'warning Parts!F2: RepairDays 1900 is more than five years (1826 days); check that it is in days',
      'warning Locations!D3: ResupplyDays 1827 is more than five years (1826 days); check that it is in days',
    ]);
    expect(shown(workbook({ Parts: withCell(PARTS, 1, 3, 1826) }))).toEqual([]);
  });

  test('unit costs spanning more than nine orders of magnitude, naming both cells', () => {
    const parts = withCell(withCell(PARTS, 1, 2, 2_000_000), 2, 2, 0.0001);
    expect(shown(workbook({ Parts: parts }))).toEqual([
      'warning Parts!C2: UnitCost ranges from 0.0001 (Parts!C3) to 2000000 (Parts!C2), more than nine orders of magnitude; check both for a unit or decimal slip',
    ]);
    // Exactly nine orders (0.001 to 1,000,000) is still a plausible catalogue.
    expect(shown(workbook({ Parts: withCell(withCell(PARTS, 1, 2, 1_000_000), 2, 2, 0.001) }))).toEqual([]);
  });
});

describe('"did you mean" for IDs that differ only in case or spacing', () => {
  test('Demand, Inventory, Parent and SLATier references name the ID that was probably meant', () => {
    const demand = [...DEMAND, ['pn-1', 'FSL-1', '2024-01', 1], ['PN-1', 'fsl 1', '2024-01', 1]];
    const locations = [...LOCATIONS, ['FSL-2', 'Field', 'cdc', 2, 'GOLD']];
    const inventory = [['PartID', 'LocationID', 'OnHand'], ['PN 2', 'CDC', 1]];
    expect(shown(workbook({ Demand: demand, Locations: locations, Inventory: inventory }))).toEqual([
      'error Locations!C4: Parent "cdc" is not in Locations; did you mean "CDC"? IDs must match exactly, including case and spaces',
      'error Locations!E4: SLATier "GOLD" is not in SLATiers; did you mean "Gold"? IDs must match exactly, including case and spaces',
      'error Demand!A6: Demand for unknown part "pn-1" (not in Parts); did you mean "PN-1"? IDs must match exactly, including case and spaces',
      'error Demand!B7: Demand for unknown location "fsl 1" (not in Locations); did you mean "FSL-1"? IDs must match exactly, including case and spaces',
      'error Inventory!A2: Inventory for unknown part "PN 2" (not in Parts); did you mean "PN-2"? IDs must match exactly, including case and spaces',
    ]);
  });

  test('no suggestion when nothing is close, or when two IDs are equally close', () => {
    const parts = [...PARTS, ['PN1', 'Twin', 10, 10]];
    const demand = [...DEMAND, ['pn 1', 'FSL-1', '2024-01', 1], ['XYZ', 'FSL-1', '2024-01', 1]];
    expect(shown(workbook({ Parts: parts, Demand: demand }))).toEqual([
      'error Demand!A6: Demand for unknown part "pn 1" (not in Parts)',
      'error Demand!A7: Demand for unknown part "XYZ" (not in Parts)',
    ]);
  });
});
