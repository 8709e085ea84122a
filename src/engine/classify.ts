/**
 * Demand classification after Syntetos & Boylan (2005) with the cut-offs of Syntetos, Boylan &
 * Croston (2005): ADI 1.32 and CV² 0.49.
 *
 * ADI = periods / non-zero periods (average inter-demand interval, in periods, over the whole
 *       history including leading and trailing zeros).
 * CV² = (s / m)² of the non-zero demand sizes, s the sample standard deviation (n − 1, as R's sd)
 *       and m their mean; 0 when there are fewer than two non-zero periods.
 */

export const DEMAND_CLASSES = ['smooth', 'erratic', 'intermittent', 'lumpy', 'none'] as const;
export type DemandClass = (typeof DEMAND_CLASSES)[number];

export const ADI_CUTOFF = 1.32;
export const CV2_CUTOFF = 0.49;

export interface DemandProfile {
  periods: number;
  nonZeroPeriods: number;
  totalQuantity: number;
  /** Mean demand per period over the whole history. */
  meanPerPeriod: number;
  /** Sample variance (n − 1) of demand per period over the whole history; 0 with fewer than 2 periods. */
  variancePerPeriod: number;
  /** Infinity when there is no demand. */
  adi: number;
  /** 0 with fewer than two non-zero periods; NaN when there is no demand. */
  cv2: number;
  demandClass: DemandClass;
}

export function classify(adi: number, cv2: number): DemandClass {
  if (!Number.isFinite(adi)) return 'none';
  if (adi <= ADI_CUTOFF) return cv2 <= CV2_CUTOFF ? 'smooth' : 'erratic';
  return cv2 <= CV2_CUTOFF ? 'intermittent' : 'lumpy';
}

export function demandProfile(demand: ArrayLike<number>, from = 0, to = demand.length): DemandProfile {
  const periods = to - from;
  let nonZero = 0;
  let total = 0;
  let sumSquares = 0;
  for (let t = from; t < to; t++) {
    const d = demand[t];
    if (d > 0) {
      nonZero++;
      total += d;
      sumSquares += d * d;
    }
  }
  const meanPerPeriod = periods > 0 ? total / periods : 0;
  const variancePerPeriod = periods > 1 ? Math.max(0, (sumSquares - periods * meanPerPeriod * meanPerPeriod) / (periods - 1)) : 0;
  if (nonZero === 0) {
    return { periods, nonZeroPeriods: 0, totalQuantity: 0, meanPerPeriod, variancePerPeriod, adi: Infinity, cv2: NaN, demandClass: 'none' };
  }
  const adi = periods / nonZero;
  const sizeMean = total / nonZero;
  const sizeVariance = nonZero > 1 ? Math.max(0, (sumSquares - nonZero * sizeMean * sizeMean) / (nonZero - 1)) : 0;
  const cv2 = sizeVariance / (sizeMean * sizeMean);
  return { periods, nonZeroPeriods: nonZero, totalQuantity: total, meanPerPeriod, variancePerPeriod, adi, cv2, demandClass: classify(adi, cv2) };
}
