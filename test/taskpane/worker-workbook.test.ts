/**
 * The standalone page's workbook in a worker: the client (WorkerWorkbook) and the worker's handler,
 * connected by an in-thread stand-in for a Worker that copies every message as postMessage does.
 */
import { generateSample } from '../../src/sample';
import { createXlsxWorkerHandler } from '../../src/taskpane/host/xlsx-worker-handler';
import type { XlsxWorkerRequest, XlsxWorkerResponse } from '../../src/taskpane/host/xlsx-worker-protocol';
import { WorkerWorkbook, type XlsxWorkerLike } from '../../src/taskpane/host/worker-workbook';
import { XlsxWorkbook } from '../../src/workbook/xlsx-adapter';
import { analyzeTables, readInputTables } from '../../src/pipeline/run';

class InThreadWorker implements XlsxWorkerLike {
  onmessage: ((event: MessageEvent<XlsxWorkerResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  private readonly handle = createXlsxWorkerHandler();
  private queue = Promise.resolve();

  postMessage(message: XlsxWorkerRequest): void {
    const copy = structuredClone(message);
    this.queue = this.queue.then(() => this.handle(copy, (response) => this.onmessage?.({ data: structuredClone(response) } as MessageEvent<XlsxWorkerResponse>)));
  }

  terminate(): void {
    this.terminated = true;
  }
}

async function sampleBytes(): Promise<ArrayBuffer> {
  const port = XlsxWorkbook.empty();
  await port.createInputTables(generateSample({ parts: 5, locations: 2, periods: 24, seed: 9 }));
  return (await port.toBuffer()).slice().buffer;
}

test('reads, analyses, writes and saves through the worker, reporting progress', async () => {
  const progress: string[] = [];
  const workbook = await WorkerWorkbook.open(new InThreadWorker(), await sampleBytes(), (stage, fraction) => progress.push(`${stage} ${fraction}`));
  const inPage = await XlsxWorkbook.fromBuffer(await sampleBytes());
  const tables = await readInputTables(workbook);
  expect(tables).toEqual(await readInputTables(inPage));
  const analysis = analyzeTables(tables, {});
  if (!analysis.ok) throw new Error('the sample should analyse');
  await workbook.writeResults(analysis.bundle);
  const saved = await XlsxWorkbook.fromBuffer(await workbook.toBuffer());
  expect((await saved.listTables()).map((t) => t.name)).toEqual(expect.arrayContaining(['SppStock', 'SppSummary']));
  expect((await saved.readTable('SppStock'))!.rows).toHaveLength(10);
  expect(progress).toEqual(['open 0', 'open 1', 'save 0', 'save 1']);
});

test('a file that is not a workbook fails with its reason and the worker is ended', async () => {
  const worker = new InThreadWorker();
  const failure = await WorkerWorkbook.open(worker, new TextEncoder().encode('PartID,Qty\n').buffer).catch((e: unknown) => e);
  expect(failure).toMatchObject({ name: 'WorkbookFileError', problem: 'not-xlsx', message: expect.stringMatching(/not an Excel \.xlsx workbook/) });
  expect(worker.terminated).toBe(true);
});
