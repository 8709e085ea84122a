/**
 * Custom functions for the stocking decision: lead-time demand, and the fill rate, ready rate,
 * expected backorders and base-stock level of one part at one location (docs/methods.md §4–5).
 * Thin wrappers over the engine's base-stock.ts and distributions.ts: the same code computes the
 * analysis' SPP Stock sheet, so a formula reproduces its columns.
 *
 * Every exported function here is an Excel custom function; its JSDoc is the metadata Excel shows
 * (scripts/functions-metadata.cjs generates functions.json from it). Arguments are `unknown`
 * because Excel passes whatever the cell holds; arguments.ts checks them.
 */
import { baseStockForFillRate, baseStockPerformance, type BaseStockResult, type FillRateModel } from '../engine/base-stock';
import { fitDistribution, PmfTable, type DemandDistribution } from '../engine/distributions';
import { daysPerPeriod } from '../engine/policy';
import { choice, optionalNumber, requiredNumber } from './arguments';
import { columnRule, DEFAULT_FILL_RATE_MODEL, DEFAULT_PERIOD_LENGTH, FILL_RATE_MODELS, PERIOD_LENGTHS } from './choices';
import { invalidNumber } from './errors';
import { LIMITS } from './limits';

/** A target fill rate as the SLATiers table accepts one (0 < x < 1). */
const TARGET_FILL_RATE = columnRule('SLATiers', 'TargetFillRate');

/** One scratch table for every call: calculation is single-threaded, and the table is reset per use. */
const table = new PmfTable();

function leadTimeDistribution(meanArgument: unknown, varianceArgument: unknown): DemandDistribution {
  const mean = requiredNumber('mean', meanArgument, { min: 0, max: LIMITS.mean });
  const variance = optionalNumber('variance', varianceArgument, mean, { min: 0, max: LIMITS.variance });
  if (mean > 0 && variance > LIMITS.dispersion * mean) {
    throw invalidNumber(`variance must be at most ${LIMITS.dispersion} × mean (${LIMITS.dispersion * mean}), found ${variance}`);
  }
  // Poisson when the variance does not exceed the mean, negative binomial above it (the engine's rule).
  return fitDistribution(mean, variance);
}

function stockLevel(argument: unknown): number {
  return requiredNumber('stock', argument, { min: 0, max: LIMITS.stock, integer: true });
}

function fillRateModel(argument: unknown): FillRateModel {
  return choice('model', argument, FILL_RATE_MODELS, DEFAULT_FILL_RATE_MODEL);
}

/**
 * Performance of base stock S. Without lead-time demand (mean 0) no backorder is expected, but a
 * unit that is demanded all the same is filled only from stock: fill rate 1 with stock, 0 without
 * (the limits as the mean falls to 0, and what the analysis promises, methods.md §5.1). The ready
 * rate and the backorders depend on the distribution alone, not on the fill-rate model, so their
 * functions ask for the classic one, which skips the batch-size sums.
 */
function performance(dist: DemandDistribution, stock: number, model: FillRateModel): BaseStockResult {
  if (!(dist.mean > 0)) {
    const filled = stock > 0 ? 1 : 0;
    return { stock, fillRate: filled, classicFillRate: filled, readyRate: 1, expectedBackorders: 0, expectedOnHand: stock };
  }
  return baseStockPerformance(dist, stock, model, table);
}

/**
 * Fill rate of a base-stock level: the share of demanded units filled at once from stock (Poisson, or negative binomial above the mean).
 * @customfunction
 * @param mean Mean lead-time demand in units (e.g. from SPP.LEADTIMEDEMAND), >= 0.
 * @param stock Base-stock level S in units, a whole number >= 0.
 * @param [variance] Variance of lead-time demand; omitted = the mean (Poisson).
 * @param [model] Compound (default): unit fill rate with demand in batches; Classic: F(S − 1).
 * @returns The fill rate, from 0 to 1.
 */
export function fillRate(mean: unknown, stock: unknown, variance?: unknown, model?: unknown): number {
  const dist = leadTimeDistribution(mean, variance);
  return performance(dist, stockLevel(stock), fillRateModel(model)).fillRate;
}

/**
 * Ready rate of a base-stock level: the probability of having stock on hand at a random moment, F(S).
 * @customfunction
 * @param mean Mean lead-time demand in units, >= 0.
 * @param stock Base-stock level S in units, a whole number >= 0.
 * @param [variance] Variance of lead-time demand; omitted = the mean (Poisson).
 * @returns The ready rate, from 0 to 1.
 */
export function readyRate(mean: unknown, stock: unknown, variance?: unknown): number {
  const dist = leadTimeDistribution(mean, variance);
  return performance(dist, stockLevel(stock), 'Classic').readyRate;
}

/**
 * Expected backorders of a base-stock level: the mean number of units short at a random moment, E[(X − S)+].
 * @customfunction
 * @param mean Mean lead-time demand in units, >= 0.
 * @param stock Base-stock level S in units, a whole number >= 0.
 * @param [variance] Variance of lead-time demand; omitted = the mean (Poisson).
 * @returns Expected backorders in units.
 */
export function ebo(mean: unknown, stock: unknown, variance?: unknown): number {
  const dist = leadTimeDistribution(mean, variance);
  return performance(dist, stockLevel(stock), 'Classic').expectedBackorders;
}

/**
 * The smallest base-stock level whose fill rate meets the target (one-for-one replenishment).
 * @customfunction
 * @param mean Mean lead-time demand in units, >= 0; 0 (no demand) gives 0.
 * @param target_fill_rate Target fill rate, > 0 and < 1 (e.g. 0.95).
 * @param [variance] Variance of lead-time demand; omitted = the mean (Poisson).
 * @param [model] Compound (default): unit fill rate with demand in batches; Classic: F(S − 1).
 * @returns The base-stock level S in units.
 */
export function baseStock(mean: unknown, target_fill_rate: unknown, variance?: unknown, model?: unknown): number {
  const dist = leadTimeDistribution(mean, variance);
  const target = requiredNumber('target_fill_rate', target_fill_rate, TARGET_FILL_RATE);
  const chosen = fillRateModel(model);
  // No lead-time demand read as no demand: not stocked, as the analysis does for a part without demand.
  if (!(dist.mean > 0)) return 0;
  const result = baseStockForFillRate(dist, target, chosen, table);
  // The engine's search stops at a guard far beyond the mean; never report a stock short of the target as if it met it.
  if (result.fillRate < target) {
    throw invalidNumber(`no base stock up to ${result.stock} units reaches a ${chosen} fill rate of ${target} (${result.fillRate} at ${result.stock})`);
  }
  return result.stock;
}

/**
 * Mean demand during a lead time: the rate per period × the lead time in periods.
 * @customfunction
 * @param rate_per_period Demand per period in units (e.g. from SPP.FORECAST), >= 0.
 * @param lead_time_days Lead time in days, >= 0.
 * @param [period_length] Month (default; 30.4375 days) or Week (7 days).
 * @returns Mean lead-time demand in units.
 */
export function leadTimeDemand(rate_per_period: unknown, lead_time_days: unknown, period_length?: unknown): number {
  const rate = requiredNumber('rate_per_period', rate_per_period, { min: 0 });
  const days = requiredNumber('lead_time_days', lead_time_days, { min: 0 });
  const length = choice('period_length', period_length, PERIOD_LENGTHS, DEFAULT_PERIOD_LENGTH);
  return rate * (days / daysPerPeriod(length));
}
