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
