/**
 * The workbook port for the workbook open in Excel, through Office.js. Each port call is one batch
 * (`Excel.run` with `delayForCellEdit` and a sync time limit in the add-in, office-run.ts; tests
 * inject a fake), with few syncs: names are looked up first, cells are read and written in row
 * chunks of about 200,000 cells (every matrix counted) of one sync each.
 *
 * Excel JavaScript API used, with requirement sets. The add-in requires ExcelApi 1.7 (manifest);
 * everything above 1.7 is feature-checked through `supports` and skipped where missing.
 *
 *   Excel.run(options, batch) with RunOptions.delayForCellEdit, RequestContext.sync  ExcelApi 1.1
 *   Workbook.worksheets, Workbook.tables, Workbook.application ................. ExcelApi 1.1
 *   WorksheetCollection.load(items), getItem (name or id), add ................. ExcelApi 1.1
 *   Worksheet.id, name (read/write), position (read/write), delete, tables,
 *     charts, getRange .......................................................... ExcelApi 1.1
 *   Worksheet.visibility: read 1.1, set (Hidden, VeryHidden) ................... ExcelApi 1.2
 *   Worksheet.protection.protected ............................................ ExcelApi 1.2
 *   Worksheet.getUsedRangeOrNullObject(valuesOnly), isNullObject ............... ExcelApi 1.4
 *   Worksheet.getRangeByIndexes ................................................ ExcelApi 1.7
 *   Worksheet.freezePanes.freezeRows, unfreeze ................................. ExcelApi 1.7
 *   Workbook.protection.protected .............................................. ExcelApi 1.7
 *   TableCollection.load(items/id,name), getItem (name or id), add(address, hasHeaders) 1.1
 *   Table.id, name (read/write), style, showHeaders, showTotals (read/write),
 *     getRange, columns, delete .................................................. ExcelApi 1.1
 *   Table.worksheet, clearFilters .............................................. ExcelApi 1.2
 *   TableColumn.delete 1.1; TableColumnCollection.add(index, values, name) ....... ExcelApi 1.4
 *   Range.values, valueTypes, numberFormat (read/write), rowIndex, columnIndex,
 *     rowCount, columnCount, clear(applyTo), getEntireRow, getEntireColumn,
 *     insert(shift), delete(shift) ............................................... ExcelApi 1.1
 *   Range.format.font.bold/italic/size ......................................... ExcelApi 1.1
 *   Range.format.autofitColumns, Range.format.columnWidth ...................... ExcelApi 1.2
 *   Application.suspendApiCalculationUntilNextSync ............................. ExcelApi 1.6
 *   ChartCollection.add(type, Range, seriesBy), load(items/name), Chart.name,
 *     delete, title.text, axes.categoryAxis/valueAxis.title.text/visible,
 *     legend.visible/position, setPosition, ChartSeriesCollection.getItemAt,
 *     ChartSeries.name ........................................................... ExcelApi 1.1
 *   ChartSeriesCollection.add, ChartSeries.setValues, setXAxisValues ........... ExcelApi 1.7
 *   Feature-checked:
 *   Range.dataValidation (rule, errorAlert, ignoreBlanks) ...................... ExcelApi 1.8
 *   Application.suspendScreenUpdatingUntilNextSync ............................. ExcelApi 1.9
 *   Range.copyFrom (results in place) .......................................... ExcelApi 1.9
 *   Table.resize (results in place; below it result sheets are swapped whole) .. ExcelApi 1.13
 *   Worksheet.notes.add, NoteCollection.load, Note.delete (header notes) ........ ExcelApi 1.18
 *   Session only (office-session.ts): Workbook.getSelectedRange, Range.address,
 *     Range.select, Worksheet.activate (1.1); Workbook.name (1.7).
 *
 * Enum values are passed as their strings ('VeryHidden', 'Columns', 'XYScatter', …): the `Excel`
 * global exists only inside Office, and this module must load in tests too.
 */
import type { InputTableToWrite, ResultBundle, SheetTable, StoredScenario, WorkbookPort } from './port';
import type { ExcelApiSupport, ExcelBatchRunner } from './office-batch';
import { listTablesAndSheets, loadCatalog } from './office-catalog';
import { createInputTableSheets } from './office-input-tables';
import { readSheetRange, readTableOrSheet } from './office-read';
import { writeResultSheets } from './office-results';
import { readStoredScenario, writeStoredScenario } from './office-scenario';

export interface OfficeWorkbookOptions {
  /** ExcelApi versions the host supports; defaults to none above the manifest's 1.7. */
  supports?: ExcelApiSupport;
  /** Names the staging sheets of one results write; letters and digits only. */
  runId?: () => string;
}

/** A short id unlikely to repeat between runs: base-36 time plus two random characters. */
function defaultRunId(): string {
  return `${Date.now().toString(36).slice(-6)}${Math.floor(Math.random() * 1296).toString(36).padStart(2, '0')}`;
}

export class OfficeWorkbook implements WorkbookPort {
  private readonly supports: ExcelApiSupport;
  private readonly runId: () => string;

  constructor(
    private readonly run: ExcelBatchRunner,
    options: OfficeWorkbookOptions = {},
  ) {
    this.supports = options.supports ?? (() => false);
    this.runId = options.runId ?? defaultRunId;
  }

  readTable(name: string): Promise<SheetTable | null> {
    return this.run((context) => readTableOrSheet(context, name));
  }

  readRange(address: string): Promise<SheetTable | null> {
    return this.run((context) => readSheetRange(context, address));
  }

  readScenario(): Promise<StoredScenario | null> {
    return this.run((context) => readStoredScenario(context));
  }

  writeScenario(scenario: StoredScenario): Promise<void> {
    return this.run((context) => writeStoredScenario(context, scenario));
  }

  async listTables(): Promise<{ name: string; sheet: string; source: 'table' | 'sheet' }[]> {
    return listTablesAndSheets(await this.run((context) => loadCatalog(context)));
  }

  async writeResults(results: ResultBundle): Promise<void> {
    const runId = this.runId();
    if (!/^[A-Za-z0-9]{1,12}$/.test(runId)) throw new Error(`Invalid run id "${runId}": use up to 12 letters and digits.`);
    return this.run((context) => writeResultSheets(context, results, this.supports, runId));
  }

  createInputTables(tables: InputTableToWrite[]): Promise<string[]> {
    return this.run((context) => createInputTableSheets(context, tables, this.supports));
  }
}
