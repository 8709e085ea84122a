/**
 * Lays the analysis result out as result sheets: one formatted Excel table per sheet, with the
 * charts that read from it. Every host writes exactly these tables.
 */
import type { FillRateComparison, GroupSummary } from '../engine/portfolio';
import type { ValidationIssue } from '../model/types';
import type { CellValue, ColumnFormat, ResultBundle, ResultColumn, ResultTable } from '../workbook/port';
import type { AnalysisResult } from './results';

export const RESULT_SHEETS = {
  summary: 'SPP Summary',
  demand: 'SPP Demand Profile',
  stock: 'SPP Stock',
  backtest: 'SPP Backtest',
  byLocation: 'SPP By Location',
  byTier: 'SPP By Tier',
  issues: 'SPP Issues',
} as const;

/** Every sheet the results own; all are replaced on every run. */
export const ALL_RESULT_SHEETS: readonly string[] = Object.values(RESULT_SHEETS);

const col = (header: string, format: ColumnFormat, width?: number): ResultColumn => ({ header, format, width });
const nullable = (value: number | null): CellValue => (value === null || !Number.isFinite(value) ? null : value);

function summaryTable(result: AnalysisResult): ResultTable {
  const s = result.summary;
  const rows: [string, CellValue, ColumnFormat, string][] = [
    ['Part-locations planned', s.partLocations, 'integer', `${s.parts} parts at ${s.locations} locations`],
    ['History', s.periods, 'integer', `${s.periodLength === 'Week' ? 'weeks' : 'months'} from ${s.firstPeriod} to ${s.lastPeriod}`],
    ['Recommended stock (units)', s.stock, 'integer', 'Sum of base-stock levels'],
    ['Stock investment', s.investment, 'currency', 'Sum of stock × unit cost'],
    ['Annual holding cost', s.annualHoldingCost, 'currency', 'Expected on hand × unit cost × holding cost rate'],
    ['Expected annual demand (units)', s.annualDemand, 'decimal', 'Forecast rate × periods per year'],
    ['Target fill rate', nullable(s.targetFillRate), 'percent', 'Weighted by annual demand'],
    ['Planned fill rate', nullable(s.fillRate), 'percent', 'What the recommended stock gives under the model, weighted by annual demand'],
    ['Expected annual SLA misses (units)', s.expectedAnnualMisses, 'decimal', 'Annual demand × (1 − fill rate)'],
    ['Expected annual SLA penalties', s.expectedAnnualPenalty, 'currency', 'Misses × penalty per miss (Critical parts)'],
    ['Backtest: part-locations with held-out demand', s.backtest.evaluated, 'integer', `Last ${result.backtest[0]?.periods ?? 0} periods held out, stock decided on the rest`],
    ['Backtest: target fill rate', nullable(s.backtest.targetFillRate), 'percent', 'Weighted by held-out demand'],
    ['Backtest: promised fill rate', nullable(s.backtest.promisedFillRate), 'percent', 'What the model promised for the stock decided before the held-out periods'],
    ['Backtest: achieved fill rate', nullable(s.backtest.achievedFillRate), 'percent', 'Held-out demand replayed against that stock'],
    ['Backtest: held-out demand (units)', s.backtest.demand, 'integer', `${s.backtest.filled} filled at once`],
  ];
  for (const [cls, count] of Object.entries(s.demandClasses)) rows.push([`Demand class: ${cls}`, count, 'integer', 'Part-locations (Syntetos–Boylan)']);
  for (const [method, count] of Object.entries(s.methods)) rows.push([`Forecast method: ${method}`, count, 'integer', 'Part-locations']);
  if (s.inventory) {
    rows.push(['Current inventory value', s.inventory.onHandValue, 'currency', `${s.inventory.partLocations} part-locations with inventory`]);
    rows.push(['Inventory above recommended stock', s.inventory.excessValue, 'currency', 'Value of units on hand beyond the recommended stock']);
    rows.push(['Shortfall to recommended stock', s.inventory.shortfallValue, 'currency', `${s.inventory.shortfallUnits} units to add`]);
  }
  rows.push(['Issues in the input', result.issues.length, 'integer', `${result.issues.filter((i) => i.severity === 'error').length} errors, ${result.issues.filter((i) => i.severity === 'warning').length} warnings`]);
  rows.push(['Engine version', result.engineVersion, 'text', 'Service Parts Planner']);
  return {
    sheet: RESULT_SHEETS.summary,
    tableName: 'SppSummary',
    title: `Service Parts Planner — summary (${s.currency})`,
    columns: [col('Metric', 'text', 44), col('Value', 'decimal', 18), col('Note', 'text', 70)],
    rows: rows.map(([metric, value, , note]) => [metric, value, note]),
    rowFormats: rows.map(([, , format]) => format),
  };
}

