/**
 * Results by swapping whole sheets, for hosts without ExcelApi 1.13 (Table.resize): Office 2016
 * and 2019. References to the previous results turn into #REF! there, because their sheets are
 * deleted; the write is still all or nothing. (office-results-in-place.ts keeps the sheets.)
 *
 * 1. Stage: build every new result sheet under a temporary name (`~spp-new-<run>-<n>`), its table
 *    under a temporary table name. A failure deletes the staged sheets; the old results stay.
 * 2. Swap, in one batch: rename the old result sheets out of the way (`~spp-old-<run>-<n>`), give
 *    the new sheets their names, delete the old sheets, then give the new tables their names (free
 *    only once the old tables are gone). Excel applies a batch in order up to a failing step, so
 *    a failure is recovered by looking at which names took: if every new sheet has its name the
 *    swap is finished (roll forward), otherwise nothing was deleted yet and it is undone (roll back).
 */
import type { ResultBundle } from './port';
import { sameName } from './names';
import { errorMessage, type ExcelApiSupport } from './office-batch';
import { STAGING_PREFIX, type SheetEntry } from './office-catalog';
import { stageResultSheet } from './office-result-sheet';
import { isSyncTimeout } from './office-run';
import { discardStagingAndThrow, stagingSheetName, stagingTableName } from './office-staging';

interface StagedSheet {
  id: string;
  sheet: string;
  stagingTable: string;
  table: string;
}

/** `catalog`: the workbook's sheets without staging leftovers. */
export async function swapResultSheets(context: Excel.RequestContext, catalog: readonly SheetEntry[], bundle: ResultBundle, supports: ExcelApiSupport, runId: string): Promise<void> {
  const staged: StagedSheet[] = [];
  try {
    for (const [i, table] of bundle.tables.entries()) {
      const names = { sheet: stagingSheetName('new', runId, i), table: stagingTableName(table.tableName, runId) };
      const id = await stageResultSheet(context, table, names, bundle.currency, supports);
      staged.push({ id, sheet: table.sheet, stagingTable: names.table, table: table.tableName });
    }
  } catch (error) {
    await discardStagingAndThrow(context, runId, error);
  }
  const isResultSheet = (name: string): boolean => bundle.resultSheets.some((sheet) => sameName(sheet, name));
  await swapIn(context, catalog.filter((sheet) => isResultSheet(sheet.name)), staged, runId);
}

async function swapIn(context: Excel.RequestContext, old: readonly SheetEntry[], staged: readonly StagedSheet[], runId: string): Promise<void> {
  const sheets = context.workbook.worksheets;
  old.forEach((sheet, k) => (sheets.getItem(sheet.id).name = `${STAGING_PREFIX}old-${runId}-${k + 1}`));
  for (const sheet of staged) sheets.getItem(sheet.id).name = sheet.sheet;
  for (const sheet of old) sheets.getItem(sheet.id).delete();
  for (const sheet of staged) context.workbook.tables.getItem(sheet.stagingTable).name = sheet.table;
  try {
    await context.sync();
  } catch (error) {
    if (isSyncTimeout(error)) throw error;
    await recoverSwap(context, old, staged, error);
  }
}

/** After a failed swap: finish it if the new sheets all have their names, else undo it. Throws unless finished. */
async function recoverSwap(context: Excel.RequestContext, old: readonly SheetEntry[], staged: readonly StagedSheet[], cause: unknown): Promise<void> {
  try {
    const sheets = context.workbook.worksheets.load('items/id,items/name');
    const tables = context.workbook.tables.load('items/name');
    await context.sync();
    const nameOf = new Map(sheets.items.map((sheet) => [sheet.id, sheet.name]));
    const tableNames = tables.items.map((table) => table.name);
    const swapped = staged.every((sheet) => sameName(nameOf.get(sheet.id) ?? '', sheet.sheet));
    if (swapped) {
      for (const sheet of old) if (nameOf.has(sheet.id)) context.workbook.worksheets.getItem(sheet.id).delete();
      for (const sheet of staged) if (tableNames.includes(sheet.stagingTable)) context.workbook.tables.getItem(sheet.stagingTable).name = sheet.table;
      await context.sync();
      return;
    }
    for (const sheet of staged) if (nameOf.has(sheet.id)) context.workbook.worksheets.getItem(sheet.id).delete();
    for (const sheet of old) if (nameOf.get(sheet.id) !== sheet.name) context.workbook.worksheets.getItem(sheet.id).name = sheet.name;
    await context.sync();
  } catch (recoveryError) {
    throw new Error(`Writing the results failed (${errorMessage(cause)}), and so did tidying up (${errorMessage(recoveryError)}). Run again to replace the results.`, { cause });
  }
  throw cause;
}
