/**
 * Lays the results out as result sheets, all from the results contract: one formatted Excel table per
 * sheet with its title, description lines, header notes and the charts that read from it. Every host
 * writes exactly these tables.
 */
import { flatColumns, headerOf, sheetColumns, sheetRow, type ChartByKey, type ResultTableSpec } from '../model/result-spec';
import { SUMMARY_SHEET, summaryMetrics, type ResultContext } from '../model/results-contract';
import { ALL_RESULT_SHEETS, producedTables } from '../model/result-tables';
import type { CellValue, ChartSpec, ColumnFormat, ResultBundle, ResultTable } from '../workbook/port';

export { RESULT_SHEETS } from '../model/results-contract';
export { ALL_RESULT_SHEETS } from '../model/result-tables';

const finiteCell = (value: CellValue): CellValue => (typeof value === 'number' && !Number.isFinite(value) ? null : value);

function summaryTable(context: ResultContext): ResultTable {
  const metrics = summaryMetrics(context);
  return {
    sheet: SUMMARY_SHEET.sheet,
    tableName: SUMMARY_SHEET.tableName,
    title: SUMMARY_SHEET.title(context),
    description: SUMMARY_SHEET.description(context),
    columns: [
      { header: 'Metric', format: 'text', width: 44, note: 'What is measured.' },
      { header: 'Value', format: 'decimal', width: 18, note: 'Formatted per row: a count, an amount in the currency, or a percentage.' },
      { header: 'Note', format: 'text', width: 70, note: 'How the value is computed (docs/methods.md gives every formula).' },
    ],
    rows: metrics.map((m) => [m.label, finiteCell(m.value(context)), m.note(context)]),
    rowFormats: metrics.map((m): ColumnFormat => m.format),
  };
}

function chartSpec<Row>(columns: ResultTableSpec<ResultContext, Row>['columns'], chart: ChartByKey): ChartSpec {
  const { categoryKey, seriesKeys, ...rest } = chart;
  return { ...rest, categoryColumn: headerOf(columns, categoryKey), seriesColumns: seriesKeys.map((key) => headerOf(columns, key)) };
}

/** One result table of the contract as the sheet the hosts write. */
export function layoutTable<Row>(spec: ResultTableSpec<ResultContext, Row>, context: ResultContext): ResultTable {
  const columns = spec.columnsFor?.(context) ?? spec.columns;
  const flat = flatColumns(columns);
  const rows: CellValue[][] = [];
  for (const row of spec.rows(context)) rows.push(sheetRow(flat, row));
  const table: ResultTable = {
    sheet: spec.sheet,
    tableName: spec.tableName,
    title: spec.title(context),
    description: spec.description(context),
    columns: sheetColumns(columns),
    rows,
  };
  const charts = spec.charts?.(context);
  if (charts?.length) table.charts = charts.map((chart) => chartSpec(columns, chart));
  return table;
}

export function layoutResults(context: ResultContext): ResultBundle {
  return {
    currency: context.input.settings.currency,
    resultSheets: ALL_RESULT_SHEETS,
    tables: [summaryTable(context), ...producedTables(context).map((spec) => layoutTable(spec, context))],
  };
}
