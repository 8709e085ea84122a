/**
 * The grid reproduces the analysis: for a sample workbook (src/sample) analysed by the pipeline
 * (analyzeTables), every reproducible column of the results is recomputed for each row with the
 * custom functions, from that row's own inputs, as a user would write the formulas next to the
 * results: the demand history laid out as one row per part-location (a period without a Demand row
 * left empty), the lead time and target from the row, the forecast from SPP.FORECAST, and so on;
 * and, for a sample planned as a network with its MOM assessment, SPP Network's field rows with
 * SPP.VARIMETRIC, the last-time buys, scores and cash-flow figures with the lifecycle, scorecard
 * and finance functions.
 */
import { adi, cv2, demandClass, forecast } from '../../src/functions/demand';
import { irr, npv, paybackMonths } from '../../src/functions/finance';
import { lastTimeBuyFromHistory } from '../../src/functions/lifecycle';
import { variMetric } from '../../src/functions/network';
import { momPillarScore, momScore } from '../../src/functions/scorecard';
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
  criticality: 'Critical' | 'Standard';
  reasonCode: string;
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
  // They reproduce the model, so the calibration map (fitted on backtests of the whole portfolio, no function of one row) is off;
  // its own tests are test/engine/calibration.test.ts.
  const analysis = analyzeTables(asSheetTables(tables), { settings: { stockingMode: 'Independent', calibration: 'Off' } });
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
  // Rows whose stock the evidence rules set (docs/methods.md §5.1): TSB's forecast, at most one unit for a Critical part.
  const byEvidence = new Set(stockTable.filter((r) => ['obsolete', 'obsoleteInsurance', 'fewUnits', 'fewUnitsInsurance'].includes(r.reasonCode)).map(key));

  test('covers every kind of row: demand classes, methods, both distributions, no demand, inventory', () => {
    expect(stockTable.length).toBeGreaterThanOrEqual(parts * 4);
    expect(new Set(demandTable.map((r) => r.demandClass))).toEqual(new Set(['smooth', 'erratic', 'intermittent', 'lumpy', 'none']));
    expect(new Set(demandTable.map((r) => r.method)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(stockTable.map((r) => r.distribution))).toEqual(new Set(['Poisson', 'NegativeBinomial', 'None']));
    expect(stockTable.every((r) => r.onHand !== null)).toBe(true);
    for (const row of demandTable) expect(history.get(key(row))).toHaveLength(row.periods);
    expect(byEvidence.size).toBeGreaterThan(0);
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
      if (byEvidence.has(key(row))) expect([key(row), row.method]).toEqual([key(row), 'TSB']);
      else expect([key(row), forecast(y)]).toEqual([key(row), row.ratePerPeriod]);
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
      const target = baseStock(mean, row.targetFillRate, variance);
      const stock = byEvidence.has(id) ? Math.min(target, row.criticality === 'Critical' ? 1 : 0) : target;
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

/** The SPP Network JSON fields SPP.VARIMETRIC reproduces (src/model/results-network.ts). */
interface NetworkRow {
  partId: string;
  locationId: string;
  locationType: 'Central' | 'Field';
  stock: number;
  pipelineMean: number;
  fillRate: number;
  expectedBackorders: number;
}

describe('a sample workbook planned as a network (the default StockingMode), with its MOM assessment', () => {
  const PARTS = 60; // enough for several EndOfLife parts with an EndOfSupport after the history
  const tables = generateSample({ parts: PARTS, locations: 8, periods: 36, seed: 11, periodLength: 'Month' });
  const analysis = analyzeTables(asSheetTables(tables));
  // The per-location plan of the same workbook gives each location's own lead-time demand, whose
  // variance-to-mean ratio is its demand's per period (no function estimates the variance); in the
  // network plan SPP Stock holds the network's pipelines instead.
  const independent = analyzeTables(asSheetTables(tables), { settings: { stockingMode: 'Independent' } });
  if (!analysis.ok || !independent.ok) throw new Error('the sample did not validate');
  const result = analysis.result;
  /** A table's rows as records by column key, as a user reads the input tables. */
  const records = (name: 'Parts' | 'Locations') => {
    const keys = tableSpec(name).columns.map((c) => c.key);
    return tables.find((t) => t.name === name)!.rows.map((row) => Object.fromEntries(keys.map((k, i) => [k, row[i]])));
  };
  const parts = new Map(records('Parts').map((p) => [p.PartID as string, p]));
  const locations = new Map(records('Locations').map((l) => [l.LocationID as string, l]));
  const key = (partId: string, locationId: string) => `${partId}|${locationId}`;
  const rates = new Map((result.demand as unknown as DemandRow[]).map((r) => [key(r.partId, r.locationId), r.ratePerPeriod]));
  const ownLeadTimeDemand = new Map((independent.result.stock as unknown as StockRow[]).map((r) => [key(r.partId, r.locationId), r]));
  const networkStock = new Map((result.stock as unknown as StockRow[]).map((r) => [key(r.partId, r.locationId), r]));
  const network = result.network as NetworkRow[];
  const networkRows = new Map(network.map((r) => [key(r.partId, r.locationId), r]));
  const days = 365.25 / 12;
  /** Per day, and the variance-to-mean ratio of lead-time demand (= of demand per period). */
  const demandOf = (partId: string, locationId: string) => {
    const rate = (rates.get(key(partId, locationId)) ?? 0) / days;
    const s = ownLeadTimeDemand.get(key(partId, locationId));
    const ratio = s && s.leadTimeDemandMean > 0 ? Math.max(1, s.leadTimeDemandVariance / s.leadTimeDemandMean) : 1;
    return { rate, ratio };
  };

  test('SPP Network: each field location’s pipeline, fill rate from the shelf and expected backorders', () => {
    let checked = 0;
    let centralShort = 0;
    for (const row of network.filter((r) => r.locationType === 'Field')) {
      const part = parts.get(row.partId)!;
      const parent = locations.get(row.locationId)!.Parent as string;
      // The Central's pipeline: its supplier lead time, or for a repairable (1 − ScrapRate) × RepairDays + ScrapRate × LeadTimeDays.
      const scrap = (part.ScrapRate as number | null) ?? 0;
      const pipelineDays = part.Repairable === 'Yes' ? (1 - scrap) * (part.RepairDays as number) + scrap * (part.LeadTimeDays as number) : (part.LeadTimeDays as number);
      // All demand on the Central: its own customers' and its fields', with its ratio v̄ = Σ fᵢvᵢ.
      const members = network.filter((r) => r.partId === row.partId && (r.locationId === parent || locations.get(r.locationId)!.Parent === parent));
      const demands = members.map((m) => demandOf(m.partId, m.locationId));
      const total = demands.reduce((s, d) => s + d.rate, 0);
      const ratio = total > 0 ? demands.reduce((s, d) => s + d.rate * d.ratio, 0) / total : 1;
      const own = demandOf(row.partId, row.locationId);
      const centralStock = networkRows.get(key(row.partId, parent))!.stock;
      const id = key(row.partId, row.locationId);
      const cells = [own.rate, locations.get(row.locationId)!.ResupplyDays, row.stock, total, pipelineDays, centralStock] as const;
      // The Central's row of SPP Stock holds its pipeline: mean λ₀T₀, variance v̄λ₀T₀.
      const central = networkStock.get(key(row.partId, parent))!;
      expect([id, Math.abs(central.leadTimeDemandMean - total * pipelineDays) <= 1e-10 * central.leadTimeDemandMean]).toEqual([id, true]);
      if (total > 0) expect([id, Math.abs(central.leadTimeDemandVariance / central.leadTimeDemandMean - ratio) <= 1e-10]).toEqual([id, true]);
      const fieldStock = networkStock.get(id)!;
      const measures = [
        ['PipelineMean', row.pipelineMean],
        ['FillRate', row.fillRate],
        ['EBO', row.expectedBackorders],
        ['PipelineVariance', fieldStock.leadTimeDemandVariance], // SPP Stock's lead-time demand variance of the field
      ] as const;
      for (const [measure, expected] of measures) {
        const value = variMetric(...cells, measure, own.ratio, ratio);
        expect([id, measure, Math.abs(value - expected) <= 1e-10 * Math.max(1, expected)]).toEqual([id, measure, true]);
      }
      checked++;
      if (row.pipelineMean > own.rate * (cells[1] as number) + 1e-3) centralShort++;
    }
    expect(checked).toBe(PARTS * 7); // 1 Central and 7 fields
    expect(centralShort).toBeGreaterThan(10); // fields whose pipeline carries the Central's backorders
  });

  /** Equal up to rounding (the functions sum in the same order; a little slack for the formats). */
  const close = (actual: number, expected: number) => Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected));

  test('SPP Last-Time Buy: every EndOfLife part, from its history over all locations', () => {
    interface LastTimeBuyRow {
      partId: string;
      periodsRemaining: number | null;
      declinePerPeriod: number | null;
      expectedDemand: number | null;
      expectedNeed: number | null;
      position: number;
      quantity: number | null;
      confidence: number;
      coverage: number | null;
      expectedLeftover: number | null;
      expectedShortage: number | null;
    }
    const rows = result.lastTimeBuy as LastTimeBuyRow[];
    const labels = periodLabels(36, 'Month');
    const byLocation = historyRows(tables, labels);
    let checked = 0;
    for (const row of rows.filter((r) => r.quantity !== null)) {
      // The part's demand per period over all its locations (a SUMIF over the Demand table).
      const history = labels.map((_, t) => [...byLocation.entries()].filter(([k]) => k.startsWith(`${row.partId}|`)).reduce((sum, [, cells]) => sum + ((cells[t] as number) || 0), 0));
      const part = parts.get(row.partId)!;
      const scrap = part.Repairable === 'Yes' ? ((part.ScrapRate as number | null) ?? 0) : null;
      const cells: [unknown[][], number | null, number, number, number | null] = [[history], row.periodsRemaining, row.confidence, row.position, scrap];
      const id = row.partId;
      expect([id, lastTimeBuyFromHistory(...cells)]).toEqual([id, row.quantity]);
      const measures = { Coverage: row.coverage, ExpectedDemand: row.expectedDemand, ExpectedNeed: row.expectedNeed, ExpectedLeftover: row.expectedLeftover, ExpectedShortage: row.expectedShortage, Decline: row.declinePerPeriod };
      for (const [measure, expected] of Object.entries(measures)) expect([id, measure, close(lastTimeBuyFromHistory(...cells, measure), expected!)]).toEqual([id, measure, true]);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  test('SPP Assessment and SPP MOM Scores: each KPI’s score, each pillar’s, and the MOM score as the mean of the pillars', () => {
    interface KpiRow {
      pillar: string;
      current: number | null;
      benchmark: number | null;
      floor: number | null;
      weight: number;
      higherIsBetter: 'Yes' | 'No';
      score: number | null;
    }
    const mom = result.mom as { kpis: KpiRow[]; scores: { pillar: string; score: number | null }[] };
    let scored = 0;
    for (const k of mom.kpis) {
      if (k.score === null) continue;
      expect([k, close(momScore(k.current, k.benchmark, k.floor, k.higherIsBetter), k.score)]).toEqual([k, true]);
      scored++;
    }
    expect(scored).toBeGreaterThanOrEqual(8);
    const pillarScores: number[] = [];
    for (const pillar of ['Maximize', 'Optimize', 'Minimize']) {
      const rows = mom.kpis.filter((k) => k.pillar === pillar);
      const column = (pick: (k: KpiRow) => unknown) => rows.map((k) => [pick(k) ?? '']); // an empty cell where the table has none
      const expected = mom.scores.find((p) => p.pillar === pillar)!.score!;
      const score = momPillarScore(column((k) => k.current), column((k) => k.benchmark), column((k) => k.floor), column((k) => k.weight), column((k) => k.higherIsBetter));
      expect([pillar, close(score, expected)]).toEqual([pillar, true]);
      pillarScores.push(score);
    }
    // =AVERAGE(the three pillar cells)
    expect(close(pillarScores.reduce((a, b) => a + b, 0) / 3, mom.scores.find((p) => p.pillar === 'MOM score')!.score!)).toBe(true);
  });

  test('SPP Opportunities and SPP Business Case: NPV, IRR and payback from the cash flows', () => {
    interface CashFlowRow {
      id?: string;
      cashFlows: number[];
      npv: number;
      irr: number | null;
      paybackMonths: number | null;
    }
    const businessCase = result.businessCase as CashFlowRow & { discountRate: number };
    const rows = [...(result.opportunities as CashFlowRow[]), { ...businessCase, id: 'business case' }];
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) {
      const flows = row.cashFlows.map((f) => [f]); // a column of years, year 0 first
      expect([row.id, close(npv(businessCase.discountRate, flows), row.npv)]).toEqual([row.id, true]);
      if (row.irr !== null) expect([row.id, close(irr(flows), row.irr)]).toEqual([row.id, true]);
      if (row.paybackMonths !== null) expect([row.id, close(paybackMonths(flows), row.paybackMonths)]).toEqual([row.id, true]);
      else expect(() => paybackMonths(flows)).toThrow('Not paid back');
    }
  });
});
