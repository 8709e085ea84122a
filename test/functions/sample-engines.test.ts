/**
 * The grid reproduces the network and MOM engines on a sample workbook. Their sheets are not
 * written by the analysis yet, so the engines' own modules are run on the sample's validated
 * inputs, as the integration will run them, and every field location's VARI-METRIC measures and
 * every EndOfLife part's last-time buy are recomputed with the custom functions from that row's
 * inputs: the field's and the Central's rates, times and stock, the part's history and position.
 */
import { buildNetworkProblem, centralPipelineDays, DEFAULT_NETWORK_SETTINGS, evaluateNetwork, type NetworkPartInput } from '../../src/engine/network';
import { lastTimeBuy, periodsUntil } from '../../src/engine/mom';
import { daysPerPeriod } from '../../src/engine/policy';
import { lastTimeBuyFromHistory } from '../../src/functions/lifecycle';
import { variMetric } from '../../src/functions/network';
import { analyzeTables, validateRun, type InputTables } from '../../src/pipeline/run';
import { generateSample } from '../../src/sample';
import type { InputTableToWrite, SheetTable } from '../../src/workbook/port';

function asSheetTables(tables: InputTableToWrite[]): InputTables {
  const sheets: InputTables = {};
  for (const table of tables) {
    const sheet: SheetTable = { name: table.name, sheet: table.name, source: 'table', headerRow: 1, firstColumn: 1, headers: table.columns.map((c) => c.header), rows: table.rows };
    sheets[table.name as keyof InputTables] = sheet;
  }
  return sheets;
}

/** Enough parts for several EndOfLife parts with an EndOfSupport after the history. */
const PARTS = 100;
const tables = asSheetTables(generateSample({ parts: PARTS, locations: 12, periods: 36, seed: 7, periodLength: 'Month' }));
const validated = validateRun(tables);
const analysis = analyzeTables(tables);
if (!validated.ok || !analysis.ok) throw new Error('the sample did not validate');
const input = validated.input;

/** The single-location plan's rows by part and location: forecast (SPP Demand Profile), lead-time demand and recommended stock (SPP Stock). */
interface PlanRow {
  partId: string;
  locationId: string;
  ratePerPeriod: number;
  leadTimeDemandMean: number;
  leadTimeDemandVariance: number;
  stock: number;
}
/** Equal up to rounding: the function sums the Central's demand in another order than the engine. */
function expectClose(actual: number, expected: number, label: string): void {
  if (!(Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected)))) throw new Error(`${label}: ${actual}, the engine ${expected}`);
}

const key = (r: { partId: string; locationId: string }) => `${r.partId}|${r.locationId}`;
const rates = new Map((analysis.result.demand as unknown as PlanRow[]).map((r) => [key(r), r.ratePerPeriod]));
const stockRows = new Map((analysis.result.stock as unknown as PlanRow[]).map((r) => [key(r), { ...r, ratePerPeriod: rates.get(key(r))! }]));

