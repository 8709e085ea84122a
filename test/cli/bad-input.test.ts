import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCli, spp, tempDir, writeWorkbook } from './helpers';

beforeAll(buildCli);

const NA = { error: '#N/A' };
const DIV0 = { error: '#DIV/0!' };

/** A workbook with one of every common mistake. */
const BAD = {
  Parts: [
    ['PartID', 'Description', 'UnitCost', 'LeadTimeDays', 'Repairable', 'RepairDays'],
    ['P1', 'fine', 100, 30, 'No', null],
    ['P2', 'text for a number', 'abc', 30, 'No', null],
    ['P3', 'negative', 50, -5, 'No', null],
    [null, 'blank id', 10, 10, 'No', null],
    ['P1', 'duplicate', 10, 10, 'No', null],
    ['P4', 'error value', DIV0, 10, 'No', null],
    ['P5', 'repairable without repair days', 10, 10, 'Yes', null],
  ],
  Locations: [
    ['LocationID', 'Type', 'Parent', 'ResupplyDays', 'SLATier'],
    ['CDC', 'Central', null, null, 'Gold'],
    ['F1', 'Field', null, 2, 'Gold'],
    ['F2', 'Field', 'F1', 2, 'Gold'],
    ['F3', 'Field', 'CDC', 2, 'Platinum'],
  ],
  SLATiers: [
    ['Tier', 'ResponseHours', 'TargetFillRate', 'PenaltyPerMiss'],
    ['Gold', 4, 0.95, 100],
  ],
  Demand: [
    ['PartID', 'LocationID', 'Period', 'Quantity'],
    ['P1', 'CDC', '2024-01', 1],
    ['PX', 'CDC', '2024-02', 1],
    ['P1', 'NOWHERE', '2024-02', 1],
    ['P1', 'CDC', 'January', 1],
    ['P1', 'CDC', '2024-03-15', 2],
    ['P1', 'CDC', '2024-04', NA],
    ['P1', 'CDC', '2024-05', -3],
  ],
};

const EXPECTED_ERRORS = [
  'Parts!C3: UnitCost must be a number > 0, found "abc"',
  'Parts!D4: LeadTimeDays must be a number > 0, found -5',
  'Parts!A5: PartID is required',
  'Parts!A6: Duplicate PartID "P1" (first at row 2)',
  'Parts!C7: UnitCost holds the Excel error #DIV/0!; fix the formula or enter a value',
  'Parts!F8: RepairDays is required when Repairable is Yes',
  'Locations!C3: Parent is required for Field locations',
  'Locations!C4: Parent "F1" is a Field location; the Parent must be a Central location',
  'Locations!E5: SLATier "Platinum" is not in SLATiers',
  'Demand!A3: Demand for unknown part "PX" (not in Parts)',
  'Demand!B4: Demand for unknown location "NOWHERE" (not in Locations)',
  'Demand!C5: Period must be a month (YYYY-MM) or a date, found "January"',
  'Demand!D7: Quantity holds the Excel error #N/A; fix the formula or enter a value',
  'Demand!D8: Quantity must be a whole number >= 0, found -3',
];

describe('spp analyze on bad input', () => {
  test('reports every problem with sheet and cell in one run, writes nothing but the report, exits 1', async () => {
    const dir = tempDir();
    const input = join(dir, 'bad.xlsx');
    await writeWorkbook(input, BAD);
    const out = join(dir, 'existing-results.xlsx');
    writeFileSync(out, 'previous results, must survive');
    const run = spp('analyze', input, '--out', out, '--json', join(dir, 'report.json'));
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    for (const line of EXPECTED_ERRORS) expect(run.stderr).toContain(line);
    // Errors are listed before warnings; the date stored as text is a warning.
    const warningAt = run.stderr.indexOf('warning');
    expect(warningAt).toBeGreaterThan(run.stderr.indexOf(EXPECTED_ERRORS[EXPECTED_ERRORS.length - 1]));
    expect(run.stderr.slice(warningAt)).toContain('Demand!C6: Period "2024-03-15" is a date stored as text; it was read as 2024-03');
    // The existing output is untouched and no results workbook was created beside the input.
    expect(readFileSync(out, 'utf8')).toBe('previous results, must survive');
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(report.schemaVersion).toBe(1);
    expect(report.issues).toEqual(
      expect.arrayContaining([
        { severity: 'error', sheet: 'Parts', cell: 'C3', message: 'UnitCost must be a number > 0, found "abc"' },
        { severity: 'warning', sheet: 'Demand', cell: 'C6', message: 'Period "2024-03-15" is a date stored as text; it was read as 2024-03' },
      ]),
    );
    expect(report.issues.filter((i: { severity: string }) => i.severity === 'error')).toHaveLength(EXPECTED_ERRORS.length);
  });

  test('missing tables and missing required columns', async () => {
    const dir = tempDir();
    const input = join(dir, 'missing.xlsx');
    await writeWorkbook(input, {
      Parts: [['PartID', 'LeadTimeDays'], ['P1', 30]],
      Locations: BAD.Locations.slice(0, 2),
      Demand: BAD.Demand.slice(0, 2),
    });
    const run = spp('analyze', input);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Missing required table SLATiers');
    expect(run.stderr).toMatch(/Parts: Missing required column UnitCost in the header row \(row 1\)/);
    expect(run.stderr).toMatch(/SLATier "Gold" is not in SLATiers|SLATiers/);
  });

  test('a Demand sheet in wide layout with a broken period header', async () => {
    const dir = tempDir();
    const input = join(dir, 'wide.xlsx');
    await writeWorkbook(input, {
      Parts: BAD.Parts.slice(0, 2),
      Locations: BAD.Locations.slice(0, 2),
      SLATiers: BAD.SLATiers,
      Demand: [
        ['PartID', 'LocationID', '2024-01', '2024-13'],
        ['P1', 'CDC', 1, 2],
      ],
    });
    const run = spp('analyze', input);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Demand!D1: Column header "2024-13" is not a month (YYYY-MM) or a date');
  });
});

test('spp sample refuses a workbook past Excel\'s row limit with the reason, writes nothing, exits 2', () => {
  const out = join(tempDir(), 'too-big.xlsx');
  // 4,000 parts × 20 locations × 36 months: about 1.4 million demand rows in the long layout.
  const run = spp('sample', out, '--parts', '4000', '--locations', '20', '--periods', '36');
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/^spp: Table Demand needs [\d,]+ rows; an Excel sheet holds at most 1,048,576\. Nothing was written\.$/m);
  expect(run.stderr).not.toMatch(/\bat \S+ \(/); // no stack trace
  expect(existsSync(out)).toBe(false);
});
