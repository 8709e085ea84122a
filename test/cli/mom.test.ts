/**
 * The MOM assessment end to end through the CLI (`spp analyze`), on hand-made workbooks whose
 * numbers are computed by hand in the comments: the inventory position and the Stock action
 * against it, the excess and disposition of a never-demanded part-location, a last-time buy as a
 * negative-binomial quantile computed here independently, and a business case whose NPV, IRR and
 * payback follow Excel's definitions. Bad MOM input: the cell, and nothing written.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCli, readWorkbook, spp, tableRows, tempDir, writeWorkbook } from './helpers';
import { python } from '../workbook/corpus/build-corpus';

beforeAll(buildCli);

const MONTHS = Array.from({ length: 36 }, (_, t) => `${2023 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`);
const date = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

function sheets(options: { inventory?: boolean; assumptions?: boolean } = {}): Record<string, unknown[][]> {
  const demand: unknown[][] = [['PartID', 'LocationID', 'Period', 'Quantity']];
  for (const month of MONTHS) {
    demand.push(['P1', 'F1', month, 2], ['P1', 'CDC', month, 1], ['P4', 'F1', month, 1]);
  }
  // P2 (EndOfLife): one unit in each of three periods — too few to fit a decline (4 needed), so the constant model.
  for (const month of ['2023-03', '2024-06', '2025-09']) demand.push(['P2', 'CDC', month, 1]);
  const out: Record<string, unknown[][]> = {
    Parts: [
      ['PartID', 'UnitCost', 'LeadTimeDays', 'Repairable', 'RepairDays', 'ScrapRate', 'Criticality', 'Lifecycle', 'EndOfSupport', 'SalePrice', 'RefurbCost', 'SalvageValue'],
      ['P1', 100, 30, 'No', null, null, 'Critical', 'Active', null, 150, null, null],
      ['P2', 50, 20, 'No', null, null, 'Critical', 'EndOfLife', date(2027, 12, 31), null, null, null],
      ['P3', 80, 40, 'No', null, null, 'Standard', 'Active', null, null, null, 10],
      ['P4', 200, 60, 'Yes', 10, 0.2, 'Critical', 'Active', null, null, 40, 30],
    ],
    Locations: [
      ['LocationID', 'Type', 'Parent', 'ResupplyDays', 'SLATier'],
      ['CDC', 'Central', null, null, 'Silver'],
      ['F1', 'Field', 'CDC', 2, 'Gold'],
    ],
    SLATiers: [
      ['Tier', 'ResponseHours', 'TargetFillRate', 'PenaltyPerMiss'],
      ['Gold', 4, 0.95, 500],
      ['Silver', 24, 0.9, 100],
    ],
    Demand: demand,
  };
  if (options.inventory !== false) {
    out.Inventory = [
      ['PartID', 'LocationID', 'OnHand', 'OnOrder', 'InRepair', 'Condition'],
      ['P1', 'F1', 5, null, null, 'New'],
      ['P2', 'CDC', 1, null, null, null],
      // P3 was never demanded anywhere: its whole position of 4 + 2 + 1 = 7 units is obsolete.
      ['P3', 'F1', 4, 2, 1, null],
      ['P4', 'CDC', 3, 0, 2, 'Refurbished'],
    ];
  }
  if (options.assumptions !== false) {
    out.Assumptions = [
      ['Opportunity', 'Include', 'AnnualBenefit', 'OneTimeBenefit', 'OneTimeCost'],
      ['recycling', 'Yes', 10000, 0, 20000],
      ['inventoryReduction', 'No', null, null, null],
      ['excessDisposition', 'No', null, null, null],
      ['penaltyAvoidance', 'No', null, null, null],
      ['refurbishment', 'No', null, null, null],
    ];
  }
  return out;
}

/** Negative binomial with mean μ and variance V > μ: p = μ/V, r = μ²/(V − μ); P(0) = p^r, P(k) = P(k−1)·(k − 1 + r)/k·(1 − p). */
function negativeBinomialCdf(mean: number, variance: number, upTo: number): number[] {
  const p = mean / variance;
  const r = (mean * mean) / (variance - mean);
  const cdf: number[] = [];
  let pk = Math.pow(p, r);
  let sum = 0;
  for (let k = 0; k <= upTo; k++) {
    if (k > 0) pk *= ((k - 1 + r) / k) * (1 - p);
    sum += pk;
    cdf.push(sum);
  }
  return cdf;
}

