/** Input tables (template, sample workbook) as sheet specs: one sheet and one Excel table each, header notes, validation. */
import type { CellValue, InputTableToWrite } from './port';
import { estimateWidth, numberFormat } from './xlsx-formats';
import type { Note } from './xlsx-part-xml';
import { tableRows, type SheetSpec } from './xlsx-sheet-build';
import type { SheetRow } from './xlsx-sheet-writer';
import type { StyleBook } from './xlsx-style-book';

/** Validation reaches this many rows below the body, so rows users add are checked too. */
const VALIDATION_ROWS_BELOW = 1000;
export const INPUT_TABLE_STYLE = 'TableStyleLight9';

export function inputSheetSpec(table: InputTableToWrite, styles: StyleBook): SheetSpec {
  const width = table.columns.length;
  const columnStyles = table.columns.map((column) => (column.format ? styles.style(numberFormat(column.format)) : 0));
  const bodyRows = Math.max(1, table.rows.length);
  function* rows(): Generator<SheetRow> {
    yield { row: 1, cells: table.columns.map((column) => column.header), styles: [] };
    const body: CellValue[][] = table.rows.length > 0 ? table.rows : [new Array<CellValue>(width).fill(null)];
    yield* tableRows(2, body, width, columnStyles);
  }
  const notes: Note[] = table.columns.flatMap((column, i) => (column.note ? [{ row: 1, column: i + 1, text: column.note }] : []));
  return {
    what: `Table ${table.name}`,
    frozenRows: 1,
    widths: table.columns.map((column, i) => estimateWidth(column.header, column.format ?? 'text', '', table.rows, i)),
    rows: rows(),
    lastRow: 1 + bodyRows,
    lastColumn: width,
    tables: [{ name: table.name, row: 1, column: 1, headers: table.columns.map((column) => column.header), bodyRows, style: INPUT_TABLE_STYLE }],
    notes,
    validations: table.columns.flatMap((column, i) => (column.validation ? [{ column: i + 1, validation: column.validation, top: 2, bottom: 1 + bodyRows + VALIDATION_ROWS_BELOW }] : [])),
  };
}
