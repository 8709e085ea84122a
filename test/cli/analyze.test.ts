import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCENARIO_SHEET } from '../../src/workbook/port';
import { buildCli, readWorkbook, sheetValues, spp, tableRows, tempDir, writeWorkbook } from './helpers';

beforeAll(buildCli);

/** Poisson CDF by direct summation (independent of the engine's recurrences). */
function poissonCdf(mean: number, k: number): number {
  let sum = 0;
  for (let j = 0; j <= k; j++) {
    let logP = -mean + j * Math.log(mean);
    for (let i = 2; i <= j; i++) logP -= Math.log(i);
    sum += Math.exp(logP);
  }
  return sum;
}

const MONTH_DAYS = 365.25 / 12;
const months = Array.from({ length: 24 }, (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

/** One part at a Central (2 units every month, 3-month lead time) and a Field location (1 unit every month, 1-month resupply). */
function handMadeSheets(demandLayout: 'long' | 'wide'): Record<string, unknown[][]> {
  const demand =
    demandLayout === 'long'
      ? [['Part Number', 'Location', 'Month', 'Qty'], ...months.map((m) => ['P1', 'CDC', m, 2]), ...months.map((m) => ['P1', 'FSL', m, 1])]
      : [['SKU', 'LocationID', ...months], ['P1', 'CDC', ...months.map(() => 2)], ['P1', 'FSL', ...months.map(() => 1)]];
  return {
    Parts: [['PartID', 'Description', 'UnitCost', 'LeadTimeDays'], ['P1', 'Controller board', 100, 3 * MONTH_DAYS]],
    Locations: [['LocationID', 'Type', 'Parent', 'ResupplyDays', 'SLATier'], ['CDC', 'Central', null, null, 'Gold'], ['FSL', 'Field', 'CDC', MONTH_DAYS, 'Gold']],
    SLATiers: [['Tier', 'ResponseHours', 'TargetFillRate', 'PenaltyPerMiss'], ['Gold', 24, 0.95, 1000]],
    Demand: demand,
    // The hand calculations are of the per-location plan (the network plan: test/cli/network.test.ts).
    Settings: [['Setting', 'Value'], ['StockingMode', 'Independent']],
    Notes: [['Anything else in the workbook is kept'], ['=1+1 stays text']],
  };
}

describe('spp analyze on a hand-made workbook', () => {
  test.each(['long', 'wide'] as const)('every number matches a hand calculation (%s demand layout)', async (layout) => {
    const dir = tempDir();
    const input = join(dir, 'hand.xlsx');
    await writeWorkbook(input, handMadeSheets(layout));
    const run = spp('analyze', input, '--out', join(dir, 'out.xlsx'), '--json', join(dir, 'out.json'));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Planned 2 part-locations');
    expect(run.stdout).toContain(`Results workbook: ${join(dir, 'out.xlsx')}`);

    const json = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
    expect(json.schemaVersion).toBe(1);
    expect(json.issues).toEqual([]);
    const [cdcDemand, fslDemand] = json.demand;
    // Constant demand: every period non-zero (ADI 1), no size variation (CV² 0) → smooth; all smoothing methods forecast 2.
    expect(cdcDemand).toMatchObject({ partId: 'P1', locationId: 'CDC', periods: 24, nonZeroPeriods: 24, totalQuantity: 48, adi: 1, cv2: 0, demandClass: 'smooth', method: 'SES', ratePerPeriod: 2 });
    expect(cdcDemand.backtest).toEqual({ origins: 12, mae: 0, bias: 0, rmse: 0 });
    expect(fslDemand).toMatchObject({ locationId: 'FSL', ratePerPeriod: 1, demandClass: 'smooth' });

    const [cdc, fsl] = json.stock;
    // CDC: lead time 3 months, no variance beyond Poisson → Poisson(6). F(9) = 0.916 < 0.95 ≤ F(10) = 0.957 → S = 11.
    expect(cdc).toMatchObject({ partId: 'P1', locationId: 'CDC', targetFillRate: 0.95, stock: 11, distribution: 'Poisson', leadTimeDemandMean: 6, leadTimeDemandVariance: 6 });
    expect(cdc.leadTimeDays).toBeCloseTo(3 * MONTH_DAYS, 10);
    expect(poissonCdf(6, 9)).toBeLessThan(0.95);
    expect(cdc.fillRate).toBeCloseTo(poissonCdf(6, 10), 12);
    expect(cdc.readyRate).toBeCloseTo(poissonCdf(6, 11), 12);
    let onHand = 0;
    for (let j = 0; j < 11; j++) onHand += poissonCdf(6, j);
    expect(cdc.expectedOnHand).toBeCloseTo(onHand, 10);
    expect(cdc.expectedBackorders).toBeCloseTo(onHand - 11 + 6, 10);
    expect(cdc.investment).toBe(1100);
    expect(cdc.annualHoldingCost).toBeCloseTo(onHand * 100 * 0.25, 8);
    expect(cdc.expectedAnnualPenalty).toBeCloseTo(24 * (1 - poissonCdf(6, 10)) * 1000, 6);
    // FSL: Poisson(1) over a 1-month resupply: F(2) = 0.920 < 0.95 ≤ F(3) = 0.981 → S = 4.
    expect(fsl).toMatchObject({ locationId: 'FSL', stock: 4, leadTimeDemandMean: 1 });
    expect(fsl.fillRate).toBeCloseTo(poissonCdf(1, 3), 12);
    // Replaying 12 months of the same constant demand never runs short.
    expect(cdc.backtestFillRate).toBe(1);
    expect(json.backtest[0]).toMatchObject({ periods: 12, stock: 11, demand: 24, filled: 24, achievedFillRate: 1 });
    expect(json.summary).toMatchObject({ partLocations: 2, parts: 1, locations: 2, periods: 24, firstPeriod: '2024-01', lastPeriod: '2025-12', stock: 15, investment: 1500 });

    // The workbook: input sheets untouched, results as Excel tables.
    const before = await readWorkbook(input);
    const after = await readWorkbook(join(dir, 'out.xlsx'));
    for (const name of ['Parts', 'Locations', 'SLATiers', 'Demand', 'Notes']) {
      expect(sheetValues(after.getWorksheet(name)!)).toEqual(sheetValues(before.getWorksheet(name)!));
    }
    const stockSheet = after.getWorksheet('SPP Stock')!;
    const stockRows = tableRows(stockSheet);
    expect(stockRows.map((r) => [r.Location, r['Recommended stock'], r.Investment, r.Action])).toEqual([
      ['CDC', 11, 1100, 'Keep 11 (no inventory given)'],
      ['FSL', 4, 400, 'Keep 4 (no inventory given)'],
    ]);
    expect(Object.keys((stockSheet as unknown as { tables: Record<string, unknown> }).tables)).toContain('SppStock');
    expect(after.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(['SPP Summary', 'SPP Demand Profile', 'SPP Stock', 'SPP Backtest', 'SPP By Location', 'SPP By Tier', 'SPP Issues']),
    );
  });

  test('re-running on the results workbook replaces the results and nothing else', async () => {
    const dir = tempDir();
    const input = join(dir, 'hand.xlsx');
    await writeWorkbook(input, handMadeSheets('long'));
    expect(spp('analyze', input, '--out', join(dir, 'first.xlsx')).status).toBe(0);
    expect(spp('analyze', join(dir, 'first.xlsx'), '--out', join(dir, 'second.xlsx')).status).toBe(0);
    const first = await readWorkbook(join(dir, 'first.xlsx'));
    const second = await readWorkbook(join(dir, 'second.xlsx'));
    expect(second.worksheets.map((w) => w.name)).toEqual(first.worksheets.map((w) => w.name));
    // Everything is the same but the run's timestamp, in the very hidden scenario sheet and on SPP Scenarios.
    for (const sheet of first.worksheets) if (sheet.name !== SCENARIO_SHEET && sheet.name !== 'SPP Scenarios') expect(sheetValues(second.getWorksheet(sheet.name)!)).toEqual(sheetValues(sheet));
    const scenarios = tableRows(second.getWorksheet('SPP Scenarios')!);
    expect(scenarios.map((r) => [r.Scenario, r['This run'], r['Stock investment']])).toEqual([['Base', 'Yes', 1500]]);
    const stored = JSON.parse(String(second.getWorksheet(SCENARIO_SHEET)!.getCell('A1').value));
    expect(second.getWorksheet(SCENARIO_SHEET)!.state).toBe('veryHidden');
    expect(stored).toMatchObject({ version: 1, scenario: {}, lastRun: { engineVersion: expect.any(String), timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) } });
  });

  test('a scenario stored in the workbook by the add-in is applied (column mapping, table source, tier target)', async () => {
    const dir = tempDir();
    const input = join(dir, 'mapped.xlsx');
    const sheets = handMadeSheets('long');
    // The parts live on a sheet with another name, under a header the synonyms do not know.
    const { Parts, ...rest } = sheets;
    await writeWorkbook(input, { ...rest, 'Item master': [['PartID', 'Description', 'Std cost EUR', 'LeadTimeDays'], ...Parts.slice(1)] });
    expect(spp('analyze', input).status).toBe(1);
    const workbook = await readWorkbook(input);
    const scenarioSheet = workbook.addWorksheet(SCENARIO_SHEET, { state: 'veryHidden' });
    scenarioSheet.getCell('A1').value = JSON.stringify({
      version: 1,
      scenario: { tableSources: { Parts: 'Item master' }, columnOverrides: { Parts: { UnitCost: 'Std cost EUR' } }, tierTargets: { Gold: 0.5 } },
    });
    await workbook.xlsx.writeFile(input);
    const run = spp('analyze', input, '--json', join(dir, 'mapped.json'));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Scenario stored in the workbook applied: tableSources, columnOverrides, tierTargets');
    const json = JSON.parse(readFileSync(join(dir, 'mapped.json'), 'utf8'));
    // Target 50%: Poisson(6) needs S = 7 (F(5) = 0.446 < 0.5 ≤ F(6) = 0.606).
    expect(json.stock[0]).toMatchObject({ locationId: 'CDC', targetFillRate: 0.5, stock: 7, unitCost: 100 });
    expect(json.stock[0].fillRate).toBeCloseTo(poissonCdf(6, 6), 12);
  });
});

describe('spp sample → analyze', () => {
  test('a generated workbook is planned completely and the JSON agrees with the workbook', async () => {
    const dir = tempDir();
    const input = join(dir, 'sample.xlsx');
    const sample = spp('sample', input, '--parts', '30', '--locations', '4', '--periods', '36', '--seed', '3');
    expect(sample.status).toBe(0);
    const run = spp('analyze', input, '--json', join(dir, 'r.json'));
    expect(run.status).toBe(0);
    expect(existsSync(join(dir, 'sample-results.xlsx'))).toBe(true);
    const json = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    expect(json.stock).toHaveLength(120);
    expect(json.demand).toHaveLength(120);
    const classes = json.summary.demandClasses;
    expect(classes.smooth + classes.erratic + classes.intermittent + classes.lumpy + classes.none).toBe(120);
    // Totals are sums of the rows; the network plan (StockingMode Target, the default) meets every
    // tier's target weighted by demand, and every part-location with demand the MinFillRate floor of 0.5.
    const investment = json.stock.reduce((s: number, r: { investment: number }) => s + r.investment, 0);
    expect(json.summary.investment).toBeCloseTo(investment, 6);
    for (const tier of json.summary.byTier) expect(tier.fillRate).toBeGreaterThanOrEqual(tier.targetFillRate - 1e-12);
    const demand = new Map(json.demand.map((d: { partId: string; locationId: string; ratePerPeriod: number }) => [`${d.partId} ${d.locationId}`, d.ratePerPeriod]));
    for (const row of json.stock) {
      if ((demand.get(`${row.partId} ${row.locationId}`) as number) > 0) expect(row.fillRate).toBeGreaterThanOrEqual(0.5);
      expect(row.investment).toBeCloseTo(row.stock * row.unitCost, 8);
    }
    const workbook = await readWorkbook(join(dir, 'sample-results.xlsx'));
    const rows = tableRows(workbook.getWorksheet('SPP Stock')!);
    expect(rows).toHaveLength(120);
    expect(rows.map((r) => r['Recommended stock'])).toEqual(json.stock.map((r: { stock: number }) => r.stock));
  });

  test('output folders that do not exist yet are created (npm run demo writes into demo/)', () => {
    const dir = tempDir();
    const input = join(dir, 'new', 'folder', 'sample.xlsx');
    expect(spp('sample', input, '--parts', '5', '--locations', '2').status).toBe(0);
    expect(spp('analyze', input, '--out', join(dir, 'out', 'r.xlsx'), '--json', join(dir, 'json', 'r.json')).status).toBe(0);
    expect(existsSync(join(dir, 'out', 'r.xlsx'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'json', 'r.json'), 'utf8')).stock).toHaveLength(10);
  });

  test('weekly periods work end to end', () => {
    const dir = tempDir();
    const input = join(dir, 'weekly.xlsx');
    expect(spp('sample', input, '--parts', '10', '--locations', '2', '--periods', '104', '--period-length', 'Week').status).toBe(0);
    const run = spp('analyze', input, '--json', join(dir, 'w.json'));
    expect(run.status).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'w.json'), 'utf8'));
    expect(json.summary.periodLength).toBe('Week');
    expect(json.summary.periods).toBe(104);
    expect(json.summary.lastPeriod).toMatch(/^\d{4}-W\d{2}$/);
  });
});

