/** Messages between the standalone page and its workbook worker (xlsx.worker.ts). */
import type { WorkbookPort } from '../../workbook/port';

/** The port methods the worker answers; arguments and results are structured-cloneable. */
export type PortMethod = 'readTable' | 'readRange' | 'readScenario' | 'writeScenario' | 'listTables' | 'writeResults' | 'createInputTables';

export type XlsxWorkerRequest =
  | { id: number; op: 'open'; bytes: ArrayBuffer }
  | { id: number; op: 'call'; method: PortMethod; args: Parameters<WorkbookPort[PortMethod]> }
  | { id: number; op: 'save' };

export type XlsxWorkerResponse =
  | { id: number; type: 'progress'; stage: 'open' | 'save'; fraction: number }
  | { id: number; type: 'done'; value: unknown }
  | { id: number; type: 'error'; message: string; problem?: string };
