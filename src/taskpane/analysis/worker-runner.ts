/**
 * AnalysisRunner on a Web Worker. The worker is created on first use and kept for later runs;
 * Cancel terminates it (the only way to stop synchronous work mid-way) and the next run starts a
 * fresh one.
 */
import type { Analysis, InputTables, Scenario } from '../../pipeline/run';
import type { WorkerRequest, WorkerResponse } from './protocol';
import { AnalysisCancelled, type AnalysisRunner, type ProgressListener } from './runner';

/** What the runner needs of a Worker; tests pass a fake. */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

interface PendingRun {
  id: number;
  resolve(analysis: Analysis): void;
  reject(error: Error): void;
  onProgress: ProgressListener;
}

export class WorkerRunner implements AnalysisRunner {
  private worker: WorkerLike | null = null;
  private pending: PendingRun | null = null;
  private nextId = 1;

  constructor(private readonly createWorker: () => WorkerLike) {}

  run(tables: InputTables, scenario: Scenario, onProgress: ProgressListener): Promise<Analysis> {
    if (this.pending) return Promise.reject(new Error('An analysis is already running.'));
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<Analysis>((resolve, reject) => {
      this.pending = { id, resolve, reject, onProgress };
      worker.postMessage({ type: 'start', id, tables, scenario });
    });
  }

  cancel(): void {
    this.terminate();
    this.settle((run) => run.reject(new AnalysisCancelled()));
  }

  dispose(): void {
    this.cancel();
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (event) => this.receive(event.data);
    worker.onerror = (event) => {
      // A crashed worker (e.g. out of memory) cannot be trusted with the next run.
      event.preventDefault?.();
      this.terminate();
      this.settle((run) => run.reject(new Error(`The analysis worker failed: ${event.message || 'unknown error'}`)));
    };
    this.worker = worker;
    return worker;
  }

  private receive(message: WorkerResponse): void {
    const run = this.pending;
    if (!run || message.id !== run.id) return; // a late answer of a cancelled run
    if (message.type === 'progress') run.onProgress(message.stage, message.fraction);
    else if (message.type === 'done') this.settle((r) => r.resolve(message.analysis));
    else this.settle((r) => r.reject(new Error(message.message)));
  }

  private settle(action: (run: PendingRun) => void): void {
    const run = this.pending;
    this.pending = null;
    if (run) action(run);
  }

  private terminate(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
