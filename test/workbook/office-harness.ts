/**
 * Contract harnesses for OfficeWorkbook: the fixture becomes a fake Excel workbook
 * (office-fake-*.ts) and the port runs its batches against it; snapshots, number formats and
 * notes are read from the fake's state directly, never through the adapter. Two hosts:
 * - `officeHarness`: a current Excel (ExcelApi 1.18: Microsoft 365, Excel on the web), where
 *   results are written in place;
 * - `legacyOfficeHarness`: the manifest's floor, ExcelApi 1.7 (Office 2016/2019), where results
 *   are swapped as whole sheets.
 */
import { OfficeWorkbook } from '../../src/workbook/office-adapter';
import type { WorkbookPort } from '../../src/workbook/port';
import { FakeExcelHost, snapshotOf } from './office-fake-host';
import { parseBox } from './office-fake-model';
import type { PortHarness, WorkbookFixture } from './port-contract';

const hosts = new WeakMap<WorkbookPort, FakeExcelHost>();

/** The ExcelApi version of a current Microsoft 365 Excel, as far as the adapter uses it. */
export const CURRENT_API = '1.18';

/** A port over a fake Excel holding the fixture, and the host to inspect and steer (ExcelApi 1.7 unless configured). */
export function officeWorkbookWith(fixture: WorkbookFixture, configure?: (host: FakeExcelHost) => void): { port: OfficeWorkbook; host: FakeExcelHost } {
  const host = FakeExcelHost.fromFixture(fixture);
  configure?.(host);
  let run = 0;
  const port = new OfficeWorkbook(host.run, { supports: host.supports, runId: () => `run${++run}` });
  hosts.set(port, host);
  return { port, host };
}

export function hostOf(port: WorkbookPort): FakeExcelHost {
  const host = hosts.get(port);
  if (!host) throw new Error('Not a port made by officeWorkbookWith.');
  return host;
}

function harnessAt(apiVersion: string, resultsInPlace: boolean): PortHarness {
  return {
    resultsInPlace,

    async build(fixture) {
      return officeWorkbookWith(fixture, (host) => (host.apiVersion = apiVersion)).port;
    },

    async snapshot(port) {
      return snapshotOf(hostOf(port));
    },

    async numberFormat(port, sheet, address) {
      const box = parseBox(address);
      const target = hostOf(port).book.sheet(sheet);
      return box && target ? target.format(box.row, box.column) : null;
    },

    async note(port, sheet, address) {
      return hostOf(port).book.sheet(sheet)?.notes.get(address) ?? null;
    },
  };
}

export const officeHarness: PortHarness = harnessAt(CURRENT_API, true);
/** Notes need ExcelApi 1.18, so this host writes none; the contract's note checks expect them. */
export const legacyOfficeHarness: PortHarness = { ...harnessAt('1.7', false), note: undefined };
