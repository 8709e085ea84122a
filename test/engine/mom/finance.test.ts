import { annualCashFlows, evaluateCashFlows, irr, npv, paybackMonths } from '../../../src/engine/mom/finance';

/**
 * Excel-compatible reference values: LibreOffice Calc 7.4.7.2 recalculated a workbook with the
 * formulas `=C + NPV(rate, D:…)` (year 0 undiscounted, then year ends) and `=IRR(C:…)` on each row
 * (the script is test/engine/mom/excel-reference.py; run it with /usr/bin/python3). The printed
 * digits are LibreOffice's; its IRR stops at ~1e-14 relative, so the IRR comparisons use 10 digits.
 */
const LIBREOFFICE: [string, number, number[], number, number | null][] = [
  // name, rate, flows (year 0 first), =A0+NPV(rate, A1:AH), =IRR(A0:AH)
  ['typical', 0.08, [-1000, 400, 400, 400], 30.8387948991515, 0.097010257403273],
  ['board', 0.08, [-250000, 120000, 120000, 120000], 59251.6384697455, 0.207084468961009],
  ['late', 0.08, [-100, 0, 0, 150], 19.0748361530254, 0.144714242553332],
  ['growing', 0.1, [-5000, 1000, 1500, 2000, 2500, 3000], 2221.68753997181, 0.232919407376734],
  ['leadingZero', 0.08, [0, -100, 60, 60], 6.47767108672458, 0.130662386291808],
  ['quickWin', 0.08, [-1, 100, 100, 100], 256.709698724788, 99.9999029407054],
  ['negativeIrr', 0.08, [-1000, 300, 300, 300], -226.870903825636, -0.0508854413726206],
  // Excel and LibreOffice answer IRR() here with an error (#NUM!, Err:523): no sign change.
  ['noSignChange', 0.08, [100, 50, 50], 189.163237311385, null],
];

describe('NPV and IRR reproduce Excel (LibreOffice) on the same flows', () => {
  test.each(LIBREOFFICE)('%s', (_name, rate, flows, excelNpv, excelIrr) => {
    expect(npv(rate, flows)).toBeCloseTo(excelNpv, 9);
    const result = irr(flows);
    if (excelIrr === null) expect(result.irr).toBeNull();
    else expect(result.irr!).toBeCloseTo(excelIrr, 10);
  });

  test("Excel's NPV() over all flows discounts year 0 as well — the pitfall our convention avoids", () => {
    // =NPV(8%, -1000, 400, 400, 400) = 28.5544397214366 in LibreOffice = our NPV / 1.08.
    expect(npv(0.08, [-1000, 400, 400, 400]) / 1.08).toBeCloseTo(28.5544397214366, 9);
  });
});

