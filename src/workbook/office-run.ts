/**
 * The batch runner of the add-in: `Excel.run` with `delayForCellEdit`, and a time limit on every
 * `context.sync()`.
 *
 * - `delayForCellEdit: true` (Excel.RunOptions): while the user is typing in a cell, Excel holds
 *   the batch until the edit ends instead of failing it (`InvalidOperationInCellEditMode`). A Run
 *   pressed while a cell is in edit mode then simply starts once the user presses Enter or Esc.
 * - A sync that does not come back within the limit rejects with SyncTimeoutError, whose message
 *   says what to do. Office.js cannot cancel a request it has sent, so Excel may still carry it
 *   out later; every port call therefore starts from what the workbook holds at that moment
 *   (results writes remove staging sheets left by an earlier attempt and converge from there).
 *   The limit is generous because a delayed batch legitimately waits for as long as the edit lasts.
 */
import type { ExcelBatchRunner } from './office-batch';

/** How long one sync may take before the user is told (a heavy recalculation can take a while). */
export const SYNC_TIMEOUT_MS = 120_000;

/** The code of SyncTimeoutError, alongside Office.js's own error codes. */
export const SYNC_TIMEOUT_CODE = 'SppSyncTimeout';

export class SyncTimeoutError extends Error {
  override readonly name = 'SyncTimeoutError';
  readonly code = SYNC_TIMEOUT_CODE;
  constructor(readonly timeoutMs: number) {
    super(
      `Excel did not answer within ${formatSeconds(timeoutMs)}. If a cell is being edited, press Enter or Esc; if Excel is busy ` +
        '(calculating, saving, or showing a dialog), wait until it is done. Then run again: the results are replaced as a whole on the next run.',
    );
  }
}

export function isSyncTimeout(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === SYNC_TIMEOUT_CODE;
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return seconds >= 60 && seconds % 60 === 0 ? `${seconds / 60} minute${seconds === 60 ? '' : 's'}` : `${seconds} s`;
}

/** `Excel.run(options, batch)`: the overload the runner uses (Office.js has more). */
export type ExcelRun = <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelRunnerOptions {
  /** `Excel.run`; injected in tests. */
  excelRun: ExcelRun;
  syncTimeoutMs?: number;
}

/** Rejects with SyncTimeoutError when `promise` has not settled after `ms`. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new SyncTimeoutError(ms)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}

/**
 * The runner every port call and pane action goes through. `context.sync` is wrapped on the
 * context itself, so code that syncs through it (all of src/workbook/office-*.ts) gets the limit.
 */
export function createExcelRunner({ excelRun, syncTimeoutMs = SYNC_TIMEOUT_MS }: ExcelRunnerOptions): ExcelBatchRunner {
  return (batch) =>
    excelRun({ delayForCellEdit: true }, (context) => {
      const sync = context.sync.bind(context);
      context.sync = (<T>(passThroughValue?: T) => withTimeout(sync(passThroughValue), syncTimeoutMs)) as typeof context.sync;
      return batch(context);
    });
}
