/**
 * Web Worker entry (bundled by webpack 5 from `new Worker(new URL(...))`): runs analyzeTables off
 * the UI thread. Cancel needs no message: the task pane terminates this worker.
 */
import { handleRequest } from './handle-request';
import type { WorkerRequest, WorkerResponse } from './protocol';

const scope = self as unknown as { onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null; postMessage(message: WorkerResponse): void };

scope.onmessage = (event) => handleRequest(event.data, (response) => scope.postMessage(response));