describe('SPP.VARIMETRIC: every field location of the sample network at the single-location plan’s stock', () => {
  const dayLength = daysPerPeriod(input.grid.length);
  const centrals = input.locations.filter((l) => l.type === 'Central');
  const fieldsOf = (central: string) => input.locations.filter((l) => l.type === 'Field' && l.parent === central);
  /** Per day: the forecast rate, and the variance-to-mean ratio of lead-time demand (the engine's per-period ratio). */
  const demandOf = (partId: string, locationId: string) => {
    const row = stockRows.get(`${partId}|${locationId}`);
    const rate = row ? row.ratePerPeriod / dayLength : 0;
    const ratio = row && row.leadTimeDemandMean > 0 ? Math.max(1, row.leadTimeDemandVariance / row.leadTimeDemandMean) : 1;
    return { rate, ratio, stock: row?.stock ?? 0 };
  };
  const location = { tier: null, holdingCostRate: 0.25, penaltyPerMiss: 0 };

  test('pipeline, backorders, fill and ready rate and on hand of each field equal the network engine’s', () => {
    let fieldsChecked = 0;
    let batchFields = 0;
    let shortCentrals = 0;
    for (const part of input.parts) {
      for (const central of centrals) {
        const fields = fieldsOf(central.id);
        const own = demandOf(part.id, central.id);
        const demands = fields.map((f) => demandOf(part.id, f.id));
        const networkPart: NetworkPartInput = {
          unitCost: part.unitCost,
          centralPipelineDays: centralPipelineDays(part),
          central: { ...location, ratePerDay: own.rate, varianceToMean: own.ratio },
          fields: fields.map((f, j) => ({ ...location, ratePerDay: demands[j].rate, varianceToMean: demands[j].ratio, resupplyDays: f.resupplyDays!, emergencyHours: null })),
        };
        const stock = [own.stock, ...demands.map((d) => d.stock)];
        const { rows } = evaluateNetwork(buildNetworkProblem([networkPart], []), stock, DEFAULT_NETWORK_SETTINGS);
        if (rows.columns.expectedBackorders[0] > 0.01) shortCentrals++;
        // What a planner puts in the cells: the Central's total demand and its ratio v̄ = Σ fᵢvᵢ.
        const total = own.rate + demands.reduce((s, d) => s + d.rate, 0);
        const ratio = total > 0 ? (own.rate * own.ratio + demands.reduce((s, d) => s + d.rate * d.ratio, 0)) / total : 1;
        fields.forEach((field, j) => {
          const d = demands[j];
          const cells = [d.rate, field.resupplyDays, d.stock, total, centralPipelineDays(part), own.stock] as const;
          const id = `${part.id}|${field.id}`;
          expectClose(variMetric(...cells, 'EBO', d.ratio, ratio), rows.columns.expectedBackorders[1 + j], `${id} EBO`);
          expectClose(variMetric(...cells, 'FillRate', d.ratio, ratio), rows.columns.fillRate[1 + j], `${id} FillRate`);
          expectClose(variMetric(...cells, 'ReadyRate', d.ratio, ratio), rows.columns.readyRate[1 + j], `${id} ReadyRate`);
          expectClose(variMetric(...cells, 'ExpectedOnHand', d.ratio, ratio), rows.columns.expectedOnHand[1 + j], `${id} ExpectedOnHand`);
          expectClose(variMetric(...cells, 'PipelineMean', d.ratio, ratio), rows.columns.pipelineMean[1 + j], `${id} PipelineMean`);
          expectClose(variMetric(...cells, 'PipelineVariance', d.ratio, ratio), rows.columns.pipelineVariance[1 + j], `${id} PipelineVariance`);
          fieldsChecked++;
          if (d.ratio > 1) batchFields++;
        });
      }
    }
    // The sample covers what matters: many fields, batch demand, Centrals that run short.
    expect(fieldsChecked).toBe(PARTS * 10);
    expect(batchFields).toBeGreaterThan(50);
    expect(shortCentrals).toBeGreaterThan(5);
  });
});

describe('SPP.LASTTIMEBUYFROMHISTORY: every EndOfLife part of the sample', () => {
  const endOfLife = input.parts.filter((p) => p.lifecycle === 'EndOfLife' && p.endOfSupport !== null);

  test('quantity, coverage, need, leftover, shortage and the fitted decline equal the MOM engine’s', () => {
    const checked = { parts: 0, declining: 0, repairable: 0 };
    for (const part of endOfLife) {
      const history = new Array<number>(input.grid.count).fill(0);
      for (const series of input.demand) if (series.partId === part.id) series.quantities.forEach((q, t) => (history[t] += q));
      const position = input.inventory.filter((i) => i.partId === part.id).reduce((s, i) => s + i.onHand, 0);
      const periods = periodsUntil(part.endOfSupport!, input.grid)!;
      if (!(periods > 0)) continue;
      const engine = lastTimeBuy({ partId: part.id, history, periodsRemaining: periods, position, repairable: part.repairable, scrapRate: part.scrapRate, unitCost: part.unitCost, salvageValue: NaN });
      const cells: [unknown[][], number, null, number, number | null] = [[history], periods, null, position, part.repairable ? part.scrapRate : null];
      const id = part.id;
      expect([id, lastTimeBuyFromHistory(...cells)]).toEqual([id, engine.quantity]);
      expect([id, lastTimeBuyFromHistory(...cells, 'Coverage')]).toEqual([id, engine.coverage]);
      expect([id, lastTimeBuyFromHistory(...cells, 'ExpectedNeed')]).toEqual([id, engine.expectedNeed]);
      expect([id, lastTimeBuyFromHistory(...cells, 'ExpectedLeftover')]).toEqual([id, engine.expectedLeftover]);
      expect([id, lastTimeBuyFromHistory(...cells, 'ExpectedShortage')]).toEqual([id, engine.expectedShortage]);
      expect([id, lastTimeBuyFromHistory(...cells, 'Rate')]).toEqual([id, engine.decline!.rateAfterHistory]);
      checked.parts++;
      if (engine.decline!.model === 'exponential') checked.declining++;
      if (part.repairable) checked.repairable++;
    }
    expect(checked.parts).toBeGreaterThanOrEqual(5);
    expect(checked.declining).toBeGreaterThanOrEqual(1);
  });
});
