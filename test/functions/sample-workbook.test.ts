/**
 * The grid reproduces the analysis: for a sample workbook (src/sample) analysed by the pipeline
 * (analyzeTables), every reproducible column of the results is recomputed for each row with the
 * custom functions, from that row's own inputs, as a user would write the formulas next to the
 * results: the demand history laid out as one row per part-location (a period without a Demand row
 * left empty), the lead time and target from the row, the forecast from SPP.FORECAST, and so on.
 */
import { adi, cv2, demandClass, forecast } from '../../src/functions/demand';
import { baseStock, ebo, fillRate, leadTimeDemand, readyRate } from '../../src/functions/stock';
import { periodsPerYear } from '../../src/engine/policy';
import { tableSpec } from '../../src/model/contract';
import type { PeriodLength } from '../../src/model/types';
import { analyzeTables, type InputTables } from '../../src/pipeline/run';
import type { AnalysisResult } from '../../src/pipeline/results';
import { generateSample, periodLabels } from '../../src/sample';
import type { CellValue, InputTableToWrite, SheetTable } from '../../src/workbook/port';

/** The sample's tables as the pipeline reads them from a workbook. */
function asSheetTables(tables: InputTableToWrite[]): InputTables {
  const sheets: InputTables = {};
  for (const table of tables) {
    const sheet: SheetTable = { name: table.name, sheet: table.name, source: 'table', headerRow: 1, firstColumn: 1, headers: table.columns.map((c) => c.header), rows: table.rows };
    sheets[table.name as keyof InputTables] = sheet;
  }
  return sheets;
}

/**
 * One row of periods per part-location, as a user lays out the Demand table (PartID, LocationID,
 * Period, Quantity) for the formulas: empty where a period has no Demand row.
 */
