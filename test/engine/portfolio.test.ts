/**
 * The portfolio: policy parameters of every part-location (describePortfolio), the on-hand fill
 * rate (finishPortfolio) and the summary aggregates (summarizePortfolio), against hand calculations
 * on tiny workbooks.
 */
import { DEFAULT_PLAN_SETTINGS } from '../../src/engine/plan';
import { DEMAND_CLASS_CODE, METHOD_CODE, PLAN_FIELDS, PlanTable, type PlanField } from '../../src/engine/plan-table';
import { describePortfolio, finishPortfolio, planBatch, planPortfolio, planSettingsFrom, PlanningCancelled, summarizePortfolio, type PortfolioRows } from '../../src/engine/portfolio';
import type { DemandClass } from '../../src/engine/classify';
import type { ForecastMethod } from '../../src/engine/forecast/types';
import type { PlanningInput } from '../../src/model/types';
import { central, constant, demand, field, part, planningInput, tier } from './planning-input';

const MONTH = 30.4375;
const alternating = (n: number) => Array.from({ length: n }, (_, t) => (t % 2 === 1 ? 4 : 0));

/**
 * Three locations and three parts:
 * - C1 Central, tier Gold (95 %, penalty 1500); C2 Central without tier, holding rate 0.4;
 *   F1 Field under C1, 7 days resupply, tier Silver (90 %, penalty 200);
 * - A Critical consumable, lead time one month; B Standard; R Critical repairable
 *   (0.9 × 20 + 0.1 × 90 = 27 days at a Central).
 */
function workbook(fields: { inventory?: PlanningInput['inventory']; periodLength?: 'Month' | 'Week' } = {}): PlanningInput {
  return planningInput({
    parts: [part('A', { leadTimeDays: MONTH, unitCost: 100 }), part('B', { criticality: 'Standard', leadTimeDays: MONTH, unitCost: 10 }), part('R', { repairable: true, repairDays: 20, leadTimeDays: 90, scrapRate: 0.1, unitCost: 1000 })],
    locations: [central('C1', { slaTier: 'Gold' }), central('C2', { holdingCostRate: 0.4 }), field('F1', 'C1', 7, { slaTier: 'Silver' })],
    slaTiers: [tier('Gold', 0.95, 1500), tier('Silver', 0.9, 200)],
    demand: [demand('A', 'C1', constant(2, 36)), demand('B', 'C1', constant(2, 36)), demand('A', 'F1', alternating(36)), demand('R', 'C2', constant(0, 36)), demand('R', 'C1', alternating(36))],
    ...fields,
  });
}

