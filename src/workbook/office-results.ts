/**
 * Replacing the result sheets of the open workbook as a unit. Office.js has no transactions, so:
 *
 * 1. Check everything before the workbook changes (names, clashes with tables that stay).
 * 2. Stage: build every new result sheet under a temporary name (`~spp-new-<run>-<n>`), its table
 *    under a temporary table name. A failure deletes the staged sheets; the old results stay.
 * 3. Swap, in one batch: rename the old result sheets out of the way (`~spp-old-<run>-<n>`), give
 *    the new sheets their names, delete the old sheets, then give the new tables their names (free
 *    only once the old tables are gone). Excel applies a batch in order up to a failing step, so
 *    a failure is recovered by looking at which names took: if every new sheet has its name the
 *    swap is finished (roll forward), otherwise nothing was deleted yet and it is undone (roll back).
 *
 * Input sheets are never touched: only sheets named in `resultSheets` and staging sheets change.
 */
import type { ResultBundle } from './port';
import { sameName } from './names';
import { errorMessage, type ExcelApiSupport } from './office-batch';
import { loadCatalog, STAGING_PREFIX, type SheetEntry } from './office-catalog';
import { assertChartColumns } from './office-charts';
import { stageResultSheet } from './office-result-sheet';
import { assertBundleFits } from './names';

interface StagedSheet {
  id: string;
  sheet: string;
  stagingTable: string;
  table: string;
}

export async function writeResultSheets(context: Excel.RequestContext, bundle: ResultBundle, supports: ExcelApiSupport, runId: string): Promise<void> {
  const catalog = await loadCatalog(context);
  assertOfficeBundleFits(catalog, bundle);
  const isResultSheet = (name: string): boolean => bundle.resultSheets.some((sheet) => sameName(sheet, name));
  await deleteSheets(context, catalog.filter((sheet) => sheet.name.startsWith(STAGING_PREFIX)).map((sheet) => sheet.id));

  const staged: StagedSheet[] = [];
  try {
    for (const [i, table] of bundle.tables.entries()) {
      const names = { sheet: `${STAGING_PREFIX}new-${runId}-${i + 1}`, table: `${table.tableName}_spp_${runId}` };
      const id = await stageResultSheet(context, table, names, bundle.currency, supports);
      staged.push({ id, sheet: table.sheet, stagingTable: names.table, table: table.tableName });
    }
  } catch (error) {
    await discardStaging(context, `${STAGING_PREFIX}new-${runId}-`);
    throw error;
  }
  await swapIn(context, catalog.filter((sheet) => isResultSheet(sheet.name)), staged, runId);
}

/** The checks every host makes (names.ts), plus what only this host needs: chart columns, and no clash with its staging names. */
function assertOfficeBundleFits(catalog: readonly SheetEntry[], bundle: ResultBundle): void {
  const isResultSheet = (name: string): boolean => bundle.resultSheets.some((sheet) => sameName(sheet, name));
  assertBundleFits(bundle, catalog.filter((sheet) => !isResultSheet(sheet.name)).flatMap((sheet) => sheet.tables.map((table) => ({ table, sheet: sheet.name }))));
  for (const table of bundle.tables) {
    assertChartColumns(table);
    if (table.sheet.startsWith(STAGING_PREFIX)) throw new Error(`Result sheet names may not start with ${STAGING_PREFIX}.`);
  }
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

/** Deletes the staging sheets of this run, whatever state the failed step left them in. */
async function discardStaging(context: Excel.RequestContext, prefix: string): Promise<void> {
  try {
    const sheets = context.workbook.worksheets.load('items/id,items/name');
    await context.sync();
    await deleteSheets(context, sheets.items.filter((sheet) => sheet.name.startsWith(prefix)).map((sheet) => sheet.id));
  } catch {
    // The staging error is what the user needs to see; leftovers are removed by the next run.
  }
}

async function deleteSheets(context: Excel.RequestContext, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  for (const id of ids) context.workbook.worksheets.getItem(id).delete();
  await context.sync();
}
