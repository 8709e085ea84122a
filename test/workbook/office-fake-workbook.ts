/**
 * The fake Excel workbook: its sheets in tab order and its tables, and what Excel does when they
 * change. Modelled on purpose, because a wrong adapter would pass without it:
 * - Names of sheets and tables are unique ignoring case; the last visible sheet cannot be deleted;
 *   a protected sheet refuses changes, a protected workbook structure refuses sheets added,
 *   deleted, renamed or moved.
 * - Formulas that refer to sheets and tables follow them (office-fake-formulas.ts): renaming a
 *   sheet, table or table column renames the references; deleting one turns them into `#REF!`
 *   (the formula text is rewritten and the cell shows `#REF!`); inserting or deleting rows and
 *   columns moves A1 references; resizing a table leaves structured references alone.
 * - A table's header cells are its column names: writing, copying or clearing one renames the
 *   column (a blank one becomes `ColumnN`, a duplicate gets a number), as in Excel.
 * - Inserting and deleting rows, columns and table columns move cells, formats, fonts, notes and
 *   tables; a table grows when rows are inserted inside it and cannot lose part of its header.
 */
import { deleteColumnRefs, deleteSheetRefs, deleteTableRefs, movedIndex, renameColumnRefs, renameSheetRefs, renameTableRefs, shiftSheetRefs, type Shift } from './office-fake-formulas';
import { boxAddress, FakeOfficeError, FakeSheet, FakeTable, overlaps, parseBox, type Box } from './office-fake-model';

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  name = 'Spare parts plan.xlsx';
  activeSheetId: string | undefined;
  selection: { sheetId: string; box: Box } | undefined;
  /** Review › Protect Workbook (structure): sheets cannot be added, deleted, renamed or moved. */
  structureProtected = false;
  private nextId = 1;
  private nextTable = 1;
  private nextTableId = 1;

  sheet(nameOrId: string): FakeSheet | undefined {
    return this.sheets.find((sheet) => sheet.id === nameOrId) ?? this.sheets.find((sheet) => sameName(sheet.name, nameOrId));
  }

  sheetById(id: string): FakeSheet | undefined {
    return this.sheets.find((sheet) => sheet.id === id);
  }

  table(name: string): FakeTable | undefined {
    return this.tables.find((table) => sameName(table.name, name));
  }

  tablesOn(sheet: FakeSheet): FakeTable[] {
    return this.tables.filter((table) => table.sheetId === sheet.id);
  }

  addSheet(name: string): FakeSheet {
    this.assertStructureUnprotected();
    this.assertSheetName(name, undefined);
    const sheet = new FakeSheet(`{sheet-${this.nextId++}}`, name);
    this.sheets.push(sheet);
    this.activeSheetId ??= sheet.id;
    return sheet;
  }

  renameSheet(sheet: FakeSheet, name: string): void {
    if (sheet.name === name) return;
    this.assertStructureUnprotected();
    this.assertSheetName(name, sheet);
    const old = sheet.name;
    sheet.name = name;
    this.rewriteFormulas((formula) => renameSheetRefs(formula, old, name));
  }

  /** Worksheet.position: moves the sheet to that index of the tab order. */
  moveSheet(sheet: FakeSheet, position: number): void {
    this.assertStructureUnprotected();
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) throw new FakeOfficeError('InvalidArgument', `Invalid sheet position ${position}.`);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
  }

  deleteSheet(sheet: FakeSheet): void {
    this.assertStructureUnprotected();
    const visible = this.sheets.filter((candidate) => candidate.visibility === 'Visible');
    if (visible.length === 1 && visible[0] === sheet) throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (const table of this.tablesOn(sheet)) this.removeTable(table);
    this.rewriteFormulas((formula) => deleteSheetRefs(formula, sheet.name));
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets.find((candidate) => candidate.visibility === 'Visible')?.id;
  }

  addTable(sheet: FakeSheet, box: Box, hasHeaders: boolean, name?: string): FakeTable {
    sheet.assertUnprotected();
    // A header row alone gets one empty body row, as Excel does.
    const tableBox = hasHeaders && box.rows === 1 ? { ...box, rows: 2 } : box;
    this.assertNoOverlap(sheet, tableBox, undefined);
    if (!hasHeaders) throw new FakeOfficeError('NotImplemented', 'The fake models tables with header rows only.');
    let tableName = name;
    while (!tableName || this.table(tableName)) tableName = `Table${this.nextTable++}`;
    this.assertTableName(tableName, undefined);
    const table = new FakeTable(`{table-${this.nextTableId++}}`, tableName, sheet.id, tableBox);
    this.tables.push(table);
    this.settleHeaders(table, null);
    return table;
  }

  renameTable(table: FakeTable, name: string): void {
    if (table.name === name) return;
    this.assertTableName(name, table);
    const old = table.name;
    table.name = name;
    this.rewriteFormulas((formula) => renameTableRefs(formula, old, name));
  }

  /** Table.delete(): the table and its cells go; references to it become #REF!. */
  deleteTable(table: FakeTable): void {
    const sheet = this.sheetOf(table);
    sheet.assertUnprotected();
    for (let r = 0; r < table.box.rows; r++) for (let c = 0; c < table.box.columns; c++) sheet.setCell(table.box.row + r, table.box.column + c, undefined);
    this.removeTable(table);
  }

  /** Table.resize (ExcelApi 1.13): the header stays in its row; structured references are untouched, cells outside keep their values. */
  resizeTable(table: FakeTable, box: Box): void {
    const sheet = this.sheetOf(table);
    sheet.assertUnprotected();
    if (box.row !== table.box.row || !overlaps(box, table.box)) throw new FakeOfficeError('InvalidArgument', `A table can only be resized to a range that overlaps it with its header in the same row, not to ${boxAddress(box)}.`);
    if (box.rows < 2) throw new FakeOfficeError('InvalidArgument', 'A table needs a body row.');
    this.assertNoOverlap(sheet, box, table);
    const before = this.headerNames(table);
    const kept = new Set<number>();
    for (let c = 0; c < box.columns; c++) kept.add(box.column + c);
    const removed = before.filter((_, c) => !kept.has(table.box.column + c));
    table.box = box;
    this.settleHeaders(table, null);
    for (const column of removed) this.rewriteFormulas((formula) => deleteColumnRefs(formula, table.name, column));
  }

  /** TableColumnCollection.add: cells of the table's rows from that column on move right; the new column takes `name` or ColumnN. */
  addTableColumn(table: FakeTable, index: number | null, name: string | undefined): void {
    const sheet = this.sheetOf(table);
    sheet.assertUnprotected();
    const position = index === null || index < 0 ? table.box.columns : index;
    if (position > table.box.columns) throw new FakeOfficeError('InvalidArgument', `Column index ${position} is past the end of table ${table.name}.`);
    const shift: Shift = { axis: 'columns', at: table.box.column + position, count: 1, band: { from: table.box.row, to: table.box.row + table.box.rows } };
    this.assertNoOtherTableIn(sheet, table, shift);
    moveCells(sheet, shift);
    table.box = { ...table.box, columns: table.box.columns + 1 };
    this.rewriteFormulas((formula) => shiftSheetRefs(formula, sheet.name, shift));
    sheet.setCell(table.box.row, shift.at, name ? { kind: 'String', value: name } : undefined);
    this.settleHeaders(table, null);
  }

  /** TableColumn.delete: the column's cells go, cells right of it in the table's rows move left; references to the column become #REF!. */
  deleteTableColumn(table: FakeTable, index: number): void {
    const sheet = this.sheetOf(table);
    sheet.assertUnprotected();
    if (table.box.columns === 1) throw new FakeOfficeError('InvalidOperation', 'A table must keep at least one column.');
    const name = this.headerNames(table)[index];
    const shift: Shift = { axis: 'columns', at: table.box.column + index, count: -1, band: { from: table.box.row, to: table.box.row + table.box.rows } };
    this.assertNoOtherTableIn(sheet, table, shift);
    moveCells(sheet, shift);
    table.box = { ...table.box, columns: table.box.columns - 1 };
    this.rewriteFormulas((formula) => deleteColumnRefs(shiftSheetRefs(formula, sheet.name, shift), table.name, name));
  }

  /** Range.insert / Range.delete: cells, formats, notes and tables move; references follow. */
  shift(sheet: FakeSheet, shift: Shift): void {
    sheet.assertUnprotected();
    const deletedTables: FakeTable[] = [];
    const deletedColumns: { table: FakeTable; names: string[] }[] = [];
    const boxes = new Map<FakeTable, Box>();
    for (const table of this.tablesOn(sheet)) {
      const outcome = shiftedTable(table.box, shift);
      if (outcome === 'deleted') deletedTables.push(table);
      else if (outcome !== 'unchanged') {
        boxes.set(table, outcome.box);
        if (outcome.deletedColumns.length) deletedColumns.push({ table, names: outcome.deletedColumns.map((c) => this.headerNames(table)[c]) });
      }
    }
    moveCells(sheet, shift);
    for (const [table, box] of boxes) table.box = box;
    for (const table of deletedTables) this.removeTable(table);
    this.rewriteFormulas((formula) => shiftSheetRefs(formula, sheet.name, shift));
    for (const { table, names } of deletedColumns) for (const name of names) this.rewriteFormulas((formula) => deleteColumnRefs(formula, table.name, name));
    for (const table of boxes.keys()) this.settleHeaders(table, null);
  }

  /**
   * Runs `change` on cells of `sheet` (a write, a copy, a clear); a table header cell that changed
   * renames its column in formulas, as in Excel.
   */
  changeCells(sheet: FakeSheet, change: () => void): void {
    sheet.assertUnprotected();
    const tables = this.tablesOn(sheet).filter((table) => table.showHeaders);
    const before = tables.map((table) => this.headerNames(table));
    change();
    tables.forEach((table, i) => this.settleHeaders(table, before[i]));
  }

  /** Range.copyFrom(…, 'All'): values, formulas (as text), number formats and fonts; blanks copy as blanks. */
  copyCells(source: FakeSheet, from: Box, target: FakeSheet, to: Box): void {
    if (from.rows !== to.rows || from.columns !== to.columns) throw new FakeOfficeError('NotImplemented', 'The fake copies between ranges of the same size only.');
    const cells = Array.from({ length: from.rows * from.columns }, (_, i) => {
      const row = from.row + Math.floor(i / from.columns);
      const column = from.column + (i % from.columns);
      const key = FakeSheet.key(row, column);
      const cell = source.cells.get(key);
      return { cell: cell && { ...cell }, format: source.format(row, column), font: source.fonts.get(key) };
    });
    this.changeCells(target, () =>
      cells.forEach(({ cell, format, font }, i) => {
        const row = to.row + Math.floor(i / from.columns);
        const column = to.column + (i % from.columns);
        target.setCell(row, column, cell);
        target.setFormat(row, column, format);
        if (font) target.fonts.set(FakeSheet.key(row, column), { ...font });
        else target.fonts.delete(FakeSheet.key(row, column));
      }),
    );
  }

  headerNames(table: FakeTable): string[] {
    const sheet = this.sheetOf(table);
    return Array.from({ length: table.box.columns }, (_, c) => {
      const cell = sheet.cell(table.box.row, table.box.column + c);
      return cell && cell.kind !== 'Error' ? String(cell.value) : '';
    });
  }

  sheetOf(table: FakeTable): FakeSheet {
    const sheet = this.sheetById(table.sheetId);
    if (!sheet) throw new FakeOfficeError('ItemNotFound', `The sheet of table ${table.name} does not exist.`);
    return sheet;
  }

  /** Every formula cell in the workbook through `rewrite`; one that now holds #REF! shows #REF!. */
  rewriteFormulas(rewrite: (formula: string) => string): void {
    for (const sheet of this.sheets) {
      for (const [key, cell] of sheet.cells) {
        if (cell.formula === undefined) continue;
        const formula = rewrite(cell.formula);
        if (formula === cell.formula) continue;
        sheet.cells.set(key, formula.includes('#REF!') ? { kind: 'Error', value: '#REF!', formula } : { ...cell, formula });
      }
    }
  }

  /** Blank headers become ColumnN and duplicates get a number; a changed name renames references to the column (two passes, so swapped names stay apart). */
  private settleHeaders(table: FakeTable, before: string[] | null): void {
    const sheet = this.sheetOf(table);
    const names: string[] = [];
    for (const [c, text] of this.headerNames(table).entries()) {
      let name = text === '' ? `Column${c + 1}` : text;
      for (let n = 2; names.some((taken) => sameName(taken, name)); n++) name = `${text === '' ? 'Column' : text}${n}`;
      if (name !== text) sheet.setCell(table.box.row, table.box.column + c, { kind: 'String', value: name });
      names.push(name);
    }
    if (!before) return;
    const renamed = names.map((name, c) => ({ from: before[c], to: name, token: `\u0001${c}\u0001` })).filter(({ from, to }) => from !== undefined && from !== '' && from !== to);
    for (const { from, token } of renamed) this.rewriteFormulas((formula) => renameColumnRefs(formula, table.name, from, token));
    for (const { token, to } of renamed) this.rewriteFormulas((formula) => renameColumnRefs(formula, table.name, token, to));
  }

  private removeTable(table: FakeTable): void {
    this.tables.splice(this.tables.indexOf(table), 1);
    this.rewriteFormulas((formula) => deleteTableRefs(formula, table.name));
  }

  private assertNoOverlap(sheet: FakeSheet, box: Box, self: FakeTable | undefined): void {
    const clash = this.tablesOn(sheet).find((table) => table !== self && overlaps(table.box, box));
    if (clash) throw new FakeOfficeError('InvalidOperation', `The range overlaps table ${clash.name}.`);
  }

  /** Inserting or deleting a table column moves cells in the table's rows only; another table there would be cut. */
  private assertNoOtherTableIn(sheet: FakeSheet, table: FakeTable, shift: Shift): void {
    const band = shift.band!;
    const clash = this.tablesOn(sheet).find((other) => other !== table && other.box.row < band.to && band.from < other.box.row + other.box.rows && other.box.column + other.box.columns > shift.at);
    if (clash) throw new FakeOfficeError('InvalidOperation', `The operation would move part of table ${clash.name}.`);
  }

  private assertStructureUnprotected(): void {
    if (this.structureProtected) throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected.');
  }

  private assertSheetName(name: string, self: FakeSheet | undefined): void {
    if (name.length === 0 || name.length > 31 || /[*?:/\\[\]]/.test(name) || /^'|'$/.test(name)) throw new FakeOfficeError('InvalidArgument', `Invalid sheet name ${name}.`);
    const other = this.sheets.find((sheet) => sheet !== self && sameName(sheet.name, name));
    if (other) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${other.name} already exists.`);
  }

  private assertTableName(name: string, self: FakeTable | undefined): void {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) throw new FakeOfficeError('InvalidArgument', `Invalid table name ${name}.`);
    const other = this.tables.find((table) => table !== self && sameName(table.name, name));
    if (other) throw new FakeOfficeError('ItemAlreadyExists', `A table named ${other.name} already exists.`);
  }
}

/** What a shift does to a table's box: nothing, a new box (and which of its columns were deleted), or the whole table deleted. */
function shiftedTable(box: Box, shift: Shift): 'unchanged' | 'deleted' | { box: Box; deletedColumns: number[] } {
  const rows = shift.axis === 'rows';
  const start = rows ? box.row : box.column;
  const size = rows ? box.rows : box.columns;
  const acrossStart = rows ? box.column : box.row;
  const acrossSize = rows ? box.columns : box.rows;
  if (shift.band) {
    const inside = acrossStart >= shift.band.from && acrossStart + acrossSize <= shift.band.to;
    const touches = acrossStart < shift.band.to && shift.band.from < acrossStart + acrossSize;
    if (!inside) {
      if (touches && shift.at < start + size) throw new FakeOfficeError('InvalidOperation', 'The operation would move part of a table.');
      return 'unchanged';
    }
  }
  const make = (newStart: number, newSize: number, deletedColumns: number[] = []) => ({
    box: rows ? { ...box, row: newStart, rows: newSize } : { ...box, column: newStart, columns: newSize },
    deletedColumns,
  });
  if (shift.count > 0) {
    if (shift.at <= start) return make(start + shift.count, size);
    if (shift.at < start + size) return make(start, size + shift.count);
    return 'unchanged';
  }
  const end = shift.at - shift.count;
  if (end <= start) return make(start + shift.count, size);
  if (shift.at >= start + size) return 'unchanged';
  if (shift.at <= start && end >= start + size) return 'deleted';
  if (rows && shift.at <= start) throw new FakeOfficeError('InvalidOperation', 'Part of a table header cannot be deleted.');
  const overlap = Math.min(end, start + size) - Math.max(shift.at, start);
  const deletedColumns = rows ? [] : Array.from({ length: overlap }, (_, i) => Math.max(shift.at, start) - start + i);
  return make(Math.min(start, shift.at), rows ? Math.max(2, size - overlap) : size - overlap, deletedColumns);
}

/** Moves the sheet's cells, formats, fonts, notes, validations and column widths for a shift. */
function moveCells(sheet: FakeSheet, shift: Shift): void {
  const place = (row: number, column: number): { row: number; column: number } | null => {
    const along = shift.axis === 'rows' ? row : column;
    const across = shift.axis === 'rows' ? column : row;
    if (shift.band && (across < shift.band.from || across >= shift.band.to)) return { row, column };
    const moved = movedIndex(along, shift);
    if (moved === null) return null;
    return shift.axis === 'rows' ? { row: moved, column } : { row, column: moved };
  };
  const remap = <T>(map: Map<number, T>): void => {
    const entries = [...map.entries()];
    map.clear();
    for (const [key, value] of entries) {
      const { row, column } = FakeSheet.position(key);
      const target = place(row, column);
      if (target) map.set(FakeSheet.key(target.row, target.column), value);
    }
  };
  remap(sheet.cells);
  remap(sheet.formats);
  remap(sheet.fonts);
  const notes = [...sheet.notes.entries()];
  sheet.notes.clear();
  for (const [address, content] of notes) {
    const box = parseBox(address)!;
    const target = place(box.row, box.column);
    if (target) sheet.notes.set(boxAddress({ ...target, rows: 1, columns: 1 }), content);
  }
  for (let i = sheet.validations.length - 1; i >= 0; i--) {
    const validation = sheet.validations[i];
    const target = place(validation.box.row, validation.box.column);
    if (target) validation.box = { ...validation.box, ...target };
    else sheet.validations.splice(i, 1);
  }
  if (shift.axis === 'columns' && !shift.band) {
    const widths = [...sheet.columnWidths.entries()];
    sheet.columnWidths.clear();
    for (const [column, width] of widths) {
      const moved = movedIndex(column, shift);
      if (moved !== null) sheet.columnWidths.set(moved, width);
    }
  }
}
