/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["umd", "browser", "require", "default"]}
 *
 * The shell with a host session: the planner mounts under the header, and in standalone mode a
 * workbook is opened through the file picker; a file that fails to open leaves nothing of the
 * previous workbook on screen.
 */
import './setup';

// The charts (a large lazily loaded library) are not what this file tests: a stand-in keeps it fast.
// The real charts are checked in test/taskpane/run.test.tsx and in Chromium (test/e2e/results.e2e.test.ts).
jest.mock('../../src/taskpane/components/ResultCharts', () => ({
  __esModule: true,
  default: () => require('react').createElement('div', { 'data-testid': 'result-charts' }),
}));
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App, PRODUCT_NAME } from '../../src/taskpane/App';
import { StandaloneSession } from '../../src/taskpane/host/standalone-session';
import { generateSample, type SampleOptions } from '../../src/sample';
import { XlsxWorkbook } from '../../src/workbook/xlsx-adapter';
import { sampleWorkbook } from './fake-session';

/** Small enough that a run takes a moment. */
const SMALL: SampleOptions = { parts: 3, locations: 2, periods: 18, seed: 3 };

/** The sample's bytes with the second part's UnitCost (Parts!C3: header in row 1, UnitCost third) set to -5. */
async function badWorkbookBytes(options: SampleOptions): Promise<Uint8Array> {
  const tables = generateSample(options);
  const parts = tables.find((t) => t.name === 'Parts')!;
  parts.rows[1] = parts.rows[1].map((cell, c) => (c === 2 ? -5 : cell));
  const draft = XlsxWorkbook.empty();
  await draft.createInputTables(tables);
  return draft.toBuffer();
}

test('standalone: open a workbook with the file picker and see its input tables', async () => {
  render(<App runtime={{ mode: 'standalone', reason: 'Office.js is not available.' }} session={new StandaloneSession()} />);
  expect(screen.getByRole('heading', { name: PRODUCT_NAME })).toBeTruthy();
  expect(screen.getByTestId('run-mode').textContent).toBe('Standalone');
  expect(screen.getByTestId('run-reason').textContent).toBe('Office.js is not available.');
  expect(screen.queryByRole('tab')).toBeNull(); // nothing to plan before a workbook is open

  const bytes = await (await sampleWorkbook()).toBuffer();
  await userEvent.upload(screen.getByTestId('workbook-file'), new File([bytes as BlobPart], 'Network.xlsx'));
  expect((await screen.findByTestId('workbook-name')).textContent).toBe('Network.xlsx');
  await waitFor(() => expect(screen.getByTestId('table-state-Demand').textContent).toBe('Found'));
  expect(screen.getByRole('tab', { name: 'Inputs', selected: true })).toBeTruthy();
});

test('a file that is not a workbook is reported', async () => {
  render(<App runtime={{ mode: 'standalone', reason: 'x' }} session={new StandaloneSession()} />);
  await userEvent.upload(screen.getByTestId('workbook-file'), new File(['a,b\n1,2'], 'data.xlsx'));
  expect(await screen.findByText('Could not open the workbook')).toBeTruthy();
  expect(screen.getByText(/not an Excel .xlsx workbook/)).toBeTruthy();
});

test('after a file fails to open, nothing of the previous workbook stays: name, results, issues, scenario', async () => {
  const good = await sampleWorkbook(SMALL);
  await good.writeScenario({ version: 1, scenario: { settings: { forecastMethod: 'SBA' } } });
  const badBytes = await badWorkbookBytes(SMALL);
  render(<App runtime={{ mode: 'standalone', reason: 'x' }} session={new StandaloneSession()} />);
  const picker = () => screen.getByTestId('workbook-file');
  const broken = new File(['a,b\n1,2'], 'data.xlsx');

  // A workbook with results and its stored scenario on screen.
  await userEvent.upload(picker(), new File([(await good.toBuffer()) as BlobPart], 'Good.xlsx'));
  await userEvent.click(await screen.findByRole('tab', { name: 'Run' }));
  await waitFor(() => expect((screen.getByTestId('forecast-method') as HTMLSelectElement).value).toBe('SBA'));
  await userEvent.click(screen.getByRole('button', { name: 'Run analysis' }));
  await screen.findByTestId('summary-cards', {}, { timeout: 20000 });

  await userEvent.upload(picker(), broken);
  expect(await screen.findByText('Could not open the workbook')).toBeTruthy();
  expect(screen.getByText(/^data\.xlsx: .*not an Excel .xlsx workbook/)).toBeTruthy();
  expect(screen.queryByTestId('workbook-name')).toBeNull();
  expect(screen.queryByTestId('summary-cards')).toBeNull();
  expect(screen.queryByRole('tab')).toBeNull();
  expect(screen.queryByTestId('forecast-method')).toBeNull();

  // A workbook with issues listed, then a failed open: the issues go too.
  await userEvent.upload(picker(), new File([badBytes as BlobPart], 'Bad.xlsx'));
  expect((await screen.findByTestId('workbook-name')).textContent).toBe('Bad.xlsx');
  expect(screen.queryByText('Could not open the workbook')).toBeNull();
  await userEvent.click(screen.getByRole('tab', { name: 'Validate' }));
  await userEvent.click(screen.getByRole('button', { name: 'Validate input' }));
  expect(await screen.findByText(/Parts!C3: UnitCost must be a number > 0, found -5/)).toBeTruthy();
  await userEvent.upload(picker(), broken);
  await screen.findByText('Could not open the workbook');
  expect(screen.queryByText(/Parts!C3/)).toBeNull();
  expect(screen.queryByTestId('workbook-name')).toBeNull();

  // Opening the good workbook again starts from its own state.
  await userEvent.upload(picker(), new File([(await good.toBuffer()) as BlobPart], 'Good.xlsx'));
  expect((await screen.findByTestId('workbook-name')).textContent).toBe('Good.xlsx');
  expect(screen.queryByTestId('summary-cards')).toBeNull();
});
