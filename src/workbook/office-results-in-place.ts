/**
 * Results written in place (ExcelApi 1.13): every result sheet that exists keeps its tab
 * position, name, id and Excel table (its name and id), and gets the new contents, so a user's
 * formula, chart or PivotTable that points at `SppStock[Base stock]` keeps working after a re-run.
 * Contents are swapped, not sheets:
 *
 * 1. Check (office-results.ts): names, clashes, protection; nothing has changed yet.
 * 2. Stage, in many syncs (chunked, payload-safe): for each kept sheet, its new title, description,
 *    header and body with number formats and fonts on a hidden sheet `~spp-src-<run>-<n>`; for
 *    each new sheet, the complete sheet with its table under temporary names `~spp-new-<run>-<n>`.
 *    Excel has now accepted every value and format once. A failure deletes the staging sheets; the
 *    previous results are untouched.
 * 3. Swap, in one batch (a single request; every step is Excel-internal, no cell data travels):
 *    on each kept sheet, remove its charts and notes, move the table's header to the layout's row
 *    (whole rows inserted or deleted above it, so the data and references move together), align
 *    the table's columns with the new ones by name (columns no longer produced are deleted,
 *    new ones inserted where they belong, so `Table[Column]` keeps naming the same column),
 *    resize the table to the new row count (Table.resize), clear what lies outside it, copy the
 *    staged cells over (Range.copyFrom, ExcelApi 1.9), then notes, widths, frozen header and charts.
 *    Then delete the result sheets no longer produced, delete the cell staging sheets, name the new
 *    sheets and tables, and move them into place.
 *
 * Excel carries out a batch in order up to a failing step. The staging sheets are deleted last, so
 * after a failure the new contents are all still there, and the swap is run again from what the
 * workbook holds now (every step is computed from the current state, so a half-done step is
 * finished, not repeated): roll forward. If that fails too, the error says that some result
 * sheets may hold the new results and others the previous ones, and the next run replaces them
 * all. Closing the pane cannot cut the swap in two: its single request is already with Excel.
 */
import type { ResultBundle, ResultTable } from './port';
import { sameName } from './names';
import { errorMessage, type ExcelApiSupport } from './office-batch';
import type { SheetEntry } from './office-catalog';
import { formatResultSheet, resultTableBlock, stageResultSheet } from './office-result-sheet';
import { newSheetPositions, planResults } from './office-results-plan';
import { isSyncTimeout } from './office-run';
import { discardStagingAndThrow, stagingSheetName, stagingTableName } from './office-staging';

interface StagedKept {
  table: ResultTable;
  sheetId: string;
  tableId: string;
  /** The hidden sheet holding the new cells. */
  sourceId: string;
}

interface StagedNew {
  table: ResultTable;
  /** The staging sheet, which becomes the result sheet. */
  sheetId: string;
  stagingTable: string;
  /** A replacement: the sheet it takes the place of, and how many staying sheets came before that one. */
  replaces?: { sheetId: string; staysBefore: number };
}

interface Staged {
  kept: StagedKept[];
  fresh: StagedNew[];
  /** Sheets deleted in the swap: result sheets no longer produced, and sheets being replaced. */
  deleteIds: string[];
}

/** `catalog`: the workbook's sheets without staging leftovers. */
export async function writeResultsInPlace(context: Excel.RequestContext, catalog: readonly SheetEntry[], bundle: ResultBundle, supports: ExcelApiSupport, runId: string): Promise<void> {
  const staged = await stage(context, catalog, bundle, supports, runId);
  try {
    await swapContents(context, staged, supports);
  } catch (error) {
    if (isSyncTimeout(error)) throw error;
    try {
      await swapContents(context, staged, supports);
    } catch (again) {
      throw new Error(
        `Replacing the results failed (${errorMessage(error)}), and so did finishing it (${errorMessage(again)}). Some result sheets may hold the new results and others the previous ones: run again to replace them all.`,
        { cause: error },
      );
    }
  }
}

