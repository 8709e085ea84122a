/**
 * The Demand table, in either layout:
 * - long: one row per part, location, period and quantity (rows for the same part, location and
 *   period are summed: transaction-level exports are normal);
 * - wide: PartID, LocationID, then one column per period (blank = 0).
 * Demand can hold ~700,000 rows, so the row loop avoids per-cell allocation where it can: IDs and
 * quantities take a fast path for ordinary cells, and each distinct period value is parsed once.
 */
import { tableSpec } from '../model/contract';
import { buildPeriodGrid, cachedPeriodReader, looksLikePeriodText, periodLabel, readPeriod, type PeriodProblem, type PeriodReading } from '../model/periods';
import type { DemandSeries, PeriodGrid, PeriodLength } from '../model/types';
import { bodyCellAddress, headerCellAddress, isCellError, type CellValue, type SheetTable } from '../workbook/port';
import { didYouMean } from './id-suggestions';
import { matchColumns, missingColumnIssue } from './columns';
import { ambiguousDateMessage, convertCell, dateAsTextMessage, describeFound, excelErrorMessage, isBlankRow, requiredMessage } from './validateCells';
import { TableIssues, withThousands, type IssueLog } from './validateIssues';
import { emptyTableMessage } from './validateRows';

export interface DemandContext {
  readonly length: PeriodLength;
  /** Valid IDs to check references against; null when that table is unusable (nothing to check against). */
  readonly partIds: ReadonlySet<string> | null;
  readonly locationIds: ReadonlySet<string> | null;
  readonly overrides?: Readonly<Record<string, string>>;
}

export interface DemandResult {
  /** From the first to the last period of all demand; null when there is no usable demand. */
  readonly grid: PeriodGrid | null;
  /** One series per part-location with demand rows, first-seen order, over the whole grid. */
  readonly series: DemandSeries[];
  /** Known locations that have at least one demand row. */
  readonly locationsWithDemand: ReadonlySet<string>;
}

const SPEC = tableSpec('Demand');
const QUANTITY = SPEC.columns.find((c) => c.key === 'Quantity')!;

/**
 * A grid this long is a typing error (202401 typed as a number is an Excel serial in year 2454),
 * and a grid per part-location that long would exhaust memory: about 100 years.
 */
export const MAX_GRID_PERIODS: Record<PeriodLength, number> = { Month: 1200, Week: 5218 };

const FORMATS: Record<PeriodLength, { name: string; format: string }> = {
  Month: { name: 'a month', format: 'YYYY-MM' },
  Week: { name: 'an ISO week', format: 'YYYY-Www' },
};

/** Message for a period that could not be read; `subject` is "Period" (a cell) or "Column header" (wide layout). */
export function periodProblemMessage(problem: PeriodProblem, value: CellValue, length: PeriodLength, subject: 'Period' | 'Column header'): string {
  const { name, format } = FORMATS[length];
  switch (problem) {
    case 'ambiguousDate':
      return ambiguousDateMessage(subject, value, `YYYY-MM-DD or ${format}`);
    case 'monthInWeekMode':
      return `${subject} ${describeFound(value)} is a month, but PeriodLength is Week; enter ISO weeks as YYYY-Www, or set PeriodLength to Month in Settings`;
    case 'weekInMonthMode':
      return `${subject} ${describeFound(value)} is an ISO week, but PeriodLength is Month; enter months as YYYY-MM, or set PeriodLength to Week in Settings`;
    case 'notAPeriod':
      return subject === 'Period'
        ? `Period must be ${name} (${format}) or a date, found ${describeFound(value)}`
        : `Column header ${describeFound(value)} is not ${name} (${format}) or a date; correct it, or rename it if the column holds no demand`;
  }
}

function periodRule(problem: PeriodProblem): string {
  return problem === 'notAPeriod' ? 'invalid' : problem === 'ambiguousDate' ? 'ambiguousDate' : 'periodLength';
}

