/**
 * @jest-environment jsdom
 *
 * The shell with a host session: the planner mounts under the header, and in standalone mode a
 * workbook is opened through the file picker.
 */
import './setup';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App, PRODUCT_NAME } from '../../src/taskpane/App';
import { StandaloneSession } from '../../src/taskpane/host/standalone-session';
import { sampleWorkbook } from './fake-session';

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
