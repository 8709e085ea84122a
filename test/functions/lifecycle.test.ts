/**
 * SPP.LASTTIMEBUY against independently computed quantiles: Poisson and negative binomial
 * cumulative sums evaluated with 50-digit decimals (Python's decimal module, values in the
 * comments), closed forms for the geometric distribution, and exact hand sums of the decline.
 */
import { lastTimeBuy, lastTimeBuyFromHistory } from '../../src/functions/lifecycle';
import { LIMITS } from '../../src/functions/limits';
import { MOM_DEFAULTS } from '../../src/engine/mom';
import { failure } from './helpers';

describe('a constant rate: Poisson need', () => {
  // 2 a month for 12 months: N ~ Poisson(24). 50-digit sums: F(31) = 0.93223561078243914943,
  // F(32) = 0.95329862020388194200, F(30) = 0.90415159822051542600, so q₀.₉₅ = 32 and q₀.₉ = 30.
  test('the quantity is the quantile minus the position', () => {
    expect(lastTimeBuy(2, 0, 12)).toBe(32);
    expect(lastTimeBuy(2, 0, 12, 0.95, 0)).toBe(32);
    expect(lastTimeBuy(2, 0, 12, 0.9)).toBe(30);
    expect(lastTimeBuy(2, 0, 12, 0.95, 20)).toBe(12);
    expect(lastTimeBuy(2, 0, 12, 0.95, 20.9)).toBe(12); // whole units of the position count
    expect(lastTimeBuy(2, 0, 12, 0.95, 40)).toBe(0); // the position already covers it
    expect(lastTimeBuy(2, 0, 12, 0.95, 0, null, null, 'Coverage')).toBeCloseTo(0.953298620203881942, 14);
    expect(lastTimeBuy(2, 0, 12, null, null, null, null, 'ExpectedDemand')).toBeCloseTo(24, 12);
  });

  test('the default confidence is LastTimeBuyConfidence', () => {
    expect(MOM_DEFAULTS.lastTimeBuyConfidence).toBe(0.95);
    expect(lastTimeBuy(2, 0, 12)).toBe(lastTimeBuy(2, 0, 12, MOM_DEFAULTS.lastTimeBuyConfidence));
  });

  test('a repairable needs new units for its scrapped returns only: Poisson(24) thinned by ¼ is Poisson(6)', () => {
    // F(9) = 0.91607598300512417720, F(10) = 0.95737907641746189812: q₀.₉₅ = 10.
    expect(lastTimeBuy(2, 0, 12, 0.95, 0, 0.25)).toBe(10);
    expect(lastTimeBuy(2, 0, 12, 0.95, 0, 0.25, null, 'ExpectedNeed')).toBeCloseTo(6, 12);
    expect(lastTimeBuy(2, 0, 12, 0.95, 0, 1)).toBe(32); // every return scrapped: as a consumable
    expect(lastTimeBuy(2, 0, 12, 0.95, 0, 0)).toBe(0); // every return repaired: nothing new needed
  });
});

