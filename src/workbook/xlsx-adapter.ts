/**
 * The workbook port for `.xlsx` / `.xlsm` files as packages. Runs in Node (CLI) and in the browser
 * (standalone web mode), so it works on bytes only; files are read and written by xlsx-file.ts.
 * Reading: xlsx-book.ts (zip codec of xlsx-zip.ts, saxes for the package parts, the <sheetData>
 * scanner of xlsx-sheet-scan.ts for worksheets; streamed sheets). Writing: the input package with every
 * part carried over as its original bytes, plus new sheets built as parts (xlsx-sheet-build.ts) and
 * linked in by editing workbook.xml, the relationships, the content types and styles.xml
 * (xlsx-package-edit.ts); the parts of earlier results are removed.
 */
import { SCENARIO_SHEET, type InputTableToWrite, type ResultBundle, type SheetTable, type StoredScenario, type WorkbookPort } from './port';
import { assertBundleFits, assertValidHeaders, assertValidSheetName, assertValidTableName, sameName } from './names';
import { assertChartColumns } from './office-charts';
import { XlsxBook } from './xlsx-book';
import { findBookTable, findBookWorksheet, listBookTables, readBookRange, readBookScenario, readBookTableOrSheet } from './xlsx-book-read';
import { WorkbookFileError } from './xlsx-errors';
import { inputSheetSpec } from './xlsx-input-tables';
import { PackageEditor } from './xlsx-package-edit';
import { isZipEntry, REL, XlsxPackage } from './xlsx-package';
import { usedVmlBlocks } from './xlsx-part-xml';
import { resultSheetSpec } from './xlsx-results';
import { scenarioSheetSpec } from './xlsx-scenario';
import { buildSheet, CONTENT_TYPE, type PartAllocator, type StagedSheet } from './xlsx-sheet-build';
import { StyleBook } from './xlsx-style-book';
import { toUtf8 } from './xlsx-xml';
import { deflateEntry, storedEntry, writeZip, type ZipEntry } from './xlsx-zip';

export class XlsxWorkbook implements WorkbookPort {
  private book: XlsxBook;
  private styleBook: StyleBook | undefined;

  private constructor(private readonly pkg: XlsxPackage) {
    this.book = new XlsxBook(pkg, pkg.workbookPart()!);
  }

  /** Loads an `.xlsx`/`.xlsm` file's bytes; throws WorkbookFileError when they are not such a workbook. */
  static async fromBuffer(data: ArrayBuffer | Uint8Array): Promise<XlsxWorkbook> {
    const bytes = ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
    assertLooksLikeXlsx(bytes);
    const book = XlsxBook.fromBytes(bytes);
    if (book.worksheets().length === 0 && book.sheets.length === 0) throw new WorkbookFileError('not-xlsx', 'The file holds no worksheets; it is not an Excel .xlsx workbook (an .xlsb or another Office file?).');
    return new XlsxWorkbook(book.pkg);
  }

  /** A workbook without sheets (add input tables or results before saving: Excel needs a sheet). */
  static empty(): XlsxWorkbook {
    const pkg = new XlsxPackage();
    const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
    pkg.set('[Content_Types].xml', toUtf8(`${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`));
    pkg.set('_rels/.rels', toUtf8(`${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL.officeDocument}" Target="xl/workbook.xml"/></Relationships>`));
    pkg.set('xl/workbook.xml', toUtf8(`${xml}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets></sheets><calcPr calcId="191029"/></workbook>`));
    pkg.set('xl/_rels/workbook.xml.rels', toUtf8(`${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`));
    return new XlsxWorkbook(pkg);
  }

  async toBuffer(): Promise<Uint8Array> {
    if (!this.book.sheets.some((sheet) => sheet.state === 'visible')) {
      throw new Error('Cannot save a workbook without sheets (or with hidden sheets only): Excel cannot open it.');
    }
    const entries: ZipEntry[] = [];
    for (const [name, entry] of this.pkg.entries) entries.push(isZipEntry(entry) ? { ...entry, name } : entry.length < 64 ? storedEntry(name, entry) : deflateEntry(name, entry));
    return writeZip(entries);
  }

  async readTable(name: string): Promise<SheetTable | null> {
    return readBookTableOrSheet(this.book, name);
  }

  async readRange(address: string): Promise<SheetTable | null> {
    return readBookRange(this.book, address);
  }

  async readScenario(): Promise<StoredScenario | null> {
    return readBookScenario(this.book);
  }

  async listTables(): Promise<{ name: string; sheet: string; source: 'table' | 'sheet' }[]> {
    return listBookTables(this.book);
  }

  async writeScenario(scenario: StoredScenario): Promise<void> {
    this.edit((editor, allocator) => {
      const index = editor.sheets.findIndex((sheet) => sameName(sheet.name, SCENARIO_SHEET) && this.book.sheets.some((s) => s.relId === sheet.relId && s.kind === 'worksheet'));
      const existing = index >= 0 ? editor.sheetPart(editor.sheets[index]) : undefined;
      const staged = buildSheet(scenarioSheetSpec(scenario), allocator, existing);
      if (existing) replaceSheetContent(editor, existing, staged);
      else addSheet(editor, editor.sheets.length, SCENARIO_SHEET, 'veryHidden', staged);
    });
  }

