/**
 * Contract harness for OfficeWorkbook: the fixture becomes a fake Excel workbook (office-fake-*.ts)
 * and the port runs its batches against it; snapshots and number formats are read from the fake's
 * state directly, never through the adapter.
 */
import { OfficeWorkbook } from '../../src/workbook/office-adapter';
import type { WorkbookPort } from '../../src/workbook/port';
import { FakeExcelHost, snapshotOf } from './office-fake-host';
import { parseBox } from './office-fake-model';
import type { PortHarness, WorkbookFixture } from './port-contract';

const hosts = new WeakMap<WorkbookPort, FakeExcelHost>();

/** A port over a fake Excel holding the fixture, and the host to inspect and steer. */
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

export const officeHarness: PortHarness = {
  async build(fixture) {
    return officeWorkbookWith(fixture).port;
  },

  async snapshot(port) {
    return snapshotOf(hostOf(port));
  },

  async numberFormat(port, sheet, address) {
    const box = parseBox(address);
    const target = hostOf(port).book.sheet(sheet);
    return box && target ? target.format(box.row, box.column) : null;
  },
};
