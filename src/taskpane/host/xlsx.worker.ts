/**
 * Web Worker entry (bundled by webpack 5 from `new Worker(new URL(...))`): the standalone page's
 * workbook lives here, so unzipping, parsing and writing a large file never blocks the page.
 */
import { createXlsxWorkerHandler } from './xlsx-worker-handler';
import type { XlsxWorkerRequest, XlsxWorkerResponse } from './xlsx-worker-protocol';

const scope = self as unknown as { onmessage: ((event: MessageEvent<XlsxWorkerRequest>) => void) | null; postMessage(message: XlsxWorkerResponse, transfer?: Transferable[]): void };
const handle = createXlsxWorkerHandler();
// Requests are answered one at a time, in order, as the port's callers expect.
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (event) => {
  queue = queue.then(() => handle(event.data, (response, transfer) => scope.postMessage(response, transfer ?? [])));
};