  async writeResults(results: ResultBundle): Promise<void> {
    const isResultSheet = (name: string): boolean => results.resultSheets.some((sheet) => sameName(sheet, name));
    assertBundleFits(results, this.book.tables().filter((table) => !isResultSheet(table.sheet.name)).map((table) => ({ table: table.name, sheet: table.sheet.name })));
    for (const table of results.tables) assertChartColumns(table);
    this.edit((editor, allocator, styles) => {
      // Everything is built first; the package changes only once every sheet is complete.
      const staged = results.tables.map((table) => {
        // Only a worksheet is refilled in place; anything else by that name (a chartsheet) is replaced.
        const existing = editor.sheets.find((sheet) => sameName(sheet.name, table.sheet) && this.book.sheets.some((s) => s.relId === sheet.relId && s.kind === 'worksheet'));
        const part = existing ? editor.sheetPart(existing) : undefined;
        return { table, existing: part ? existing : undefined, staged: buildSheet(resultSheetSpec(table, results.currency, styles), allocator, part) };
      });
      const kept = new Set(staged.flatMap((s) => (s.existing ? [s.existing] : [])));
      for (let i = editor.sheets.length - 1; i >= 0; i--) {
        const sheet = editor.sheets[i];
        if (isResultSheet(sheet.name) && !kept.has(sheet)) editor.removeSheet(i);
      }
      for (const { table, existing, staged: sheet } of staged) {
        if (!existing) continue;
        replaceSheetContent(editor, sheet.part, sheet);
        editor.renameSheet(existing, table.sheet);
      }
      for (const { table, existing, staged: sheet } of staged) {
        if (existing) continue;
        const lastResult = editor.sheets.reduce((last, s, i) => (isResultSheet(s.name) ? i : last), -1);
        addSheet(editor, lastResult >= 0 ? lastResult + 1 : editor.sheets.length, table.sheet, 'visible', sheet);
      }
    });
  }

  async createInputTables(tables: InputTableToWrite[]): Promise<string[]> {
    const missing = tables.filter((table) => !findBookTable(this.book, table.name) && !findBookWorksheet(this.book, table.name) && !this.book.sheets.some((sheet) => sameName(sheet.name, table.name)));
    for (const table of missing) {
      assertValidSheetName(table.name);
      assertValidTableName(table.name);
      assertValidHeaders(table.name, table.columns.map((column) => column.header));
    }
    if (missing.length === 0) return [];
    this.edit((editor, allocator, styles) => {
      const staged = missing.map((table) => buildSheet(inputSheetSpec(table, styles), allocator));
      staged.forEach((sheet, i) => addSheet(editor, editor.sheets.length, missing[i].name, 'visible', sheet));
    });
    return missing.map((table) => table.name);
  }

  /** One edit of the package: build with the allocator and styles, apply, then write the edited parts back and re-read. */
  private edit(change: (editor: PackageEditor, allocator: PartAllocator, styles: StyleBook) => void): void {
    const editor = new PackageEditor(this.pkg, this.book.workbookPart);
    const styles = this.styles();
    let tableId = Math.max(0, ...this.book.tables().map((table) => table.id));
    const vmlParts = [...this.pkg.entries.keys()].filter((part) => part.endsWith('.vml'));
    let vmlBlock = Math.max(0, ...usedVmlBlocks(vmlParts.map((part) => this.pkg.text(part) ?? '')));
    const allocator: PartAllocator = {
      freePartName: (stem, extension) => editor.freePartName(stem, extension),
      nextTableId: () => ++tableId,
      nextVmlBlock: () => ++vmlBlock,
      date1904: this.book.date1904,
    };
    change(editor, allocator, styles);
    if (styles.changed) {
      const stylesPart = this.pkg.related(this.book.workbookPart, 'styles');
      if (stylesPart) this.pkg.set(stylesPart, toUtf8(styles.toXml()));
      else {
        const part = editor.freePartName('xl/styles', 'xml').replace(/styles\d+\.xml$/, 'styles.xml');
        editor.addPart(part, CONTENT_TYPE.styles, toUtf8(styles.toXml()));
        editor.addRelationship(this.book.workbookPart, REL.styles, part);
      }
      styles.changed = false;
    }
    editor.flush();
    this.book = new XlsxBook(this.pkg, this.book.workbookPart);
  }

  private styles(): StyleBook {
    if (!this.styleBook) {
      const part = this.pkg.related(this.book.workbookPart, 'styles');
      this.styleBook = new StyleBook(part ? this.pkg.text(part) : undefined);
    }
    return this.styleBook;
  }
}

function addSheet(editor: PackageEditor, index: number, name: string, state: 'visible' | 'veryHidden', staged: StagedSheet): void {
  for (const part of staged.parts) editor.addPart(part.part, part.contentType, part.data);
  editor.insertSheet(index, name, state, staged.part);
}

/** New content for an existing sheet part: what it referred to goes, the new parts come. */
function replaceSheetContent(editor: PackageEditor, part: string, staged: StagedSheet): void {
  editor.clearSheetPart(part);
  for (const p of staged.parts) editor.addPart(p.part, p.contentType, p.data);
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

/** Tells the common wrong files apart before the zip reader fails on them. */
function assertLooksLikeXlsx(bytes: Uint8Array): void {
  const startsWith = (signature: number[]): boolean => signature.every((byte, i) => bytes[i] === byte);
  if (startsWith(ZIP_SIGNATURE)) return;
  if (bytes.length === 0) throw new WorkbookFileError('not-xlsx', 'The file is empty.');
  if (startsWith(OLE2_SIGNATURE)) {
    throw new WorkbookFileError('not-xlsx', 'The file is an old-format .xls workbook or a password-protected workbook. Save it in Excel as an .xlsx workbook without a password.');
  }
  throw new WorkbookFileError('not-xlsx', 'The file is not an Excel .xlsx workbook (a CSV or text file renamed .xlsx?). Save it in Excel as .xlsx.');
}
