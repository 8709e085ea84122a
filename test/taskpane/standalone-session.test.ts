/**
 * @jest-environment jsdom
 *
 * Standalone host chores: opening an .xlsx file, the results file name, the Blob download, guarded
 * preferences, and no cell navigation.
 */
import './setup';
import type { HostSession } from '../../src/taskpane/host/session';
import { StandaloneSession, browserPreferences, resultsFileName } from '../../src/taskpane/host/standalone-session';
import { sampleWorkbook } from './fake-session';

test('results file names', () => {
  expect(resultsFileName('Plan 2025.xlsx')).toBe('Plan 2025-results.xlsx');
  expect(resultsFileName('PLAN.XLSX')).toBe('PLAN-results.xlsx');
  expect(resultsFileName(null)).toBe('workbook-results.xlsx');
  expect(resultsFileName('Macros.xlsm')).toBe('Macros-results.xlsm');
});

test('opens a file, downloads it as <name>-results.xlsx, and cannot navigate cells', async () => {
  const bytes = await (await sampleWorkbook()).toBuffer();
  const session = new StandaloneSession();
  expect(session.workbook()).toBeNull();
  await session.openFile(new File([bytes as BlobPart], 'Network.xlsx'));
  expect(session.workbookName()).toBe('Network.xlsx');
  expect((await session.workbook()!.listTables()).map((t) => t.name)).toContain('Demand');
  const host: HostSession = session;
  expect(await host.selectCell('Parts', 'C3')).toBe(false);
  expect(await host.activateSheet('Parts')).toBe(false);

  const clicked: HTMLAnchorElement[] = [];
  const createObjectURL = jest.fn(() => 'blob:results');
  Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this);
  });
  await session.download();
  expect(clicked).toHaveLength(1);
  expect(clicked[0].download).toBe('Network-results.xlsx');
  expect(clicked[0].href).toBe('blob:results');
  expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
  click.mockRestore();
});

test('a file that is not a workbook is refused and the previous workbook stays', async () => {
  const session = new StandaloneSession();
  await session.openFile(new File([(await (await sampleWorkbook()).toBuffer()) as BlobPart], 'Good.xlsx'));
  await expect(session.openFile(new File(['a,b\n1,2'], 'data.xlsx'))).rejects.toThrow(/not an Excel .xlsx workbook/);
  expect(session.workbookName()).toBe('Good.xlsx');
});

test('preferences survive a storage that throws', () => {
  const preferences = browserPreferences('test:');
  preferences.set('tab', 'run');
  expect(preferences.get('tab')).toBe('run');
  const getItem = jest.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
    throw new Error('denied');
  });
  const setItem = jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
    throw new Error('quota');
  });
  expect(preferences.get('tab')).toBeNull();
  expect(() => preferences.set('tab', 'inputs')).not.toThrow();
  getItem.mockRestore();
  setItem.mockRestore();
});