/** Collects demand quantities per part-location and period, and the period range. */
class DemandCollector {
  /** partId → locationId → series index; nested maps need no key string per row. */
  private readonly seriesByPart = new Map<string, Map<string, number>>();
  readonly keys: { partId: string; locationId: string }[] = [];
  readonly locationsWithDemand = new Set<string>();
  /** One entry per non-zero quantity, in typed arrays sized up front: no growth, little garbage. */
  private seriesOfEntry: Int32Array;
  private periodOfEntry: Int32Array;
  private quantityOfEntry: Float64Array;
  private entries = 0;
  first = Infinity;
  last = -Infinity;
  /** Where the first and last period were found (row −1: a header), for the grid-span message. */
  firstAt = { row: 0, column: 0 };
  lastAt = { row: 0, column: 0 };

  constructor(capacity: number) {
    this.seriesOfEntry = new Int32Array(capacity);
    this.periodOfEntry = new Int32Array(capacity);
    this.quantityOfEntry = new Float64Array(capacity);
  }

  seriesOf(partId: string, locationId: string): number {
    let byLocation = this.seriesByPart.get(partId);
    if (byLocation === undefined) {
      byLocation = new Map();
      this.seriesByPart.set(partId, byLocation);
    }
    let index = byLocation.get(locationId);
    if (index === undefined) {
      index = this.keys.length;
      byLocation.set(locationId, index);
      this.keys.push({ partId, locationId });
    }
    return index;
  }

  notePeriod(period: number, row: number, column: number): void {
    if (period < this.first) {
      this.first = period;
      this.firstAt = { row, column };
    }
    if (period > this.last) {
      this.last = period;
      this.lastAt = { row, column };
    }
  }

  add(series: number, period: number, quantity: number): void {
    if (quantity === 0) return; // the series exists; zeros are the grid's default
    const i = this.entries++;
    this.seriesOfEntry[i] = series;
    this.periodOfEntry[i] = period;
    this.quantityOfEntry[i] = quantity;
  }

  build(grid: PeriodGrid): DemandSeries[] {
    const series = this.keys.map(({ partId, locationId }): DemandSeries => ({ partId, locationId, quantities: new Array<number>(grid.count).fill(0) }));
    for (let i = 0; i < this.entries; i++) series[this.seriesOfEntry[i]].quantities[this.periodOfEntry[i] - grid.first] += this.quantityOfEntry[i];
    return series;
  }
}

/** Reads the cells of one Demand table, reporting problems where they are. */
class DemandReader {
  private readonly readPeriodValue: (value: unknown) => PeriodReading;

  constructor(
    readonly issues: TableIssues,
    readonly context: DemandContext,
    readonly collector: DemandCollector,
  ) {
    this.readPeriodValue = cachedPeriodReader(context.length);
  }

  /** PartID or LocationID of a row: trimmed text (numbers as text) that exists in its table. */
  reference(cells: readonly CellValue[], row: number, column: number, key: 'PartID' | 'LocationID'): string | undefined {
    const raw = cells[column];
    let id: string | null;
    if (typeof raw === 'string') id = raw.trim() || null;
    else if (typeof raw === 'number') id = String(raw);
    else {
      const conversion = convertCell(raw, { key, type: 'text' });
      if (!conversion.ok) {
        this.issues.cell('error', conversion.rule, row, column, () => conversion.message);
        return undefined;
      }
      id = conversion.value as string | null;
    }
    if (id === null) {
      this.issues.cell('error', 'required', row, column, () => requiredMessage(key));
      return undefined;
    }
    const known = key === 'PartID' ? this.context.partIds : this.context.locationIds;
    if (known !== null && !known.has(id)) {
      const [noun, table] = key === 'PartID' ? ['part', 'Parts'] : ['location', 'Locations'];
      this.issues.cell('error', key === 'PartID' ? 'unknownPart' : 'unknownLocation', row, column, () => `Demand for unknown ${noun} "${id}" (not in ${table})${didYouMean(id, known)}`);
      return undefined;
    }
    return id;
  }