describe('lumpy demand: negative binomial need', () => {
  // Λ = 3 (3 a period for one period), dispersion 4: variance 12, NB with r = Λ²/(V − Λ) = 1 and
  // p = Λ/V = ¼, the geometric P(N = k) = ¼·(¾)^k, F(k) = 1 − (¾)^(k+1).
  // (¾)^10 = 0.0563 > 0.05 >= (¾)^11 = 0.0422: q₀.₉₅ = 10.
  test('the geometric quantile, coverage, leftover and shortage in closed form', () => {
    expect(lastTimeBuy(3, 0, 1, 0.95, 0, null, 4)).toBe(10);
    expect(lastTimeBuy(3, 0, 1, 0.95, 4, null, 4)).toBe(6);
    const at = (measure: string) => lastTimeBuy(3, 0, 1, 0.95, 4, null, 4, measure);
    expect(at('Coverage')).toBeCloseTo(1 - 0.75 ** 11, 14);
    // E[(10 − N)+] = Σ_{j<10} F(j) = 10 − ¾(1 − (¾)^10)/¼; E[(N − 10)+] = Λ − 10 + E[(10 − N)+] = 3·(¾)^10.
    const leftover = 10 - 3 * (1 - 0.75 ** 10);
    expect(at('ExpectedLeftover')).toBeCloseTo(leftover, 13);
    expect(at('ExpectedShortage')).toBeCloseTo(3 * 0.75 ** 10, 13);
  });

  test('a declining rate with dispersion 2', () => {
    // 2 a month falling 10 % a month for 12 months: Λ = 2(1 − 0.9¹²)/0.1 = 14.351409270380;
    // dispersion 2: NB with r = Λ, p = ½. 50-digit sums: F(23) = 0.94340466767316747007,
    // F(24) = 0.95790773262857615196, so q₀.₉₅ = 24.
    expect(lastTimeBuy(2, 0.1, 12, 0.95, 0, null, 2, 'ExpectedDemand')).toBeCloseTo(14.35140927038, 11);
    expect(lastTimeBuy(2, 0.1, 12, 0.95, 0, null, 2)).toBe(24);
    expect(lastTimeBuy(2, 0.1, 12, 0.95, 0, null, 2, 'Coverage')).toBeCloseTo(0.957907732628576152, 14);
  });
});

describe('the decline and a partial last period', () => {
  test('Λ = Σ rate·(1 − d)^j over whole periods, the last partial one pro rata', () => {
    // rate 1, halving each period, 2.5 periods: 1 + 0.5 + 0.5 × 0.25 = 1.625.
    expect(lastTimeBuy(1, 0.5, 2.5, null, null, null, null, 'ExpectedDemand')).toBeCloseTo(1.625, 14);
    // Poisson(1.625): F(2) = 0.77687809357904683813, F(3) = 0.91770327275340046052: q₀.₉ = 3, q₀.₇₅ = 2.
    expect(lastTimeBuy(1, 0.5, 2.5, 0.9)).toBe(3);
    expect(lastTimeBuy(1, 0.5, 2.5, 0.75)).toBe(2);
  });

  test('no demand: nothing to buy, nothing short', () => {
    expect(lastTimeBuy(0, 0, 12)).toBe(0);
    expect(lastTimeBuy(0, 0, 12, null, 3, null, null, 'ExpectedLeftover')).toBe(3);
    expect(lastTimeBuy(0, 0, 12, null, 3, null, null, 'ExpectedShortage')).toBe(0);
  });
});

