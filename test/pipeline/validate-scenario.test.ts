import { validateRun } from '../../src/pipeline/run';
import { validateScenario } from '../../src/pipeline/validate-scenario';
import { formatIssue } from '../../src/model/types';
import { sheetTable } from './fixtures';

const tiers = new Set(['Gold', 'Silver']);
const messages = (v: ReturnType<typeof validateScenario>) => v.issues.map((i) => `${i.severity} ${formatIssue(i)}`);

describe('scenario overrides by the contract’s rules', () => {
  test('values are converted as workbook cells are: text numbers, enum spelling', () => {
    const v = validateScenario({ settings: { holdingCostRate: '0.3' as unknown as number, forecastMethod: 'sba' as never }, tierTargets: { Gold: 0.97 } }, tiers);
    expect(v.issues).toEqual([]);
    expect(v.settings).toEqual({ holdingCostRate: 0.3, forecastMethod: 'SBA' });
    expect(v.tierTargets).toEqual({ Gold: 0.97 });
  });

  test('bad values are errors with the same messages as in the Settings and SLATiers tables; implausible ones warnings', () => {
    const v = validateScenario({ settings: { alpha: 0, holdingCostRate: 25, colour: 'blue' } as never, tierTargets: { Gold: 95, Bronze: 0.9 } }, tiers, 'Scenario "Budget 2 M"');
    expect(messages(v)).toEqual([
      'error Scenario "Budget 2 M": Alpha must be a number > 0 and <= 1, found 0',
      'warning Scenario "Budget 2 M": HoldingCostRate 25 means 2,500 % of the unit cost a year; if you meant 25 %, enter 0.25',
      'warning Scenario "Budget 2 M": unknown setting "colour" is ignored',
      'error Scenario "Budget 2 M": tier Gold: TargetFillRate must be a number > 0 and < 1, found 95; it is a share: if you meant 95 %, enter 0.95',
      'warning Scenario "Budget 2 M": the target for tier "Bronze" is ignored: SLATiers has no such tier',
    ]);
    expect(v.settings).toEqual({ holdingCostRate: 25 });
    expect(v.tierTargets).toEqual({});
  });

  test('validateRun: a scenario error blocks the run like a workbook error; errors come first', () => {
    const tables = {
      Parts: sheetTable('Parts', [['PartID', 'UnitCost', 'LeadTimeDays'], ['P1', 10, 30]]),
      Locations: sheetTable('Locations', [['LocationID', 'Type', 'SLATier'], ['CDC', 'Central', 'Gold']]),
      SLATiers: sheetTable('SLATiers', [['Tier', 'ResponseHours', 'TargetFillRate'], ['Gold', 24, 0.9]]),
      Demand: sheetTable('Demand', [['PartID', 'LocationID', 'Period', 'Quantity'], ...Array.from({ length: 24 }, (_, i) => ['P1', 'CDC', `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, 1])]),
    };
    expect(validateRun(tables, {}).ok).toBe(true);
    const bad = validateRun(tables, { tierTargets: { Gold: 1.5 } });
    expect(bad.ok).toBe(false);
    expect(bad.issues.map(formatIssue)).toEqual(['Scenario: tier Gold: TargetFillRate must be a number > 0 and < 1, found 1.5; it is a share: if you meant 1.5 %, enter 0.015']);
    const good = validateRun(tables, { tierTargets: { Gold: 0.5 }, settings: { holdingCostRate: 0.2 } });
    expect(good.ok && good.input.slaTiers[0].targetFillRate).toBe(0.5);
    expect(good.ok && good.input.settings.holdingCostRate).toBe(0.2);
  });
});
