/** What sheets and Excel tables the open workbook holds, in tab order: two syncs, names and ids only. */
import { SCENARIO_SHEET } from './port';
import { sameName } from './names';

export interface SheetEntry {
  id: string;
  name: string;
  visibility: string;
  /** Names of the Excel tables on this sheet. */
  tables: string[];
  /** Their ids (Table.id, which stays the same when a table is renamed or resized), in the same order. */
  tableIds: string[];
}

export async function loadCatalog(context: Excel.RequestContext): Promise<SheetEntry[]> {
  const sheets = context.workbook.worksheets.load('items/id,items/name,items/visibility');
  await context.sync();
  const tables = sheets.items.map((sheet) => sheet.tables.load('items/id,items/name'));
  await context.sync();
  return sheets.items.map((sheet, i) => ({
    id: sheet.id,
    name: sheet.name,
    visibility: sheet.visibility,
    tables: tables[i].items.map((table) => table.name),
    tableIds: tables[i].items.map((table) => table.id),
  }));
}

/** Prefix of the sheets a results write creates before it swaps them in; never the name of a user's sheet. */
export const STAGING_PREFIX = '~spp-';

export function isScenarioSheet(name: string): boolean {
  return sameName(name, SCENARIO_SHEET);
}

/** Bookkeeping sheets users never pick from: the stored scenario and staging sheets of an interrupted write. */
export function isBookkeepingSheet(name: string): boolean {
  return isScenarioSheet(name) || name.startsWith(STAGING_PREFIX);
}

export function listTablesAndSheets(catalog: readonly SheetEntry[]): { name: string; sheet: string; source: 'table' | 'sheet' }[] {
  const visible = catalog.filter((sheet) => !isBookkeepingSheet(sheet.name));
  return [
    ...visible.flatMap((sheet) => sheet.tables.map((table) => ({ name: table, sheet: sheet.name, source: 'table' as const }))),
    ...visible.map((sheet) => ({ name: sheet.name, sheet: sheet.name, source: 'sheet' as const })),
  ];
}