describe('describePortfolio: the policy parameters of each part-location', () => {
  const input = workbook();
  const described = () => describePortfolio(input);

  test('keys and master data, row by row in the order of the demand series', () => {
    const { rows, batch } = described();
    expect(rows.count).toBe(5);
    expect(rows.partId).toEqual(['A', 'B', 'A', 'R', 'R']);
    expect(rows.locationId).toEqual(['C1', 'C1', 'F1', 'C2', 'C1']);
    expect(rows.locationType).toEqual(['Central', 'Central', 'Field', 'Central', 'Central']);
    expect(rows.criticality).toEqual(['Critical', 'Standard', 'Critical', 'Critical', 'Critical']);
    expect(rows.slaTier).toEqual(['Gold', 'Gold', 'Silver', null, 'Gold']);
    expect([...rows.unitCost]).toEqual([100, 10, 100, 1000, 1000]);
  });

  test('target, penalty and holding rate by criticality and tier', () => {
    const { rows, batch } = described();
    // A at Gold: 95 %; B is Standard: StandardFillRate 85 % and no penalty; A at Silver: 90 %;
    // R at C2 (no tier): StandardFillRate, no penalty; R at Gold: 95 %, 1500.
    expect([...rows.targetFillRate]).toEqual([0.95, 0.85, 0.9, 0.85, 0.95]);
    expect([...rows.penaltyPerMiss]).toEqual([1500, 0, 200, 0, 1500]);
    expect([...rows.holdingCostRate]).toEqual([0.25, 0.25, 0.25, 0.4, 0.25]);
  });

  test('lead time in days and in periods (days / 30.4375 for months)', () => {
    const { rows, batch } = described();
    expect(rows.leadTimeDays[0]).toBe(MONTH);
    expect(rows.leadTimeDays[2]).toBe(7); // Field: ResupplyDays
    expect(rows.leadTimeDays[3]).toBeCloseTo(27, 12); // repairable at a Central
    expect(rows.leadTimeDays[4]).toBeCloseTo(27, 12);
    expect(batch.leadTimePeriods[0]).toBe(1);
    expect(batch.leadTimePeriods[2]).toBeCloseTo(7 / MONTH, 15);
    expect(batch.leadTimePeriods[3]).toBeCloseTo(27 / MONTH, 14);
  });

  test('weekly periods: lead time in weeks, 365.25/7 periods a year', () => {
    const { rows, batch } = described();
    const weekly = describePortfolio(workbook({ periodLength: 'Week' })).batch;
    expect(weekly.leadTimePeriods[2]).toBe(1); // 7 days
    expect(weekly.leadTimePeriods[0]).toBeCloseTo(MONTH / 7, 14);
    expect(weekly.settings.periodsPerYear).toBeCloseTo(365.25 / 7, 12);
  });

  test('the batch: settings from the workbook, the series and the parameters of every row', () => {
    const { rows, batch } = described();
    expect(batch.settings).toEqual(planSettingsFrom(input.settings));
    expect(batch.count).toBe(5);
    expect(batch.periods).toBe(36);
    expect(batch.series[2]).toBe(input.demand[2].quantities);
    expect(batch.targetFillRate).toBe(rows.targetFillRate);
    expect(batch.unitCost).toBe(rows.unitCost);
    expect(batch.holdingCostRate).toBe(rows.holdingCostRate);
    expect(batch.penaltyPerMiss).toBe(rows.penaltyPerMiss);
  });

  test('planSettingsFrom maps every setting', () => {
    const { rows, batch } = described();
    const settings = planSettingsFrom({ ...input.settings, forecastMethod: 'TSB', alpha: 0.2, beta: 0.3, movingAverageWindow: 6, backtestPeriods: 9, distribution: 'Poisson', varianceEstimate: 'Sample', fillRateModel: 'Classic', periodLength: 'Week', leadTimeDemand: 'Compound', obsoleteAfterYears: 2, calibration: 'Auto' });
    // 2 years of weeks: 2 × 365.25 / 7 = 104.36 → 104 periods.
    expect(settings).toEqual({ forecastMethod: 'TSB', forecast: { alpha: 0.2, beta: 0.3, movingAverageWindow: 6 }, backtestPeriods: 9, periodsPerYear: 365.25 / 7, distribution: 'Poisson', varianceEstimate: 'sample', fillRateModel: 'Classic', leadTimeDemand: 'Compound', obsoleteAfterPeriods: 104, nearZeroRule: true, calibration: 'Auto' });
  });

  test('no Inventory table: on hand unknown (NaN) everywhere', () => {
    const { rows, batch } = described();
    expect([...rows.onHand].every(Number.isNaN)).toBe(true);
  });

  test('unvalidated input is refused with the part and location', () => {
    const { rows, batch } = described();
    const unknown = { ...input, demand: [demand('X', 'C1', constant(1, 36))] };
    expect(() => describePortfolio(unknown)).toThrow('Unvalidated input: X at C1');
    const nowhere = { ...input, demand: [demand('A', 'Z9', constant(1, 36))] };
    expect(() => describePortfolio(nowhere)).toThrow('Unvalidated input: A at Z9');
    const short = { ...input, demand: [demand('A', 'C1', constant(1, 35))] };
    expect(() => describePortfolio(short)).toThrow('Unvalidated input: A at C1 has 35 periods, not 36');
  });
});

