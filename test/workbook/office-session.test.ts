/**
 * @jest-environment jsdom
 *
 * The Excel HostSession over the fake Excel: navigation, the selected range, the workbook name
 * and preferences. The `Office` global is an office-addin-mock object (only requirement checks).
 */
import { OfficeMockObject } from 'office-addin-mock';
import { OfficeApp } from 'office-addin-manifest';
import { createOfficeSession, FALLBACK_WORKBOOK_NAME } from '../../src/taskpane/host/office-session';
import { SYNC_TIMEOUT_CODE } from '../../src/workbook/office-run';
import { FakeExcelHost } from './office-fake-host';
import { inputFixture } from './port-contract';

function fakeExcel(apiVersion = '1.7'): FakeExcelHost {
  const host = FakeExcelHost.fromFixture({ ...inputFixture(), sheets: [...inputFixture().sheets, { name: "Bob's data", rows: [['x']] }] });
  host.apiVersion = apiVersion;
  return host;
}

const memoryPreferences = () => {
  const values = new Map<string, string>();
  return { get: (key: string) => values.get(key) ?? null, set: (key: string, value: string) => void values.set(key, value) };
};

test('works on the open workbook: mode, name and the port', async () => {
  const host = fakeExcel();
  const session = await createOfficeSession({ run: host.run, supports: host.supports, preferences: memoryPreferences() });
  expect(session.mode).toBe('excel');
  expect(session.workbookName()).toBe('Spare parts plan.xlsx');
  expect(await session.workbook()?.readTable('parts')).toMatchObject({ name: 'Parts', sheet: 'Data' });
});

test('the workbook name falls back where the host cannot tell it', async () => {
  const host = fakeExcel();
  const old = await createOfficeSession({ run: host.run, supports: () => false, preferences: memoryPreferences() });
  expect(old.workbookName()).toBe(FALLBACK_WORKBOOK_NAME);
  const failing = await createOfficeSession({ run: () => Promise.reject(new Error('offline')), supports: host.supports, preferences: memoryPreferences() });
  expect(failing.workbookName()).toBe(FALLBACK_WORKBOOK_NAME);
});

test('selectCell activates the sheet and selects the cell; selectedRange reports it as Sheet!A1:D9', async () => {
  const host = fakeExcel();
  const session = await createOfficeSession({ run: host.run, supports: host.supports, preferences: memoryPreferences() });
  await expect(session.selectCell('Demand', 'D5')).resolves.toBe(true);
  expect(host.book.sheetById(host.book.activeSheetId!)?.name).toBe('Demand');
  await expect(session.selectedRange?.()).resolves.toBe('Demand!D5');
  await expect(session.selectCell("Bob's data", 'B4:C9')).resolves.toBe(true);
  await expect(session.selectedRange?.()).resolves.toBe("'Bob''s data'!B4:C9");
  await expect(session.activateSheet('Values')).resolves.toBe(true);
  expect(host.book.sheetById(host.book.activeSheetId!)?.name).toBe('Values');
});

test('navigation to a sheet that is gone answers false instead of failing', async () => {
  const host = fakeExcel();
  const session = await createOfficeSession({ run: host.run, supports: host.supports, preferences: memoryPreferences() });
  await expect(session.selectCell('Deleted', 'A1')).resolves.toBe(false);
  await expect(session.activateSheet('Deleted')).resolves.toBe(false);
  host.book.selection = undefined;
  await expect(session.selectedRange?.()).resolves.toBeNull();
});

describe('with the Office globals', () => {
  const globals = globalThis as { Excel?: unknown; Office?: unknown };
  afterEach(() => {
    delete globals.Excel;
    delete globals.Office;
    localStorage.clear();
  });

  test('uses Excel.run with delayForCellEdit, Office.context.requirements and office-js-helpers storage for preferences', async () => {
    const host = fakeExcel('1.8');
    const asked: string[] = [];
    globals.Excel = { run: host.excelRun };
    globals.Office = new OfficeMockObject({ context: { requirements: { isSetSupported: (set: string, version: string) => (asked.push(`${set} ${version}`), host.supports(version)) } } }, OfficeApp.Excel);
    const session = await createOfficeSession();
    expect(session.workbookName()).toBe('Spare parts plan.xlsx');
    expect(asked).toContain('ExcelApi 1.7');
    session.preferences.set('lastTab', 'results');
    session.preferences.set('since', '2025-06-30T12:00:00.000Z');
    const again = await createOfficeSession();
    expect(again.preferences.get('lastTab')).toBe('results');
    expect(again.preferences.get('since')).toBe('2025-06-30T12:00:00.000Z');
    expect(again.preferences.get('missing')).toBeNull();
    expect(Object.keys(localStorage).some((key) => key.includes('spp'))).toBe(true);
    // Input templates get validation because the host reports ExcelApi 1.8.
    await again.workbook()?.createInputTables([{ name: 'Settings', columns: [{ header: 'Value', note: '', validation: { kind: 'whole', min: 0 } }], rows: [[1]] }]);
    expect(host.book.sheet('Settings')?.validations).toHaveLength(1);
    // Every batch, the workbook name's included, asked Excel to wait for a cell edit rather than fail.
    expect(host.runOptions.length).toBeGreaterThanOrEqual(3);
    expect(host.runOptions.every((options) => options.delayForCellEdit === true)).toBe(true);
  });

  test('a Run while a cell is being edited waits for the edit to end instead of failing', async () => {
    const host = fakeExcel('1.8');
    globals.Excel = { run: host.excelRun };
    globals.Office = new OfficeMockObject({ context: { requirements: { isSetSupported: (_set: string, version: string) => host.supports(version) } } }, OfficeApp.Excel);
    const session = await createOfficeSession({ preferences: memoryPreferences() });
    host.cellEditMode = true;
    // Without the option Excel fails the batch at once (what the pane did before).
    await expect(host.run(async (context) => (context.workbook.load('name'), context.sync()))).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    let read = false;
    const reading = session.workbook()!.readTable('Parts').then((table) => ((read = true), table));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(read).toBe(false);
    host.endCellEdit();
    expect(await reading).toMatchObject({ name: 'Parts', rows: [['PN-1', 420, true], ['PN-2', 12.5, false], ['PN-3', null, true]] });
  });

  test('a sync that does not return ends with a message that says what to do', async () => {
    const host = fakeExcel('1.8');
    globals.Excel = { run: host.excelRun };
    globals.Office = new OfficeMockObject({ context: { requirements: { isSetSupported: (_set: string, version: string) => host.supports(version) } } }, OfficeApp.Excel);
    const session = await createOfficeSession({ preferences: memoryPreferences(), syncTimeoutMs: 40 });
    host.hung = true;
    const started = Date.now();
    await expect(session.workbook()!.readTable('Parts')).rejects.toMatchObject({ code: SYNC_TIMEOUT_CODE, message: expect.stringMatching(/^Excel did not answer within 0\.04 s\. If a cell is being edited, press Enter or Esc; .*run again/) });
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
    // Navigation is a convenience and reports false instead.
    await expect(session.activateSheet('Demand')).resolves.toBe(false);
    host.resume();
    await expect(session.workbook()!.readTable('Parts')).resolves.toMatchObject({ name: 'Parts' });
  });
});
