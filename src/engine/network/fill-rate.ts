/**
 * Fill rate from the shelf of a base-stock level on a tabulated pipeline, for demand that comes in
 * batches.
 *
 * A location's demand with variance-to-mean ratio v per day is taken as compound Poisson with
 * logarithmic batch sizes B, P(B = j) = θ^j / (j·(−ln(1 − θ))), θ = 1 − 1/v: this is the process
 * whose counts over any interval are negative binomial with that ratio (Quenouille 1949), as in the
 * single-location model (docs/methods.md §5). A batch that finds k units in the pipeline receives
 * min(B, (s − k)+) at once, so the unit fill rate is
 *     FR(s) = Σ_{k<s} P(N = k) · E[min(B, s − k)] / E[B],   E[min(B, m)] = Σ_{j=1..m} P(B ≥ j)
 * (Axsäter, Inventory Control, §5.3). Here N is the location's pipeline from the network model,
 * whose extra variance comes from waiting at the central as well as from batches, so the batch
 * sizes come from the demand's own ratio v, not from N. For v = 1 (unit demands) FR(s) = F(s − 1).
 * A field's curve (part-model.ts) gets the same FR(s) for every s at O(1) a level from the
 * recurrence of N + B (docs/methods.md §9.2); this sum is the reference and serves single levels.
 */
import type { TabulatedDistribution } from './count-distribution';

/** E[min(B, m)] for m = 0, 1, … of the logarithmic batch sizes of a demand with ratio v. */
export class BatchTable {
  minBatch = new Float64Array(32);
  meanBatch = 1;
  /** Unit demands (v ≤ 1): E[min(B, m)] = min(1, m). */
  unit = true;
  /** θ = 1 − 1/v of the logarithmic batch sizes (0 for unit demands). */
  theta = 0;
  /** P(B = 1) = θ / (−ln(1 − θ)) (1 for unit demands). */
  firstProbability = 1;
  private upTo = -1;
  private probability = 0; // P(B = upTo + 1)
  private below = 0; // P(B ≤ upTo)

  reset(varianceToMean: number): this {
    this.unit = !(varianceToMean > 1);
    this.upTo = -1;
    if (this.unit) {
      this.meanBatch = 1;
      this.theta = 0;
      this.firstProbability = 1;
      return this;
    }
    const theta = 1 - 1 / varianceToMean;
    const norm = -Math.log1p(-theta);
    this.theta = theta;
    this.meanBatch = theta / ((1 - theta) * norm);
    this.probability = theta / norm;
    this.firstProbability = this.probability;
    this.below = 0;
    this.minBatch[0] = 0;
    this.upTo = 0;
    return this;
  }

  /** E[min(B, m)]. */
  at(m: number): number {
    if (m <= 0) return 0;
    if (this.unit) return 1;
    if (m > this.upTo) this.ensure(m);
    return this.minBatch[m];
  }

  private ensure(m: number): void {
    if (this.minBatch.length <= m) {
      const grown = new Float64Array(Math.max(m + 1, this.minBatch.length * 2));
      grown.set(this.minBatch);
      this.minBatch = grown;
    }
    for (let j = this.upTo + 1; j <= m; j++) {
      const tail = 1 - this.below; // P(B ≥ j)
      this.minBatch[j] = this.minBatch[j - 1] + (tail > 0 ? tail : 0);
      this.below += this.probability;
      this.probability *= (this.theta * j) / (j + 1);
    }
    this.upTo = m;
  }
}

/** The unit fill rate FR(s) from the shelf (pmf tabulated up to s − 1 at least). */
export function shelfFillRate(dist: TabulatedDistribution, stock: number, batch: BatchTable): number {
  if (stock <= 0) return 0;
  const { pmf, start, length } = dist;
  const last = Math.min(stock - 1, start + length - 1);
  let sum = 0;
  if (batch.unit) {
    for (let k = start; k <= last; k++) sum += pmf[k - start];
  } else {
    for (let k = start; k <= last; k++) sum += pmf[k - start] * batch.at(stock - k);
    sum /= batch.meanBatch;
  }
  return sum < 1 ? sum : 1;
}
