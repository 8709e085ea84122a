/**
 * What a results write does to each sheet, decided from the catalog before anything changes
 * (pure, no Office calls):
 * - kept: the result sheet exists and holds its result table → contents replaced in place;
 * - replaced: the sheet exists but its table is gone (deleted or renamed by hand) → a new sheet
 *   takes its name and tab position;
 * - added: no such sheet yet → a new sheet right after the last kept or replaced result sheet,
 *   else at the end;
 * - removed: a result sheet (ResultBundle.resultSheets) that this run no longer produces.
 */
import type { ResultBundle, ResultTable } from './port';
import { sameName } from './names';
import type { SheetEntry } from './office-catalog';

export interface KeptSheet {
  kind: 'kept';
  table: ResultTable;
  sheetId: string;
}

export interface NewSheet {
  kind: 'replaced' | 'added';
  table: ResultTable;
  /** The existing sheet a replacement takes the place of. */
  replacesId?: string;
}

export type SheetPlan = KeptSheet | NewSheet;

export interface ResultsPlan {
  /** One entry per bundle table, in bundle order. */
  sheets: SheetPlan[];
  /** Ids of result sheets this run no longer produces. */
  removedIds: string[];
}

export function planResults(catalog: readonly SheetEntry[], bundle: ResultBundle): ResultsPlan {
  const sheets: SheetPlan[] = bundle.tables.map((table) => {
    const existing = catalog.find((sheet) => sameName(sheet.name, table.sheet));
    if (!existing) return { kind: 'added', table };
    if (existing.tables.some((name) => sameName(name, table.tableName))) return { kind: 'kept', table, sheetId: existing.id };
    return { kind: 'replaced', table, replacesId: existing.id };
  });
  const produced = new Set(bundle.tables.map((table) => table.sheet.toLowerCase()));
  const removedIds = catalog.filter((sheet) => bundle.resultSheets.some((name) => sameName(name, sheet.name)) && !produced.has(sheet.name.toLowerCase())).map((sheet) => sheet.id);
  return { sheets, removedIds };
}

/**
 * The tab position each new sheet is moved to, in the order to apply them. `stays` is the tab
 * order of the sheets that stay (ids; not removed, not replaced, not staging). A replacement goes
 * where its old sheet was: after the `replacesIndex` staying sheets that preceded it. Added sheets
 * go right after the last kept sheet or replacement, else at the end. Applied in this order while
 * the new sheets still sit at the end of the tabs (or already at their place), each move leaves
 * the tabs before it final.
 */
export function newSheetPositions(stays: readonly string[], keptIds: readonly string[], replacements: readonly { newId: string; replacesIndex: number }[], addedIds: readonly string[]): { id: string; position: number }[] {
  const target = [...stays];
  [...replacements]
    .sort((a, b) => a.replacesIndex - b.replacesIndex)
    .forEach((replacement, k) => target.splice(Math.min(replacement.replacesIndex + k, target.length), 0, replacement.newId));
  const anchors = new Set([...keptIds, ...replacements.map((r) => r.newId)]);
  let last = -1;
  target.forEach((id, i) => anchors.has(id) && (last = i));
  target.splice(last < 0 ? target.length : last + 1, 0, ...addedIds);
  const newIds = new Set([...replacements.map((r) => r.newId), ...addedIds]);
  return target.map((id, position) => ({ id, position })).filter(({ id }) => newIds.has(id));
}