function historyRows(tables: InputTableToWrite[], labels: string[]): Map<string, CellValue[]> {
  const demand = tables.find((t) => t.name === 'Demand')!;
  const column = (key: string) => tableSpec('Demand').columns.findIndex((c) => c.key === key);
  const [part, location, period, quantity] = ['PartID', 'LocationID', 'Period', 'Quantity'].map(column);
  const index = new Map(labels.map((label, t) => [label, t]));
  const rows = new Map<string, CellValue[]>();
  for (const record of demand.rows) {
    const key = `${record[part]}|${record[location]}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = labels.map((): CellValue => '')));
    const t = index.get(String(record[period]))!;
    row[t] = ((row[t] === '' ? 0 : (row[t] as number)) + (record[quantity] as number)) as CellValue;
  }
  return rows;
}

/** The JSON fields of SPP Demand Profile and SPP Stock rows the functions reproduce (src/model/results-contract.ts). */
interface DemandRow {
  partId: string;
  locationId: string;
  periods: number;
  adi: number | null;
  cv2: number | null;
  demandClass: string;
  method: string;
  ratePerPeriod: number;
}

interface StockRow {
  partId: string;
  locationId: string;
  targetFillRate: number;
  stock: number;
  fillRate: number;
  classicFillRate: number;
  readyRate: number;
  expectedBackorders: number;
  expectedOnHand: number;
  unitCost: number;
  investment: number;
  expectedAnnualMisses: number;
  leadTimeDays: number;
  leadTimeDemandMean: number;
  leadTimeDemandVariance: number;
  distribution: string;
  onHand: number | null;
  /** OnHand + OnOrder + InRepair: the level whose fill rate onHandFillRate is. */
  inventoryPosition: number | null;
  onHandFillRate: number | null;
}

interface Sample {
  demand: DemandRow[];
  stock: StockRow[];
  history: Map<string, CellValue[]>;
  periodLength: PeriodLength;
}

/** The first part-location of the Demand table loses its demand: one row of 0 in the last period. */
function withoutDemand(tables: InputTableToWrite[], lastLabel: string): InputTableToWrite[] {
  return tables.map((table) => {
    if (table.name !== 'Demand') return table;
    const [part, location] = table.rows[0];
    const others = table.rows.filter((row) => row[0] !== part || row[1] !== location);
    return { ...table, rows: [[part, location, lastLabel, 0], ...others] };
  });
}

function analyseSample(periodLength: PeriodLength, parts: number, periods: number): Sample {
  const labels = periodLabels(periods, periodLength);
  const tables = withoutDemand(generateSample({ parts, locations: 4, periods, seed: 11, periodLength }), labels[periods - 1]);
  // The functions reproduce the per-location plan (StockingMode Independent); the network plan has its own tests (test/cli/network.test.ts).
  const analysis = analyzeTables(asSheetTables(tables), { settings: { stockingMode: 'Independent' } });
  if (!analysis.ok) throw new Error(`the sample did not validate: ${analysis.issues.map((i) => i.message).join('; ')}`);
  const result: AnalysisResult = analysis.result;
  return { demand: result.demand as unknown as DemandRow[], stock: result.stock as unknown as StockRow[], history: historyRows(tables, labels), periodLength };
}

describe.each([
  ['monthly', 'Month' as PeriodLength, 30, 36],
  ['weekly', 'Week' as PeriodLength, 8, 104],
])('a %s sample workbook', (_label, periodLength, parts, periods) => {
  const { demand: demandTable, stock: stockTable, history } = analyseSample(periodLength, parts, periods);
  const key = (row: { partId: string; locationId: string }) => `${row.partId}|${row.locationId}`;
  const historyOf = (row: { partId: string; locationId: string }) => [history.get(key(row))!]; // one row of cells
  const demandRows = new Map(demandTable.map((row) => [key(row), row]));

  test('covers every kind of row: demand classes, methods, both distributions, no demand, inventory', () => {
    expect(stockTable.length).toBeGreaterThanOrEqual(parts * 4);
    expect(new Set(demandTable.map((r) => r.demandClass))).toEqual(new Set(['smooth', 'erratic', 'intermittent', 'lumpy', 'none']));
    expect(new Set(demandTable.map((r) => r.method)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(stockTable.map((r) => r.distribution))).toEqual(new Set(['Poisson', 'NegativeBinomial', 'None']));
    expect(stockTable.every((r) => r.onHand !== null)).toBe(true);
    for (const row of demandTable) expect(history.get(key(row))).toHaveLength(row.periods);
  });

  test('SPP Demand Profile: DemandClass, ADI, CV2 and RatePerPeriod from the history', () => {
    for (const row of demandTable) {
      const y = historyOf(row);
      expect([key(row), demandClass(y)]).toEqual([key(row), row.demandClass]);
      if (row.adi === null) expect(() => adi(y)).toThrow('ADI is undefined');
      else expect([key(row), adi(y)]).toEqual([key(row), row.adi]);
      if (row.cv2 === null) expect(() => cv2(y)).toThrow('CV² is undefined');
      else expect([key(row), cv2(y)]).toEqual([key(row), row.cv2]);
      // The method the analysis chose, and Auto itself (the sample keeps the default settings).
      expect([key(row), forecast(y, row.method)]).toEqual([key(row), row.ratePerPeriod]);
      expect([key(row), forecast(y)]).toEqual([key(row), row.ratePerPeriod]);
    }
  });

  test('SPP Stock: lead-time demand, stock, fill rates, ready rate, backorders and on-hand fill rate', () => {
    const perYear = periodsPerYear(periodLength);
    for (const row of stockTable) {
      const demand = demandRows.get(key(row))!;
      const rate = forecast(historyOf(row), demand.method);
      const mean = leadTimeDemand(rate, row.leadTimeDays, periodLength);
      const variance = row.leadTimeDemandVariance; // no function estimates the variance (docs/functions.md)
      const id = key(row);
      expect([id, mean]).toEqual([id, row.leadTimeDemandMean]);
      const stock = baseStock(mean, row.targetFillRate, variance);
      const expected: Partial<StockRow> = {
        stock: row.stock,
        fillRate: row.fillRate,
        classicFillRate: row.classicFillRate,
        readyRate: row.readyRate,
        expectedBackorders: row.expectedBackorders,
        onHandFillRate: row.onHandFillRate,
      };
      expect([id, { stock, fillRate: fillRate(mean, stock, variance), classicFillRate: fillRate(mean, stock, variance, 'Classic'), readyRate: readyRate(mean, stock, variance), expectedBackorders: ebo(mean, stock, variance), onHandFillRate: fillRate(mean, Math.floor(row.inventoryPosition!), variance) }]).toEqual([id, expected]);
      // Plain arithmetic on the functions gives the money and miss columns.
      expect(row.investment).toBeCloseTo(stock * row.unitCost, 9);
      expect(row.expectedOnHand).toBeCloseTo(stock - mean + ebo(mean, stock, variance), 9);
      expect(row.expectedAnnualMisses).toBeCloseTo(rate * perYear * (1 - fillRate(mean, stock, variance)), 9);
    }
  });
});
