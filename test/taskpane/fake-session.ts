/**
 * A HostSession for component tests: the workbook is a real XlsxWorkbook (the same port the
 * standalone mode uses), loaded from bytes; navigation calls are recorded.
 */
import { generateSample, type SampleOptions } from '../../src/sample';
import type { HostSession } from '../../src/taskpane/host/session';
import type { InputTableToWrite, WorkbookPort } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/workbook/xlsx-adapter';

export const SAMPLE: SampleOptions = { parts: 8, locations: 3, periods: 24, seed: 3 };

/** A saved and reloaded workbook holding these input tables, as a user's file would be. */
export async function workbookWith(tables: InputTableToWrite[]): Promise<XlsxWorkbook> {
  const draft = XlsxWorkbook.empty();
  await draft.createInputTables(tables);
  return XlsxWorkbook.fromBuffer(await draft.toBuffer());
}

export async function sampleWorkbook(options: SampleOptions = SAMPLE): Promise<XlsxWorkbook> {
  return workbookWith(generateSample(options));
}

export interface FakeSession extends HostSession {
  port: XlsxWorkbook;
  selected: { sheet: string; cell: string }[];
  activated: string[];
  stored: Map<string, string>;
}

export function fakeSession(port: XlsxWorkbook, mode: HostSession['mode'] = 'excel'): FakeSession {
  const selected: { sheet: string; cell: string }[] = [];
  const activated: string[] = [];
  const stored = new Map<string, string>();
  return {
    mode,
    port,
    selected,
    activated,
    stored,
    workbook: () => port as unknown as WorkbookPort,
    workbookName: () => 'Test workbook.xlsx',
    async selectCell(sheet, cell) {
      selected.push({ sheet, cell });
      return mode === 'excel';
    },
    async activateSheet(sheet) {
      activated.push(sheet);
      return mode === 'excel';
    },
    preferences: { get: (key) => stored.get(key) ?? null, set: (key, value) => void stored.set(key, value) },
  };
}
