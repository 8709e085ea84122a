import { buildOpportunities, evaluatePortfolio, type OpportunityNumbers } from '../../../src/engine/mom/opportunities';

const NUMBERS: OpportunityNumbers = {
  inventoryReduction: { currentInventoryValue: 1_000_000, optimisedInventoryValue: 700_000, excessBookValue: 100_000, holdingCostRate: 0.25 },
  excessDisposition: { units: 50, bookValue: 100_000, cashFreed: 40_000, holdingCostFreed: 25_000 },
  penaltyAvoidance: { currentPenalty: 80_000, optimisedPenalty: 20_000, extraInvestment: 150_000, extraHoldingCost: 10_000 },
  refurbishment: { units: 9, annualSavings: 3420, newSalesAtRisk: 7200 },
  recycling: { condemnedUnits: 5, annualRecovery: 150 },
  centralisation: { fieldStockReleased: 60_000, centralStockAdded: 20_000, holdingCostRate: 0.25, annualExtraTransportCost: 2000 },
};

/** Present value of 1 at the end of years 1, 2, 3 at 8%. */
const v = [1 / 1.08, 1 / 1.08 ** 2, 1 / 1.08 ** 3];

describe('opportunities from the numbers behind them', () => {
  const built = buildOpportunities(NUMBERS, {}, 'EUR');
  const byId = Object.fromEntries(built.map((o) => [o.id, o]));

  test('annual benefit, one-time benefit and one-time cost of each (defaults by hand)', () => {
    expect(built.map((o) => [o.id, o.pillar, o.annualBenefit, o.oneTimeBenefit, o.oneTimeCost])).toEqual([
      // Released 1,000,000 − 700,000 − 100,000 (excess, counted under disposition) = 200,000, of which
      // 40,000 is centralisation's (below): 160,000; × 25% = 40,000 a year; cost 10% of the release.
      ['inventoryReduction', 'Optimize', 40_000, 160_000, 16_000],
      // Holding cost freed a year, cash freed once; cost 10% of the cash.
      ['excessDisposition', 'Minimize', 25_000, 40_000, 4000],
      // (80,000 − 20,000) − 10,000 added holding; the added stock is the one-time cost.
      ['penaltyAvoidance', 'Minimize', 50_000, 0, 150_000],
      // Cost 50% of the first-year saving.
      ['refurbishment', 'Maximize', 3420, 0, 1710],
      ['recycling', 'Maximize', 150, 0, 15],
      // Released 60,000 − 20,000 = 40,000 (within the 200,000 today's inventory allows); 10,000 a year − 2,000 transport; cost 5% of the 60,000 field stock.
      ['centralisation', 'Optimize', 8000, 40_000, 3000],
    ]);
  });

  test('the summaries carry their numbers', () => {
    expect(byId.inventoryReduction.summary).toBe(
      'Reduce inventory at equal service: release EUR 160,000 of stock (current EUR 1,000,000 against EUR 700,000 optimised, less EUR 100,000 of excess counted under disposition and EUR 40,000 counted under centralisation) and save EUR 40,000 a year of holding cost; one-time cost EUR 16,000 (default: 10% of the stock released (planning process and system change)).',
    );
    expect(byId.refurbishment.summary).toBe(
      'Refurbish 9 returned units a year instead of buying new: EUR 3,420 a year; one-time cost EUR 1,710 (default: 50% of the first-year saving (refurbishment set-up)). Cannibalisation risk, not netted: up to EUR 7,200 a year of new-part sales.',
    );
  });

  test('Assumptions override a figure (and say so) or leave an opportunity out', () => {
    const over = buildOpportunities(NUMBERS, { recycling: { include: false }, refurbishment: { oneTimeCost: 0 } });
    expect(over.map((o) => o.id)).not.toContain('recycling');
    const refurb = over.find((o) => o.id === 'refurbishment')!;
    expect(refurb.oneTimeCost).toBe(0);
    expect(refurb.overridden).toEqual(['oneTimeCost']);
    expect(refurb.summary).toContain('one-time cost USD 0 (Assumptions)');
  });
});