describe('planPortfolio on the tiny workbook', () => {
  // Hand calculations of plan.test.ts: 2 a month for 36 months, one month's lead time → Poisson(2);
  // 95 % → S = 6, FR = F(5) = 0.98344; 85 % (Standard B) → S = 4, FR = F(3) = 0.85712.
  const inventory = [
    { partId: 'A', locationId: 'C1', onHand: 3.7 },
    { partId: 'B', locationId: 'C1', onHand: 9 },
    { partId: 'R', locationId: 'C2', onHand: 2 },
    { partId: 'R', locationId: 'C1', onHand: 7 },
  ];
  const planned = () => planPortfolio(workbook({ inventory }));

  test('each row planned with its own parameters', () => {
    const { rows } = planned();
    const c = rows.plans.columns;
    expect(c.stock[0]).toBe(6);
    expect(c.fillRate[0]).toBeCloseTo(0.98343639151938556, 14);
    expect(c.stock[1]).toBe(4);
    expect(c.fillRate[1]).toBeCloseTo(0.85712346049854705, 14);
    expect(c.leadTimePeriods[2]).toBeCloseTo(7 / MONTH, 15);
    // A at Silver: penalty 200 per miss; B (Standard) none.
    expect(c.expectedAnnualPenalty[2]).toBeCloseTo(c.expectedAnnualMisses[2] * 200, 10);
    expect(c.expectedAnnualPenalty[1]).toBe(0);
    // R at C2 (holding rate 0.4) has no demand: nothing stocked.
    expect(c.stock[3]).toBe(0);
    expect(c.annualHoldingCost[0]).toBeCloseTo(4.0059243838037357 * 100 * 0.25, 10);
  });

  test('on-hand fill rate = FR(⌊on hand⌋) of the planned lead-time demand', () => {
    const { rows } = planned();
    // A at C1: 3.7 on hand → FR(3) = F(2) = e^−2 (1 + 2 + 2) = 0.67668 (3 units, not 4: F(3) = 0.857).
    expect(rows.onHand[0]).toBe(3.7);
    expect(rows.onHandFillRate[0]).toBeCloseTo(0.67667641618306346, 14);
    // B at C1: 9 on hand → FR(9) = F(8) for Poisson(2) = 0.9997626 (exact sum); R at C2: no demand → 1.
    expect(rows.onHandFillRate[1]).toBeCloseTo(0.99976255267173884, 14);
    expect(rows.onHandFillRate[3]).toBe(1);
    // A at F1 has no inventory row: unknown.
    expect(rows.onHand[2]).toBeNaN();
    expect(rows.onHandFillRate[2]).toBeNaN();
    expect(rows.stockMinusOnHand[2]).toBeNaN();
  });

  test('on-hand fill rate under the compound model of a negative-binomial row', () => {
    const { rows } = planned();
    const c = rows.plans.columns;
    // R at C1: alternating 0, 4 (rate 2, variance 152/35 a month, plan.test.ts); lead time 27 days =
    // 27/30.4375 months, so NB(2·27/30.4375, (152/35)·27/30.4375). Compound FR by the SciPy reference
    // (nbinom, logser): FR(7) = 0.94451 < 0.95 ≤ FR(8) = 0.96704, so S = 8, and 7 on hand give FR(7).
    expect(rows.plans.distributionAt(4)).toBe('NegativeBinomial');
    expect(c.leadTimeDemandMean[4]).toBeCloseTo(2 * (27 / MONTH), 12);
    expect(c.leadTimeDemandVariance[4]).toBeCloseTo((152 / 35) * (27 / MONTH), 12);
    expect(c.stock[4]).toBe(8);
    expect(c.fillRate[4]).toBeCloseTo(0.967043661751973, 10);
    expect(rows.onHandFillRate[4]).toBeCloseTo(0.9445130251060635, 10);
  });

  test('stock minus on hand', () => {
    const { rows } = planned();
    expect(rows.stockMinusOnHand[0]).toBeCloseTo(6 - 3.7, 14);
    expect(rows.stockMinusOnHand[1]).toBe(4 - 9);
    expect(rows.stockMinusOnHand[3]).toBe(0 - 2);
  });

  test('inventory in the summary: value on hand, excess above the recommendation, shortfall', () => {
    const { summary } = planned();
    // On hand: 3.7 × 100 + 9 × 10 + 2 × 1000 + 7 × 1000 = 9460. Excess: B 5 × 10 + R@C2 2 × 1000 = 2050.
    // Shortfall: A 6 − 3.7 = 2.3 units (230), R@C1 8 − 7 = 1 unit (1000).
    expect(summary.inventory).not.toBeNull();
    const inventory = summary.inventory!;
    expect(inventory.partLocations).toBe(4);
    expect(inventory.onHandValue).toBeCloseTo(9460, 9);
    expect(inventory.excessValue).toBeCloseTo(2050, 9);
    expect(inventory.shortfallUnits).toBeCloseTo(3.3, 12);
    expect(inventory.shortfallValue).toBeCloseTo(1230, 9);
  });

  test('summary header', () => {
    const { summary } = planned();
    expect(summary).toMatchObject({ partLocations: 5, parts: 3, locations: 3, periods: 36, periodLength: 'Month', firstPeriod: 'P1', lastPeriod: 'P36', currency: 'USD' });
  });

  test('cancellation and progress', () => {
    const { rows: fresh, batch } = describePortfolio(workbook());
    const seen: [number, number][] = [];
    planBatch(batch, fresh.plans, { onProgress: (done, total) => seen.push([done, total]) });
    expect(seen).toEqual([[0, 5], [5, 5]]);
    expect(() => planBatch(batch, fresh.plans, { shouldStop: () => true })).toThrow(PlanningCancelled);
    expect(() => planPortfolio(workbook(), { shouldStop: () => true })).toThrow('The analysis was cancelled.');
    // The task pane recognises a cancelled run by the error's name (src/taskpane/analysis/runner.ts).
    const cancelled = new PlanningCancelled();
    expect(cancelled).toBeInstanceOf(Error);
    expect(cancelled.name).toBe('PlanningCancelled');
  });

  test('progress every 500 part-locations', () => {
    // 1,001 part-locations: progress at 0, 500, 1000 and at the end.
    const many = planningInput({ parts: [part('A')], locations: [central('C1')], demand: Array.from({ length: 1001 }, () => demand('A', 'C1', constant(1, 12))) });
    const seen: number[] = [];
    planPortfolio(many, { onProgress: (done) => seen.push(done) });
    expect(seen).toEqual([0, 500, 1000, 1001]);
  });

  test('a part-location without demand and nothing on hand would fill none of a demand that came: on-hand fill rate 0', () => {
    // Fill rate of S = 0 is 0 at every positive rate, hence also its limit as the rate falls to 0 (docs/methods.md §5.1).
    const input = workbook({ inventory: [{ partId: 'R', locationId: 'C2', onHand: 0 }] });
    const { rows } = planPortfolio(input);
    expect(rows.onHandFillRate[3]).toBe(0);
    expect(rows.stockMinusOnHand[3]).toBe(0);
  });

  test('an empty portfolio: no rows, no period labels', () => {
    const empty = planningInput({ parts: [], locations: [], demand: [] });
    const { summary } = planPortfolio(empty);
    expect(summary).toMatchObject({ partLocations: 0, parts: 0, locations: 0, periods: 0, firstPeriod: '', lastPeriod: '', stock: 0, inventory: null });
    expect(summary.fillRate).toBeNaN();
  });

  test('no inventory: the summary has none', () => {
    const { summary } = planned();
    expect(planPortfolio(workbook()).summary.inventory).toBeNull();
  });
});

