/**
 * Native Excel charts for a result table (ResultTable.charts), placed to the right of the table
 * and fed from its columns. Every series is built explicitly from its own column (values and
 * categories / x values), so the plotted columns need not be adjacent or in any order.
 */
import type { ChartSpec, ResultTable } from './port';
import { cellA1 } from './office-addresses';
import { sameName } from './names';

type OfficeChartType = 'ColumnClustered' | 'XYScatter' | 'XYScatterLines' | 'Line' | 'BarClustered';

export const CHART_TYPES: Record<ChartSpec['kind'], OfficeChartType> = {
  columnClustered: 'ColumnClustered',
  xyScatter: 'XYScatter',
  xyScatterLines: 'XYScatterLines',
  line: 'Line',
  bar: 'BarClustered',
};

/** Chart size in cells (about 8 default columns × 18 rows: 480 × 270 pt), stacked with a gap. */
export const CHART_COLUMNS = 8;
export const CHART_ROWS = 18;
export const CHART_GAP_ROWS = 2;

function columnIndex(table: ResultTable, header: string): number {
  return table.columns.findIndex((column) => sameName(column.header, header));
}

/** Throws before anything is written when a chart names a column the table does not have. */
export function assertChartColumns(table: ResultTable): void {
  for (const chart of table.charts ?? []) {
    for (const header of [chart.categoryColumn, ...chart.seriesColumns]) {
      if (columnIndex(table, header) < 0) throw new Error(`Chart "${chart.title}" on ${table.sheet} plots column ${header}, which table ${table.tableName} does not have.`);
    }
    if (chart.seriesColumns.length === 0) throw new Error(`Chart "${chart.title}" on ${table.sheet} has no series.`);
  }
}

/**
 * Queues the table's charts (no sync). `headerRow` is the 0-based row of the table header; the
 * body is the `table.rows.length` rows below it. A table without rows gets no charts: Excel
 * rejects series without data points.
 */
export function addCharts(sheet: Excel.Worksheet, table: ResultTable, headerRow: number): void {
  (table.charts ?? []).forEach((spec, i) => {
    const { first, count: rows } = plottedRows(spec, table.rows.length);
    if (rows === 0) return;
    const columnData = (column: number): Excel.Range => sheet.getRangeByIndexes(headerRow + 1 + first, column, rows, 1);
    const seriesColumns = spec.seriesColumns.map((header) => columnIndex(table, header));
    const categories = columnData(columnIndex(table, spec.categoryColumn));
    const chart = sheet.charts.add(CHART_TYPES[spec.kind], columnData(seriesColumns[0]), 'Columns');
    chart.name = `${table.tableName}Chart${i + 1}`;
    chart.title.text = spec.title;
    setAxisTitle(chart.axes.categoryAxis, spec.xAxisTitle);
    setAxisTitle(chart.axes.valueAxis, spec.yAxisTitle);
    seriesColumns.forEach((column, k) => {
      // The chart was created from the first series' column; the others are added (ExcelApi 1.7).
      const series = k === 0 ? chart.series.getItemAt(0) : chart.series.add(table.columns[column].header);
      if (k > 0) series.setValues(columnData(column));
      series.name = table.columns[column].header;
      series.setXAxisValues(categories);
    });
    chart.legend.visible = seriesColumns.length > 1;
    if (seriesColumns.length > 1) chart.legend.position = 'Bottom';
    const top = headerRow + i * (CHART_ROWS + CHART_GAP_ROWS);
    const left = table.columns.length + 1;
    chart.setPosition(cellA1(top, left), cellA1(top + CHART_ROWS - 1, left + CHART_COLUMNS - 1));
  });
}

/** The body rows a chart plots: ChartSpec.rows cut to the table, or all of them. */
export function plottedRows(spec: ChartSpec, bodyRows: number): { first: number; count: number } {
  if (!spec.rows) return { first: 0, count: bodyRows };
  const first = Math.min(Math.max(0, spec.rows.first), bodyRows);
  return { first, count: Math.max(0, Math.min(spec.rows.count, bodyRows - first)) };
}

function setAxisTitle(axis: Excel.ChartAxis, text: string): void {
  axis.title.text = text;
  axis.title.visible = true;
}