function demandTable(result: AnalysisResult): ResultTable {
  return {
    sheet: RESULT_SHEETS.demand,
    tableName: 'SppDemandProfile',
    title: 'Demand profile and forecast per part-location',
    columns: [
      col('PartID', 'text'),
      col('LocationID', 'text'),
      col('Periods', 'integer'),
      col('NonZeroPeriods', 'integer'),
      col('TotalQuantity', 'integer'),
      col('ADI', 'decimal'),
      col('CV2', 'decimal'),
      col('DemandClass', 'text'),
      col('Method', 'text'),
      col('RatePerPeriod', 'decimal'),
      col('BacktestOrigins', 'integer'),
      col('BacktestMAE', 'decimal'),
      col('BacktestBias', 'decimal'),
      col('BacktestRMSE', 'decimal'),
    ],
    rows: result.demand.map((d) => [
      d.partId,
      d.locationId,
      d.periods,
      d.nonZeroPeriods,
      d.totalQuantity,
      d.adi,
      d.cv2,
      d.demandClass,
      d.method,
      d.ratePerPeriod,
      d.backtest?.origins ?? null,
      d.backtest?.mae ?? null,
      d.backtest?.bias ?? null,
      d.backtest?.rmse ?? null,
    ]),
    charts: [{ kind: 'xyScatter', title: 'Demand classes: ADI vs CV²', xAxisTitle: 'ADI (periods per demand)', yAxisTitle: 'CV² of demand sizes', categoryColumn: 'ADI', seriesColumns: ['CV2'] }],
  };
}

function stockTable(result: AnalysisResult): ResultTable {
  return {
    sheet: RESULT_SHEETS.stock,
    tableName: 'SppStock',
    title: 'Recommended base-stock levels',
    columns: [
      col('PartID', 'text'),
      col('LocationID', 'text'),
      col('LocationType', 'text'),
      col('Criticality', 'text'),
      col('SLATier', 'text'),
      col('TargetFillRate', 'percent'),
      col('Stock', 'integer'),
      col('FillRate', 'percent'),
      col('ReadyRate', 'percent'),
      col('ExpectedBackorders', 'decimal'),
      col('ExpectedOnHand', 'decimal'),
      col('UnitCost', 'currency'),
      col('Investment', 'currency'),
      col('AnnualHoldingCost', 'currency'),
      col('ExpectedAnnualMisses', 'decimal'),
      col('ExpectedAnnualPenalty', 'currency'),
      col('LeadTimeDays', 'decimal'),
      col('LeadTimeDemandMean', 'decimal'),
      col('LeadTimeDemandVariance', 'decimal'),
      col('Distribution', 'text'),
      col('OnHand', 'integer'),
      col('OnHandFillRate', 'percent'),
      col('StockMinusOnHand', 'integer'),
      col('BacktestFillRate', 'percent'),
    ],
    rows: result.stock.map((s) => [
      s.partId,
      s.locationId,
      s.locationType,
      s.criticality,
      s.slaTier,
      s.targetFillRate,
      s.stock,
      s.fillRate,
      s.readyRate,
      s.expectedBackorders,
      s.expectedOnHand,
      s.unitCost,
      s.investment,
      s.annualHoldingCost,
      s.expectedAnnualMisses,
      s.expectedAnnualPenalty,
      s.leadTimeDays,
      s.leadTimeDemandMean,
      s.leadTimeDemandVariance,
      s.distribution,
      s.onHand,
      s.onHandFillRate,
      s.stockMinusOnHand,
      s.backtestFillRate,
    ]),
  };
}

