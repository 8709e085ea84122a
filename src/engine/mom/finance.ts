/**
 * Discounted cash flow of the business case: NPV, IRR and payback, with the conventions of
 * docs/methods.md › MOM assessment › Finance.
 *
 * Cash flows are by year, year 0 first: flows[0] happens now (the one-time cost) and flows[t],
 * t ≥ 1, at the end of year t — the timing Excel's NPV() assumes for every value it is given, so
 * NPV here equals Excel's `= flows[0] + NPV(rate, flows[1 … H])` and IRR equals Excel's
 * `= IRR(flows[0 … H])`. Payback, unlike NPV, lets each year's flow accrue evenly through that
 * year (the usual simple-payback reading); both conventions are stated with the numbers.
 */
import { formatMoney, formatNumber, formatPercent } from './format';

/** NPV = Σ_t flows[t] / (1 + rate)^t, t = 0 … H (flows[0] undiscounted). */
export function npv(rate: number, flows: ArrayLike<number>): number {
  if (!(rate > -1)) throw new RangeError(`The discount rate must be above -100%, found ${rate}`);
  let sum = 0;
  let factor = 1;
  for (let t = 0; t < flows.length; t++) {
    sum += flows[t] * factor;
    factor /= 1 + rate;
  }
  return sum;
}

/** Net present value as a function of x = 1 / (1 + r): p(x) = Σ_t flows[t] x^t (Horner). */
function presentValueAt(x: number, flows: ArrayLike<number>, from: number): number {
  let sum = 0;
  for (let t = flows.length - 1; t >= from; t--) sum = sum * x + flows[t];
  return sum;
}

export interface IrrResult {
  /** The internal rate of return, or null where it is undefined. */
  irr: number | null;
  /** Every rate between −100% and the search limit at which the NPV crosses zero, ascending. */
  roots: number[];
  /** Sign changes of the cash-flow sequence (zeros skipped). */
  signChanges: number;
  /** Why the IRR is undefined, or which of several roots is reported; '' for the ordinary case of one sign change. */
  note: string;
}

/** Excel's IRR() starts Newton's method from a guess of 10%; with several roots we report the one nearest to it. */
export const EXCEL_IRR_GUESS = 0.1;

/** Roots are searched on x = 1/(1 + r) ∈ (0, ∞) through u = x / (1 + x) ∈ (0, 1) on this many cells. */
const ROOT_SCAN_CELLS = 20_000;

/**
 * IRR: the rate r > −1 with NPV(r) = 0.
 * - No sign change (all flows ≥ 0 or all ≤ 0): no rate makes the NPV zero — undefined, said so.
 * - One sign change: by Descartes' rule of signs the polynomial p(x) = Σ flows[t] x^t has exactly
 *   one positive root x*, so the IRR r = 1/x* − 1 is unique; found by bisection on x to full
 *   double precision.
 * - Several sign changes: there may be several IRRs, or none. Every crossing of zero is located
 *   on a fine grid of u = x/(1 + x) and refined by bisection; the IRR reported is the root nearest
 *   to 10%, Excel's default guess, and the note lists all of them (the NPV is the measure to trust
 *   then). Tangent (double) roots, where the NPV touches zero without crossing, are not found.
 */
export function irr(flows: ArrayLike<number>): IrrResult {
  let first = -1;
  let signChanges = 0;
  let lastSign = 0;
  for (let t = 0; t < flows.length; t++) {
    const f = flows[t];
    if (!Number.isFinite(f)) throw new RangeError(`Cash flow of year ${t} is not a finite number: ${f}`);
    if (f === 0) continue;
    if (first < 0) first = t;
    const sign = f > 0 ? 1 : -1;
    if (lastSign !== 0 && sign !== lastSign) signChanges++;
    lastSign = sign;
  }
  if (first < 0) return { irr: null, roots: [], signChanges: 0, note: 'IRR undefined: every cash flow is zero.' };
  if (signChanges === 0) {
    const kind = lastSign > 0 ? 'inflows' : 'outflows';
    return { irr: null, roots: [], signChanges, note: `IRR undefined: the cash flows are all ${kind} (no sign change), so no discount rate makes the NPV zero.` };
  }
  // Leading zero flows only multiply p(x) by a power of x; the roots in x > 0 are those of the rest.
  if (signChanges === 1) {
    const root = uniqueRoot(flows, first);
    return { irr: root, roots: [root], signChanges, note: '' };
  }
  const roots = allRoots(flows, first);
  if (roots.length === 0) {
    return { irr: null, roots, signChanges, note: `IRR undefined: the cash flows change sign ${signChanges} times and the NPV never crosses zero at any rate above -100%.` };
  }
  let best = roots[0];
  for (const r of roots) if (Math.abs(r - EXCEL_IRR_GUESS) < Math.abs(best - EXCEL_IRR_GUESS)) best = r;
  const list = roots.map((r) => formatPercent(r, 2)).join(', ');
  const note =
    roots.length === 1
      ? `The cash flows change sign ${signChanges} times; the NPV is zero only at ${list}, reported as the IRR.`
      : `The cash flows change sign ${signChanges} times and the NPV is zero at ${list}; the IRR reported is ${formatPercent(best, 2)}, the root nearest to 10% (Excel's default guess). Judge this opportunity by its NPV.`;
  return { irr: best, roots, signChanges, note };
}

/** The one positive root of p(x) when the flows change sign once: bracket by doubling, then bisect. */
function uniqueRoot(flows: ArrayLike<number>, first: number): number {
  const p0 = flows[first]; // p(x)/x^first → flows[first] as x → 0+
  let hi = 1;
  while (Math.sign(presentValueAt(hi, flows, first)) === Math.sign(p0) && hi < 1e300) hi *= 2;
  return 1 / bisect(flows, first, 0, hi, p0) - 1;
}

