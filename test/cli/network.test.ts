/**
 * Network stocking end to end through `spp analyze` (docs/methods.md §9): a one-part network whose
 * Central has no demand of its own, checked against VARI-METRIC computed by hand below (direct sums,
 * not the engine's recurrences) and against an exhaustive search over both stock levels; inventory
 * without demand rows; tiers no location can meet; budget mode from `--budget`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCli, readWorkbook, spp, tableRows, tempDir, writeWorkbook } from './helpers';

beforeAll(buildCli);

const MONTH_DAYS = 365.25 / 12;
const months = Array.from({ length: 24 }, (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

/**
 * P1 (unit cost 100, supplier lead time two months) is demanded only at the field FSL-A, one unit
 * every month (so the forecast is exactly 1 a month and the demand Poisson: no variance beyond it);
 * FSL-A is resupplied from CDC in 7 days and has no emergency delivery. CDC has no customers of its
 * own. FSL-B holds 3 units of P1 without any demand rows, CDC one; P2 is stocked at CDC and never
 * demanded. HUB is a second Central under the 2-hour tier Express, which nothing else serves.
 */
const SHEETS = {
  Parts: [['PartID', 'Description', 'UnitCost', 'LeadTimeDays'], ['P1', 'Board', 100, 2 * MONTH_DAYS], ['P2', 'Old board', 40, 30]],
  Locations: [
    ['LocationID', 'Type', 'Parent', 'ResupplyDays', 'EmergencyHours', 'SLATier'],
    ['CDC', 'Central', null, null, null, null],
    ['FSL-A', 'Field', 'CDC', 7, null, 'Gold'],
    ['FSL-B', 'Field', 'CDC', 5, null, 'Gold'],
    ['HUB', 'Central', null, null, null, 'Express'],
  ],
  SLATiers: [['Tier', 'ResponseHours', 'TargetFillRate', 'PenaltyPerMiss'], ['Gold', 24, 0.95, 1000], ['Express', 2, 0.9, 0]],
  Demand: [['PartID', 'LocationID', 'Period', 'Quantity'], ...months.map((m) => ['P1', 'FSL-A', m, 1])],
  Inventory: [['PartID', 'LocationID', 'OnHand'], ['P1', 'CDC', 1], ['P1', 'FSL-B', 3], ['P2', 'CDC', 2]],
};

// ---- VARI-METRIC by hand (Sherbrooke 2004 ch. 4; Graves 1985) ----
const lambda = 1 / MONTH_DAYS; // units per day at FSL-A, and at CDC (its only field: share f = 1)
const centralMean = lambda * 2 * MONTH_DAYS; // λ₀T₀ = 2
const transit = lambda * 7; // λ₁T₁

/** Poisson(m) probabilities 0 … 80 by the closed form e^−m m^k / k!. */
function poisson(m: number): number[] {
  const out: number[] = [];
  let factorial = 1;
  for (let k = 0; k <= 80; k++) {
    if (k > 0) factorial *= k;
    out.push((Math.exp(-m) * m ** k) / factorial);
  }
  return out;
}

/** EBO(s) = Σ_{k>s} (k − s)·P(k), VBO(s) = Σ_{k>s} (k − s)²·P(k) − EBO². */
function backorders(pmf: number[], s: number): { ebo: number; vbo: number } {
  let ebo = 0;
  let second = 0;
  pmf.forEach((p, k) => {
    if (k > s) {
      ebo += (k - s) * p;
      second += (k - s) ** 2 * p;
    }
  });
  return { ebo, vbo: second - ebo * ebo };
}