  /** A quantity: a whole number >= 0. Blank is null (the caller decides: required, or 0). */
  quantity(raw: CellValue | undefined, row: number, column: number): number | null | undefined {
    if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0) return raw;
    const conversion = convertCell(raw, QUANTITY);
    if (!conversion.ok) {
      this.issues.cell('error', conversion.rule, row, column, () => conversion.message);
      return undefined;
    }
    return conversion.value as number | null;
  }

  /** The period number of a Period cell (long layout). */
  period(raw: CellValue | undefined, row: number, column: number): number | undefined {
    if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) {
      this.issues.cell('error', 'required', row, column, () => requiredMessage('Period'));
      return undefined;
    }
    if (isCellError(raw)) {
      this.issues.cell('error', 'excelError', row, column, () => excelErrorMessage('Period', raw.error));
      return undefined;
    }
    const reading = this.readPeriodValue(raw);
    if (!reading.ok) {
      this.issues.cell('error', periodRule(reading.problem), row, column, () => periodProblemMessage(reading.problem, raw, this.context.length, 'Period'));
      return undefined;
    }
    if (reading.dateAsText) {
      this.issues.cell('warning', 'dateAsText', row, column, () => dateAsTextMessage('Period', raw, periodLabel(reading.period, this.context.length)));
    }
    this.collector.notePeriod(reading.period, row, column);
    return reading.period;
  }
}

function readLong(reader: DemandReader, columns: Readonly<Record<string, number>>): number {
  const { issues, collector } = reader;
  const rows = issues.table.rows;
  const partColumn = columns.PartID;
  const locationColumn = columns.LocationID;
  const periodColumn = columns.Period;
  const quantityColumn = columns.Quantity;
  let dataRows = 0;
  for (let row = 0; row < rows.length; row++) {
    const cells = rows[row];
    if (isBlankRow(cells)) continue;
    dataRows++;
    const partId = partColumn === undefined ? undefined : reader.reference(cells, row, partColumn, 'PartID');
    const locationId = locationColumn === undefined ? undefined : reader.reference(cells, row, locationColumn, 'LocationID');
    if (locationId !== undefined) collector.locationsWithDemand.add(locationId);
    const period = periodColumn === undefined ? undefined : reader.period(cells[periodColumn], row, periodColumn);
    let quantity: number | null | undefined;
    if (quantityColumn !== undefined) {
      quantity = reader.quantity(cells[quantityColumn], row, quantityColumn);
      if (quantity === null) issues.cell('error', 'required', row, quantityColumn, () => requiredMessage('Quantity'));
    }
    if (partId !== undefined && locationId !== undefined && period !== undefined && typeof quantity === 'number') {
      collector.add(collector.seriesOf(partId, locationId), period, quantity);
    }
  }
  return dataRows;
}

interface PeriodColumn {
  readonly column: number;
  readonly period: number;
}

/**
 * The period columns of a wide layout among the headers that matched no contract column. A header
 * that is not a period is an extra column, unless it was clearly meant as one (`2024-13`, `Jan-24`,
 * a number outside Excel's dates): then it is reported, since ignoring it would drop demand silently.
 */
function widePeriodColumns(issues: TableIssues, unmatched: readonly number[], length: PeriodLength): { periods: PeriodColumn[]; attempts: number } {
  const headers = issues.table.headers;
  const periods: PeriodColumn[] = [];
  let attempts = 0;
  for (const column of unmatched) {
    const header = headers[column];
    if (header === null || header === undefined || isCellError(header)) continue;
    const reading = readPeriod(header, length);
    if (reading.ok) {
      periods.push({ column, period: reading.period });
      if (reading.dateAsText) issues.header('warning', 'dateAsText', column, () => dateAsTextMessage('Column header', header, periodLabel(reading.period, length)));
      continue;
    }
    const meantAsPeriod = reading.problem !== 'notAPeriod' || typeof header === 'number' || header instanceof Date || (typeof header === 'string' && looksLikePeriodText(header));
    if (!meantAsPeriod) continue;
    attempts++;
    issues.header('error', periodRule(reading.problem), column, () => periodProblemMessage(reading.problem, header, length, 'Column header'));
  }
  return { periods, attempts };
}

