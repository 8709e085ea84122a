/** The worker's side of the protocol, apart from `self` so tests can drive it in-process. */
import { analyzeTables } from '../../pipeline/run';
import type { WorkerRequest, WorkerResponse } from './protocol';

export function handleRequest(request: WorkerRequest, post: (response: WorkerResponse) => void): void {
  const { id } = request;
  try {
    const analysis = analyzeTables(request.tables, request.scenario, {
      onProgress: (stage, fraction) => post({ type: 'progress', id, stage, fraction }),
    });
    post({ type: 'done', id, analysis });
  } catch (error) {
    post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
  }
}
