/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["umd", "browser", "require", "default"]}
 *
 * Inputs panel against a real XlsxWorkbook: found and missing tables, "Create input template",
 * pointing a misnamed table at another sheet and mapping a column by hand.
 */
import './setup';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { generateSample } from '../../src/sample';
import { Planner } from '../../src/taskpane/components/Planner';
import { InThreadRunner } from '../../src/taskpane/analysis/in-thread-runner';
import { fakeSession, SAMPLE, workbookWith } from './fake-session';

function state(name: string): string {
  return screen.getByTestId(`table-state-${name}`).textContent ?? '';
}

test('lists found and missing tables and creates only the missing ones from the template', async () => {
  const sample = generateSample(SAMPLE).filter((t) => ['Parts', 'Locations', 'Demand'].includes(t.name));
  const session = fakeSession(await workbookWith(sample));
  render(<Planner session={session} createRunner={() => new InThreadRunner()} />);

  await waitFor(() => expect(state('Parts')).toBe('Found'));
  expect(state('Locations')).toBe('Found');
  expect(state('Demand')).toBe('Found');
  expect(state('SLATiers')).toBe('Missing');
  expect(state('Inventory')).toBe('Not found (optional)');
  expect(state('Settings')).toBe('Not found (optional)');
  expect(screen.getByTestId('where-Parts').textContent).toBe(`table Parts on sheet Parts, ${SAMPLE.parts} rows`);

  await userEvent.click(screen.getByRole('button', { name: 'Create input template' }));
  expect(await screen.findByText(/Added SLATiers, Inventory, Settings, Assessment, Assumptions, ServiceEvents with example rows/)).toBeTruthy();
  await waitFor(() => expect(state('SLATiers')).toBe('Found'));
  expect(state('Inventory')).toBe('Found');
  expect(state('Settings')).toBe('Found');
  // The existing tables were left alone.
  const parts = await session.port.readTable('Parts');
  expect(parts?.rows).toHaveLength(SAMPLE.parts);

  await userEvent.click(screen.getByRole('button', { name: 'Create input template' }));
  expect(await screen.findByText('Every input table already exists; nothing was added.')).toBeTruthy();
});

test('a misnamed table is pointed at its sheet and an unrecognised header is mapped by hand', async () => {
  const sample = generateSample(SAMPLE).map((table) => {
    if (table.name !== 'Parts') return table;
    // Sheet "PartMaster" with "Cost EUR" instead of any UnitCost synonym.
    return { ...table, name: 'PartMaster', columns: table.columns.map((c) => (c.header === 'UnitCost' ? { ...c, header: 'Cost EUR' } : c)) };
  });
  const session = fakeSession(await workbookWith(sample));
  render(<Planner session={session} createRunner={() => new InThreadRunner()} />);

  await waitFor(() => expect(state('Parts')).toBe('Missing'));
  await userEvent.click(screen.getByRole('button', { name: /^Parts/ }));
  await userEvent.selectOptions(screen.getByTestId('source-Parts'), 'PartMaster');
  await waitFor(() => expect(state('Parts')).toBe('Columns missing'));
  expect(screen.getByTestId('where-Parts').textContent).toBe(`table PartMaster on sheet PartMaster, ${SAMPLE.parts} rows; missing UnitCost`);

  const unitCost = screen.getByTestId('column-Parts-UnitCost') as HTMLSelectElement;
  expect(within(unitCost).getAllByRole('option').map((o) => o.textContent)).toContain('Cost EUR');
  await userEvent.selectOptions(unitCost, 'Cost EUR');
  await waitFor(() => expect(state('Parts')).toBe('Found'));

  // Run: the choices are what the pipeline reads, and they are stored with the workbook.
  await userEvent.click(screen.getByRole('tab', { name: 'Run' }));
  await userEvent.click(screen.getByRole('button', { name: 'Run analysis' }));
  expect(await screen.findByTestId('summary-cards', {}, { timeout: 20000 })).toBeTruthy();
  const stored = await session.port.readScenario();
  expect(stored?.scenario).toEqual({ tableSources: { Parts: 'PartMaster' }, columnOverrides: { Parts: { UnitCost: 'Cost EUR' } } });
});

test('the scenario stored in the workbook is loaded on start', async () => {
  const port = await workbookWith(generateSample(SAMPLE));
  await port.writeScenario({ version: 1, scenario: { settings: { forecastMethod: 'SBA', holdingCostRate: 0.3 }, tierTargets: { Gold: 0.9 } }, lastRun: { timestamp: '2025-01-02T03:04:05.000Z', engineVersion: '0.0.1' } });
  const session = fakeSession(port);
  render(<Planner session={session} createRunner={() => new InThreadRunner()} />);
  await userEvent.click(await screen.findByRole('tab', { name: 'Run' }));
  await waitFor(() => expect((screen.getByTestId('forecast-method') as HTMLSelectElement).value).toBe('SBA'));
  expect((screen.getByTestId('holding-cost-rate') as HTMLInputElement).value).toBe('0.3');
  expect(((await screen.findByTestId('tier-target-Gold')) as HTMLInputElement).value).toBe('0.9');
  expect(screen.getByTestId('last-run').textContent).toMatch(/^Last run .*2025.*, engine 0\.0\.1$/);
});
