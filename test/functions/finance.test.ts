/**
 * SPP.NPV, SPP.IRR and SPP.PAYBACKMONTHS against Excel's documented definitions and examples
 * (Microsoft's NPV and IRR function pages), computed independently in the comments, and exact
 * hand calculations. Excel: NPV(rate, v₁ … vₙ) = Σᵢ vᵢ / (1 + rate)^i, every value at the END of
 * period i; IRR(v₀ … vₙ) is the rate with Σₜ vₜ / (1 + rate)^t = 0, the first value at t = 0.
 * SPP.NPV takes year 0 first, undiscounted: SPP.NPV(r, A1:A4) = A1 + NPV(r, A2:A4).
 */
import { irr, npv, paybackMonths } from '../../src/functions/finance';
import { column, failure, row } from './helpers';

/** Excel's NPV as documented: every value at the end of its period, the first one period from now. */
function excelNpv(rate: number, values: readonly number[]): number {
  return values.reduce((sum, v, i) => sum + v / (1 + rate) ** (i + 1), 0);
}

describe('SPP.NPV: year 0 first, not discounted', () => {
  test("Excel's first example: an investment one year from now, NPV(10%, -10000, 3000, 4200, 6800) = 1,188.44", () => {
    // −10000/1.1 + 3000/1.1² + 4200/1.1³ + 6800/1.1⁴ = 1188.4434; here year 0 is the empty first cell.
    expect(npv(0.1, column(['', -10000, 3000, 4200, 6800]))).toBeCloseTo(1188.44, 2);
    expect(npv(0.1, column([0, -10000, 3000, 4200, 6800]))).toBeCloseTo(excelNpv(0.1, [-10000, 3000, 4200, 6800]), 9);
  });

  test("Excel's second example: the cost at the start, NPV(8%, B3:B7) + B2 = 1,922.06, and -3,749.47 with a loss of 9,000 in year 6", () => {
    const flows = [-40000, 8000, 9200, 10000, 12000, 14500];
    expect(npv(0.08, row(flows))).toBeCloseTo(1922.06, 2);
    expect(npv(0.08, row(flows))).toBeCloseTo(flows[0] + excelNpv(0.08, flows.slice(1)), 9);
    expect(npv(0.08, row([...flows, -9000]))).toBeCloseTo(-3749.47, 2);
  });

  test("Excel's NPV over the same cells discounts year 0 too: it is SPP.NPV / (1 + rate)", () => {
    const flows = [-1000, 300, 400, 500];
    expect(npv(0.1, column(flows)) / 1.1).toBeCloseTo(excelNpv(0.1, flows), 9);
  });

  test('by hand, and at a rate of 0 the plain sum', () => {
    // −100 + 110/1.1 = 0; −100 + 60/1.2 + 72/1.44 = 0.
    expect(npv(0.1, column([-100, 110]))).toBeCloseTo(0, 12);
    expect(npv(0.2, column([-100, 60, 72]))).toBeCloseTo(0, 12);
    expect(npv(0, column([-100, 60, '', 72]))).toBe(32);
    expect(npv(0.08, column([-100]))).toBe(-100); // year 0 alone
    expect(npv('0.1', column(['-100', '110']))).toBeCloseTo(0, 12); // numbers typed as text
  });

  test('an empty cell is a year without cash flow and keeps its place (Excel’s NPV would skip it)', () => {
    // −100 + 0/1.1 + 121/1.21 = 0, whereas skipping the empty year would give −100 + 121/1.1.
    expect(npv(0.1, column([-100, '', 121]))).toBeCloseTo(0, 12);
    expect(npv(0.1, column([-100, null, 121]))).toBeCloseTo(0, 12);
  });
});

