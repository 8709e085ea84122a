/**
 * Building the parts of one new sheet — the worksheet, its Excel tables, its notes — before anything
 * in the package changes (results are replaced as a whole or not at all). The sheet's relationships
 * part is new, so its relationship ids are simply rId1, rId2, …
 */
import type { CellValue, InputValidation } from './port';
import type { CellRange } from './xlsx-address';
import { relationshipXml, relativeTarget, REL } from './xlsx-package';
import { commentsXml, dataValidationXml, notesVml, tableXml, type Note } from './xlsx-part-xml';
import { assertFitsSheet, MAX_ROWS, SheetWriter, type SheetRow } from './xlsx-sheet-writer';
import { toUtf8 } from './xlsx-xml';
import type { ZipEntry } from './xlsx-zip';

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
} as const;

/** Where new parts may go without clashing, and the ids still free in the workbook. */
export interface PartAllocator {
  freePartName(stem: string, extension: string): string;
  nextTableId(): number;
  nextVmlBlock(): number;
  date1904: boolean;
}

export interface TableOnSheet {
  name: string;
  /** Header row and first column (1-based). */
  row: number;
  column: number;
  headers: readonly string[];
  /** Body rows (at least one row is written: a blank one for an empty table, as Excel does). */
  bodyRows: number;
  style: string;
}

export interface ValidatedColumn {
  column: number;
  validation: InputValidation;
  /** Rows validated: from the first body row down this many rows. */
  top: number;
  bottom: number;
}

export interface SheetSpec {
  /** Used in messages about Excel's limits. */
  what: string;
  frozenRows: number;
  widths: readonly number[];
  rows: Iterable<SheetRow>;
  lastRow: number;
  lastColumn: number;
  tables: readonly TableOnSheet[];
  notes: readonly Note[];
  validations: readonly ValidatedColumn[];
  /** Extra parts referenced from the sheet (a drawing with charts), built by the caller. */
  drawing?: (sheetPart: string, allocator: PartAllocator) => { part: string; parts: StagedPart[] };
}

export interface StagedPart {
  part: string;
  contentType: string | undefined;
  data: Uint8Array | ZipEntry;
}

export interface StagedSheet {
  part: string;
  /** Every part to add, the sheet, its relationships part and what they point at. */
  parts: StagedPart[];
}

export function buildSheet(spec: SheetSpec, allocator: PartAllocator, part = allocator.freePartName('xl/worksheets/sheet', 'xml')): StagedSheet {
  assertFitsSheet(spec.what, spec.lastRow, spec.lastColumn);
  const parts: StagedPart[] = [];
  const rels: string[] = [];
  const relate = (type: string, target: string): string => {
    const id = `rId${rels.length + 1}`;
    rels.push(relationshipXml(id, type, relativeTarget(part, target)));
    return id;
  };

  const tableRels = spec.tables.map((table) => {
    const tablePart = allocator.freePartName('xl/tables/table', 'xml');
    const range: CellRange = { top: table.row, left: table.column, bottom: table.row + Math.max(1, table.bodyRows), right: table.column + table.headers.length - 1 };
    parts.push({ part: tablePart, contentType: CONTENT_TYPE.table, data: toUtf8(tableXml(allocator.nextTableId(), table.name, range, table.headers, table.style)) });
    return relate(REL.table, tablePart);
  });

  let legacyDrawingRel: string | undefined;
  if (spec.notes.length > 0) {
    const commentsPart = allocator.freePartName('xl/comments', 'xml');
    const vmlPart = allocator.freePartName('xl/drawings/vmlDrawing', 'vml');
    parts.push({ part: commentsPart, contentType: CONTENT_TYPE.comments, data: toUtf8(commentsXml(spec.notes)) });
    parts.push({ part: vmlPart, contentType: CONTENT_TYPE.vml, data: toUtf8(notesVml(spec.notes, allocator.nextVmlBlock())) });
    relate(REL.comments, commentsPart);
    legacyDrawingRel = relate(REL.vmlDrawing, vmlPart);
  }

  let drawingRel: string | undefined;
  if (spec.drawing) {
    const drawing = spec.drawing(part, allocator);
    parts.push(...drawing.parts);
    drawingRel = relate(REL.drawing, drawing.part);
  }

  const validations = spec.validations.flatMap((v) => dataValidationXml(v.validation, { top: v.top, bottom: Math.min(MAX_ROWS, v.bottom), left: v.column, right: v.column }) ?? []);
  const writer = new SheetWriter(part, allocator.date1904, { frozenRows: spec.frozenRows, widths: spec.widths, validations, drawingRel, legacyDrawingRel, tableRels });
  for (const row of spec.rows) writer.writeRow(row);
  parts.push({ part, contentType: CONTENT_TYPE.worksheet, data: writer.finish() });
  if (rels.length > 0) {
    const relsXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
    parts.push({ part: part.replace(/([^/]+)$/, '_rels/$1.rels'), contentType: undefined, data: toUtf8(relsXml) });
  }
  return { part, parts };
}

/**
 * Body rows of a table as sheet rows, with one blank row for an empty table. Each cell takes its
 * column's style; with `numberStyles` (a style per body row, for tables whose rows have formats of
 * their own), a number takes its row's style instead (0 where the row has none). The column styles
 * are shared by every row that needs no more, so no function is called per cell.
 */
export function* tableRows(firstRow: number, rows: readonly CellValue[][], width: number, columnStyles: readonly number[], numberStyles?: readonly (number | undefined)[]): Generator<SheetRow> {
  for (let r = 0; r < rows.length; r++) {
    const source = rows[r];
    const cells = source.length === width ? source : Array.from({ length: width }, (_, c) => source[c] ?? null);
    if (!numberStyles) {
      yield { row: firstRow + r, cells, styles: columnStyles };
      continue;
    }
    const numberStyle = numberStyles[r] ?? 0;
    yield { row: firstRow + r, cells, styles: (c, value) => (typeof value === 'number' ? numberStyle : columnStyles[c]) };
  }
}
