import { disposeExcess, locationDistance, type DispositionInput } from '../../../src/engine/mom/disposition';
import { analyseExcess, demandProbabilityAfter, summarizeExcess, type ExcessInput } from '../../../src/engine/mom/excess';

const zeros = (n: number) => new Array<number>(n).fill(0);
const every = (n: number, q = 1) => new Array<number>(n).fill(q);

describe('TSB demand probability and the declining test', () => {
  test('starting level 1 / first interval, then π ← π + β(1{y>0} − π)', () => {
    // π = 1/3 at the first demand in period 3 (1-based); 1/3 − 0.1/3 = 0.3 after a zero; 0.3 + 0.1 × 0.7 = 0.37 after a demand.
    expect(demandProbabilityAfter([0, 0, 3, 0, 1], 5, 0.1)).toBeCloseTo(0.37, 14);
    expect(demandProbabilityAfter([0, 0, 0], 3, 0.1)).toBeNaN();
  });

  test('demand every period then ten empty ones: π falls to 0.9¹⁰ = 0.349 of a year before → declining', () => {
    const history = [...every(24), ...zeros(10)];
    const table = analyseExcess(one({ history: [history] }), { periodsPerYear: 12 });
    expect(table.columns.demandProbability[0]).toBeCloseTo(0.9 ** 10, 14);
    expect(table.columns.demandProbabilityBefore[0]).toBe(1);
    expect(table.statusAt(0)).toBe('declining');
    expect(table.columns.periodsSinceDemand[0]).toBe(10);
  });

  test('a steady part is active; 24 empty periods make it obsolete; no demand ever is noDemand', () => {
    const statuses = [every(36), [...every(12), ...zeros(24)], [...every(13), ...zeros(23)], zeros(36)].map(
      (history) => analyseExcess(one({ history: [history] }), { periodsPerYear: 12 }).statusAt(0),
    );
    expect(statuses).toEqual(['active', 'obsolete', 'declining', 'noDemand']);
  });
});

describe('excess, shortage, cover and value', () => {
  test('position = OnHand + OnOrder + InRepair against the recommended stock', () => {
    const table = analyseExcess(one({ onHand: [5], onOrder: [2], inRepair: [1], recommendedStock: [3], ratePerPeriod: [0.5], unitCost: [40] }), { periodsPerYear: 12 });
    const c = table.columns;
    expect([c.position[0], c.excessUnits[0], c.shortUnits[0]]).toEqual([8, 5, 0]);
    expect(c.monthsOfCover[0]).toBe(16); // 8 units / 0.5 a month
    expect([c.positionValue[0], c.excessValue[0], c.obsoleteValue[0]]).toEqual([320, 200, 0]);
  });

  test('weekly periods: months of cover uses 52.18 weeks a year', () => {
    const table = analyseExcess(one({ onHand: [10], recommendedStock: [2], ratePerPeriod: [1] }), { periodsPerYear: 365.25 / 7 });
    expect(table.columns.monthsOfCover[0]).toBeCloseTo(10 / ((365.25 / 7) / 12), 12); // 2.30 months
  });

  test('obsolete stock is excess in full, whatever the forecast still recommends', () => {
    const table = analyseExcess(one({ onHand: [4], recommendedStock: [2], unitCost: [10], history: [[...every(10), ...zeros(26)]] }), { periodsPerYear: 12 });
    expect(table.statusAt(0)).toBe('obsolete');
    expect([table.columns.excessUnits[0], table.columns.obsoleteValue[0]]).toEqual([4, 40]);
  });

  test('a shortage, and no forecast means unlimited cover', () => {
    const table = analyseExcess(one({ onHand: [1], recommendedStock: [4], ratePerPeriod: [0] }), { periodsPerYear: 12 });
    expect(table.columns.shortUnits[0]).toBe(3);
    expect(table.columns.monthsOfCover[0]).toBe(Infinity);
  });
});

describe('nearest location for redeployment', () => {
  test('siblings 1, a Field and its Central 2, two Centrals or a Field and another Central 3, Fields of different Centrals 4; symmetric', () => {
    expect(locationDistance('Field', 'F1', 'C1', 'Field', 'F2', 'C1')).toBe(1);
    expect(locationDistance('Field', 'F1', 'C1', 'Central', 'C1', null)).toBe(2);
    expect(locationDistance('Central', 'C1', null, 'Field', 'F1', 'C1')).toBe(2);
    expect(locationDistance('Field', 'F1', 'C1', 'Central', 'C2', null)).toBe(3);
    expect(locationDistance('Central', 'C2', null, 'Field', 'F1', 'C1')).toBe(3);
    expect(locationDistance('Central', 'C1', null, 'Central', 'C2', null)).toBe(3);
    expect(locationDistance('Field', 'F1', 'C1', 'Field', 'F3', 'C2')).toBe(4);
  });
});