interface Json {
  stock: Record<string, unknown>[];
  excess: Record<string, unknown>[];
  lastTimeBuy: Record<string, unknown>[];
  opportunities: Record<string, unknown>[];
  businessCase: Record<string, unknown>;
  mom: { score: number | null; pillars: Record<string, { score: number | null; kpis: unknown[]; observations: string[] }> };
  issues: { severity: string; sheet: string; cell: string; message: string }[];
}

describe('spp analyze: the MOM assessment', () => {
  let json: Json;
  let dir: string;
  let stdout: string;

  beforeAll(async () => {
    dir = tempDir();
    await writeWorkbook(join(dir, 'mom.xlsx'), sheets());
    const run = spp('analyze', join(dir, 'mom.xlsx'), '--out', join(dir, 'out.xlsx'), '--json', join(dir, 'out.json'));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    stdout = run.stdout;
    json = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
  });

  test('the text summary has the MOM score with its pillars, the business case and the network plan per tier', () => {
    const p = json.mom.pillars;
    const one = (x: number | null) => (x === null ? '–' : x.toFixed(1));
    expect(stdout).toContain(`  MOM score:             ${one(json.mom.score)} of 100 (Maximize ${one(p.maximize.score)}, Optimize ${one(p.optimize.score)}, Minimize ${one(p.minimize.score)})`);
    // The business case is the recycling opportunity alone (below): NPV 5,770.97, IRR 23.38 %, payback 24 months.
    expect(stdout).toContain('  Business case:         NPV USD 5,771 over 3 years at 8.0%, IRR 23.4%, payback 24.0 months (1 opportunity)');
    const network = (json as unknown as { networkPlan: { investment: number } }).networkPlan;
    expect(stdout).toContain(`  Network plan:          target mode, investment USD ${Math.round(network.investment).toLocaleString('en-US')}, fill within response`);
    // Gold (95 %) and Silver (90 %) have demand; the plan meets both.
    expect(stdout).toMatch(/ {2}By tier \(of target\): {3}Gold (9[5-9]|100)\.\d% of 95\.0%, Silver (9\d|100)\.\d% of 90\.0%/);
  });

  test('the Stock sheet shows the inventory position and makes its recommendation against it', async () => {
    const p3 = json.stock.find((r) => r.partId === 'P3' && r.locationId === 'F1')!;
    // OnHand 4 + OnOrder 2 + InRepair 1 = 7.
    expect(p3).toMatchObject({ onHand: 4, onOrder: 2, inRepair: 1, inventoryPosition: 7 });
    const stock = p3.stock as number;
    expect(p3.stockMinusOnHand).toBe(stock - 7);
    expect(p3.action).toBe(`Excess ${7 - stock}`);
    // Blank OnOrder and InRepair are 0: P1 at F1 has position = OnHand = 5.
    const p1 = json.stock.find((r) => r.partId === 'P1' && r.locationId === 'F1')!;
    expect(p1).toMatchObject({ onHand: 5, onOrder: 0, inRepair: 0, inventoryPosition: 5 });
    const sheet = tableRows((await readWorkbook(join(dir, 'out.xlsx'))).getWorksheet('SPP Stock')!);
    const row = sheet.find((r) => r.Part === 'P3' && r.Location === 'F1')!;
    expect([row['On hand'], row['On order'], row['In repair'], row['Inventory position']]).toEqual([4, 2, 1, 7]);
  });

  test('stock never demanded is obsolete and listed, and its disposition is computed by the waterfall', () => {
    const p3 = json.excess.find((r) => r.partId === 'P3' && r.locationId === 'F1')!;
    // No demand ever → target 0, excess = the whole position 7, value 7 × 80 = 560.
    // Waterfall: cancel the 2 on order (2 × 80 = 160 not spent); no market for P3 anywhere, so the other
    // 5 are recycled at SalvageValue 10 = 50. Cash 210; holding freed 7 × 80 × 0.25 = 140 a year.
    expect(p3).toMatchObject({ status: 'noDemand', position: 7, targetStock: 0, excessUnits: 7, value: 560, disposition: 'cancel 2; recycle 5', cashFreed: 210, holdingCostFreed: 140 });
  });

  test("a Central's stock serves its fields' demand: a Central with no customers of its own for the part is not obsolete", () => {
    // P4 has customers only at F1 (1 a month, every month); its 3 + 2 = 5 units sit at CDC, F1's Parent.
    const p4 = json.excess.find((r) => r.partId === 'P4' && r.locationId === 'CDC');
    const stock = json.stock.find((r) => r.partId === 'P4' && r.locationId === 'CDC')!;
    if (p4) {
      expect(p4.status).toBe('active');
      expect(p4.targetStock).toBe(stock.stock);
      expect(p4.excessUnits).toBe(Math.max(0, 5 - (stock.stock as number)));
    }
    // Listed only when above the network's recommendation, never as never-demanded stock.
    expect(json.excess.filter((r) => r.status === 'noDemand').map((r) => `${r.partId}|${r.locationId}`)).toEqual(['P3|F1']);
  });

  test('the last-time buy of an EndOfLife part is the negative-binomial quantile of the remaining demand', () => {
    const p2 = json.lastTimeBuy.find((r) => r.partId === 'P2')!;
    // Constant model: λ = 3 / 36 = 1/12 a month; Pearson dispersion Σ(y − λ)²/λ/(n − 1) = (3·(11/12)²·12 + 33/144·12)/35
    // = 33/35 < 1, so φ = 1. From the end of 2025-12 to the end of 2027-12-31 are 730 days = 730 / 30.4375 months.
    const months = 730 / 30.4375;
    const mean = months / 12;
    // Predictive variance φΛ + Λ² Var(ln λ̂) with Var(ln λ̂) = φ / Σy = 1/3.
    const variance = mean + (mean * mean) / 3;
    expect(p2.periodsRemaining).toBeCloseTo(months, 10);
    expect(p2.expectedDemand).toBeCloseTo(mean, 10);
    expect(p2.declineModel).toBe('constant');
    const cdf = negativeBinomialCdf(mean, variance, 40);
    const quantile = cdf.findIndex((f) => f >= 0.95);
    // Λ = 1.9986, V = 3.3301: F(4) = 0.9039 < 0.95 ≤ F(5) = 0.9503 → 5 units cover it; 1 on hand → buy 4.
    expect(quantile).toBe(5);
    expect(p2).toMatchObject({ position: 1, quantity: quantile - 1, confidence: 0.95, buyCost: 4 * 50 });
    expect(p2.coverage).toBeCloseTo(cdf[5], 10);
    // E[(5 − N)+] = Σ_{j<5} F(j); E[(N − 5)+] = μ − 5 + E[(5 − N)+].
    const leftover = cdf.slice(0, 5).reduce((s, f) => s + f, 0);
    expect(p2.expectedLeftover).toBeCloseTo(leftover, 9);
    expect(p2.expectedShortage).toBeCloseTo(mean - 5 + leftover, 9);
  });

  test('the business case: NPV, IRR and payback as Excel defines them, from the Assumptions table', () => {
    const recycling = json.opportunities.find((o) => o.id === 'recycling')!;
    // Flows: −20,000 at year 0, +10,000 at the end of years 1, 2, 3 (HorizonYears 3, DiscountRate 8 %).
    expect(recycling.cashFlows).toEqual([-20000, 10000, 10000, 10000]);
    // Excel: =-20000 + NPV(0.08, 10000, 10000, 10000) = -20000 + 10000 × (1/1.08 + 1/1.08² + 1/1.08³) = 5,770.97.
    const npv = -20000 + 10000 * (1 / 1.08 + 1 / 1.08 ** 2 + 1 / 1.08 ** 3);
    expect(npv).toBeCloseTo(5770.97, 2);
    expect(recycling.npv).toBeCloseTo(npv, 6);
    // Excel: =IRR({-20000, 10000, 10000, 10000}) = 23.38 %: the rate where −20,000 + 10,000 · Σ (1 + r)^−t = 0.
    const irr = recycling.irr as number;
    expect(irr).toBeCloseTo(0.2338, 4);
    expect(-20000 + 10000 * (1 / (1 + irr) + 1 / (1 + irr) ** 2 + 1 / (1 + irr) ** 3)).toBeCloseTo(0, 4);
    // Cumulative −20,000, −10,000, 0: paid back at the end of year 2 = 24 months.
    expect(recycling.paybackMonths).toBeCloseTo(24, 10);
    // Every other opportunity is excluded, so the business case is this one.
    expect(json.opportunities.map((o) => o.id)).toEqual(['recycling']);
    expect(json.businessCase).toMatchObject({ opportunities: ['recycling'], cashFlows: [-20000, 10000, 10000, 10000] });
    expect(json.businessCase.npv).toBeCloseTo(npv, 6);
  });

  test('the scorecard has three pillars and the MOM sheets are written, with charts where they help', async () => {
    expect(Object.keys(json.mom.pillars)).toEqual(['maximize', 'optimize', 'minimize']);
    const scores = Object.values(json.mom.pillars).map((p) => p.score).filter((s): s is number => s !== null);
    expect(json.mom.score).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / scores.length, 10);
    const book = await readWorkbook(join(dir, 'out.xlsx'));
    const names = book.worksheets.map((w) => w.name);
    for (const sheet of ['SPP MOM Summary', 'SPP MOM Scores', 'SPP Assessment', 'SPP Opportunities', 'SPP Business Case', 'SPP Implementation', 'SPP Excess', 'SPP Last-Time Buy', 'SPP Risk', 'SPP Revenue']) expect(names).toContain(sheet);
    // No ServiceEvents table: no monitoring sheets.
    expect(names).not.toContain('SPP Monitoring');
    const years = tableRows(book.getWorksheet('SPP Business Case')!);
    expect(years.map((r) => r['Cumulative cash flow'])).toEqual([-20000, -10000, 0, 10000]);
  });
});

