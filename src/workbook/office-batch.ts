/**
 * How the Office.js adapter talks to Excel: batches run through an injected runner (`Excel.run` in
 * the add-in, a fake in tests), and large reads and writes go in row chunks sized by cells that
 * shrink when Excel rejects a request or response as too large.
 */

/** Runs one batch against the workbook: `(batch) => Excel.run(batch)`. */
export type ExcelBatchRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Whether the host supports an ExcelApi requirement set version, e.g. `'1.8'`. */
export type ExcelApiSupport = (version: string) => boolean;

/**
 * Cells per request or response to start with, counting every matrix: a read of `values`,
 * `valueTypes` and `numberFormat` of a 60-column range moves 180 cells a row, so 1,111 rows. At
 * 10–20 bytes a cell in Office.js's JSON that stays well under Excel on the web's 5 MB limit; long
 * text can still exceed it, and then the chunk is halved.
 */
export const CHUNK_CELLS = 200_000;

/** Matrices a read loads per cell (values, valueTypes, numberFormat) and a write sends (numberFormat, values). */
export const READ_MATRICES = 3;
export const WRITE_MATRICES = 2;

/**
 * A `GeneralException` on a chunk of at least this many cells is taken for a size failure: Excel
 * on the web often reports an oversized request or response that way instead of with its payload
 * codes. On a smaller chunk it is a real error and is thrown as it is.
 */
export const GENERAL_EXCEPTION_SIZE_CELLS = 10_000;

/** Rows per chunk for a block `width` cells wide moving `matrices` matrices: at least one row. */
export function chunkRows(width: number, matrices: number, budget = CHUNK_CELLS): number {
  return Math.max(1, Math.floor(budget / (Math.max(1, width) * Math.max(1, matrices))));
}

/**
 * Error codes Excel uses when a batch is too large: Excel on the web limits requests and responses
 * to 5 MB (`RequestPayloadSizeLimitExceeded`, `ResponsePayloadSizeLimitExceeded`; Microsoft Graph
 * says `PayloadTooLarge`), and every host limits a range read to five million cells
 * (`RangeExceedsLimit`). See "Resource limits and performance optimization for Office Add-ins".
 */
const PAYLOAD_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded', 'PayloadTooLarge', 'RangeExceedsLimit']);

function errorCodes(error: unknown): string[] {
  if (typeof error !== 'object' || error === null) return [];
  const { code, debugInfo } = error as { code?: unknown; debugInfo?: { code?: unknown } };
  return [code, debugInfo?.code].filter((value) => value !== undefined).map(String);
}

export function isPayloadTooLarge(error: unknown): boolean {
  if (errorCodes(error).some((code) => PAYLOAD_CODES.has(code))) return true;
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' && /payload size|payload.*(limit|too large)|response size|request size/i.test(message);
}

export function isGeneralException(error: unknown): boolean {
  return errorCodes(error).includes('GeneralException');
}

/** The error's message without assuming it is an Error. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface ChunkSize {
  /** Items (rows) per chunk to start with. */
  initial: number;
  /** Cells one item moves, counting every matrix: decides whether a GeneralException means "too large". */
  cellsPerItem: number;
}

/**
 * Runs `step(start, count)` over `total` items in chunks of at most `size.initial`, one sync per
 * chunk inside `step`. A chunk that fails as too large (a payload error, or a GeneralException on a
 * large chunk) is retried at half the size, down to one item, which then fails for real; the
 * smaller size is kept for the rest.
 */
export async function inChunks(total: number, size: ChunkSize, step: (start: number, count: number) => Promise<void>): Promise<void> {
  let rows = Math.max(1, Math.floor(size.initial));
  for (let start = 0; start < total; ) {
    const count = Math.min(rows, total - start);
    try {
      await step(start, count);
    } catch (error) {
      const tooLarge = isPayloadTooLarge(error) || (isGeneralException(error) && count * size.cellsPerItem >= GENERAL_EXCEPTION_SIZE_CELLS);
      if (count > 1 && tooLarge) {
        rows = Math.max(1, Math.floor(count / 2));
        continue;
      }
      throw error;
    }
    start += count;
  }
}
