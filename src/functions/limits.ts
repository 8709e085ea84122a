/**
 * Largest lead-time demand mean, variance and stock the stock functions accept. The engine
 * tabulates the pmf from 12 standard deviations below the mean up to the stock, and the compound
 * fill rate's search grows with the batch size (variance / mean), so time and memory grow with all
 * three; these bounds lie far beyond any spare part and keep one formula from freezing Excel's
 * calculation. Beyond them the functions return #NUM!.
 */
export const LIMITS = {
  mean: 1e6,
  variance: 1e8,
  stock: 1e6,
  /**
   * Variance / mean. On the 2,674 car-parts series the analysis' per-period variance is at most
   * 137 × its rate (99 % below 21). Within these limits the slowest cell took 0.16–0.43 s on a
   * heavily shared machine, the engine's search at 10,000 × took 6.4 s (`npm run bench`,
   * BENCHMARKS.md "Custom functions").
   */
  dispersion: 1e3,
} as const;

/**
 * SPP.VARIMETRIC evaluates the field's measures at every level from 0 up to its stock and up to
 * the level where its shelf is almost never empty (the engine's search range). With batch demand
 * (a ratio above 1, Compound fill rate) each level's fill rate sums over the levels below it, so
 * the work grows with the square of that range: the field's stock is bounded, and so is its
 * pipeline's spread, the field's demand over the resupply and the central pipeline times ×
 * its ratio (λⱼ(Tⱼ + T₀)·vⱼ bounds mean + tail of the field's pipeline). With unit demand the
 * work is linear and only the general limits apply. The slowest cells within these bounds are in
 * `npm run bench` (BENCHMARKS.md "Custom functions").
 */
export const NETWORK_LIMITS = {
  fieldStock: 10_000,
  batchSpread: 1e5,
} as const;