describe('SPP Risk charts the expected penalties by tier and by driver', () => {
  test('openpyxl reads two bar charts over the tier rows and the top-driver rows; the tiers add up to the SLA penalty KPI', async () => {
    const dir = tempDir();
    await writeWorkbook(join(dir, 'mom.xlsx'), sheets());
    expect(spp('analyze', join(dir, 'mom.xlsx'), '--out', join(dir, 'out.xlsx'), '--json', join(dir, 'out.json')).status).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as { mom: { kpis: { kpi: string; current: number }[] }; risk: { finding: string; tier: string | null; partId: string | null }[] };
    // openpyxl as the independent reader: each chart's type, its series' cell ranges, and the values in those cells.
    const script = [
      'import sys, json, openpyxl',
      'wb = openpyxl.load_workbook(sys.argv[1])',
      'ws = wb["SPP Risk"]',
      'def cells(ref):',
      '    rng = ref.split("!")[1].replace("$", "")',
      '    return [c.value for row in ws[rng] for c in row]',
      'out = []',
      'for ch in ws._charts:',
      '    s = ch.series[0]',
      '    cat = (s.cat.strRef or s.cat.numRef).f',
      '    out.append({"type": type(ch).__name__, "barDir": ch.barDir, "categories": cells(cat), "values": cells(s.val.numRef.f)})',
      'print(json.dumps(out))',
    ].join('\n');
    const charts = JSON.parse(execFileSync(python(), ['-c', script, join(dir, 'out.xlsx')], { encoding: 'utf8' })) as { type: string; barDir: string; categories: string[]; values: number[] }[];
    expect(charts.map((c) => [c.type, c.barDir])).toEqual([['BarChart', 'bar'], ['BarChart', 'bar']]);
    const tiers = json.risk.filter((r) => r.finding === 'penaltyByTier').map((r) => r.tier);
    const drivers = json.risk.filter((r) => r.finding === 'topPenaltyDriver').map((r) => r.partId);
    expect(tiers.length).toBeGreaterThan(0);
    expect(charts[0].categories).toEqual(tiers);
    expect(charts[1].categories).toEqual(drivers);
    // The SLA penalty KPI is computed apart from the risk register (kpis.ts): Σ d × (1 − FR) × PenaltyPerMiss.
    const kpi = json.mom.kpis.find((k) => k.kpi === 'SLA penalty per year')!.current;
    expect(charts[0].values.reduce((a, b) => a + b, 0)).toBeCloseTo(kpi, 6);
    expect(charts[1].values.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(kpi * (1 + 1e-12));
  });
});

describe('spp analyze: MOM without Inventory and Assumptions, with ServiceEvents', () => {
  test('the default assessment and monitoring against the promise', () => {
    const dir = tempDir();
    const book = sheets({ inventory: false, assumptions: false });
    // Six events at F1 (Gold, 4 h) in two months: 5 filled from stock; of the 5 timed, 3 within 4 h (2, 3.5 and 4 h).
    book.ServiceEvents = [
      ['Date', 'PartID', 'LocationID', 'Tier', 'FilledFromStock', 'ResponseHours'],
      [date(2025, 11, 3), 'P1', 'F1', 'Gold', 'Yes', 2],
      [date(2025, 11, 9), 'P1', 'F1', 'Gold', 'Yes', 3.5],
      [date(2025, 11, 20), 'P4', 'F1', 'Gold', 'No', 30],
      [date(2025, 12, 1), 'P1', 'F1', 'Gold', 'Yes', 4],
      [date(2025, 12, 5), 'P1', 'F1', 'Gold', 'Yes', null],
      [date(2025, 12, 8), 'P4', 'F1', 'Gold', 'Yes', 5],
    ];
    return writeWorkbook(join(dir, 'in.xlsx'), book).then(() => {
      const run = spp('analyze', join(dir, 'in.xlsx'), '--json', join(dir, 'out.json'));
      expect(run.status).toBe(0);
      const json = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
      // Twelve default KPIs, no Inventory: excess, obsolete, turns and investment per unit are left to the consultant.
      expect(json.mom.kpis).toHaveLength(12);
      const kpi = (name: string) => json.mom.kpis.find((k: { kpi: string }) => k.kpi === name);
      expect(kpi('Excess share of inventory').current).toBeNull();
      expect(kpi('Inventory turns').current).toBeNull();
      // Achieved fill rate 5/6 feeds "Fill rate backtested"; SLA compliance 3/5 (30 h and 5 h are late; one event untimed).
      expect(kpi('Fill rate backtested').current).toBeCloseTo(5 / 6, 12);
      expect(json.monitoring.total).toMatchObject({ events: 6, timed: 5 });
      expect(json.monitoring.total.fillRate).toBeCloseTo(5 / 6, 12);
      expect(json.monitoring.total.slaCompliance).toBeCloseTo(3 / 5, 12);
      expect(json.monitoring.byMonth.map((r: { month: string; events: number }) => [r.month, r.events])).toEqual([['2025-11', 3], ['2025-12', 3]]);
      expect(json.excess).toEqual([]);
    });
  });
});

describe('spp analyze: bad MOM input names the cell and writes nothing', () => {
  test('negative OnOrder, text InRepair, an unknown Condition; Benchmark equal to Floor; a pillar with every weight 0', async () => {
    const dir = tempDir();
    const book = sheets();
    book.Inventory = [
      ['PartID', 'LocationID', 'OnHand', 'OnOrder', 'InRepair', 'Condition'],
      ['P1', 'F1', 5, -1, null, null],
      ['P3', 'F1', 4, 0, 'two', null],
      ['P4', 'CDC', 3, 0, 0, 'Used'],
    ];
    book.Assessment = [
      ['KPI', 'Pillar', 'Current', 'Benchmark', 'Floor', 'Weight', 'HigherIsBetter'],
      ['Inventory turns', 'Optimize', null, 3, 3, 1, 'Yes'],
      ['Parts gross margin', 'Maximize', null, null, null, 0, null],
      ['Parts revenue at risk', 'Maximize', null, null, null, 0, null],
    ];
    await writeWorkbook(join(dir, 'bad.xlsx'), book);
    const run = spp('analyze', join(dir, 'bad.xlsx'), '--out', join(dir, 'out.xlsx'));
    expect(run.status).not.toBe(0);
    expect(existsSync(join(dir, 'out.xlsx'))).toBe(false);
    const text = run.stderr + run.stdout;
    expect(text).toContain('Inventory!D2: OnOrder must be a number >= 0, found -1');
    expect(text).toContain('Inventory!E3: InRepair must be a number >= 0, found "two"');
    expect(text).toContain('Inventory!F4: Condition must be one of New, Refurbished, found "Used"');
    expect(text).toContain('Assessment!D2: Benchmark equals Floor (3.0 a year): a score between them is undefined');
    expect(text).toContain('Assessment!F3: Every weight of the Maximize pillar is 0');
  });

  test('an EndOfLife part without EndOfSupport, and one whose EndOfSupport is past: warnings at the cell, no last-time buy', () => {
    const dir = tempDir();
    const book = sheets();
    book.Parts = book.Parts.map((row) => [...row]);
    book.Parts[2][8] = null; // P2: EndOfLife, no EndOfSupport
    book.Parts[1][7] = 'EndOfLife';
    book.Parts[1][8] = date(2025, 6, 30); // P1: EndOfSupport inside the history
    return writeWorkbook(join(dir, 'eol.xlsx'), book).then(() => {
      const run = spp('analyze', join(dir, 'eol.xlsx'), '--json', join(dir, 'out.json'));
      expect(run.status).toBe(0);
      const json = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as Json;
      const warnings = json.issues.filter((i) => i.severity === 'warning').map((i) => `${i.sheet}!${i.cell}: ${i.message}`);
      expect(warnings).toContain('Parts!I3: P2 is EndOfLife but has no EndOfSupport date, so no last-time buy is computed; enter the date after which the part no longer needs to be supported');
      expect(warnings).toContain('Parts!I2: EndOfSupport 2025-06-30 of P1 is not after the demand history (last period 2025-12): no last-time buy is computed; check the date');
      expect(json.lastTimeBuy.map((r) => [r.partId, r.quantity])).toEqual([['P1', null], ['P2', null]]);
    });
  });
});

describe('spp sample exercises every MOM sheet', () => {
  test('end-of-life parts with EndOfSupport, excess stock, repairables, Assessment, Assumptions and service events', () => {
    const dir = tempDir();
    expect(spp('sample', join(dir, 's.xlsx'), '--parts', '20', '--locations', '3', '--periods', '36', '--seed', '5').status).toBe(0);
    const run = spp('analyze', join(dir, 's.xlsx'), '--out', join(dir, 'r.xlsx'), '--json', join(dir, 'r.json'));
    expect(run.status).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    expect(json.lastTimeBuy.some((r: { quantity: number | null }) => r.quantity !== null)).toBe(true);
    expect(json.excess.length).toBeGreaterThan(0);
    expect(json.stock.some((r: { inRepair: number }) => r.inRepair > 0)).toBe(true);
    expect(json.stock.some((r: { onOrder: number }) => r.onOrder > 0)).toBe(true);
    expect(json.monitoring.total.events).toBeGreaterThan(0);
    expect(json.mom.kpis).toHaveLength(12);
    return readWorkbook(join(dir, 'r.xlsx')).then((book) => {
      const names = book.worksheets.map((w) => w.name);
      for (const sheet of ['SPP MOM Summary', 'SPP MOM Scores', 'SPP Assessment', 'SPP Opportunities', 'SPP Business Case', 'SPP Implementation', 'SPP Excess', 'SPP Last-Time Buy', 'SPP Risk', 'SPP Revenue', 'SPP Monitoring', 'SPP Monitoring by Tier']) expect(names).toContain(sheet);
    });
  });
});
