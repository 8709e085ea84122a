/**
 * Replacing the result sheets of the open workbook as a unit. Office.js has no transactions, so a
 * write checks everything it can before the workbook changes, builds the new contents on staging
 * sheets (`~spp-…`), and only then puts them in place in one batch:
 * - with ExcelApi 1.13 (Table.resize; Microsoft 365, Excel on the web, Office 2021 and later)
 *   each result sheet and table is kept and gets the new contents, so references to the results
 *   survive a re-run (office-results-in-place.ts);
 * - below it (Office 2016 and 2019) whole sheets are swapped (office-results-swap.ts), and
 *   references to the previous results turn into #REF!.
 *
 * Input sheets are never touched: only sheets named in `resultSheets` and staging sheets change.
 */
import type { ResultBundle } from './port';
import { assertBundleFits, sameName } from './names';
import type { ExcelApiSupport } from './office-batch';
import { loadCatalog, STAGING_PREFIX, type SheetEntry } from './office-catalog';
import { assertChartColumns } from './office-charts';
import { writeResultsInPlace } from './office-results-in-place';
import { swapResultSheets } from './office-results-swap';
import { deleteSheets } from './office-staging';

/** The requirement set results are written in place from: Table.resize. */
export const IN_PLACE_API = '1.13';

export async function writeResultSheets(context: Excel.RequestContext, bundle: ResultBundle, supports: ExcelApiSupport, runId: string): Promise<void> {
  const catalog = await loadCatalog(context);
  assertOfficeBundleFits(catalog, bundle);
  await assertWritable(context, catalog, bundle);
  await deleteSheets(context, catalog.filter((sheet) => sheet.name.startsWith(STAGING_PREFIX)).map((sheet) => sheet.id));
  const sheets = catalog.filter((sheet) => !sheet.name.startsWith(STAGING_PREFIX));
  if (supports(IN_PLACE_API)) await writeResultsInPlace(context, sheets, bundle, supports, runId);
  else await swapResultSheets(context, sheets, bundle, supports, runId);
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

/**
 * A protected workbook structure (no sheets added or removed) or a protected result sheet would
 * stop the write half-way; both are found first, and the user is told what to unprotect.
 * Worksheet.protection is ExcelApi 1.2, Workbook.protection 1.7.
 */
async function assertWritable(context: Excel.RequestContext, catalog: readonly SheetEntry[], bundle: ResultBundle): Promise<void> {
  const workbook = context.workbook.protection.load('protected');
  const results = catalog.filter((sheet) => bundle.resultSheets.some((name) => sameName(name, sheet.name)));
  const protections = results.map((sheet) => context.workbook.worksheets.getItem(sheet.id).protection.load('protected'));
  await context.sync();
  if (workbook.protected) throw new Error('The workbook structure is protected (Review › Protect Workbook), so result sheets cannot be added or removed. Unprotect it and run again.');
  const locked = results.filter((_, i) => protections[i].protected).map((sheet) => sheet.name);
  if (locked.length > 0) throw new Error(`${locked.length === 1 ? 'The result sheet' : 'The result sheets'} ${locked.join(', ')} ${locked.length === 1 ? 'is' : 'are'} protected (Review › Unprotect Sheet). Unprotect ${locked.length === 1 ? 'it' : 'them'} and run again; the results replace ${locked.length === 1 ? 'its' : 'their'} contents.`);
}
