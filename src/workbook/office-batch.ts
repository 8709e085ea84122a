/**
 * How the Office.js adapter talks to Excel: batches run through an injected runner (`Excel.run` in
 * the add-in, a fake in tests), and large reads and writes go in row chunks that shrink when Excel
 * rejects a request or response as too large.
 */

/** Runs one batch against the workbook: `(batch) => Excel.run(batch)`. */
export type ExcelBatchRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Whether the host supports an ExcelApi requirement set version, e.g. `'1.8'`. */
export type ExcelApiSupport = (version: string) => boolean;

/** Rows per read chunk to start with (the brief's 5,000; halved on payload errors). */
export const READ_CHUNK_ROWS = 5000;
/** Cells per write chunk to start with: values plus number formats stay well under Excel on the web's 5 MB request limit. */
export const WRITE_CHUNK_CELLS = 50_000;

/**
 * Error codes Excel uses when a batch is too large: Excel on the web limits requests and responses
 * to 5 MB (`RequestPayloadSizeLimitExceeded`, `ResponsePayloadSizeLimitExceeded`; Microsoft Graph
 * says `PayloadTooLarge`), and every host limits a range read to five million cells
 * (`RangeExceedsLimit`). See "Resource limits and performance optimization for Office Add-ins".
 */
const PAYLOAD_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded', 'PayloadTooLarge', 'RangeExceedsLimit']);

export function isPayloadTooLarge(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, debugInfo } = error as { code?: unknown; message?: unknown; debugInfo?: { code?: unknown } };
  if (PAYLOAD_CODES.has(String(code)) || PAYLOAD_CODES.has(String(debugInfo?.code))) return true;
  return typeof message === 'string' && /payload size|payload.*(limit|too large)|response size|request size/i.test(message);
}

/** The error's message without assuming it is an Error. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs `step(start, count)` over `total` items in chunks of at most `initial`, one sync per chunk
 * inside `step`. A chunk that fails as too large is retried at half the size (down to one item,
 * which then fails for real); the smaller size is kept for the rest.
 */
export async function inChunks(total: number, initial: number, step: (start: number, count: number) => Promise<void>): Promise<void> {
  let size = Math.max(1, Math.floor(initial));
  for (let start = 0; start < total; ) {
    const count = Math.min(size, total - start);
    try {
      await step(start, count);
    } catch (error) {
      if (count > 1 && isPayloadTooLarge(error)) {
        size = Math.max(1, Math.floor(count / 2));
        continue;
      }
      throw error;
    }
    start += count;
  }
}