interface HandRow {
  partId: string;
  locationId: string;
  criticality: 'Critical' | 'Standard';
  slaTier: string | null;
  targetFillRate: number;
  unitCost: number;
  onHand: number;
  demandClass: DemandClass;
  method: ForecastMethod;
  plan: Partial<Record<PlanField, number>>;
}

/** Rows with hand-chosen plans, to check the aggregation alone. */
function handRows(list: HandRow[]): PortfolioRows {
  const n = list.length;
  const plans = new PlanTable(n);
  const rows: PortfolioRows = {
    count: n,
    partId: list.map((r) => r.partId),
    locationId: list.map((r) => r.locationId),
    locationType: list.map(() => 'Central'),
    criticality: list.map((r) => r.criticality),
    slaTier: list.map((r) => r.slaTier),
    targetFillRate: Float64Array.from(list, (r) => r.targetFillRate),
    leadTimeDays: new Float64Array(n),
    unitCost: Float64Array.from(list, (r) => r.unitCost),
    holdingCostRate: new Float64Array(n).fill(0.25),
    penaltyPerMiss: new Float64Array(n),
    onHand: Float64Array.from(list, (r) => r.onHand),
    onOrder: new Float64Array(n),
    inRepair: new Float64Array(n),
    position: Float64Array.from(list, (r) => r.onHand),
    onHandFillRate: new Float64Array(n),
    stockMinusOnHand: Float64Array.from(list, (r) => (r.plan.stock ?? 0) - r.onHand),
    plans,
  };
  list.forEach((r, i) => {
    for (const f of PLAN_FIELDS) plans.columns[f][i] = r.plan[f] ?? 0;
    plans.demandClass[i] = DEMAND_CLASS_CODE[r.demandClass];
    plans.method[i] = METHOD_CODE[r.method];
  });
  return rows;
}

