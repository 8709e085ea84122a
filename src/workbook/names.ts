/**
 * Sheet, table and column names, the same in every host: Excel compares them ignoring case, and
 * they are checked before anything is written (ExcelJS accepts names that Excel rejects — it
 * truncates long sheet names, takes any table name — and the file then needs repair; Office.js
 * would fail half-way through a write).
 */
import type { ResultBundle } from './port';

/** Excel's comparison of sheet and table names. */
export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * Everything that could make writing `bundle` fail, checked before the workbook changes:
 * invalid or duplicate names, a result sheet not owned by the results, a table name already used
 * by a table that stays (`keptTables`: every table not on a result sheet).
 */
export function assertBundleFits(bundle: ResultBundle, keptTables: readonly { table: string; sheet: string }[]): void {
  const isResultSheet = (name: string): boolean => bundle.resultSheets.some((sheet) => sameName(sheet, name));
  const sheets = new Set<string>();
  const tables = new Set<string>();
  for (const table of bundle.tables) {
    assertValidSheetName(table.sheet);
    assertValidTableName(table.tableName);
    assertValidHeaders(table.tableName, table.columns.map((column) => column.header));
    if (!isResultSheet(table.sheet)) throw new Error(`Result sheet ${table.sheet} is not listed in resultSheets, so it would not be replaced on the next run.`);
    if (sheets.has(table.sheet.toLowerCase())) throw new Error(`Two result tables are written to sheet ${table.sheet}.`);
    if (tables.has(table.tableName.toLowerCase())) throw new Error(`Two result tables are named ${table.tableName}.`);
    const clash = keptTables.find((kept) => sameName(kept.table, table.tableName));
    if (clash) throw new Error(`The workbook already has a table named ${clash.table} (on sheet ${clash.sheet}); result table names must be unique.`);
    sheets.add(table.sheet.toLowerCase());
    tables.add(table.tableName.toLowerCase());
  }
}

export function assertValidSheetName(name: string): void {
  const problem =
    name.length === 0 ? 'is empty'
    : name.length > 31 ? 'is longer than 31 characters'
    : /[*?:/\\[\]]/.test(name) ? 'contains one of * ? : / \\ [ ]'
    : /^'|'$/.test(name) ? 'starts or ends with an apostrophe'
    : name.toLowerCase() === 'history' ? 'is reserved by Excel'
    : null;
  if (problem) throw new Error(`Invalid sheet name "${name}": it ${problem}.`);
}

/** Excel table names: start with a letter, `_` or `\`, then letters, digits, `_`, `.`; not a cell reference. */
export function assertValidTableName(name: string): void {
  const looksLikeReference = /^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name) || /^[RrCc]$/.test(name);
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]{0,254}$/u.test(name) || looksLikeReference) {
    throw new Error(`Invalid Excel table name "${name}": use letters, digits and _ (start with a letter), and not a cell reference.`);
  }
}

/** Table headers must be non-empty, unique ignoring case, and free of control characters (which corrupt the table part). */
export function assertValidHeaders(tableName: string, headers: readonly string[]): void {
  const seen = new Set<string>();
  for (const header of headers) {
    if (header.trim() === '') throw new Error(`Table ${tableName} has an empty column header.`);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f]/.test(header)) throw new Error(`Column header "${header}" of table ${tableName} contains a line break or control character.`);
    const key = header.toLowerCase();
    if (seen.has(key)) throw new Error(`Table ${tableName} has the column header "${header}" twice.`);
    seen.add(key);
  }
}