function bisect(flows: ArrayLike<number>, first: number, lo: number, hi: number, signAtLo: number): number {
  for (let i = 0; i < 2000; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    const v = presentValueAt(mid, flows, first);
    if (v === 0) return mid;
    if (Math.sign(v) === Math.sign(signAtLo)) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** Every sign crossing of p(x) for x ∈ (0, ∞), as rates ascending. */
function allRoots(flows: ArrayLike<number>, first: number): number[] {
  const xs: number[] = [];
  const xAt = (k: number) => {
    const u = k / ROOT_SCAN_CELLS;
    return u / (1 - u);
  };
  let prevX = 0;
  let prevV = flows[first];
  for (let k = 1; k < ROOT_SCAN_CELLS; k++) {
    const x = xAt(k);
    const v = presentValueAt(x, flows, first);
    if (v === 0) {
      xs.push(x);
    } else if (prevV !== 0 && Math.sign(v) !== Math.sign(prevV)) {
      xs.push(bisect(flows, first, prevX, x, prevV));
    }
    prevX = x;
    prevV = v;
  }
  // Beyond the last cell (x → ∞, r → −100%) the sign is that of the last non-zero flow.
  let last = flows.length - 1;
  while (flows[last] === 0) last--;
  if (prevV !== 0 && Math.sign(prevV) !== Math.sign(flows[last])) {
    let hi = prevX * 2;
    while (Math.sign(presentValueAt(hi, flows, first)) === Math.sign(prevV) && hi < 1e300) hi *= 2;
    xs.push(bisect(flows, first, prevX, hi, prevV));
  }
  return xs.map((x) => 1 / x - 1).sort((a, b) => a - b);
}

export interface PaybackResult {
  /** Months until the cumulative cash flow turns non-negative for good; null when not within the horizon. */
  months: number | null;
  note: string;
}

/**
 * Payback in months. Convention: flows[0] happens at time 0 and the flow of year t accrues evenly
 * over year t, so the cumulative cash flow is piecewise linear between year ends. Payback is the
 * earliest time after which the cumulative cash flow is never negative again within the horizon:
 * with C the cumulative flow at year ends and t the last year that starts with C[t − 1] < 0,
 * payback = 12 × (t − 1 + (−C[t − 1]) / flows[t]) months. 0 when the cumulative flow is never
 * negative; null (not paid back) when C at the horizon is negative.
 */
export function paybackMonths(flows: ArrayLike<number>, currency = ''): PaybackResult {
  const horizon = flows.length - 1;
  let cumulative = 0;
  let lastNegativeStart = -1;
  let previous = 0;
  for (let t = 0; t <= horizon; t++) {
    previous = cumulative;
    cumulative += flows[t];
    if (t >= 1 && previous < 0) lastNegativeStart = t;
  }
  if (cumulative < 0) {
    const amount = currency ? formatMoney(cumulative, currency) : formatNumber(cumulative);
    return { months: null, note: `Not paid back within the ${horizon}-year horizon: the cumulative cash flow at year ${horizon} is ${amount}.` };
  }
  if (lastNegativeStart < 0) {
    return { months: 0, note: flows[0] < 0 ? '' : 'Nothing to pay back: the cumulative cash flow is never negative.' };
  }
  const t = lastNegativeStart;
  let before = 0;
  for (let s = 0; s < t; s++) before += flows[s];
  return { months: 12 * (t - 1 + -before / flows[t]), note: '' };
}

/**
 * Cash flows by year, year 0 first: −oneTimeCost now, then the annual benefit at the end of each
 * year 1 … H, plus a one-time benefit (released inventory, disposal proceeds) at the end of year 1.
 * `annualBenefit` may give one value per year 1 … H instead of a constant.
 */
export function annualCashFlows(input: { oneTimeCost: number; annualBenefit: number | readonly number[]; oneTimeBenefit?: number; horizonYears: number }): number[] {
  const { oneTimeCost, annualBenefit, horizonYears } = input;
  if (!(Number.isInteger(horizonYears) && horizonYears >= 1)) throw new RangeError(`HorizonYears must be a whole number ≥ 1, found ${horizonYears}`);
  if (Array.isArray(annualBenefit) && annualBenefit.length !== horizonYears) {
    throw new RangeError(`${annualBenefit.length} annual benefits given for a ${horizonYears}-year horizon`);
  }
  const flows = [oneTimeCost === 0 ? 0 : -oneTimeCost];
  for (let year = 1; year <= horizonYears; year++) {
    const benefit = typeof annualBenefit === 'number' ? annualBenefit : annualBenefit[year - 1];
    flows.push(benefit + (year === 1 ? (input.oneTimeBenefit ?? 0) : 0));
  }
  return flows;
}

export interface CashFlowEvaluation {
  /** By year, year 0 first. */
  cashFlows: number[];
  /** Cumulative cash flow at each year end. */
  cumulative: number[];
  discountRate: number;
  npv: number;
  irr: number | null;
  irrNote: string;
  paybackMonths: number | null;
  paybackNote: string;
}

/** NPV at `discountRate`, IRR and payback of one cash-flow sequence. */
export function evaluateCashFlows(cashFlows: readonly number[], discountRate: number, currency = ''): CashFlowEvaluation {
  const cumulative: number[] = [];
  let sum = 0;
  for (const f of cashFlows) cumulative.push((sum += f));
  const rate = irr(cashFlows);
  const payback = paybackMonths(cashFlows, currency);
  return {
    cashFlows: [...cashFlows],
    cumulative,
    discountRate,
    npv: npv(discountRate, cashFlows),
    irr: rate.irr,
    irrNote: rate.note,
    paybackMonths: payback.months,
    paybackNote: payback.note,
  };
}
