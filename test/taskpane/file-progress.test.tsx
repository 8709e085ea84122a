/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["umd", "browser", "require", "default"]}
 *
 * The standalone page's busy indicator: while the workbook file is read (or the results workbook
 * written) a progress bar says so, moving when the worker gives no fraction and showing the
 * fraction when it does; it goes when the file is done, also when it failed.
 */
import './setup';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/taskpane/App';
import { FileProgress } from '../../src/taskpane/components/FileProgress';
import { StandaloneSession } from '../../src/taskpane/host/standalone-session';
import { renderInPane } from './render';
import { sampleWorkbook } from './fake-session';

/** A file whose bytes arrive only when the test says so, so the page can be looked at while it reads. */
function slowFile(bytes: Uint8Array, name: string): { file: File; release: () => void } {
  const file = new File([bytes as BlobPart], name);
  let release!: () => void;
  const arrived = new Promise<void>((resolve) => (release = resolve));
  Object.defineProperty(file, 'arrayBuffer', { value: async () => (await arrived, bytes.slice().buffer) });
  return { file, release };
}

test('while the workbook is read, a moving progress bar says so; it goes when the workbook is open', async () => {
  const bytes = await (await sampleWorkbook()).toBuffer();
  render(<App runtime={{ mode: 'standalone', reason: 'x' }} session={new StandaloneSession()} />);
  expect(screen.queryByTestId('file-progress')).toBeNull();
  const { file, release } = slowFile(bytes, 'Slow.xlsx');
  await userEvent.upload(screen.getByTestId('workbook-file'), file);

  const bar = await screen.findByRole('progressbar', { name: 'Reading the workbook…' });
  expect(bar.getAttribute('aria-valuenow')).toBeNull(); // indeterminate: no fraction yet
  expect(screen.getByTestId('file-progress').textContent).toContain('Reading the workbook…');
  expect(screen.queryByTestId('workbook-name')).toBeNull();

  await act(async () => release());
  expect((await screen.findByTestId('workbook-name')).textContent).toBe('Slow.xlsx');
  await waitFor(() => expect(screen.queryByTestId('file-progress')).toBeNull());
});

test('a file that fails to open also ends the progress bar', async () => {
  render(<App runtime={{ mode: 'standalone', reason: 'x' }} session={new StandaloneSession()} />);
  const { file, release } = slowFile(new TextEncoder().encode('a,b\n1,2'), 'data.xlsx');
  await userEvent.upload(screen.getByTestId('workbook-file'), file);
  await screen.findByRole('progressbar', { name: 'Reading the workbook…' });
  await act(async () => release());
  expect(await screen.findByText('Could not open the workbook')).toBeTruthy();
  expect(screen.queryByTestId('file-progress')).toBeNull();
});

test('the session reports the start and end of reading and of writing the download, in order', async () => {
  const bytes = await (await sampleWorkbook()).toBuffer();
  const session = new StandaloneSession();
  const events: string[] = [];
  const stop = session.watchFileProgress((stage, fraction) => events.push(`${stage} ${fraction}`));
  await session.openFile(new File([bytes as BlobPart], 'Network.xlsx'));
  Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:results'), revokeObjectURL: jest.fn() });
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  await session.download();
  click.mockRestore();
  expect(events).toEqual(['open 0', 'open 1', 'save 0', 'save 1']);
  stop();
  await session.openFile(new File([bytes as BlobPart], 'Again.xlsx'));
  expect(events).toHaveLength(4); // unsubscribed
});

test('a fraction from the worker shows as a determinate bar: writing the results workbook half done', () => {
  renderInPane(<FileProgress activity={{ stage: 'save', fraction: 0.5 }} />);
  const bar = screen.getByRole('progressbar', { name: 'Writing the results workbook…' });
  expect(bar.getAttribute('aria-valuenow')).toBe('0.5');
  expect(bar.getAttribute('aria-valuemax')).toBe('1');
});
