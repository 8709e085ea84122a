/**
 * Implausible settings and scenario overrides, end to end through `spp analyze`: warnings that say
 * what was probably meant (the run goes on), and errors that stop it with nothing written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCENARIO_SHEET } from '../../src/workbook/port';
import { buildCli, readWorkbook, spp, tempDir, writeWorkbook } from './helpers';

beforeAll(buildCli);

const monthsOf = (n: number) => Array.from({ length: n }, (_, i) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

function book(months: number, settings: unknown[][] = [['Setting', 'Value']]): Record<string, unknown[][]> {
  return {
    Parts: [['PartID', 'Description', 'UnitCost', 'LeadTimeDays'], ['P1', 'Board', 100, 30]],
    Locations: [['LocationID', 'Type', 'Parent', 'ResupplyDays', 'SLATier'], ['CDC', 'Central', null, null, 'Gold']],
    SLATiers: [['Tier', 'ResponseHours', 'TargetFillRate', 'PenaltyPerMiss'], ['Gold', 24, 0.9, 0]],
    Demand: [['PartID', 'LocationID', 'Period', 'Quantity'], ...monthsOf(months).map((m) => ['P1', 'CDC', m, 2])],
    Settings: settings,
  };
}

describe('spp analyze warns about implausible settings, with the cell', () => {
  test('HoldingCostRate = 25 (meant as 25 %) and BacktestPeriods = 30 with 24 months', async () => {
    const dir = tempDir();
    const input = join(dir, 'in.xlsx');
    await writeWorkbook(input, book(24, [['Setting', 'Value'], ['HoldingCostRate', 25], ['BacktestPeriods', 30]]));
    const run = spp('analyze', input, '--json', join(dir, 'r.json'));
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('2 warnings:');
    expect(run.stderr).toContain('Settings!B2: HoldingCostRate 25 means 2,500 % of the unit cost a year; if you meant 25 %, enter 0.25');
    expect(run.stderr).toContain('Settings!B3: BacktestPeriods 30 with 24 months (2023-01 to 2024-12) of history leaves fewer than 12 periods to decide on, so there is no stocking backtest this run; set BacktestPeriods to at most 12');
    const json = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    expect(json.issues.map((i: { severity: string }) => i.severity)).toEqual(['warning', 'warning']);
  });

  test('a write-off threshold shorter than the stocking one: ObsoleteAfterPeriods 12 against ObsoleteAfterYears 1.5 = 18 months', async () => {
    const dir = tempDir();
    const input = join(dir, 'in.xlsx');
    await writeWorkbook(input, book(24, [['Setting', 'Value'], ['ObsoleteAfterYears', 1.5], ['ObsoleteAfterPeriods', 12]]));
    const run = spp('analyze', input);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('Settings!B3: ObsoleteAfterPeriods 12 is shorter than ObsoleteAfterYears 1.5 (18 months): stock the plan still recommends would be written off as obsolete; set ObsoleteAfterPeriods to at least 18');
    // The defaults (18 months against 24) and equal thresholds are consistent: no warning.
    await writeWorkbook(input, book(24, [['Setting', 'Value'], ['ObsoleteAfterYears', 2], ['ObsoleteAfterPeriods', 24]]));
    expect(spp('analyze', input).stderr).not.toContain('ObsoleteAfterPeriods');
  });

  test('a one-month history', async () => {
    const dir = tempDir();
    const input = join(dir, 'in.xlsx');
    await writeWorkbook(input, book(1));
    const run = spp('analyze', input);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('Demand: The Demand history covers 1 month (2023-01 to 2023-01), less than a year');
  });
});

describe('scenario overrides are validated like the workbook', () => {
  test('a stored tier target of 1.5 stops the run with the scenario named, and nothing is written', async () => {
    const dir = tempDir();
    const input = join(dir, 'in.xlsx');
    await writeWorkbook(input, book(24));
    const workbook = await readWorkbook(input);
    workbook.addWorksheet(SCENARIO_SHEET, { state: 'veryHidden' }).getCell('A1').value = JSON.stringify({ version: 1, scenario: { tierTargets: { Gold: 1.5 }, settings: { holdingCostRate: -1 } } });
    await workbook.xlsx.writeFile(input);
    const run = spp('analyze', input, '--out', join(dir, 'out.xlsx'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Scenario: HoldingCostRate must be a number >= 0, found -1');
    expect(run.stderr).toContain('Scenario: tier Gold: TargetFillRate must be a number > 0 and < 1, found 1.5; it is a share: if you meant 1.5 %, enter 0.015');
    expect(existsSync(join(dir, 'out.xlsx'))).toBe(false);
  });
});
