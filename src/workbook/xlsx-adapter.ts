/**
 * The workbook port for `.xlsx` files, through ExcelJS. Runs in Node (CLI) and in the browser
 * (standalone web mode), so it works on bytes only; files are read and written by xlsx-file.ts.
 */
import * as ExcelJS from 'exceljs';
import type { InputTableToWrite, ResultBundle, SheetTable, StoredScenario, WorkbookPort } from './port';
import { WorkbookFileError } from './xlsx-errors';
import { createInputTableSheets } from './xlsx-input-tables';
import { installLoadFixes } from './xlsx-load-fixes';
import { listTablesAndSheets, readSheetRange, readTableOrSheet } from './xlsx-read';
import { writeResultSheets } from './xlsx-results';
import { isScenarioSheet, readStoredScenario, writeStoredScenario } from './xlsx-scenario';
import { shareEmptyStyles } from './xlsx-styles';
import { repairLoadedTables } from './xlsx-tables';
import { installWriteFixes } from './xlsx-write-fixes';

export class XlsxWorkbook implements WorkbookPort {
  private constructor(
    /** The underlying ExcelJS workbook, for callers that need more than the port (e.g. the sample generator). */
    readonly workbook: ExcelJS.Workbook,
  ) {
    installWriteFixes(workbook);
  }

  /** Loads an `.xlsx` file's bytes; throws WorkbookFileError when they are not an `.xlsx` workbook. */
  static async fromBuffer(data: ArrayBuffer | Uint8Array): Promise<XlsxWorkbook> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    assertLooksLikeXlsx(bytes);
    const workbook = new ExcelJS.Workbook();
    installLoadFixes(workbook);
    try {
      // ExcelJS hands the bytes to JSZip, which takes a Uint8Array in Node and in browsers.
      await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    } catch (error) {
      throw new WorkbookFileError('not-xlsx', `The file could not be read as an Excel workbook (${errorText(error)}).`, { cause: error });
    }
    if (workbook.worksheets.length === 0) {
      throw new WorkbookFileError('not-xlsx', 'The file holds no worksheets; it is not an Excel .xlsx workbook (an .xlsb or another Office file?).');
    }
    repairLoadedTables(workbook);
    shareEmptyStyles(workbook);
    return new XlsxWorkbook(workbook);
  }

  /** A workbook without sheets (add input tables or results before saving: Excel needs a sheet). */
  static empty(): XlsxWorkbook {
    return new XlsxWorkbook(new ExcelJS.Workbook());
  }

  async toBuffer(): Promise<Uint8Array> {
    if (!this.workbook.worksheets.some((sheet) => sheet.state === undefined || sheet.state === 'visible')) {
      throw new Error('Cannot save a workbook without sheets (or with hidden sheets only): Excel cannot open it.');
    }
    const buffer = await this.workbook.xlsx.writeBuffer();
    return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  }

  async readTable(name: string): Promise<SheetTable | null> {
    return readTableOrSheet(this.workbook, name);
  }

  async readRange(address: string): Promise<SheetTable | null> {
    return readSheetRange(this.workbook, address);
  }

  async readScenario(): Promise<StoredScenario | null> {
    return readStoredScenario(this.workbook);
  }

  async writeScenario(scenario: StoredScenario): Promise<void> {
    writeStoredScenario(this.workbook, scenario);
  }

  async listTables(): Promise<{ name: string; sheet: string; source: 'table' | 'sheet' }[]> {
    return listTablesAndSheets(this.workbook, isScenarioSheet);
  }

  async writeResults(results: ResultBundle): Promise<void> {
    writeResultSheets(this.workbook, results);
  }

  async createInputTables(tables: InputTableToWrite[]): Promise<string[]> {
    return createInputTableSheets(this.workbook, tables);
  }
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

/** Tells the common wrong files apart before ExcelJS fails on them with a zip error. */
function assertLooksLikeXlsx(bytes: Uint8Array): void {
  const startsWith = (signature: number[]): boolean => signature.every((byte, i) => bytes[i] === byte);
  if (startsWith(ZIP_SIGNATURE)) return;
  if (bytes.length === 0) throw new WorkbookFileError('not-xlsx', 'The file is empty.');
  if (startsWith(OLE2_SIGNATURE)) {
    throw new WorkbookFileError('not-xlsx', 'The file is an old-format .xls workbook or a password-protected workbook. Save it in Excel as an .xlsx workbook without a password.');
  }
  throw new WorkbookFileError('not-xlsx', 'The file is not an Excel .xlsx workbook (a CSV or text file renamed .xlsx?). Save it in Excel as .xlsx.');
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