describe('SPP.IRR: the same cells as Excel’s IRR', () => {
  test("Excel's examples: -70,000 then 12,000, 15,000, 18,000, 21,000 gives -2.1 %; with 26,000 in year 5, 8.7 %", () => {
    // Independent bisection on Σ vₜ/(1 + r)^t: −0.0212448482734, 0.0866309480365.
    expect(irr(column([-70000, 12000, 15000, 18000, 21000]))).toBeCloseTo(-0.0212448482734, 10);
    expect(irr(column([-70000, 12000, 15000, 18000, 21000, 26000]))).toBeCloseTo(0.0866309480365, 10);
    // Excel's third example (two years, guess −10 %): −44.4 %; −70,000 + 12,000x + 15,000x² = 0 with x = 1/(1 + r).
    const x = (-12000 + Math.sqrt(12000 ** 2 + 4 * 15000 * 70000)) / (2 * 15000);
    expect(irr(row([-70000, 12000, 15000]))).toBeCloseTo(1 / x - 1, 12);
    expect(irr(row([-70000, 12000, 15000]))).toBeCloseTo(-0.444, 3);
  });

  test('by hand: -100, 110 is 10 %; -100, 0, 121 is 10 %; the NPV at the IRR is 0', () => {
    expect(irr(column([-100, 110]))).toBeCloseTo(0.1, 14);
    expect(irr(column([-100, '', 121]))).toBeCloseTo(0.1, 14);
    const flows = [-1000, 300, 400, 500];
    expect(npv(irr(column(flows)), column(flows))).toBeCloseTo(0, 9);
  });

  test('no rate makes the NPV zero: #NUM!, as Excel’s IRR', () => {
    expect(failure(() => irr(column([100, 200])))).toEqual(['#NUM!', 'IRR undefined: the cash flows are all inflows (no sign change), so no discount rate makes the NPV zero.']);
    expect(failure(() => irr(column([0, '', 0])))[0]).toBe('#NUM!');
  });
});

describe('SPP.PAYBACKMONTHS: each year’s flow accrues evenly through the year', () => {
  test('by hand', () => {
    // Cumulative −1000, −600, −200, 200: paid back in year 3 after 200/400 of it: 12 × 2.5 = 30 months.
    expect(paybackMonths(column([-1000, 400, 400, 400]))).toBeCloseTo(30, 12);
    // −1200 then 2400 in year 1: half a year.
    expect(paybackMonths(row([-1200, 2400]))).toBeCloseTo(6, 12);
    // Cumulative −100, +100, −50, +150: negative again at the end of year 2, so the payback is in year 3,
    // after 50/200 of it: 12 × (2 + 50/200) = 27 months, not the 6 months of the first crossing.
    expect(paybackMonths(column([-100, 200, -150, 200]))).toBeCloseTo(27, 12);
    expect(paybackMonths(column([0, 100]))).toBe(0);
  });

  test('not paid back within the years given: #N/A with the cumulative flow', () => {
    expect(failure(() => paybackMonths(column([-1000, 300, 300])))).toEqual(['#N/A', 'Not paid back within the 2-year horizon: the cumulative cash flow at year 2 is -400.']);
  });
});

describe('bad arguments give Excel errors, never a number', () => {
  test.each([
    ['a rate of -100 %', () => npv(-1, column([1, 2])), '#NUM!', 'rate must be a number > -1, found -1'],
    ['text for the rate', () => npv('8%', column([1, 2])), '#VALUE!', 'rate must be a number, found "8%"'],
    ['text among the flows', () => npv(0.1, column([-100, 'n/a', 50])), '#VALUE!', 'cashflows_with_year0 year 1 (row 2, column 1 of the range) must be a number, found "n/a"'],
    ['a block', () => irr([[1, 2], [3, 4]]), '#VALUE!', 'cashflows_with_year0 must be one row or one column of years, found 2 rows × 2 columns'],
    ['TRUE among the flows', () => paybackMonths(row([-100, true])), '#VALUE!', 'cashflows_with_year0 year 1 (row 1, column 2 of the range) must be a number, found TRUE'],
  ])('%s', (_label, call, code, message) => {
    expect(failure(call)).toEqual([code, message]);
  });
});