describe('summary aggregates, weighted by demand', () => {
  // Monthly: annual demand = 12 × rate.
  //   r0 A@C1 Gold, Critical: rate 1 (12 a year), target 0.95, fill 0.90; backtest 10 demanded, 8 filled, promised 0.92, S 3
  //   r1 B@C1 Standard:      rate 3 (36 a year), target 0.85, fill 0.98; backtest 30 demanded, 27 filled, promised 0.96, S 4
  //   r2 A@F1 Silver:        rate 0.5 (6 a year), target 0.90, fill 0.80; backtest nothing demanded, S 2
  //   r3 C@C2 no tier:       rate 0, fill 1; too short for a backtest
  const list: HandRow[] = [
    { partId: 'A', locationId: 'C1', criticality: 'Critical', slaTier: 'Gold', targetFillRate: 0.95, unitCost: 100, onHand: 5, demandClass: 'smooth', method: 'SES',
      plan: { ratePerPeriod: 1, stock: 3, investment: 300, annualHoldingCost: 50, expectedAnnualPenalty: 100, expectedAnnualMisses: 0.5, fillRate: 0.9, backtestPeriods: 12, backtestStock: 3, backtestPromisedFillRate: 0.92, backtestDemand: 10, backtestFilled: 8 } },
    { partId: 'B', locationId: 'C1', criticality: 'Standard', slaTier: 'Gold', targetFillRate: 0.85, unitCost: 10, onHand: 2, demandClass: 'lumpy', method: 'SBA',
      plan: { ratePerPeriod: 3, stock: 5, investment: 50, annualHoldingCost: 5, expectedAnnualPenalty: 0, expectedAnnualMisses: 1.2, fillRate: 0.98, backtestPeriods: 12, backtestStock: 4, backtestPromisedFillRate: 0.96, backtestDemand: 30, backtestFilled: 27 } },
    { partId: 'A', locationId: 'F1', criticality: 'Critical', slaTier: 'Silver', targetFillRate: 0.9, unitCost: 100, onHand: NaN, demandClass: 'lumpy', method: 'SBA',
      plan: { ratePerPeriod: 0.5, stock: 2, investment: 200, annualHoldingCost: 30, expectedAnnualPenalty: 60, expectedAnnualMisses: 0.3, fillRate: 0.8, backtestPeriods: 12, backtestStock: 2, backtestPromisedFillRate: 0.7, backtestDemand: 0, backtestFilled: 0 } },
    { partId: 'C', locationId: 'C2', criticality: 'Critical', slaTier: null, targetFillRate: 0.85, unitCost: 1000, onHand: 0, demandClass: 'none', method: 'SES',
      plan: { ratePerPeriod: 0, stock: 0, fillRate: 1, backtestPeriods: 0 } },
  ];
  const input = planningInput({ parts: [], locations: [], demand: [demand('A', 'C1', constant(0, 24))] });
  const summarized = () => summarizePortfolio(handRows(list), input);

  test('totals', () => {
    const summary = summarized();
    expect(summary).toMatchObject({ partLocations: 4, parts: 3, locations: 3 });
    expect(summary.stock).toBe(10);
    expect(summary.investment).toBe(550);
    expect(summary.annualHoldingCost).toBe(85);
    expect(summary.expectedAnnualPenalty).toBe(160);
    expect(summary.expectedAnnualMisses).toBeCloseTo(2, 14);
    expect(summary.annualDemand).toBe(54); // 12 + 36 + 6 + 0
  });

  test('target and fill rate weighted by annual demand (not a plain mean of the rows)', () => {
    const summary = summarized();
    // (0.95·12 + 0.85·36 + 0.90·6) / 54 = 47.4 / 54 = 0.87778
    expect(summary.targetFillRate).toBeCloseTo(47.4 / 54, 14);
    // (0.90·12 + 0.98·36 + 0.80·6) / 54 = 50.88 / 54 = 0.94222 (the plain mean of the four would be 0.92)
    expect(summary.fillRate).toBeCloseTo(50.88 / 54, 14);
  });

  test('backtest: weighted by held-out demand; rows without held-out demand only add their stock', () => {
    const summary = summarized();
    const b = summary.backtest;
    expect(b.evaluated).toBe(2);
    expect(b.demand).toBe(40);
    expect(b.filled).toBe(35);
    expect(b.targetFillRate).toBeCloseTo((0.95 * 10 + 0.85 * 30) / 40, 14); // 0.875
    expect(b.promisedFillRate).toBeCloseTo((0.92 * 10 + 0.96 * 30) / 40, 14); // 0.95
    expect(b.achievedFillRate).toBeCloseTo(35 / 40, 14);
    expect(b.stock).toBe(9); // 3 + 4 + 2; r3 had no backtest
  });

  test('by location', () => {
    const summary = summarized();
    expect(summary.byLocation.map((g) => g.key)).toEqual(['C1', 'F1', 'C2']);
    const [c1, f1, c2] = summary.byLocation;
    expect(c1).toMatchObject({ partLocations: 2, stock: 8, investment: 350, annualHoldingCost: 55, expectedAnnualPenalty: 100 });
    expect(c1.targetFillRate).toBeCloseTo((0.95 * 12 + 0.85 * 36) / 48, 14); // 0.875
    expect(c1.fillRate).toBeCloseTo((0.9 * 12 + 0.98 * 36) / 48, 14); // 0.96
    expect(c1.backtest).toMatchObject({ evaluated: 2, demand: 40, filled: 35, stock: 7 });
    expect(f1).toMatchObject({ partLocations: 1, stock: 2 });
    expect(f1.targetFillRate).toBeCloseTo(0.9, 15);
    expect(f1.fillRate).toBeCloseTo(0.8, 15);
    expect(f1.backtest).toMatchObject({ evaluated: 0, demand: 0, filled: 0, stock: 2 });
    expect(f1.backtest.promisedFillRate).toBeNaN();
    expect(f1.backtest.achievedFillRate).toBeNaN();
    expect(f1.backtest.targetFillRate).toBeNaN();
    // No demand at all: no weighted rates.
    expect(c2.targetFillRate).toBeNaN();
    expect(c2.fillRate).toBeNaN();
    expect(c2.backtest.stock).toBe(0);
  });

  test('by tier: Critical parts by their location tier, Standard parts in their own group, no tier as (none)', () => {
    const summary = summarized();
    expect(summary.byTier.map((g) => [g.key, g.partLocations, g.stock])).toEqual([
      ['Gold', 1, 3],
      ['Standard parts', 1, 5],
      ['Silver', 1, 2],
      ['(none)', 1, 0],
    ]);
    expect(summary.byTier[1].targetFillRate).toBeCloseTo(0.85, 14);
    expect(summary.byTier[1].backtest.promisedFillRate).toBeCloseTo(0.96, 14);
  });

  test('demand classes and methods counted', () => {
    const summary = summarized();
    expect(summary.demandClasses).toEqual({ smooth: 1, erratic: 0, intermittent: 0, lumpy: 2, none: 1 });
    expect(summary.methods).toEqual({ SES: 2, SBA: 2 });
  });

  test('inventory: excess valued at unit cost, shortfall in units and value; unknown on hand left out', () => {
    const summary = summarized();
    // r0: S 3 − 5 on hand = −2 → excess 2 × 100; r1: 5 − 2 = 3 short → 3 units, 30; r3: 0 − 0.
    expect(summary.inventory).toEqual({ partLocations: 3, onHandValue: 520, excessValue: 200, shortfallUnits: 3, shortfallValue: 30 });
  });

  test('weekly: annual demand = rate × 365.25/7', () => {
    const summary = summarized();
    const weekly = summarizePortfolio(handRows(list), { ...input, settings: { ...input.settings, periodLength: 'Week' } });
    expect(weekly.annualDemand).toBeCloseTo(4.5 * (365.25 / 7), 12);
    expect(weekly.fillRate).toBeCloseTo(50.88 / 54, 14); // the weights scale together
    expect(weekly.periodLength).toBe('Week');
  });

  test('the engine defaults are what the portfolio plans with by default', () => {
    const summary = summarized();
    expect(planSettingsFrom(input.settings)).toEqual(DEFAULT_PLAN_SETTINGS);
  });
});

