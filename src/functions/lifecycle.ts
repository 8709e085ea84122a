/**
 * Custom function for end-of-life parts: the last-time buy (docs/methods.md §8.6), a thin wrapper
 * over the MOM engine's lastTimeBuyWithFit, the code behind the assessment's last-time buys.
 *
 * The analysis fits the decline to the part's history and adds the fitted rate's own uncertainty;
 * in a formula the rate and the decline are what-if inputs, taken as known: the decline model is
 * λ(j) = rate × (1 − decline)^j for the periods j = 0, 1, … from now, and the remaining demand's
 * variance is `dispersion` × its mean (quasi-Poisson, §8.6 without the gᵀΣg term).
 *
 * SPP.LASTTIMEBUYFROMHISTORY is the analysis' own: it fits the decline to a demand history, with
 * the fitted rate's uncertainty, exactly as the assessment does for an EndOfLife part.
 *
 * Every exported function here is an Excel custom function (see stock.ts).
 */
import { fitDecline, lastTimeBuyWithFit, MOM_DEFAULTS, type DeclineFit, type LastTimeBuyResult } from '../engine/mom';
import { choice, demandHistory, isOmitted, optionalNumber, requiredNumber, type NumberRule } from './arguments';
import { LAST_TIME_BUY_FIT_MEASURES, LAST_TIME_BUY_MEASURES, type LastTimeBuyFitMeasure, type LastTimeBuyMeasure } from './choices';
import { invalidNumber } from './errors';
import { LIMITS } from './limits';

/** What SPP.LASTTIMEBUY returns for each measure. */
const MEASURES: Readonly<Record<LastTimeBuyMeasure, (r: LastTimeBuyResult) => number>> = {
  Quantity: (r: LastTimeBuyResult) => r.quantity!,
  Coverage: (r: LastTimeBuyResult) => r.coverage,
  ExpectedDemand: (r: LastTimeBuyResult) => r.expectedDemand,
  ExpectedNeed: (r: LastTimeBuyResult) => r.expectedNeed,
  ExpectedLeftover: (r: LastTimeBuyResult) => r.expectedLeftover,
  ExpectedShortage: (r: LastTimeBuyResult) => r.expectedShortage,
};

/** SPP.LASTTIMEBUYFROMHISTORY also tells the fitted decline model, to reuse in SPP.LASTTIMEBUY. */
const FIT_MEASURES: Readonly<Record<LastTimeBuyFitMeasure, (r: LastTimeBuyResult) => number>> = {
  ...MEASURES,
  Rate: (r: LastTimeBuyResult) => r.decline!.rateAfterHistory,
  Decline: (r: LastTimeBuyResult) => (r.decline!.slope < 0 ? -Math.expm1(r.decline!.slope) : 0),
  Dispersion: (r: LastTimeBuyResult) => r.decline!.dispersion,
};

const DECLINE: NumberRule = { min: 0, max: 1, maxExclusive: true };
const PERIODS: NumberRule = { min: 0, minExclusive: true };
/** The Settings table's LastTimeBuyConfidence: a probability strictly between 0 and 1. */
const CONFIDENCE: NumberRule = { min: 0, minExclusive: true, max: 1, maxExclusive: true };
const SHARE: NumberRule = { min: 0, max: 1 };
const DISPERSION: NumberRule = { min: 1, max: LIMITS.dispersion };

/**
 * Units to buy now so that stock covers an end-of-life part's demand until EndOfSupport with the given confidence.
 * @customfunction
 * @param rate_per_period Expected demand in the coming period in units (e.g. from SPP.FORECAST), >= 0.
 * @param decline_per_period Share by which demand falls each period, >= 0 and < 1 (0.05 = 5 % a period; 0 = constant).
 * @param periods_remaining Periods from now to EndOfSupport, > 0; a fraction counts pro rata.
 * @param [confidence] Probability that the stock covers the demand, > 0 and < 1 (default 0.95, LastTimeBuyConfidence).
 * @param [position] Inventory position in units (on hand + on order + in repair), >= 0; whole units count (default 0).
 * @param [scrap_rate] Repairables: share of returns that cannot be repaired, 0 to 1; only those need new units. Omitted = a consumable.
 * @param [dispersion] Variance of the remaining demand / its mean, >= 1 (default 1, Poisson); above 1 for lumpy demand.
 * @param [measure] Quantity (default), Coverage, ExpectedDemand, ExpectedNeed, ExpectedLeftover or ExpectedShortage (units).
 * @returns Units to buy now (or the measure chosen).
 */