describe('disposition waterfall on a small network (every number by hand)', () => {
  // Network: C1 with Fields F1, F2; C2 with Field F3. Part P: UnitCost 100, SalePrice 150, SalvageValue 10.
  // Part Q at F1: no demand for 26 periods (obsolete everywhere), UnitCost 40, SalvageValue 5.
  // Part R at C1: never demanded, UnitCost 20, no SalvageValue. Holding rate 25% everywhere.
  const active = every(36);
  const rows = [
    { part: 'P', loc: 'F1', type: 'Field', parent: 'C1', onHand: 5, onOrder: 1, stock: 2, demand: 2, cost: 100, sale: 150, salvage: 10, history: active },
    { part: 'P', loc: 'F2', type: 'Field', parent: 'C1', onHand: 0, onOrder: 0, stock: 1, demand: 2, cost: 100, sale: 150, salvage: 10, history: active },
    { part: 'P', loc: 'C1', type: 'Central', parent: null, onHand: 0, onOrder: 0, stock: 1, demand: 2, cost: 100, sale: 150, salvage: 10, history: active },
    { part: 'P', loc: 'C2', type: 'Central', parent: null, onHand: 6, onOrder: 0, stock: 2, demand: 0.1, cost: 100, sale: 150, salvage: 10, history: active },
    { part: 'P', loc: 'F3', type: 'Field', parent: 'C2', onHand: 0, onOrder: 0, stock: 2, demand: 2, cost: 100, sale: 150, salvage: 10, history: active },
    { part: 'Q', loc: 'F1', type: 'Field', parent: 'C1', onHand: 3, onOrder: 0, stock: 1, demand: 0.5, cost: 40, sale: 60, salvage: 5, history: [...every(10), ...zeros(26)] },
    { part: 'R', loc: 'C1', type: 'Central', parent: null, onHand: 2, onOrder: 0, stock: 0, demand: 0, cost: 20, sale: NaN, salvage: NaN, history: zeros(36) },
  ] as const;
  const n = rows.length;
  const excessInput: ExcessInput = {
    count: n,
    partId: rows.map((r) => r.part),
    locationId: rows.map((r) => r.loc),
    onHand: rows.map((r) => r.onHand),
    onOrder: rows.map((r) => r.onOrder),
    inRepair: zeros(n),
    recommendedStock: rows.map((r) => r.stock),
    unitCost: rows.map((r) => r.cost),
    ratePerPeriod: rows.map((r) => r.demand / 12),
    history: rows.map((r) => r.history),
  };
  const table = analyseExcess(excessInput, { periodsPerYear: 12 });
  const dispositionInput: DispositionInput = {
    count: n,
    partId: excessInput.partId,
    locationId: excessInput.locationId,
    locationType: rows.map((r) => r.type),
    parent: rows.map((r) => r.parent),
    onOrder: excessInput.onOrder,
    unitCost: excessInput.unitCost,
    holdingCostRate: every(n, 0.25),
    annualDemand: rows.map((r) => r.demand),
    repairable: rows.map(() => false),
    scrapRate: zeros(n),
    salePrice: rows.map((r) => r.sale),
    salvageValue: rows.map((r) => r.salvage),
    yearsToEndOfSupport: every(n, Infinity),
  };
  const result = disposeExcess(table, dispositionInput);

  test('the lines: cancel on-order first, redeploy nearest first across the network, then keep, sell, recycle, scrap', () => {
    const brief = result.lines.map((l) => [l.partId, l.locationId, l.disposition, l.units, l.toLocationId, l.cashFreed, l.holdingCostFreed]);
    expect(brief).toEqual([
      // F1 has 4 excess (position 6, stock 2): 1 on order is cancelled (cash 100 not spent, 25 a year not held).
      ['P', 'F1', 'cancel', 1, null, 100, 25],
      // Distance 1: F1 → its sibling F2. Distance 2: C2 → its Field F3, F1 → its Central C1 (before C2 → C1 at distance 3).
      ['P', 'F1', 'redeploy', 1, 'F2', 100, 25],
      ['P', 'F1', 'redeploy', 1, 'C1', 100, 25],
      // 1 unit left at F1, used within ⌊2 a year × (1 − 10/100)/0.25 = 3.6 years⌋ = 7 units: kept.
      ['P', 'F1', 'keep', 1, null, 0, 0],
      ['P', 'C2', 'redeploy', 2, 'F3', 200, 50],
      // C2's own demand of 0.1 a year uses ⌊0.36⌋ = 0 units: the other 2 are sold at 150 (the part has a market).
      ['P', 'C2', 'sell', 2, null, 300, 50],
      // Q has no market (no demand in 24 periods anywhere): recycled at 5; its obsolete position counts in full.
      ['Q', 'F1', 'recycle', 3, null, 15, 30],
      // R: never demanded, no SalvageValue: scrapped, frees only its holding cost.
      ['R', 'C1', 'scrap', 2, null, 0, 10],
    ]);
  });

  test('per row: cash and holding cost freed, and the disposition in words', () => {
    expect(Array.from(result.cashFreed)).toEqual([300, 0, 0, 500, 0, 15, 0]);
    expect(Array.from(result.holdingCostFreed)).toEqual([75, 0, 0, 100, 0, 30, 10]);
    expect(result.summary[0]).toBe('cancel 1; redeploy 1 to F2; redeploy 1 to C1; keep 1');
    expect(result.summary[1]).toBe('');
  });

  test('totals by disposition and the excess summary', () => {
    expect(result.byDisposition.redeploy).toEqual({ units: 4, bookValue: 400, cashFreed: 400, holdingCostFreed: 100 });
    expect(result.byDisposition.sell.cashFreed).toBe(300);
    const s = summarizeExcess(table);
    expect(s.statuses).toEqual({ active: 5, declining: 0, obsolete: 1, noDemand: 1 });
    // Excess: F1 4 × 100, C2 4 × 100, Q 3 × 40, R 2 × 20 = 960; obsolete 120 + 40.
    expect([s.excessValue, s.obsoleteValue, s.shortUnits]).toEqual([960, 160, 4]);
  });

  test('a repairable part keeps only what its condemned returns need; EndOfSupport caps the keep', () => {
    const single = (over: Partial<DispositionInput>) =>
      disposeExcess(analyseExcess(one({ onHand: [10], recommendedStock: [2] }), { periodsPerYear: 12 }), { ...dispositionOf(1), ...over }).lines.map((l) => [l.disposition, l.units]);
    // Consumable, 4 a year, break-even (1 − 0)/0.25 = 4 years → ⌊16⌋ ≥ 8: all 8 kept.
    expect(single({})).toEqual([['keep', 8]]);
    // Repairable with ScrapRate 0.25: new units needed 1 a year → ⌊4⌋ = 4 kept; 4 scrapped (no price, no salvage).
    expect(single({ repairable: [true], scrapRate: [0.25] })).toEqual([['keep', 4], ['scrap', 4]]);
    // EndOfSupport in 1.5 years: ⌊4 × 1.5⌋ = 6 kept, 2 recycled at SalvageValue 0.3.
    expect(single({ yearsToEndOfSupport: [1.5], salvageValue: [0.3] })).toEqual([['keep', 6], ['recycle', 2]]);
    // SalvageValue 0.5 of UnitCost 1: break-even (1 − 0.5)/0.25 = 2 years, ⌊4 × 2⌋ = 8: all kept.
    expect(single({ salvageValue: [0.5] })).toEqual([['keep', 8]]);
    // Demand 0.1 a year keeps nothing; surplusSaleShare 0.5 of SalePrice 0.8 = 0.4 < SalvageValue 0.5: recycling wins.
    const sold = disposeExcess(analyseExcess(one({ onHand: [10], recommendedStock: [2] }), { periodsPerYear: 12 }), { ...dispositionOf(1), annualDemand: [0.1], salePrice: [0.8], salvageValue: [0.5] }, { surplusSaleShare: 0.5 });
    expect(sold.lines.map((l) => [l.disposition, l.units, l.cashFreed])).toEqual([['recycle', 8, 4]]);
    const full = disposeExcess(analyseExcess(one({ onHand: [10], recommendedStock: [2] }), { periodsPerYear: 12 }), { ...dispositionOf(1), annualDemand: [0.1], salePrice: [0.8], salvageValue: [0.5] });
    expect(full.lines.map((l) => [l.disposition, l.units, l.cashFreed])).toEqual([['sell', 8, 6.4]]);
  });
});

function one(over: Partial<ExcessInput>): ExcessInput {
  return {
    count: 1,
    partId: ['P'],
    locationId: ['L'],
    onHand: [0],
    onOrder: [0],
    inRepair: [0],
    recommendedStock: [0],
    unitCost: [1],
    ratePerPeriod: [1],
    history: [every(36)],
    ...over,
  };
}

function dispositionOf(n: number): DispositionInput {
  return {
    count: n,
    partId: ['P'],
    locationId: ['L'],
    locationType: ['Central'],
    parent: [null],
    onOrder: [0],
    unitCost: [1],
    holdingCostRate: [0.25],
    annualDemand: [4],
    repairable: [false],
    scrapRate: [0],
    salePrice: [NaN],
    salvageValue: [NaN],
    yearsToEndOfSupport: [Infinity],
  };
}
