/**
 * The WorkbookPort of the standalone page when the workbook lives in a Web Worker
 * (xlsx.worker.ts): every call is a message, answered in order; progress of opening and saving is
 * reported to a listener so the page can show it.
 */
import type { InputTableToWrite, ResultBundle, SheetTable, StoredScenario, WorkbookPort } from '../../workbook/port';
import { WorkbookFileError, type WorkbookFileProblem } from '../../workbook/xlsx-errors';
import type { PortMethod, XlsxWorkerRequest, XlsxWorkerResponse } from './xlsx-worker-protocol';

/** What the client needs of a Worker; tests pass one that runs the handler in-thread. */
export interface XlsxWorkerLike {
  postMessage(message: XlsxWorkerRequest, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<XlsxWorkerResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export type { FileProgressListener } from './session';
import type { FileProgressListener } from './session';

type Request = XlsxWorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export class WorkerWorkbook implements WorkbookPort {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

  private constructor(
    private readonly worker: XlsxWorkerLike,
    private readonly onProgress: FileProgressListener,
  ) {
    worker.onmessage = (event) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      const error = new Error(`The workbook worker failed: ${event.message || 'unknown error'}`);
      for (const pending of this.pending.values()) pending.reject(error);
      this.pending.clear();
    };
  }

  /** Opens the file's bytes in a new worker; the worker is terminated when they do not load. */
  static async open(worker: XlsxWorkerLike, bytes: ArrayBuffer, onProgress: FileProgressListener = () => undefined): Promise<WorkerWorkbook> {
    const workbook = new WorkerWorkbook(worker, onProgress);
    try {
      await workbook.request({ op: 'open', bytes }, [bytes]);
    } catch (error) {
      worker.terminate();
      throw error;
    }
    return workbook;
  }

  async toBuffer(): Promise<Uint8Array> {
    return new Uint8Array((await this.request({ op: 'save' })) as ArrayBuffer);
  }

  close(): void {
    this.worker.terminate();
  }

  readTable(name: string): Promise<SheetTable | null> {
    return this.call('readTable', [name]) as Promise<SheetTable | null>;
  }

  readRange(address: string): Promise<SheetTable | null> {
    return this.call('readRange', [address]) as Promise<SheetTable | null>;
  }

  readScenario(): Promise<StoredScenario | null> {
    return this.call('readScenario', []) as Promise<StoredScenario | null>;
  }

  async writeScenario(scenario: StoredScenario): Promise<void> {
    await this.call('writeScenario', [scenario]);
  }

  listTables(): Promise<{ name: string; sheet: string; source: 'table' | 'sheet' }[]> {
    return this.call('listTables', []) as Promise<{ name: string; sheet: string; source: 'table' | 'sheet' }[]>;
  }

  async writeResults(results: ResultBundle): Promise<void> {
    await this.call('writeResults', [results]);
  }

  createInputTables(tables: InputTableToWrite[]): Promise<string[]> {
    return this.call('createInputTables', [tables]) as Promise<string[]>;
  }

  private call(method: PortMethod, args: unknown[]): Promise<unknown> {
    return this.request({ op: 'call', method, args } as Request);
  }

  private request(message: Request, transfer: Transferable[] = []): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id } as XlsxWorkerRequest, transfer);
    });
  }

  private receive(message: XlsxWorkerResponse): void {
    if (message.type === 'progress') {
      this.onProgress(message.stage, message.fraction);
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.type === 'done') pending.resolve(message.value);
    else pending.reject(message.problem ? new WorkbookFileError(message.problem as WorkbookFileProblem, message.message) : new Error(message.message));
  }
}
