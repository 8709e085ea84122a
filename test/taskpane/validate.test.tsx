/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["umd", "browser", "require", "default"]}
 *
 * Validate panel on a workbook with known bad cells: the exact `Sheet!Cell` texts, errors apart
 * from warnings with counts, and navigation to the cell by mouse and by keyboard.
 */
import './setup';
import { screen, within } from '@testing-library/react';
import { renderInPane as render } from './render';
import userEvent from '@testing-library/user-event';
import { Planner } from '../../src/taskpane/components/Planner';
import { InThreadRunner } from '../../src/taskpane/analysis/in-thread-runner';
import { fakeSession, sampleWorkbook } from './fake-session';
import { editedWithExcelJs } from '../workbook/xlsx-harness';

async function badWorkbook() {
  return editedWithExcelJs(await sampleWorkbook(), (workbook) => {
    workbook.getWorksheet('Parts')!.getCell('C3').value = -5; // UnitCost of the second part
    workbook.getWorksheet('Demand')!.getCell('D4').value = 'lots'; // a Quantity
  });
}

async function openValidate() {
  await userEvent.click(await screen.findByRole('tab', { name: 'Validate' }));
  await userEvent.click(screen.getByRole('button', { name: 'Validate input' }));
  return screen.findByTestId('error-list');
}

test('lists every problem with its Sheet!Cell, errors and warnings apart, with counts', async () => {
  const session = fakeSession(await badWorkbook());
  render(<Planner session={session} createRunner={() => new InThreadRunner()} />);
  const errors = await openValidate();

  const texts = within(errors).getAllByTestId('issue').map((item) => item.textContent);
  expect(texts).toEqual(['Error: Parts!C3: UnitCost must be a number > 0, found -5', 'Error: Demand!D4: Quantity must be a whole number >= 0, found "lots"']);
  expect(screen.getByRole('heading', { name: 'Errors (2)' })).toBeTruthy();
  expect(screen.queryByTestId('warning-list')).toBeNull();
  expect(screen.getByTestId('issue-counts').textContent).toBe('2 errors0 warnings');

  await userEvent.click(within(errors).getByRole('button', { name: /Parts!C3/ }));
  expect(session.selected).toEqual([{ sheet: 'Parts', cell: 'C3' }]);
});

test('issues are keyboard buttons: focusable in the tab order and activated with Enter', async () => {
  // Real Tab traversal runs in Chromium (test/e2e); jsdom has no layout for Fluent's focus manager.
  const session = fakeSession(await badWorkbook());
  render(<Planner session={session} createRunner={() => new InThreadRunner()} />);
  const errors = await openValidate();
  const target = within(errors).getByRole('button', { name: /Demand!D4/ }) as HTMLButtonElement;
  expect(target.tagName).toBe('BUTTON');
  expect(target.tabIndex).toBe(0);
  expect(target.disabled).toBe(false);
  target.focus();
  expect(document.activeElement).toBe(target);
  await userEvent.keyboard('{Enter}');
  expect(session.selected).toEqual([{ sheet: 'Demand', cell: 'D4' }]);
  await userEvent.keyboard(' ');
  expect(session.selected).toHaveLength(2);
});

test('standalone mode says where the cell is instead of selecting it', async () => {
  const session = fakeSession(await badWorkbook(), 'standalone');
  render(<Planner session={session} createRunner={() => new InThreadRunner()} />);
  const errors = await openValidate();
  await userEvent.click(within(errors).getByRole('button', { name: /Parts!C3/ }));
  expect(await screen.findByText('Parts!C3: open the workbook in Excel to go there.')).toBeTruthy();
});

test('a clean sample has no errors', async () => {
  const session = fakeSession(await sampleWorkbook());
  render(<Planner session={session} createRunner={() => new InThreadRunner()} />);
  await userEvent.click(await screen.findByRole('tab', { name: 'Validate' }));
  await userEvent.click(screen.getByRole('button', { name: 'Validate input' }));
  expect(await screen.findByText('No problems found: the input is ready to run.')).toBeTruthy();
  expect(screen.getByTestId('issue-counts').textContent).toBe('0 errors0 warnings');
});