describe('SPP.LASTTIMEBUYFROMHISTORY: the decline fitted to the history, as the analysis does', () => {
  // Six periods of 2: too short to fit a decline (12 needed), so the constant rate 2 with its own
  // uncertainty: φ = max(1, Pearson 0) = 1, Var(â) = φ / Σy = 1/12. Over 6 periods Λ = 12 and
  // V = φΛ + Λ²·Var(â) = 12 + 12 = 24: NB with r = Λ²/(V − Λ) = 12, p = Λ/V = ½ — the
  // gamma-Poisson predictive. 50-digit sums: F(20) = 0.94490791740827262402,
  // F(21) = 0.95992834377102553844 (q₀.₉₅ = 21); F(15) = 0.77896583080291748047,
  // F(16) = 0.82753577455878257751 (q₀.₈ = 16).
  const flat = [[2, 2, 2, 2, 2, 2]];

  test('the constant-rate predictive quantile', () => {
    expect(lastTimeBuyFromHistory(flat, 6)).toBe(21);
    expect(lastTimeBuyFromHistory(flat, 6, 0.8)).toBe(16);
    expect(lastTimeBuyFromHistory(flat, 6, 0.8, 10)).toBe(6);
    expect(lastTimeBuyFromHistory(flat, 6, null, null, null, 'Coverage')).toBeCloseTo(0.959928343771025538, 14);
    expect(lastTimeBuyFromHistory(flat, 6, null, null, null, 'Rate')).toBe(2);
    expect(lastTimeBuyFromHistory(flat, 6, null, null, null, 'Decline')).toBe(0);
    expect(lastTimeBuyFromHistory(flat, 6, null, null, null, 'Dispersion')).toBe(1);
  });

  test('the estimate’s uncertainty raises the buy above the known-rate one', () => {
    // Known rate 2 over 6 periods: Poisson(12), F(17) = 0.93703, F(18) = 0.96258: q₀.₉₅ = 18 < 21.
    expect(lastTimeBuy(2, 0, 6)).toBe(18);
  });

  test('a declining history: the fitted rate and decline, and the buy from them', () => {
    // 24 periods of demand falling about 5 % a period: the Poisson fit finds a decline.
    const declining = [[9, 8, 9, 7, 8, 7, 6, 7, 6, 5, 6, 5, 4, 5, 4, 4, 3, 4, 3, 3, 3, 2, 3, 2]];
    const decline = lastTimeBuyFromHistory(declining, 24, null, null, null, 'Decline');
    expect(decline).toBeGreaterThan(0.03);
    expect(decline).toBeLessThan(0.07);
    const rate = lastTimeBuyFromHistory(declining, 24, null, null, null, 'Rate');
    // Expected remaining demand: the geometric sum of the fitted rates over 24 periods.
    expect(lastTimeBuyFromHistory(declining, 24, null, null, null, 'ExpectedDemand')).toBeCloseTo((rate * (1 - (1 - decline) ** 24)) / decline, 9);
    // Known at the fitted values the buy is smaller: the fitted rate's uncertainty is part of the analysis' buy.
    const phi = lastTimeBuyFromHistory(declining, 24, null, null, null, 'Dispersion');
    expect(lastTimeBuyFromHistory(declining, 24)).toBeGreaterThan(lastTimeBuy(rate, decline, 24, null, null, null, phi));
  });

  test('bad histories', () => {
    expect(failure(() => lastTimeBuyFromHistory([[1, 'x', 2]], 6))).toEqual(['#VALUE!', 'history_range period 2 of 3 (row 1, column 2 of the range) must be a number, found "x"']);
    expect(failure(() => lastTimeBuyFromHistory(flat, 0))).toEqual(['#NUM!', 'periods_remaining must be a number > 0, found 0']);
    expect(failure(() => lastTimeBuyFromHistory(flat, 6, null, null, null, 'Slope'))[0]).toBe('#VALUE!');
  });
});

describe('bad arguments give Excel errors, never a number', () => {
  test.each([
    ['text for the rate', () => lastTimeBuy('two', 0, 12), '#VALUE!', 'rate_per_period must be a number, found "two"'],
    ['a missing decline', () => lastTimeBuy(2, '', 12), '#VALUE!', 'decline_per_period is required'],
    ['a decline of 100 %', () => lastTimeBuy(2, 1, 12), '#NUM!', 'decline_per_period must be a number >= 0 and < 1, found 1'],
    ['no periods left', () => lastTimeBuy(2, 0, 0), '#NUM!', 'periods_remaining must be a number > 0, found 0'],
    ['a confidence of 1', () => lastTimeBuy(2, 0, 12, 1), '#NUM!', 'confidence must be a number > 0 and < 1, found 1'],
    ['a scrap rate above 1', () => lastTimeBuy(2, 0, 12, null, null, 1.5), '#NUM!', 'scrap_rate must be a number from 0 to 1, found 1.5'],
    ['a dispersion below 1', () => lastTimeBuy(2, 0, 12, null, null, null, 0.5), '#NUM!', `dispersion must be a number from 1 to ${LIMITS.dispersion}, found 0.5`],
    ['an unknown measure', () => lastTimeBuy(2, 0, 12, null, null, null, null, 'Cost'), '#VALUE!', 'measure must be one of Quantity, Coverage, ExpectedDemand, ExpectedNeed, ExpectedLeftover, ExpectedShortage, found "Cost"'],
    ['too much demand', () => lastTimeBuy(1e5, 0, 120), '#NUM!', `rate_per_period × periods_remaining must be at most ${LIMITS.mean} units, found 12000000`],
  ])('%s', (_label, call, code, message) => {
    expect(failure(call)).toEqual([code, message]);
  });
});
