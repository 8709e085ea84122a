/**
 * A workbook package as the reader sees it: its sheets in tab order (with state and kind), its
 * Excel tables, the date system, and each worksheet's cells, parsed the first time they are needed
 * and kept. Everything comes from the package parts; nothing here changes them.
 */
import type { CellRange } from './xlsx-address';
import { parseRange } from './xlsx-address';
import { WorkbookFileError } from './xlsx-errors';
import { relKind, XlsxPackage } from './xlsx-package';
import { readSharedStrings } from './xlsx-shared-strings';
import { readSheetGrid, type SheetGrid } from './xlsx-sheet-reader';
import { readDateStyles } from './xlsx-style-dates';
import { child, children, parseXml, type XmlElement } from './xlsx-xml';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface BookSheet {
  name: string;
  sheetId: string;
  /** The workbook relationship pointing at the sheet part. */
  relId: string;
  /** The sheet part, resolved; undefined when the relationship is missing or broken. */
  part: string | undefined;
  /** `worksheet`, `chartsheet`, `dialogsheet`, `xlMacrosheet`…: only worksheets hold cells. */
  kind: string;
  state: SheetState;
}

export interface BookTable {
  name: string;
  displayName: string;
  sheet: BookSheet;
  part: string;
  id: number;
  /** Full range: header, body and totals rows. */
  range: CellRange;
  headerRowCount: number;
  totalsRowCount: number;
  columns: string[];
}

export class XlsxBook {
  readonly sheets: BookSheet[];
  readonly date1904: boolean;
  readonly formulasUncalculated: boolean;
  private tableList: BookTable[] | undefined;
  private grids = new Map<string, SheetGrid>();
  private strings: string[] | undefined;
  private dates: boolean[] | undefined;

  constructor(
    readonly pkg: XlsxPackage,
    /** The workbook part name (usually `xl/workbook.xml`). */
    readonly workbookPart: string,
  ) {
    const root = parseXml(pkg.text(workbookPart) ?? '');
    const rels = new Map(pkg.relationships(workbookPart).map((rel) => [rel.id, rel]));
    this.sheets = children(child(root, 'sheets'), 'sheet').map((sheet) => {
      const relId = sheet.attributes['r:id'] ?? '';
      const rel = rels.get(relId);
      const part = rel && !rel.external && pkg.has(rel.target) ? rel.target : undefined;
      const state = sheet.attributes.state;
      return {
        name: sheet.attributes.name ?? '',
        sheetId: sheet.attributes.sheetId ?? '',
        relId,
        part,
        kind: rel ? relKind(rel.type) : 'missing',
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
      };
    });
    this.date1904 = isTrue(child(root, 'workbookPr')?.attributes.date1904);
    this.formulasUncalculated = isTrue(child(root, 'calcPr')?.attributes.fullCalcOnLoad);
  }

  static fromBytes(bytes: Uint8Array): XlsxBook {
    let pkg: XlsxPackage;
    try {
      pkg = XlsxPackage.fromZip(bytes);
    } catch (error) {
      throw new WorkbookFileError('not-xlsx', `The file could not be read as an Excel workbook (${error instanceof Error ? error.message : String(error)}).`, { cause: error });
    }
    const workbookPart = pkg.workbookPart();
    if (!workbookPart) throw new WorkbookFileError('not-xlsx', 'The file holds no worksheets; it is not an Excel .xlsx workbook (an .xlsb or another Office file?).');
    let book: XlsxBook;
    try {
      book = new XlsxBook(pkg, workbookPart);
    } catch (error) {
      throw new WorkbookFileError('not-xlsx', `The workbook part ${workbookPart} could not be read (${error instanceof Error ? error.message : String(error)}).`, { cause: error });
    }
    if (!book.worksheets().length && !book.sheets.length) throw new WorkbookFileError('not-xlsx', 'The file holds no worksheets; it is not an Excel .xlsx workbook (an .xlsb or another Office file?).');
    return book;
  }

  /** Sheets that hold cells, in tab order. */
  worksheets(): BookSheet[] {
    return this.sheets.filter((sheet) => sheet.kind === 'worksheet' && sheet.part !== undefined);
  }

  tables(): BookTable[] {
    if (!this.tableList) this.tableList = this.worksheets().flatMap((sheet) => this.tablesOf(sheet));
    return this.tableList;
  }

  /** Forget what was parsed (after the package changed). */
  invalidate(): void {
    this.tableList = undefined;
    this.grids.clear();
  }

  private tablesOf(sheet: BookSheet): BookTable[] {
    const tables: BookTable[] = [];
    for (const rel of this.pkg.relationships(sheet.part!)) {
      if (rel.external || relKind(rel.type) !== 'table') continue;
      const text = this.pkg.text(rel.target);
      if (text === undefined) continue;
      const table = parseTable(parseXml(text), sheet, rel.target);
      if (table) tables.push(table);
    }
    return tables;
  }

  grid(sheet: BookSheet): SheetGrid {
    const part = sheet.part!;
    let grid = this.grids.get(part);
    if (!grid) {
      grid = readSheetGrid((onChunk) => this.pkg.stream(part, onChunk), {
        sharedStrings: this.sharedStrings(),
        dateStyles: this.dateStyles(),
        date1904: this.date1904,
        formulasUncalculated: this.formulasUncalculated,
      });
      this.grids.set(part, grid);
    }
    return grid;
  }

  private sharedStrings(): string[] {
    if (!this.strings) {
      const part = this.pkg.related(this.workbookPart, 'sharedStrings');
      this.strings = part ? readSharedStrings((onChunk) => this.pkg.stream(part, onChunk)) : [];
    }
    return this.strings;
  }

  private dateStyles(): boolean[] {
    if (!this.dates) {
      const part = this.pkg.related(this.workbookPart, 'styles');
      this.dates = readDateStyles(part ? this.pkg.text(part) : undefined);
    }
    return this.dates;
  }
}

function isTrue(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}

function parseTable(root: XmlElement, sheet: BookSheet, part: string): BookTable | null {
  const range = parseRange(root.attributes.ref ?? '');
  if (!range) return null;
  const name = root.attributes.name ?? root.attributes.displayName ?? '';
  return {
    name,
    displayName: root.attributes.displayName ?? name,
    sheet,
    part,
    id: Number(root.attributes.id ?? 0),
    range,
    headerRowCount: root.attributes.headerRowCount === undefined ? 1 : Number(root.attributes.headerRowCount),
    totalsRowCount: Number(root.attributes.totalsRowCount ?? 0),
    columns: children(child(root, 'tableColumns'), 'tableColumn').map((column) => column.attributes.name ?? ''),
  };
}
