/**
 * Checks of sheet, table and column names before anything is written: ExcelJS accepts names that
 * Excel rejects (it truncates long sheet names, takes any table name) and the file then needs repair.
 */

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
