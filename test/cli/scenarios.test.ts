/**
 * Named scenarios end to end through `spp analyze --scenario` and `spp compare`: a scenario is kept
 * in the workbook with its values and its run's figures, compared with another, and its bad values are
 * reported under its name with nothing written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCENARIO_SHEET } from '../../src/workbook/port';
import { buildCli, readWorkbook, spp, tableRows, tempDir, writeWorkbook } from './helpers';

beforeAll(buildCli);

const months = Array.from({ length: 24 }, (_, i) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

/** One part at a Central, Poisson-like demand of 2 a month, a 3-month lead time (as in analyze.test.ts). */
const SHEETS = {
  Parts: [['PartID', 'Description', 'UnitCost', 'LeadTimeDays'], ['P1', 'Board', 100, (3 * 365.25) / 12]],
  Locations: [['LocationID', 'Type', 'Parent', 'ResupplyDays', 'SLATier'], ['CDC', 'Central', null, null, 'Gold']],
  SLATiers: [['Tier', 'ResponseHours', 'TargetFillRate', 'PenaltyPerMiss'], ['Gold', 24, 0.95, 1000]],
  Demand: [['PartID', 'LocationID', 'Period', 'Quantity'], ...months.map((m) => ['P1', 'CDC', m, 2])],
};

const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

describe('named scenarios', () => {
  test('a scenario defined on the command line is planned, kept with its figures, and compared with the base', async () => {
    const dir = tempDir();
    const input = join(dir, 'in.xlsx');
    await writeWorkbook(input, SHEETS);
    expect(spp('analyze', input, '--out', join(dir, 'base.xlsx'), '--json', join(dir, 'base.json')).status).toBe(0);
    const run = spp('analyze', join(dir, 'base.xlsx'), '--out', join(dir, 'low.xlsx'), '--json', join(dir, 'low.json'), '--scenario', 'Low service', '--target', 'Gold=0.5', '--set', 'HoldingCostRate=0.2');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Scenario "Low service": HoldingCostRate 0.2, target Gold 0.5; kept in the workbook');
    // Poisson(6) over the lead time: S = 11 at 95 % (analyze.test.ts), S = 7 at 50 % (F(5) = 0.446 < 0.5 ≤ F(6) = 0.606).
    const base = json(join(dir, 'base.json'));
    const low = json(join(dir, 'low.json'));
    expect(base.stock[0]).toMatchObject({ targetFillRate: 0.95, stock: 11 });
    expect(low.stock[0]).toMatchObject({ targetFillRate: 0.5, stock: 7 });
    expect(low.scenarios.active).toBe('Low service');
    expect(low.scenarios.runs.map((r: { name: string; investment: number }) => [r.name, r.investment])).toEqual([
      ['Base', 1100],
      ['Low service', 700],
    ]);
    const kept = await readWorkbook(join(dir, 'low.xlsx'));
    expect(tableRows(kept.getWorksheet('SPP Scenarios')!).map((r) => [r.Scenario, r['This run'], r['Stock investment']])).toEqual([
      ['Base', 'No', 1100],
      ['Low service', 'Yes', 700],
    ]);
    const stored = JSON.parse(String(kept.getWorksheet(SCENARIO_SHEET)!.getCell('A1').value));
    expect(stored.named).toEqual({ 'Low service': { settings: { holdingCostRate: '0.2' }, tierTargets: { Gold: '0.5' } } });

    // The stored scenario runs again by name alone, and compares with the base.
    expect(spp('analyze', join(dir, 'low.xlsx'), '--out', join(dir, 'again.xlsx'), '--json', join(dir, 'again.json'), '--scenario', 'Low service').status).toBe(0);
    expect(json(join(dir, 'again.json')).stock[0].stock).toBe(7);
    const compare = spp('compare', join(dir, 'low.xlsx'), 'Base', 'Low service', '--out', join(dir, 'cmp.xlsx'), '--json', join(dir, 'cmp.json'));
    expect(compare.status).toBe(0);
    expect(compare.stdout).toMatch(/Stock investment\s+1,100\s+700\s+-400/);
    const comparison = json(join(dir, 'cmp.json')).scenarios.comparison as { key: string; a: number; b: number; delta: number }[];
    const row = (key: string) => comparison.find((r) => r.key === key)!;
    // A and B are what each scenario's own analyze run reported; Delta = B − A.
    expect(row('investment')).toMatchObject({ a: base.summary.investment, b: low.summary.investment, delta: low.summary.investment - base.summary.investment });
    expect(row('fillRate:Gold').a).toBeCloseTo(base.summary.byTier[0].fillRate, 12);
    expect(row('fillRate:Gold').b).toBeCloseTo(low.summary.byTier[0].fillRate, 12);
    expect(row('expectedAnnualPenalty').delta).toBeCloseTo(low.summary.expectedAnnualPenalty - base.summary.expectedAnnualPenalty, 6);
    const sheet = tableRows((await readWorkbook(join(dir, 'cmp.xlsx'))).getWorksheet('SPP Compare')!);
    expect(sheet[0]).toEqual({ Figure: 'Stock investment', A: 1100, B: 700, 'Delta (B − A)': -400 });
    // The analysis sheets of the last analyze run stay as they were.
    expect((await readWorkbook(join(dir, 'cmp.xlsx'))).getWorksheet('SPP Stock')).toBeDefined();
  });

  test('a bad value is reported under the scenario’s name, and nothing is written', async () => {
    const dir = tempDir();
    const input = join(dir, 'in.xlsx');
    await writeWorkbook(input, SHEETS);
    const run = spp('analyze', input, '--out', join(dir, 'out.xlsx'), '--scenario', 'Too high', '--target', 'Gold=1.5');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Scenario "Too high": tier Gold: TargetFillRate must be a number > 0 and < 1, found "1.5"');
    expect(existsSync(join(dir, 'out.xlsx'))).toBe(false);
  });

  test('unknown scenarios, settings and malformed options are usage errors that say what exists', async () => {
    const dir = tempDir();
    const input = join(dir, 'in.xlsx');
    await writeWorkbook(input, SHEETS);
    const unknown = spp('analyze', input, '--scenario', 'Nope');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('No scenario "Nope" in the workbook (it has none yet); define it with --set, --target or --budget.');
    expect(spp('analyze', input, '--set', 'Colour=blue').stderr).toContain('--set Colour: no such setting');
    expect(spp('analyze', input, '--target', 'Gold').stderr).toContain('--target takes KEY=VALUE, found "Gold"');
    const compare = spp('compare', input, 'Base', 'Nope');
    expect(compare.status).toBe(2);
    expect(compare.stderr).toContain('No scenario "Nope" in the workbook; it has "Base"');
  });
});