async function stage(context: Excel.RequestContext, catalog: readonly SheetEntry[], bundle: ResultBundle, supports: ExcelApiSupport, runId: string): Promise<Staged> {
  const plan = planResults(catalog, bundle);
  const deleteIds = [...plan.removedIds, ...plan.sheets.flatMap((sheet) => (sheet.kind === 'replaced' && sheet.replacesId ? [sheet.replacesId] : []))];
  const stays = catalog.filter((sheet) => !deleteIds.includes(sheet.id)).map((sheet) => sheet.id);
  const staged: Staged = { kept: [], fresh: [], deleteIds };
  try {
    for (const [i, sheet] of plan.sheets.entries()) {
      if (sheet.kind === 'kept') {
        const entry = catalog.find((candidate) => candidate.id === sheet.sheetId)!;
        const tableId = entry.tableIds[entry.tables.findIndex((name) => sameName(name, sheet.table.tableName))];
        const sourceId = await stageResultSheet(context, sheet.table, { sheet: stagingSheetName('src', runId, i) }, bundle.currency, supports);
        staged.kept.push({ table: sheet.table, sheetId: sheet.sheetId, tableId, sourceId });
        continue;
      }
      const names = { sheet: stagingSheetName('new', runId, i), table: stagingTableName(sheet.table.tableName, runId) };
      const sheetId = await stageResultSheet(context, sheet.table, names, bundle.currency, supports);
      const replaces = sheet.replacesId ? { sheetId: sheet.replacesId, staysBefore: staysBefore(catalog, stays, sheet.replacesId) } : undefined;
      staged.fresh.push({ table: sheet.table, sheetId, stagingTable: names.table, replaces });
    }
  } catch (error) {
    await discardStagingAndThrow(context, runId, error);
  }
  return staged;
}

/** How many sheets that stay come before `sheetId` in the tab order. */
function staysBefore(catalog: readonly SheetEntry[], stays: readonly string[], sheetId: string): number {
  const index = catalog.findIndex((sheet) => sheet.id === sheetId);
  return catalog.slice(0, index).filter((sheet) => stays.includes(sheet.id)).length;
}

/** What a kept sheet holds now, loaded in one sync before the swap. */
interface KeptState {
  kept: StagedKept;
  sheet: Excel.Worksheet;
  table: Excel.Table;
  range: Excel.Range;
  columns: Excel.TableColumnCollection;
  tables: Excel.TableCollection;
  charts: Excel.ChartCollection;
  notes: Excel.NoteCollection | null;
  used: Excel.Range;
}

/** One pass of the swap: reads what the workbook holds now (two syncs), then queues every step and syncs once. */
async function swapContents(context: Excel.RequestContext, staged: Staged, supports: ExcelApiSupport): Promise<void> {
  const { workbook } = context;
  const sheets = workbook.worksheets.load('items/id,items/name');
  const tables = workbook.tables.load('items/id,items/name');
  await context.sync();
  const present = new Map(sheets.items.map((sheet) => [sheet.id, sheet.name]));
  const tableNames = new Set(tables.items.map((table) => table.name.toLowerCase()));

  // A kept sheet whose cell staging sheet is gone was finished by an earlier pass (those go last).
  const todo = staged.kept.filter((kept) => present.has(kept.sourceId));
  const states = todo.map((kept) => loadKeptState(context, kept, supports));
  await context.sync();

  for (const state of states) replaceContents(context, state, supports);
  for (const id of staged.deleteIds) if (present.has(id)) workbook.worksheets.getItem(id).delete();
  for (const kept of staged.kept) if (present.has(kept.sourceId)) workbook.worksheets.getItem(kept.sourceId).delete();
  for (const fresh of staged.fresh) {
    if (present.get(fresh.sheetId) !== fresh.table.sheet) workbook.worksheets.getItem(fresh.sheetId).name = fresh.table.sheet;
    if (tableNames.has(fresh.stagingTable.toLowerCase())) workbook.tables.getItem(fresh.stagingTable).name = fresh.table.tableName;
  }
  const gone = new Set([...staged.deleteIds, ...staged.kept.map((kept) => kept.sourceId), ...staged.fresh.map((fresh) => fresh.sheetId)]);
  const stays = sheets.items.map((sheet) => sheet.id).filter((id) => !gone.has(id));
  const replacements = staged.fresh.flatMap((fresh) => (fresh.replaces ? [{ newId: fresh.sheetId, replacesIndex: fresh.replaces.staysBefore }] : []));
  const added = staged.fresh.filter((fresh) => !fresh.replaces).map((fresh) => fresh.sheetId);
  for (const { id, position } of newSheetPositions(stays, staged.kept.map((kept) => kept.sheetId), replacements, added)) workbook.worksheets.getItem(id).position = position;
  await context.sync();
}

function loadKeptState(context: Excel.RequestContext, kept: StagedKept, supports: ExcelApiSupport): KeptState {
  const sheet = context.workbook.worksheets.getItem(kept.sheetId).load('name');
  const table = context.workbook.tables.getItem(kept.tableId).load('name,showTotals');
  return {
    kept,
    sheet,
    table,
    range: table.getRange().load('rowIndex,columnIndex,rowCount,columnCount'),
    columns: table.columns.load('items/name'),
    tables: sheet.tables.load('items/id'),
    charts: sheet.charts.load('items/name'),
    // Notes are ExcelApi 1.18; below it a result sheet has none of ours.
    notes: supports('1.18') ? sheet.notes.load('items/content') : null,
    // With formats too, so that formatting left below or beside the new table is cleared as well.
    used: sheet.getUsedRangeOrNullObject(false).load('rowIndex,columnIndex,rowCount,columnCount'),
  };
}