describe('finishPortfolio', () => {
  test('rows without inventory get NaN; the fill-rate model of the settings is used', () => {
    const input = planningInput({
      parts: [part('A', { leadTimeDays: MONTH })],
      locations: [central('C1', { slaTier: 'Gold' })],
      slaTiers: [tier('Gold', 0.95)],
      demand: [demand('A', 'C1', alternating(36))],
      inventory: [{ partId: 'A', locationId: 'C1', onHand: 7 }],
      settings: { fillRateModel: 'Classic' },
    });
    const { rows, batch } = describePortfolio(input);
    planBatch(batch, rows.plans);
    const { rows: finished } = finishPortfolio(rows, input);
    // NB(2, 152/35) with one month's lead time (plan.test.ts): Classic FR(7) = F(6) = 0.96008 (SciPy).
    expect(finished.onHandFillRate[0]).toBeCloseTo(0.9600807153778814, 11);
    // And with the default compound model: FR(7) = 0.93195 (SciPy).
    const compound = { ...input, settings: { ...input.settings, fillRateModel: 'Compound' as const } };
    const again = describePortfolio(compound);
    planBatch(again.batch, again.rows.plans);
    expect(finishPortfolio(again.rows, compound).rows.onHandFillRate[0]).toBeCloseTo(0.9319496818754284, 11);
  });
});