/** The field's pipeline for central stock s0: mean λ₁T₁ + f·EBO₀, variance λ₁T₁ + f(1 − f)EBO₀ + f²VBO₀ with f = 1; negative binomial fitted (r = μ²/(σ² − μ), p = μ/σ²). */
function fieldPipeline(s0: number): { mean: number; variance: number; pmf: number[] } {
  const { ebo, vbo } = backorders(poisson(centralMean), s0);
  const mean = transit + ebo;
  const variance = transit + vbo;
  if (variance <= mean * (1 + 1e-12)) return { mean, variance, pmf: poisson(mean) };
  const r = (mean * mean) / (variance - mean);
  const p = mean / variance;
  const pmf = [p ** r];
  for (let k = 1; k <= 80; k++) pmf.push((pmf[k - 1] * (r + k - 1) * (1 - p)) / k);
  return { mean, variance, pmf };
}

/** Unit demands: the fill rate from the shelf is P(N ≤ s − 1). */
const fillRate = (pmf: number[], s: number) => pmf.slice(0, Math.max(0, s)).reduce((a, b) => a + b, 0);

interface Plan {
  s0: number;
  s1: number;
  fill: number;
}
/** Every (central, field) stock pair up to 20 units each. */
const allPlans: Plan[] = [];
for (let s0 = 0; s0 <= 20; s0++) {
  const { pmf } = fieldPipeline(s0);
  for (let s1 = 0; s1 <= 20; s1++) allPlans.push({ s0, s1, fill: fillRate(pmf, s1) });
}

const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
type Row = Record<string, unknown>;
const find = (rows: Row[], part: string, location: string) => rows.find((r) => r.partId === part && r.locationId === location)!;

