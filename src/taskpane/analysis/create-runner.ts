/** The runner the task pane uses: a Web Worker where there is one, else the in-thread fallback. */
import { InThreadRunner } from './in-thread-runner';
import type { AnalysisRunner } from './runner';
import { WorkerRunner, type WorkerLike } from './worker-runner';

/** webpack 5 turns this `new Worker(new URL(...))` into a separate worker bundle. */
function createAnalysisWorker(): WorkerLike {
  return new Worker(new URL('./analysis.worker.ts', import.meta.url), { name: 'spp-analysis' }) as unknown as WorkerLike;
}

export function createAnalysisRunner(): AnalysisRunner {
  return typeof Worker === 'function' ? new WorkerRunner(createAnalysisWorker) : new InThreadRunner();
}