/** Queues the steps that give one kept sheet the new contents (no sync). */
function replaceContents(context: Excel.RequestContext, state: KeptState, supports: ExcelApiSupport): void {
  const { kept, range } = state;
  const { table } = kept;
  const sheet = context.workbook.worksheets.getItem(kept.sheetId);
  const excelTable = context.workbook.tables.getItem(kept.tableId);
  const { headerRow, tableRows, width, blockRows } = resultTableBlock(table);

  if (state.sheet.name !== table.sheet) sheet.name = table.sheet;
  if (state.table.name !== table.tableName) excelTable.name = table.tableName;
  // Charts and notes are made again below; anything else on the sheet that is a table is not ours to keep.
  for (const chart of state.charts.items) chart.delete();
  for (const note of state.notes?.items ?? []) note.delete();
  for (const other of state.tables.items) if (other.id !== kept.tableId) other.delete();
  let bodyEnd = range.rowIndex + range.rowCount;
  if (state.table.showTotals) {
    excelTable.showTotals = false;
    bodyEnd--;
  }
  excelTable.clearFilters();

  // Move the table to column A and its header to the layout's row, by whole columns and rows, so
  // that everything on the sheet (and every reference into it) moves with it.
  if (range.columnIndex > 0) sheet.getRangeByIndexes(0, 0, 1, range.columnIndex).getEntireColumn().delete('Left');
  const rowShift = headerRow - range.rowIndex;
  if (rowShift > 0) sheet.getRangeByIndexes(range.rowIndex, 0, rowShift, 1).getEntireRow().insert('Down');
  if (rowShift < 0) sheet.getRangeByIndexes(headerRow, 0, -rowShift, 1).getEntireRow().delete('Up');

  const added = alignColumns(excelTable, state.columns.items, table.columns.map((column) => column.header));
  excelTable.resize(sheet.getRangeByIndexes(headerRow, 0, tableRows, width));

  // Clear what lies outside the new block: old rows below it, anything to its right.
  const used = state.used.isNullObject ? { bottom: 0, right: 0 } : { bottom: state.used.rowIndex + state.used.rowCount, right: state.used.columnIndex + state.used.columnCount };
  const bottom = Math.max(used.bottom, bodyEnd) + Math.max(0, rowShift);
  const right = Math.max(used.right, range.columnIndex + range.columnCount) + added;
  if (bottom > blockRows) sheet.getRangeByIndexes(blockRows, 0, bottom - blockRows, Math.max(right, width)).clear('All');
  if (right > width) sheet.getRangeByIndexes(0, width, blockRows, right - width).clear('All');

  const source = context.workbook.worksheets.getItem(kept.sourceId).getRangeByIndexes(0, 0, blockRows, width);
  sheet.getRangeByIndexes(0, 0, blockRows, width).copyFrom(source, 'All');
  sheet.freezePanes.unfreeze();
  formatResultSheet(context, sheet, table, supports);
}

/**
 * Makes the table's columns the target headers, matched by name ignoring case, keeping every
 * column it can: the longest run of current columns already in target order stays (references to
 * them keep working), the others are deleted, and the missing ones are inserted where they belong.
 * Returns how many columns were inserted. TableColumnCollection.add with a name is ExcelApi 1.4.
 */
function alignColumns(table: Excel.Table, current: readonly Excel.TableColumn[], target: readonly string[]): number {
  const targetIndex = current.map((column) => target.findIndex((header) => sameName(header, column.name)));
  const keep = longestIncreasing(targetIndex);
  const kept = new Set(keep.map((i) => targetIndex[i]));
  const missing = target.map((header, j) => ({ header, j })).filter(({ j }) => !kept.has(j));
  const stale = current.filter((_, i) => !keep.includes(i));
  if (keep.length === 0) {
    // A table keeps at least one column: add the new ones before the old ones go.
    for (const { header } of missing) table.columns.add(undefined, undefined, header);
    for (const column of stale) column.delete();
    return missing.length;
  }
  for (const column of stale) column.delete();
  for (const { header, j } of missing) table.columns.add(j, undefined, header);
  return missing.length;
}

/** Indexes of a longest strictly increasing subsequence of the non-negative values (O(n²); tables have tens of columns). */
export function longestIncreasing(values: readonly number[]): number[] {
  const best: number[][] = values.map(() => []);
  let longest: number[] = [];
  values.forEach((value, i) => {
    if (value < 0) return;
    let chain: number[] = [];
    for (let k = 0; k < i; k++) if (values[k] >= 0 && values[k] < value && best[k].length > chain.length) chain = best[k];
    best[i] = [...chain, i];
    if (best[i].length > longest.length) longest = best[i];
  });
  return longest;
}
