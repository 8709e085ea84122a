/**
 * The workbook port for the workbook open in Excel, through Office.js. Each port call is one batch
 * (`Excel.run` in the add-in; tests inject a fake), with few syncs: names are looked up first,
 * cells are read and written in row chunks of one sync each.
 *
 * Excel JavaScript API used, with requirement sets. The add-in requires ExcelApi 1.7 (manifest);
 * everything above 1.7 is feature-checked through `supports` and skipped where missing.
 *
 *   Excel.run, RequestContext.sync ............................................ ExcelApi 1.1
 *   Workbook.worksheets, Workbook.tables, Workbook.application ................. ExcelApi 1.1
 *   WorksheetCollection.load(items), getItem (name or id), add ................. ExcelApi 1.1
 *   Worksheet.id, name (read/write), delete, tables, charts, getRange ......... ExcelApi 1.1
 *   Worksheet.visibility: read 1.1, set (VeryHidden for the scenario sheet) .... ExcelApi 1.2
 *   Worksheet.getUsedRangeOrNullObject(valuesOnly), isNullObject ............... ExcelApi 1.4
 *   Worksheet.getRangeByIndexes ................................................ ExcelApi 1.7
 *   Worksheet.freezePanes.freezeRows ........................................... ExcelApi 1.7
 *   TableCollection.load(items/name), getItem, add(address string, hasHeaders)  ExcelApi 1.1
 *   Table.name (read/write), style, showHeaders, showTotals, getRange, columns . ExcelApi 1.1
 *   Table.worksheet ............................................................ ExcelApi 1.2
 *   Range.values, valueTypes, numberFormat (read/write), rowIndex, columnIndex,
 *     rowCount, columnCount, clear(applyTo) ..................................... ExcelApi 1.1
 *   Range.format.font.bold/size ................................................ ExcelApi 1.1
 *   Range.format.autofitColumns, Range.format.columnWidth ...................... ExcelApi 1.2
 *   Application.suspendApiCalculationUntilNextSync ............................. ExcelApi 1.6
 *   ChartCollection.add(type, Range, seriesBy), Chart.name, title.text,
 *     axes.categoryAxis/valueAxis.title.text/visible, legend.visible/position,
 *     setPosition, ChartSeriesCollection.getItemAt, ChartSeries.name ............ ExcelApi 1.1
 *   ChartSeriesCollection.add, ChartSeries.setValues, setXAxisValues ........... ExcelApi 1.7
 *   Feature-checked:
 *   Application.suspendScreenUpdatingUntilNextSync ............................. ExcelApi 1.9
 *   Range.dataValidation (rule, errorAlert, ignoreBlanks) ...................... ExcelApi 1.8
 *   Worksheet.notes.add (header notes on input templates) ...................... ExcelApi 1.18
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
