/**
 * The workbook worker's side: one XlsxWorkbook per worker, opened from the file's bytes, answering
 * port calls and saving. Separate from the worker entry so tests run it in-thread.
 */
import { WorkbookFileError } from '../../workbook/xlsx-errors';
import { XlsxWorkbook } from '../../workbook/xlsx-adapter';
import type { XlsxWorkerRequest, XlsxWorkerResponse } from './xlsx-worker-protocol';

export function createXlsxWorkerHandler(): (request: XlsxWorkerRequest, reply: (response: XlsxWorkerResponse, transfer?: Transferable[]) => void) => Promise<void> {
  let workbook: XlsxWorkbook | null = null;
  return async (request, reply) => {
    try {
      if (request.op === 'open') {
        reply({ id: request.id, type: 'progress', stage: 'open', fraction: 0 });
        const opened = await XlsxWorkbook.fromBuffer(request.bytes);
        // Only a workbook that loaded replaces the current one.
        workbook = opened;
        reply({ id: request.id, type: 'progress', stage: 'open', fraction: 1 });
        reply({ id: request.id, type: 'done', value: null });
        return;
      }
      if (!workbook) throw new Error('Open a workbook first.');
      if (request.op === 'save') {
        reply({ id: request.id, type: 'progress', stage: 'save', fraction: 0 });
        const bytes = await workbook.toBuffer();
        reply({ id: request.id, type: 'progress', stage: 'save', fraction: 1 });
        const buffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
        reply({ id: request.id, type: 'done', value: buffer }, [buffer]);
        return;
      }
      const method = workbook[request.method] as (...args: unknown[]) => Promise<unknown>;
      reply({ id: request.id, type: 'done', value: await method.apply(workbook, request.args) });
    } catch (error) {
      reply({ id: request.id, type: 'error', message: error instanceof Error ? error.message : String(error), problem: error instanceof WorkbookFileError ? error.problem : undefined });
    }
  };
}