describe('spp template', () => {
  test('writes every table with notes and validation, refuses to overwrite without --force', async () => {
    const dir = tempDir();
    const file = join(dir, 'template.xlsx');
    const run = spp('template', file);
    expect(run.status).toBe(0);
    const workbook = await readWorkbook(file);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Parts', 'Locations', 'SLATiers', 'Demand', 'Inventory', 'Settings', 'Assessment', 'Assumptions', 'ServiceEvents']);
    const parts = workbook.getWorksheet('Parts')!;
    expect(parts.getRow(1).values).toEqual(expect.arrayContaining(['PartID', 'UnitCost', 'LeadTimeDays', 'Criticality']));
    const header = parts.getRow(1).getCell(3);
    expect(header.value).toBe('UnitCost');
    expect(JSON.stringify(header.note)).toContain('> 0');
    const criticality = (parts.getRow(1).values as unknown[]).indexOf('Criticality');
    const validation = parts.getRow(2).getCell(criticality).dataValidation;
    expect(validation).toMatchObject({ type: 'list', formulae: ['"Critical,Standard"'] });
    // The template is itself a valid input.
    expect(spp('analyze', file, '--out', join(dir, 'template-results.xlsx')).status).toBe(0);
    expect(spp('template', file).status).toBe(2);
    expect(spp('template', file, '--force').status).toBe(0);
  });
});

describe('usage errors exit with 2, help with 0', () => {
  test.each([
    [['--help'], 0, /Usage: spp/],
    [['analyze', '--help'], 0, /Exit codes/],
    [['template', '--help'], 0, /empty input workbook/],
    [['sample', '--help'], 0, /--parts/],
    [['frobnicate'], 2, /unknown command/],
    [['analyze'], 2, /missing required argument/],
    [['analyze', 'nowhere.xlsx'], 2, /file not found/],
    [['analyze', 'x.xlsx', '--bogus'], 2, /unknown option/],
    [['sample', 'x.xlsx', '--parts', 'many'], 2, /--parts must be a whole number/],
    [['sample', 'x.csv'], 2, /must end in \.xlsx/],
  ])('spp %j', (args, status, pattern) => {
    const run = spp(...(args as string[]));
    expect(run.status).toBe(status);
    expect(run.stdout + run.stderr).toMatch(pattern as RegExp);
  });

  test('a file that is not a workbook is invalid input (1)', () => {
    const dir = tempDir();
    const file = join(dir, 'fake.xlsx');
    writeFileSync(file, 'not a zip');
    const run = spp('analyze', file);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/fake\.xlsx/);
  });
});