describe('portfolio: cash flows, NPV, ranking into waves, business case', () => {
  const portfolio = evaluatePortfolio(buildOpportunities(NUMBERS, {}, 'EUR'), { horizonYears: 3, discountRate: 0.08, currency: 'EUR' });
  const byId = Object.fromEntries(portfolio.opportunities.map((o) => [o.id, o]));

  test('cash flows by year, year 0 first, and NPV at 8% by hand', () => {
    expect(byId.inventoryReduction.cashFlows).toEqual([-16_000, 200_000, 40_000, 40_000]);
    expect(byId.inventoryReduction.npv).toBeCloseTo(-16_000 + 200_000 * v[0] + 40_000 * (v[1] + v[2]), 8); // 235,232.03
    expect(byId.penaltyAvoidance.cashFlows).toEqual([-150_000, 50_000, 50_000, 50_000]);
    expect(byId.penaltyAvoidance.npv).toBeCloseTo(-150_000 + 50_000 * (v[0] + v[1] + v[2]), 8); // −21,145.16
  });

  test('positive-NPV opportunities ranked by NPV per one-time cost, in waves of ⌈5/3⌉ = 2, quick wins first', () => {
    // NPV / cost: recycling 371.56/15 = 24.8, excess 97,464/4,000 = 24.4, centralisation 54,654/3,000 = 18.2,
    // inventory 235,232/16,000 = 14.7, refurbishment 7,104/1,710 = 4.2; penalty avoidance has a negative NPV.
    const plan = portfolio.opportunities.filter((o) => o.rank !== null).sort((a, b) => a.rank! - b.rank!);
    expect(plan.map((o) => [o.id, o.wave])).toEqual([
      ['recycling', 1],
      ['excessDisposition', 1],
      ['centralisation', 2],
      ['inventoryReduction', 2],
      ['refurbishment', 3],
    ]);
    expect(byId.recycling.npvPerOneTimeCost).toBeCloseTo((-15 + 150 * (v[0] + v[1] + v[2])) / 15, 10);
    expect(byId.penaltyAvoidance).toMatchObject({ rank: null, wave: null, waveNote: 'Not in the plan: NPV EUR -21,145 over 3 years at 8.0% is not positive.' });
    expect(portfolio.waves.map((w) => [w.name, w.opportunities])).toEqual([
      ['Wave 1: quick wins', ['recycling', 'excessDisposition']],
      ['Wave 2', ['centralisation', 'inventoryReduction']],
      ['Wave 3', ['refurbishment']],
    ]);
    expect(portfolio.waves[0].metrics).toEqual(['Recovery on excess and scrap', 'Excess share of inventory', 'Obsolete share of inventory']);
  });

  test('the business case adds the cash flows of the opportunities in the plan year by year', () => {
    const bc = portfolio.businessCase;
    // Year 0: −(16,000 + 4,000 + 1,710 + 15 + 3,000); year 1: 200,000 + 65,000 + 3,420 + 150 + 48,000; years 2–3: 40,000 + 25,000 + 3,420 + 150 + 8,000.
    expect(bc.cashFlows).toEqual([-24_725, 316_570, 76_570, 76_570]);
    expect(bc.npv).toBeCloseTo(-24_725 + 316_570 * v[0] + 76_570 * (v[1] + v[2]), 8);
    // Payback: 24,725 of 316,570 accrued evenly over year 1 → 12 × 0.07810 = 0.94 months.
    expect(bc.paybackMonths!).toBeCloseTo((12 * 24_725) / 316_570, 12);
    // IRR: the root of −24,725 + 316,570x + 76,570x² + 76,570x³ (one sign change; bisection gives
    // 1,205.89%). NPV by hand: −24,725 + 293,120.37 + 65,646.09 + 60,783.42 = 394,824.9 (394,825.54 unrounded).
    const x = 1 / (1 + bc.irr!);
    expect(-24_725 + 316_570 * x + 76_570 * x * x + 76_570 * x ** 3).toBeCloseTo(0, 6);
    expect(bc.headline).toBe(
      '5 opportunities: EUR 24,725 one-time cost, EUR 240,000 released once and EUR 76,570 a year; NPV EUR 394,826 over 3 years at 8.0%, IRR 1,205.9%, payback 0.9 months.',
    );
  });

  test('an opportunity at no one-time cost ranks first; no positive NPV means no business case', () => {
    const free = evaluatePortfolio(buildOpportunities(NUMBERS, { refurbishment: { oneTimeCost: 0 } }), { horizonYears: 3, discountRate: 0.08 });
    expect(free.opportunities.find((o) => o.id === 'refurbishment')).toMatchObject({ rank: 1, wave: 1, npvPerOneTimeCost: Infinity });
    const none = evaluatePortfolio(buildOpportunities({ penaltyAvoidance: NUMBERS.penaltyAvoidance }), { horizonYears: 3, discountRate: 0.08 });
    expect(none.waves).toEqual([]);
    expect(none.businessCase.headline).toBe('No opportunity has a positive NPV: there is no business case to present.');
  });
});
