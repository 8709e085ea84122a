/**
 * Custom functions for the business case: NPV, IRR and payback of yearly cash flows with the
 * conventions of docs/methods.md §8.1, thin wrappers over the MOM engine's finance.ts (the code
 * behind the business case), so a formula on an opportunity's cash flows gives its figures.
 *
 * Cash flows are one row or one column, **year 0 first**: the first cell happens now and is not
 * discounted, cell t + 1 at the end of year t. Excel's own NPV() discounts its first value a full
 * period, so SPP.NPV(r, A1:A4) = A1 + NPV(r, A2:A4). An empty cell is a year without cash flow
 * (0), and keeps its place: Excel's NPV() skips empty cells, moving the later flows a year earlier.
 *
 * Every exported function here is an Excel custom function (see stock.ts).
 */
import { irr as engineIrr, npv as engineNpv, paybackMonths as enginePayback } from '../engine/mom';
import { numberSeries, requiredNumber } from './arguments';
import { FunctionError, invalidNumber } from './errors';

function cashFlows(value: unknown): number[] {
  return numberSeries('cashflows_with_year0', value, {}, 0, 'years', (t) => `year ${t}`);
}

/**
 * Net present value of yearly cash flows, year 0 first and not discounted: Σ CFₜ / (1 + rate)^t.
 * @customfunction
 * @param rate Discount rate per year, > -1 (0.08 = 8 %).
 * @param cashflows_with_year0 Cash flows by year, one row or column, year 0 (now) first; empty cells are 0.
 * @returns The NPV: year 0's flow + Excel's NPV(rate, years 1 … H).
 */
export function npv(rate: unknown, cashflows_with_year0: unknown[][]): number {
  const r = requiredNumber('rate', rate, { min: -1, minExclusive: true });
  return engineNpv(r, cashFlows(cashflows_with_year0));
}

/**
 * Internal rate of return of yearly cash flows, year 0 first: the rate at which their NPV is 0.
 * @customfunction
 * @param cashflows_with_year0 Cash flows by year, one row or column, year 0 (now) first; empty cells are 0.
 * @returns The IRR per year (Excel's IRR of the same cells); #NUM! when no rate gives an NPV of 0.
 */
export function irr(cashflows_with_year0: unknown[][]): number {
  const result = engineIrr(cashFlows(cashflows_with_year0));
  if (result.irr === null) throw invalidNumber(result.note);
  return result.irr;
}

/**
 * Months until cumulative cash flow turns non-negative for good; each year's flow accrues evenly through that year.
 * @customfunction
 * @param cashflows_with_year0 Cash flows by year, one row or column, year 0 (now) first; empty cells are 0.
 * @returns Payback in months; 0 when nothing is to be paid back, #N/A when not paid back within the years given.
 */
export function paybackMonths(cashflows_with_year0: unknown[][]): number {
  const result = enginePayback(cashFlows(cashflows_with_year0));
  if (result.months === null) throw new FunctionError('#N/A', result.note);
  return result.months;
}