describe('spp analyze plans the network', () => {
  test('target mode: the Central without demand is planned, at the least investment that meets Gold, with VARI-METRIC measures as computed by hand', async () => {
    const dir = tempDir();
    const input = join(dir, 'net.xlsx');
    await writeWorkbook(input, SHEETS);
    const run = spp('analyze', input, '--out', join(dir, 'out.xlsx'), '--json', join(dir, 'out.json'));
    expect(run.status).toBe(0);
    const out = json(join(dir, 'out.json'));

    // Warnings with their cells: HUB is a Central under a 2-hour tier, and no location can meet Express.
    expect(out.issues).toEqual([
      expect.objectContaining({ severity: 'warning', sheet: 'Locations', cell: 'F5', message: expect.stringContaining('Location "HUB" is a Central location under the same-day tier "Express" (2 h response)') }),
      expect.objectContaining({ severity: 'warning', sheet: 'SLATiers', cell: 'B3', message: expect.stringContaining('No location can meet tier "Express" (2 h response): its locations (HUB)') }),
    ]);
    expect(run.stderr).toContain('Locations!F5');

    const cdc = find(out.network, 'P1', 'CDC');
    const fslA = find(out.network, 'P1', 'FSL-A');
    const fslB = find(out.network, 'P1', 'FSL-B');
    expect(cdc).toMatchObject({ locationType: 'Central', decision: 'Central', annualDemand: 0 });
    expect(fslA).toMatchObject({ locationType: 'Field', decision: 'StockInField', slaTier: 'Gold' });
    expect(fslB).toMatchObject({ decision: 'NoDemand', stock: 0 });
    // The exhaustive search: the fewest units (both cost 100) at which some split fills ≥ 95 % at FSL-A.
    const least = Math.min(...allPlans.filter((p) => p.fill >= 0.95).map((p) => p.s0 + p.s1));
    const s0 = cdc.stock as number;
    const s1 = fslA.stock as number;
    expect(s0 + s1).toBe(least);
    expect(s0).toBeGreaterThan(0); // the Central holds stock although it has no demand of its own
    expect(out.summary.investment).toBeCloseTo(100 * least, 9);

    // VARI-METRIC at the plan's levels, by hand.
    const { ebo: ebo0 } = backorders(poisson(centralMean), s0);
    const field = fieldPipeline(s0);
    expect(cdc.pipelineMean).toBeCloseTo(centralMean, 12);
    expect(cdc.expectedBackorders).toBeCloseTo(ebo0, 9);
    expect(cdc.expectedDelayDays).toBeCloseTo(ebo0 / lambda, 9);
    expect(fslA.pipelineMean).toBeCloseTo(field.mean, 9);
    expect(fslA.fillRate).toBeCloseTo(fillRate(field.pmf, s1), 9);
    expect(fslA.fillRateWithinResponse).toBeCloseTo(fillRate(field.pmf, s1), 9);
    expect(fslA.fillRateWithinResponse).toBeGreaterThanOrEqual(0.95);
    const ebo1 = backorders(field.pmf, s1).ebo;
    expect(fslA.expectedBackorders).toBeCloseTo(ebo1, 9);
    expect(fslA.expectedDelayDays).toBeCloseTo(ebo1 / lambda, 7);
    expect(fslA.expectedAnnualPenalty).toBeCloseTo(365.25 * lambda * (1 - fillRate(field.pmf, s1)) * 1000, 6);

    // The tier rows and the target met in the model.
    const gold = out.tiers.find((t: Row) => t.tier === 'Gold');
    expect(gold).toMatchObject({ partLocations: 1, targetFillRate: 0.95, met: 'Yes' });
    expect(gold.fillRateWithinResponse).toBeCloseTo(fslA.fillRateWithinResponse as number, 12);
    expect(out.tiers.at(-1)).toMatchObject({ tier: 'Total', stock: least });

    // The network plan is the recommended stock: SPP Stock and the summary have the Central and the network's levels.
    expect(find(out.stock, 'P1', 'CDC')).toMatchObject({ stock: s0, onHand: 1 });
    expect(find(out.stock, 'P1', 'FSL-A')).toMatchObject({ stock: s1, targetFillRate: 0.95 });
    // CDC has no customers of its own: no target applies to it (not StandardFillRate's 85%), in the JSON and in SPP Stock.
    expect(find(out.stock, 'P1', 'CDC').targetFillRate).toBeNull();
    const stockSheet = tableRows((await readWorkbook(join(dir, 'out.xlsx'))).getWorksheet('SPP Stock')!);
    const cdcStock = stockSheet.find((r) => r.Part === 'P1' && r.Location === 'CDC')!;
    expect(cdcStock['Recommended stock']).toBe(s0);
    expect(cdcStock['Target fill rate']).toBeNull();
    expect(stockSheet.find((r) => r.Part === 'P1' && r.Location === 'FSL-A')!['Target fill rate']).toBe(0.95);
    expect(find(out.stock, 'P1', 'FSL-B')).toMatchObject({ stock: 0, onHand: 3, action: 'Excess 3' });
    expect(out.summary.byLocation.find((g: Row) => g.key === 'CDC').investment).toBeCloseTo(100 * s0 + 0, 9);

    // Stock without demand: FSL-B (no Demand rows) and P2 (never demanded anywhere); CDC's unit of P1 too (CDC has no demand of its own).
    expect(out.stockWithoutDemand).toEqual(
      expect.arrayContaining([
        { partId: 'P1', locationId: 'FSL-B', onHand: 3, unitCost: 100, value: 300, demandRows: false, partWithoutDemand: false, recommendedStock: 0 },
        { partId: 'P2', locationId: 'CDC', onHand: 2, unitCost: 40, value: 80, demandRows: false, partWithoutDemand: true, recommendedStock: 0 },
        { partId: 'P1', locationId: 'CDC', onHand: 1, unitCost: 100, value: 100, demandRows: false, partWithoutDemand: false, recommendedStock: s0 },
      ]),
    );
    expect(out.stockWithoutDemand).toHaveLength(3);

    // The frontier: monotone, the chosen point is the plan.
    const frontier = out.frontier as Row[];
    expect(frontier.filter((p) => p.chosen === 'Yes')).toHaveLength(1);
    expect(frontier.find((p) => p.chosen === 'Yes')!.investment).toBeCloseTo(100 * least, 9);
    for (let i = 1; i < frontier.length; i++) {
      expect(frontier[i].investment as number).toBeGreaterThanOrEqual(frontier[i - 1].investment as number);
      expect(frontier[i].fillRate as number).toBeGreaterThanOrEqual((frontier[i - 1].fillRate as number) - 1e-12);
    }
    // Each frontier point is the best plan for its investment among all pairs (the frontier is efficient);
    // near its end the search range (levels up to a 1-in-10,000 chance of an empty shelf) binds, so up to 99.9 %.
    for (const point of frontier.filter((p) => (p.fillRate as number) < 0.999)) {
      const units = Math.round((point.investment as number) / 100);
      const best = Math.max(...allPlans.filter((p) => p.s0 + p.s1 <= units).map((p) => p.fill));
      expect((point.fillRateByTier as Row).Gold as number).toBeCloseTo(best, 9);
    }

    // The stocking backtest replays the 12 held-out months through the network policy decided on the
    // first 12 (the same constant forecast, so the same levels). Every field order is delivered within
    // T₀ + T₁ = 2 months + 7 days of being placed (the Central ships first come, first served, at the
    // latest when its own order arrives), and one is placed a month, so at most 3 are outstanding when
    // a demand arrives: with 4 or more on the field's shelf, all 12 held-out units are filled at once.
    expect(s1).toBeGreaterThanOrEqual(4);
    expect(find(out.backtest, 'P1', 'FSL-A')).toMatchObject({ periods: 12, stock: s1, demand: 12, filled: 12, achievedFillRate: 1 });
    expect(find(out.backtest, 'P1', 'FSL-A').promisedFillRate).toBeCloseTo(fslA.fillRateWithinResponse as number, 12);
    expect(find(out.backtest, 'P1', 'CDC')).toMatchObject({ stock: s0, demand: 0 });

    // The JSON sections have the documented fields.
    for (const key of ['partId', 'locationId', 'stock', 'fillRate', 'fillRateWithinResponse', 'expectedBackorders', 'expectedDelayDays', 'decision', 'reason', 'investment', 'annualHoldingCost', 'expectedAnnualPenalty']) expect(fslA).toHaveProperty(key);
    for (const key of ['investment', 'fillRate', 'fillRateByTier', 'expectedAnnualPenalty', 'chosen']) expect(frontier[0]).toHaveProperty(key);
    expect(out.networkPlan).toMatchObject({ mode: 'target', model: 'VariMetric', feasible: true, minFillRate: 0.5 });
    expect(String(fslA.reason)).toBe("Stock in the field: only field stock meets the Gold tier's 24 h (no emergency delivery from the Central).");

    // The sheets: one table each, the Central's row first in its network.
    const book = await readWorkbook(join(dir, 'out.xlsx'));
    expect(tableRows(book.getWorksheet('SPP Network')!).map((r) => [r.Part, r.Location, r.Decision, r.Stock])).toEqual([
      ['P1', 'CDC', 'Central', s0],
      ['P1', 'FSL-A', 'StockInField', s1],
      ['P1', 'FSL-B', 'NoDemand', 0],
      ['P2', 'CDC', 'Central', 0],
    ]);
    expect(tableRows(book.getWorksheet('SPP Network Tiers')!).map((r) => r['SLA tier'])).toEqual(['Gold', 'Express', 'Total']);
    expect(tableRows(book.getWorksheet('SPP Frontier')!)).toHaveLength(frontier.length);
  });

  test('a field the Central reaches in time is served from it: no field stock, fill within response = the Central’s availability A₀', async () => {
    const dir = tempDir();
    const input = join(dir, 'net.xlsx');
    // FSL-A gets emergency delivery in 4 h (Gold promises 24 h); no penalties and free shipments, so serving from the Central costs nothing a year.
    const locations = SHEETS.Locations.map((row) => (row[0] === 'FSL-A' ? ['FSL-A', 'Field', 'CDC', 7, 4, 'Gold'] : row));
    const tiers = [['Tier', 'ResponseHours', 'TargetFillRate', 'PenaltyPerMiss'], ['Gold', 24, 0.95, 0], ['Express', 2, 0.9, 0]];
    await writeWorkbook(input, { ...SHEETS, Locations: locations, SLATiers: tiers });
    const run = spp('analyze', input, '--out', join(dir, 'out.xlsx'), '--json', join(dir, 'out.json'));
    expect(run.status).toBe(0);
    const out = json(join(dir, 'out.json'));
    const cdc = find(out.network, 'P1', 'CDC');
    const fslA = find(out.network, 'P1', 'FSL-A');
    expect(fslA).toMatchObject({ decision: 'ServeFromCentral', stock: 0, fillRate: 0 });
    // A₀ = P(X₀ ≤ s₀ − 1), X₀ ~ Poisson(2): exact for Poisson demand at field stock 0 (PASTA); the least s₀ with A₀ ≥ 95 %.
    const central = poisson(centralMean);
    const availability = (s0: number) => fillRate(central, s0);
    const s0 = cdc.stock as number;
    expect(availability(s0)).toBeGreaterThanOrEqual(0.95);
    expect(availability(s0 - 1)).toBeLessThan(0.95);
    expect(fslA.fillRateWithinResponse).toBeCloseTo(availability(s0), 12);
    expect(fslA.centralAvailability).toBeCloseTo(availability(s0), 12);
    expect(fslA.expectedAnnualEmergencyShipments).toBeCloseTo(365.25 * lambda * availability(s0), 9);
    expect(out.summary.investment).toBeCloseTo(100 * s0, 9);
    expect(String(fslA.reason)).toMatch(/^Served from the Central: its emergency delivery \(4 h\) meets the Gold tier's 24 h, at USD 0 a year in emergency shipments and penalties, against USD \d[\d,]* a year for the cheapest field stock/);
  });

  test('--budget plans the best service for the budget: investment within it, the best fill for that investment', async () => {
    const dir = tempDir();
    const input = join(dir, 'net.xlsx');
    await writeWorkbook(input, SHEETS);
    const least = Math.min(...allPlans.filter((p) => p.fill >= 0.95).map((p) => p.s0 + p.s1));
    const budget = 100 * (least - 1) + 50;
    const run = spp('analyze', input, '--out', join(dir, 'out.xlsx'), '--json', join(dir, 'out.json'), '--budget', String(budget));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Scenario "Command line": StockingMode Budget, Budget ${budget}`);
    const out = json(join(dir, 'out.json'));
    expect(out.networkPlan).toMatchObject({ mode: 'budget', budget, feasible: true });
    expect(out.summary.investment).toBeLessThanOrEqual(budget);
    const units = Math.round(out.summary.investment / 100);
    const best = Math.max(...allPlans.filter((p) => p.s0 + p.s1 <= units).map((p) => p.fill));
    const fslA = find(out.network, 'P1', 'FSL-A');
    expect(fslA.fillRateWithinResponse).toBeCloseTo(best, 9);
    expect(fslA.fillRateWithinResponse).toBeLessThan(0.95);
    expect(out.networkPlan.unspentBudget).toBeCloseTo(budget - out.summary.investment, 9);
    expect(out.scenarios.runs.map((r: Row) => r.name)).toEqual(['Command line']);
  });

  test('a point of the target run’s frontier planned again at its budget (the pane’s "Plan at this budget") is that point: same stock, same tier fills', () => {
    const dir = tempDir();
    const input = join(dir, 'sample.xlsx');
    expect(spp('sample', input, '--parts', '40', '--locations', '4', '--periods', '36', '--seed', '5').status).toBe(0);
    expect(spp('analyze', input, '--out', join(dir, 'target.xlsx'), '--json', join(dir, 'target.json')).status).toBe(0);
    const target = json(join(dir, 'target.json'));
    const chosen = target.frontier.findIndex((p: Row) => p.chosen === 'Yes');
    // Two points: one below the target plan, and the target plan itself. The pane rounds the budget up to a whole unit.
    for (const point of [target.frontier[Math.floor(chosen / 2)], target.frontier[chosen]]) {
      const budget = Math.ceil((point.investment as number) - 1e-9);
      const run = spp('analyze', input, '--out', join(dir, 'budget.xlsx'), '--json', join(dir, 'budget.json'), '--budget', String(budget));
      expect(run.status).toBe(0);
      const out = json(join(dir, 'budget.json'));
      expect(out.networkPlan.tierWeights).toEqual(target.networkPlan.tierWeights);
      const picked = out.frontier.find((p: Row) => p.chosen === 'Yes');
      expect(picked.investment).toBeCloseTo(point.investment as number, 6);
      expect(picked.fillRate).toBeCloseTo(point.fillRate as number, 12);
      for (const [tier, fill] of Object.entries(point.fillRateByTier as Record<string, number | null>)) {
        if (fill === null) expect(picked.fillRateByTier[tier]).toBeNull();
        else expect(picked.fillRateByTier[tier]).toBeCloseTo(fill, 12);
      }
      if (point === target.frontier[chosen]) expect(out.network.map((r: Row) => r.stock)).toEqual(target.network.map((r: Row) => r.stock));
    }
  });

  test('StockingMode Budget without a Budget is an error naming where the mode was set; nothing is written', async () => {
    const dir = tempDir();
    const input = join(dir, 'net.xlsx');
    await writeWorkbook(input, { ...SHEETS, Settings: [['Setting', 'Value'], ['StockingMode', 'Budget']] });
    const inWorkbook = spp('analyze', input, '--out', join(dir, 'out.xlsx'));
    expect(inWorkbook.status).toBe(1);
    expect(inWorkbook.stderr).toContain('Settings!B2: StockingMode Budget needs a Budget setting > 0');
    const zero = spp('analyze', input, '--out', join(dir, 'out.xlsx'), '--budget', '0');
    expect(zero.status).toBe(1);
    expect(zero.stderr).toContain('Scenario "Command line": StockingMode Budget needs a Budget setting > 0');
    const text = spp('analyze', input, '--out', join(dir, 'out.xlsx'), '--budget', 'lots');
    expect(text.status).toBe(1);
    expect(text.stderr).toContain('Scenario "Command line": Budget must be a number >= 0, found "lots"');
  });

  test('StockingMode Independent plans each part-location on its own: the field as if the Central never ran short', async () => {
    const dir = tempDir();
    const input = join(dir, 'net.xlsx');
    await writeWorkbook(input, { ...SHEETS, Settings: [['Setting', 'Value'], ['StockingMode', 'Independent']] });
    const run = spp('analyze', input, '--out', join(dir, 'out.xlsx'), '--json', join(dir, 'out.json'));
    expect(run.status).toBe(0);
    const out = json(join(dir, 'out.json'));
    expect(out.network).toBeUndefined();
    expect(out.frontier).toBeUndefined();
    // Poisson(λ·7 days) lead-time demand: the least S with P(N ≤ S − 1) ≥ 0.95.
    const pmf = poisson(transit);
    let s = 0;
    while (fillRate(pmf, s) < 0.95) s++;
    expect(find(out.stock, 'P1', 'FSL-A').stock).toBe(s);
    // No Central row is added without the network; the stock without demand rows is still listed.
    expect(out.stock.map((r: Row) => `${r.partId} ${r.locationId}`)).toEqual(['P1 FSL-A', 'P1 CDC', 'P1 FSL-B', 'P2 CDC']);
    expect(out.stockWithoutDemand).toHaveLength(3);
  });
});