export function lastTimeBuy(
  rate_per_period: unknown,
  decline_per_period: unknown,
  periods_remaining: unknown,
  confidence?: unknown,
  position?: unknown,
  scrap_rate?: unknown,
  dispersion?: unknown,
  measure?: unknown,
): number {
  const rate = requiredNumber('rate_per_period', rate_per_period, { min: 0, max: LIMITS.mean });
  const decline = requiredNumber('decline_per_period', decline_per_period, DECLINE);
  const periods = requiredNumber('periods_remaining', periods_remaining, PERIODS);
  const level = optionalNumber('confidence', confidence, MOM_DEFAULTS.lastTimeBuyConfidence, CONFIDENCE);
  const stock = optionalNumber('position', position, 0, { min: 0, max: LIMITS.stock });
  const repairable = !isOmitted(scrap_rate);
  const scrapRate = optionalNumber('scrap_rate', scrap_rate, 1, SHARE);
  const phi = optionalNumber('dispersion', dispersion, 1, DISPERSION);
  const wanted = choice('measure', measure, LAST_TIME_BUY_MEASURES, 'Quantity');
  // Λ ≤ rate × periods; bound the need the quantile search walks through.
  if (rate * periods > LIMITS.mean) throw invalidNumber(`rate_per_period × periods_remaining must be at most ${LIMITS.mean} units, found ${rate * periods}`);

  const slope = Math.log1p(-decline); // λ(j) = rate·e^{slope·j}
  const fit: DeclineFit = {
    model: decline > 0 ? 'exponential' : 'constant',
    intercept: Math.log(rate),
    slope,
    rateAfterHistory: rate,
    dispersion: phi,
    reason: decline > 0 ? '' : 'the decline given is 0',
    fittedSlope: NaN,
    periods: 0,
    // The rate and decline are given, not estimated: no estimation variance (gᵀΣg = 0).
    covariance: { aa: 0, ab: 0, bb: 0 },
  };
  return MEASURES[wanted](buy(fit, periods, level, stock, repairable, scrapRate));
}

function buy(fit: DeclineFit, periods: number, confidence: number, position: number, repairable: boolean, scrapRate: number): LastTimeBuyResult {
  return lastTimeBuyWithFit(
    { partId: 'SPP.LASTTIMEBUY', history: [], periodsRemaining: periods, position, repairable, scrapRate, unitCost: 0, salvageValue: NaN },
    fit,
    { confidence },
  );
}

/**
 * The analysis' last-time buy of an end-of-life part: the decline fitted to its demand history, with the fitted rate's uncertainty.
 * @customfunction
 * @param history_range The part's demand per period over all its locations, one row or one column, oldest first; empty cells count as 0.
 * @param periods_remaining Periods from the end of the history to EndOfSupport, > 0; a fraction counts pro rata.
 * @param [confidence] Probability that the stock covers the demand, > 0 and < 1 (default 0.95, LastTimeBuyConfidence).
 * @param [position] Inventory position in units (on hand + on order + in repair), >= 0; whole units count (default 0).
 * @param [scrap_rate] Repairables: share of returns that cannot be repaired, 0 to 1; only those need new units. Omitted = a consumable.
 * @param [measure] Quantity (default), Coverage, ExpectedDemand, ExpectedNeed, ExpectedLeftover, ExpectedShortage, or the fit: Rate, Decline, Dispersion.
 * @returns Units to buy now (or the measure chosen).
 */
export function lastTimeBuyFromHistory(history_range: unknown[][], periods_remaining: unknown, confidence?: unknown, position?: unknown, scrap_rate?: unknown, measure?: unknown): number {
  const history = demandHistory('history_range', history_range);
  const periods = requiredNumber('periods_remaining', periods_remaining, PERIODS);
  const level = optionalNumber('confidence', confidence, MOM_DEFAULTS.lastTimeBuyConfidence, CONFIDENCE);
  const stock = optionalNumber('position', position, 0, { min: 0, max: LIMITS.stock });
  const repairable = !isOmitted(scrap_rate);
  const scrapRate = optionalNumber('scrap_rate', scrap_rate, 1, SHARE);
  const wanted = choice('measure', measure, LAST_TIME_BUY_FIT_MEASURES, 'Quantity');
  const fit = fitDecline(history);
  // The fitted rate never rises (b <= 0): it is at most the history's largest period.
  const bound = fit.rateAfterHistory * periods;
  if (bound > LIMITS.mean) throw invalidNumber(`the fitted rate (${fit.rateAfterHistory}) × periods_remaining must be at most ${LIMITS.mean} units, found ${bound}`);
  return FIT_MEASURES[wanted](buy(fit, periods, level, stock, repairable, scrapRate));
}