function readWide(reader: DemandReader, columns: Readonly<Record<string, number>>, periods: readonly PeriodColumn[]): number {
  const { issues, collector } = reader;
  const rows = issues.table.rows;
  for (const { column, period } of periods) collector.notePeriod(period, -1, column);
  let dataRows = 0;
  for (let row = 0; row < rows.length; row++) {
    const cells = rows[row];
    if (isBlankRow(cells)) continue;
    dataRows++;
    const partId = columns.PartID === undefined ? undefined : reader.reference(cells, row, columns.PartID, 'PartID');
    const locationId = columns.LocationID === undefined ? undefined : reader.reference(cells, row, columns.LocationID, 'LocationID');
    if (locationId !== undefined) collector.locationsWithDemand.add(locationId);
    const series = partId !== undefined && locationId !== undefined ? collector.seriesOf(partId, locationId) : -1;
    for (const { column, period } of periods) {
      const quantity = reader.quantity(cells[column], row, column); // blank (null) is 0
      if (series >= 0 && typeof quantity === 'number') collector.add(series, period, quantity);
    }
  }
  return dataRows;
}

export function validateDemand(table: SheetTable, log: IssueLog, context: DemandContext): DemandResult {
  const issues = new TableIssues(log, table);
  // Whether Period and Quantity are required depends on the layout, decided below.
  const match = matchColumns(table, SPEC, { overrides: context.overrides, notReported: ['Period', 'Quantity'] });
  for (const issue of match.issues) log.addIssue(issue, 'columns');
  const { columns } = match;
  const longColumns = columns.Period !== undefined || columns.Quantity !== undefined;
  const wide = longColumns ? null : widePeriodColumns(issues, match.unmatched, context.length);
  const isWide = wide !== null && wide.periods.length + wide.attempts > 0;
  const collector = new DemandCollector(table.rows.length * (isWide ? wide.periods.length : 1));
  const reader = new DemandReader(issues, context, collector);

  let dataRows: number;
  if (isWide) {
    dataRows = readWide(reader, columns, wide.periods);
  } else {
    if (!longColumns) {
      issues.whole('error', 'layout', `Demand needs Period and Quantity columns (long layout), or one column per period with headers such as 2025-01 or dates (wide layout); neither was found in the header row (row ${table.headerRow})`);
    } else {
      for (const column of match.missing) if (column.key === 'Period' || column.key === 'Quantity') log.addIssue(missingColumnIssue(table, column), 'columns');
    }
    dataRows = readLong(reader, columns);
  }
  if (dataRows === 0) issues.whole('error', 'emptyTable', emptyTableMessage('Demand', SPEC.purpose));

  const { first, last } = collector;
  let grid: PeriodGrid | null = null;
  if (first <= last) {
    const count = last - first + 1;
    if (count > MAX_GRID_PERIODS[context.length]) {
      const unit = context.length === 'Month' ? 'months' : 'weeks';
      const at = ({ row, column }: { row: number; column: number }) => (row < 0 ? headerCellAddress(table, column) : bodyCellAddress(table, row, column));
      issues.whole(
        'error',
        'gridSpan',
        `Demand periods run from ${periodLabel(first, context.length)} (cell ${at(collector.firstAt)}) to ${periodLabel(last, context.length)} (cell ${at(collector.lastAt)}), ${withThousands(count)} ${unit}; check those periods (a number such as 202401 is read as an Excel date serial)`,
      );
    } else {
      grid = buildPeriodGrid(context.length, first, last);
    }
  }
  return { grid, series: grid === null ? [] : collector.build(grid), locationsWithDemand: collector.locationsWithDemand };
}