describe('NPV and IRR against exact hand calculations', () => {
  test('NPV of an annuity: −1000 + 400 × (1 − 1.08⁻³) / 0.08', () => {
    expect(npv(0.08, [-1000, 400, 400, 400])).toBeCloseTo(-1000 + (400 * (1 - 1.08 ** -3)) / 0.08, 11);
  });

  test('NPV at rate 0 is the plain sum; rate ≤ −100% is refused', () => {
    expect(npv(0, [-5, 1, 2, 3.5])).toBe(1.5);
    expect(() => npv(-1, [1, 2])).toThrow(RangeError);
  });

  test('IRR of −100 now and 150 in year 3 is 1.5^(1/3) − 1', () => {
    expect(irr([-100, 0, 0, 150]).irr!).toBeCloseTo(Math.cbrt(1.5) - 1, 14);
  });

  test('IRR of −100, +110 is exactly 10%; of −100, +60, +60 solves 60x² + 60x − 100 = 0', () => {
    expect(irr([-100, 110]).irr!).toBeCloseTo(0.1, 14);
    const x = (-60 + Math.sqrt(3600 + 24000)) / 120; // 1/(1 + r)
    expect(irr([-100, 60, 60]).irr!).toBeCloseTo(1 / x - 1, 13);
  });

  test('a benefit first and a cost later (one sign change) has an IRR too', () => {
    // +100 now, −121 in year 2: 100 = 121/(1 + r)² → r = 10%.
    expect(irr([100, 0, -121]).irr!).toBeCloseTo(0.1, 13);
  });

  test('no sign change: undefined, and the reason is given', () => {
    const result = irr([100, 50, 50]);
    expect(result).toMatchObject({ irr: null, signChanges: 0 });
    expect(result.note).toBe('IRR undefined: the cash flows are all inflows (no sign change), so no discount rate makes the NPV zero.');
    expect(irr([-5, 0, -1]).note).toContain('all outflows');
    expect(irr([0, 0]).note).toBe('IRR undefined: every cash flow is zero.');
  });

  test('two sign changes with roots 10% and 20%: the one nearest to Excel’s 10% guess, both listed', () => {
    // −100 + 230x − 132x² = 0 ⇔ x = (230 ± 10)/264 ⇔ r = 10% or 20%. LibreOffice: IRR() = 10%, IRR(…, 0.5) = 20%.
    const result = irr([-100, 230, -132]);
    expect(result.signChanges).toBe(2);
    expect(result.roots).toHaveLength(2);
    expect(result.roots[0]).toBeCloseTo(0.1, 12);
    expect(result.roots[1]).toBeCloseTo(0.2, 12);
    expect(result.irr!).toBeCloseTo(0.1, 12);
    expect(result.note).toBe(
      'The cash flows change sign 2 times and the NPV is zero at 10.00%, 20.00%; the IRR reported is 10.00%, the root nearest to 10% (Excel\'s default guess). Judge this opportunity by its NPV.',
    );
  });

  test('roots 0% and 100%: 0% is nearer the guess (LibreOffice: IRR() = −1e−16, IRR(…, 0.5) = 100%)', () => {
    // −1000 + 3000x − 2000x² = 0 ⇔ x = 1 or ½.
    const result = irr([-1000, 3000, -2000]);
    expect(result.roots[0]).toBeCloseTo(0, 12);
    expect(result.roots[1]).toBeCloseTo(1, 12);
    expect(result.irr!).toBeCloseTo(0, 12);
  });

  test('several sign changes but no real root: undefined, said so', () => {
    // −1 + 1·x − 1·x²: discriminant 1 − 4 < 0, no rate gives NPV 0.
    const result = irr([-1, 1, -1]);
    expect(result.irr).toBeNull();
    expect(result.note).toBe('IRR undefined: the cash flows change sign 2 times and the NPV never crosses zero at any rate above -100%.');
  });
});

describe('payback in months (flows accrue evenly within each year)', () => {
  test.each([
    // flows, months by hand
    [[-1000, 400, 400, 400], 30], // cumulative −1000, −600, −200, +200: 12 × (2 + 200/400)
    [[-100, 0, 0, 150], 32], // −100 until year 2, then 150 over year 3: 12 × (2 + 100/150)
    [[-250000, 120000, 120000, 120000], 25], // 12 × (2 + 10000/120000)
    [[-60, 120, 120], 6], // half of year 1's 120 repays 60
    [[-100, 200, -300, 300], 32], // positive after 6 months, negative again in year 2: the last crossing counts, 12 × (2 + 200/300)
  ])('%p → %p months', (flows, months) => {
    expect(paybackMonths(flows).months!).toBeCloseTo(months, 12);
  });

  test('not paid back within the horizon: null with the cumulative cash flow at the horizon', () => {
    expect(paybackMonths([-1000, 300, 300, 300], 'EUR')).toEqual({
      months: null,
      note: 'Not paid back within the 3-year horizon: the cumulative cash flow at year 3 is EUR -100.',
    });
  });

  test('nothing to pay back: 0 months, said so', () => {
    expect(paybackMonths([0, 50, 50])).toEqual({ months: 0, note: 'Nothing to pay back: the cumulative cash flow is never negative.' });
  });
});

describe('cash flows of an opportunity', () => {
  test('year 0 the one-time cost, then the annual benefit at each year end, the one-time benefit in year 1', () => {
    expect(annualCashFlows({ oneTimeCost: 500, annualBenefit: 200, oneTimeBenefit: 1000, horizonYears: 3 })).toEqual([-500, 1200, 200, 200]);
    expect(annualCashFlows({ oneTimeCost: 0, annualBenefit: [1, 2], horizonYears: 2 })).toEqual([0, 1, 2]);
    expect(() => annualCashFlows({ oneTimeCost: 1, annualBenefit: [1], horizonYears: 2 })).toThrow(RangeError);
    expect(() => annualCashFlows({ oneTimeCost: 1, annualBenefit: 1, horizonYears: 0 })).toThrow(RangeError);
  });

  test('evaluateCashFlows combines NPV, IRR, payback and the cumulative flow', () => {
    const e = evaluateCashFlows([-1000, 400, 400, 400], 0.08);
    expect(e.cumulative).toEqual([-1000, -600, -200, 200]);
    expect(e.npv).toBeCloseTo(30.8387948991515, 9);
    expect(e.irr!).toBeCloseTo(0.097010257403273, 10);
    expect(e.paybackMonths).toBeCloseTo(30, 12);
    expect(e.irrNote).toBe('');
  });
});
