/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["umd", "browser", "require", "default"]}
 *
 * Every Run field shows what a blank entry stands for: the workbook's value (95 entered for 95 % is
 * shown as 95 with the run's own message, not as 0), or the default where the workbook gives none
 * (not called the workbook's). The messages are the Validate step's, cell for cell.
 */
import './setup';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { formatIssue } from '../../src/model/types';
import { readInputTables, validateRun } from '../../src/pipeline/run';
import { generateSample } from '../../src/sample';
import { InThreadRunner } from '../../src/taskpane/analysis/in-thread-runner';
import { Planner } from '../../src/taskpane/components/Planner';
import type { InputTableToWrite } from '../../src/workbook/port';
import { fakeSession, SAMPLE, workbookWith } from './fake-session';
import { renderInPane as render } from './render';

/** The sample with `edit` applied to its tables (header in row 1, body from row 2). */
function sample(edit: (tables: InputTableToWrite[]) => void): InputTableToWrite[] {
  const tables = generateSample(SAMPLE);
  edit(tables);
  return tables;
}

function table(tables: InputTableToWrite[], name: string): InputTableToWrite {
  return tables.find((t) => t.name === name)!;
}

function setTierTarget(tables: InputTableToWrite[], tier: string, value: number | string): void {
  const tiers = table(tables, 'SLATiers');
  const column = tiers.columns.findIndex((c) => c.header === 'TargetFillRate');
  tiers.rows = tiers.rows.map((row) => (row[0] === tier ? row.map((cell, c) => (c === column ? value : cell)) : row));
}

function setSetting(tables: InputTableToWrite[], key: string, value: number | string | null): void {
  const settings = table(tables, 'Settings');
  settings.rows = value === null ? settings.rows.filter((row) => row[0] !== key) : settings.rows.map((row) => (row[0] === key ? [key, value] : row));
}

async function openRun(tables: InputTableToWrite[]) {
  const port = await workbookWith(tables);
  render(<Planner session={fakeSession(port)} createRunner={() => new InThreadRunner()} />);
  await userEvent.click(await screen.findByRole('tab', { name: 'Run' }));
  await screen.findByTestId('tier-target-Gold');
  const issues = validateRun(await readInputTables(port)).issues;
  return { port, issues };
}

const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;

test('a tier target entered as 95 shows 95 and the run’s message, a valid one shows its value, and a missing setting is the default', async () => {
  const { issues } = await openRun(
    sample((tables) => {
      setTierTarget(tables, 'Gold', 95); // meant as 95 %
      setSetting(tables, 'ForecastMethod', 'Crostn');
      setSetting(tables, 'HoldingCostRate', null); // not in the workbook
    }),
  );
  // Gold is the second tier (row 3), TargetFillRate the third column (C).
  const gold = issues.find((i) => i.sheet === 'SLATiers' && i.cell === 'C3')!;
  expect(gold.message).toMatch(/if you meant 95 %, enter 0\.95/);
  expect(input('tier-target-Gold').placeholder).toBe('95 (workbook, not valid)');
  expect(input('tier-target-Gold').value).toBe('');
  expect(screen.getByText(formatIssue(gold))).toBeTruthy();
  expect(screen.queryByText(/^0 \(workbook\)/)).toBeNull();

  // Platinum holds 0.97 in C2.
  expect(input('tier-target-Platinum').placeholder).toBe('0.97 (workbook)');
  expect(screen.getByText('Workbook: 0.97 (97.0%) in SLATiers!C2.')).toBeTruthy();

  // HoldingCostRate is not in Settings: the blank field runs with the contract's default, and says so.
  expect(input('holding-cost-rate').placeholder).toBe('0.25 (default)');
  expect(screen.getByText('Default 0.25 (25.0%): not set in the workbook.')).toBeTruthy();

  // The forecast method's blank choice names the workbook's invalid entry, with the run's message.
  const method = issues.find((i) => i.sheet === 'Settings' && i.message.startsWith('ForecastMethod'))!;
  expect(method.severity).toBe('error');
  const blank = (screen.getByTestId('forecast-method') as HTMLSelectElement).options[0];
  expect(blank.textContent).toBe('As in the workbook ("Crostn", not valid)');
  expect(screen.getByText(formatIssue(method))).toBeTruthy();
});

test('an implausible holding cost rate of 25 shows as 25 from the workbook with the run’s warning', async () => {
  const { issues } = await openRun(sample((tables) => setSetting(tables, 'HoldingCostRate', 25)));
  const warning = issues.find((i) => i.sheet === 'Settings' && i.message.includes('HoldingCostRate'))!;
  expect(warning.severity).toBe('warning');
  expect(input('holding-cost-rate').placeholder).toBe('25 (workbook)');
  expect(screen.getByText(formatIssue(warning))).toBeTruthy();
  // A valid workbook method is named as the workbook's.
  await waitFor(() => expect((screen.getByTestId('forecast-method') as HTMLSelectElement).options[0].textContent).toBe('As in the workbook (Auto)'));
});
