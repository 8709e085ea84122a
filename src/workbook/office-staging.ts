/**
 * Staging sheets of a results write (`~spp-…`): named so that no user sheet can clash with them,
 * and removed whatever state a failed step left them in. A run that was cut off (the pane closed,
 * Excel stopped answering) leaves them behind; the next write removes them first.
 */
import { STAGING_PREFIX } from './office-catalog';
import { isSyncTimeout } from './office-run';

/** `~spp-new-<run>-<n>` (a complete new sheet) or `~spp-src-<run>-<n>` (cells to copy onto a kept sheet). */
export function stagingSheetName(kind: 'new' | 'src', runId: string, index: number): string {
  return `${STAGING_PREFIX}${kind}-${runId}-${index + 1}`;
}

/** The temporary name of a staged table; free, because result table names never contain `_spp_`. */
export function stagingTableName(tableName: string, runId: string): string {
  return `${tableName}_spp_${runId}`;
}

export function isStagingOf(runId: string, name: string): boolean {
  return name.startsWith(STAGING_PREFIX) && name.includes(`-${runId}-`);
}

export async function deleteSheets(context: Excel.RequestContext, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  for (const id of ids) context.workbook.worksheets.getItem(id).delete();
  await context.sync();
}

/**
 * After a failed staging step: deletes this run's staging sheets, and rethrows the failure. When
 * Excel stopped answering, nothing more is sent (it would wait behind the request that hangs);
 * the next write removes the leftovers.
 */
export async function discardStagingAndThrow(context: Excel.RequestContext, runId: string, error: unknown): Promise<never> {
  if (!isSyncTimeout(error)) {
    try {
      const sheets = context.workbook.worksheets.load('items/id,items/name');
      await context.sync();
      await deleteSheets(context, sheets.items.filter((sheet) => isStagingOf(runId, sheet.name)).map((sheet) => sheet.id));
    } catch {
      // The staging error is what the user needs to see; leftovers are removed by the next run.
    }
  }
  throw error;
}