function backtestTable(result: AnalysisResult): ResultTable {
  return {
    sheet: RESULT_SHEETS.backtest,
    tableName: 'SppBacktest',
    title: 'Backtest: stock decided without the last periods, then their demand replayed',
    columns: [
      col('PartID', 'text'),
      col('LocationID', 'text'),
      col('HeldOutPeriods', 'integer'),
      col('TargetFillRate', 'percent'),
      col('StockDecided', 'integer'),
      col('PromisedFillRate', 'percent'),
      col('Demand', 'integer'),
      col('Filled', 'integer'),
      col('AchievedFillRate', 'percent'),
    ],
    rows: result.backtest.map((b) => [b.partId, b.locationId, b.periods, b.targetFillRate, b.stock, b.promisedFillRate, b.demand, b.filled, b.achievedFillRate]),
  };
}

function groupColumns(keyHeader: string): ResultColumn[] {
  return [
    col(keyHeader, 'text'),
    col('PartLocations', 'integer'),
    col('Stock', 'integer'),
    col('Investment', 'currency'),
    col('AnnualHoldingCost', 'currency'),
    col('ExpectedAnnualPenalty', 'currency'),
    col('TargetFillRate', 'percent'),
    col('PlannedFillRate', 'percent'),
    col('BacktestPromisedFillRate', 'percent'),
    col('BacktestAchievedFillRate', 'percent'),
    col('BacktestDemand', 'integer'),
  ];
}

function groupRow(g: GroupSummary): CellValue[] {
  const bt: FillRateComparison = g.backtest;
  return [
    g.key,
    g.partLocations,
    g.stock,
    g.investment,
    g.annualHoldingCost,
    g.expectedAnnualPenalty,
    nullable(g.targetFillRate),
    nullable(g.fillRate),
    nullable(bt.promisedFillRate),
    nullable(bt.achievedFillRate),
    bt.demand,
  ];
}

function byLocationTable(result: AnalysisResult): ResultTable {
  return {
    sheet: RESULT_SHEETS.byLocation,
    tableName: 'SppByLocation',
    title: 'Stock and service by location',
    columns: groupColumns('LocationID'),
    rows: result.summary.byLocation.map(groupRow),
    charts: [{ kind: 'columnClustered', title: 'Stock investment by location', xAxisTitle: 'Location', yAxisTitle: `Investment (${result.summary.currency})`, categoryColumn: 'LocationID', seriesColumns: ['Investment'] }],
  };
}

function byTierTable(result: AnalysisResult): ResultTable {
  return {
    sheet: RESULT_SHEETS.byTier,
    tableName: 'SppByTier',
    title: 'Promised vs backtested fill rate by SLA tier (Standard parts apart)',
    columns: groupColumns('Tier'),
    rows: result.summary.byTier.map(groupRow),
    charts: [
      {
        kind: 'columnClustered',
        title: 'Promised vs backtested fill rate by SLA tier',
        xAxisTitle: 'SLA tier',
        yAxisTitle: 'Fill rate',
        categoryColumn: 'Tier',
        seriesColumns: ['TargetFillRate', 'BacktestPromisedFillRate', 'BacktestAchievedFillRate'],
      },
    ],
  };
}

function issuesTable(issues: ValidationIssue[]): ResultTable {
  return {
    sheet: RESULT_SHEETS.issues,
    tableName: 'SppIssues',
    title: issues.length ? 'Problems found in the input' : 'No problems found in the input',
    columns: [col('Severity', 'text', 10), col('Sheet', 'text', 16), col('Cell', 'text', 8), col('Message', 'text', 100)],
    rows: issues.map((i) => [i.severity, i.sheet, i.cell, i.message]),
  };
}

export function layoutResults(result: AnalysisResult): ResultBundle {
  return {
    currency: result.summary.currency,
    resultSheets: ALL_RESULT_SHEETS,
    tables: [summaryTable(result), demandTable(result), stockTable(result), backtestTable(result), byLocationTable(result), byTierTable(result), issuesTable(result.issues)],
  };
}
