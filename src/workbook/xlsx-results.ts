/**
 * The result sheets as sheet specs: title, description lines, one formatted Excel table with a note
 * on each header cell, frozen under the header row; the same layout as every host (resultSheetLayout).
 */
import { resultSheetLayout, type CellValue, type ResultTable } from './port';
import { chartDrawing, placeCharts } from './xlsx-charts';
import { estimateWidth, numberFormat } from './xlsx-formats';
import type { Note } from './xlsx-part-xml';
import type { SheetSpec } from './xlsx-sheet-build';
import { tableRows } from './xlsx-sheet-build';
import type { SheetRow } from './xlsx-sheet-writer';
import type { StyleBook } from './xlsx-style-book';

export const RESULT_TABLE_STYLE = 'TableStyleMedium2';

export function resultSheetSpec(table: ResultTable, currency: string, styles: StyleBook): SheetSpec {
  const layout = resultSheetLayout(table);
  const width = table.columns.length;
  const columnStyles = table.columns.map((column) => styles.style(numberFormat(column.format, currency)));
  const rowStyles = table.rowFormats?.map((format) => styles.style(numberFormat(format, currency)));
  const title = styles.style(undefined, 'bold14');
  const italic = styles.style(undefined, 'italic');
  const description = table.description ?? [];
  const bodyRows = Math.max(1, table.rows.length);

  function* rows(): Generator<SheetRow> {
    yield { row: layout.titleRow, cells: [table.title], styles: [title] };
    for (let i = 0; i < description.length; i++) yield { row: layout.descriptionRow + i, cells: [description[i]], styles: [italic] };
    yield { row: layout.headerRow, cells: table.columns.map((column) => column.header), styles: [] };
    const body: CellValue[][] = table.rows.length > 0 ? table.rows : [new Array<CellValue>(width).fill(null)];
    yield* tableRows(layout.headerRow + 1, body, width, columnStyles, rowStyles);
  }

  const charts = placeCharts(table, layout.headerRow);
  const notes: Note[] = table.columns.flatMap((column, i) => (column.note ? [{ row: layout.headerRow, column: i + 1, text: column.note }] : []));
  return {
    what: `Result sheet ${table.sheet}`,
    frozenRows: layout.headerRow,
    widths: table.columns.map((column, i) => column.width ?? estimateWidth(column.header, column.format, currency, table.rows, i)),
    rows: rows(),
    lastRow: layout.headerRow + bodyRows,
    lastColumn: width,
    tables: [{ name: table.tableName, row: layout.headerRow, column: 1, headers: table.columns.map((column) => column.header), bodyRows, style: RESULT_TABLE_STYLE }],
    notes,
    validations: [],
    drawing: charts.length > 0 ? (_sheetPart, allocator) => chartDrawing(table, charts, table.sheet, allocator) : undefined,
  };
}
