/**
 * Classification cases after Syntetos, A.A., Boylan, J.E. & Croston, J.D. (2005), On the
 * categorization of demand patterns, JORS 56, 495–503: cut-offs ADI = 1.32 and CV² = 0.49 on the
 * average inter-demand interval and the squared coefficient of variation of the non-zero sizes;
 * and the bias correction of Syntetos, A.A. & Boylan, J.E. (2005), The accuracy of intermittent
 * demand estimates, IJF 21, 303–314: SBA = (1 − α/2) × Croston.
 *
 * Series are ours; ADI and CV² are worked out by hand in the comments (ADI = periods / periods with
 * demand, CV² with the n − 1 sample variance, docs/methods.md §2).
 */
import { demandProfile } from '../../src/engine/classify';
import { crostonForecasts, sbaForecasts } from '../../src/engine/forecast/croston';
import { DEFAULT_PLAN_SETTINGS, planPartLocation } from '../../src/engine/plan';

const CASES = [
  {
    name: 'sbc_smooth',
    // 12 periods, all with demand: ADI 1. Sizes 4, 5, 6 four times: mean 5, Σ(x − 5)² = 8, variance 8/11, CV² = 8/275.
    series: [4, 5, 6, 4, 5, 6, 4, 5, 6, 4, 5, 6],
    adi: 1,
    cv2: 8 / 275,
    demandClass: 'smooth',
  },
  {
    name: 'sbc_erratic',
    // 8 periods, all with demand: ADI 1. Sizes 1, 1, 1, 1, 1, 1, 1, 17: mean 3, Σ(x − 3)² = 7·4 + 196 = 224,
    // variance 32, CV² = 32/9 = 3.56.
    series: [1, 1, 1, 1, 1, 1, 1, 17],
    adi: 1,
    cv2: 32 / 9,
    demandClass: 'erratic',
  },
  {
    name: 'sbc_intermittent',
    // 12 periods, 4 with demand 3, 3, 4, 2: ADI 3. Mean 3, Σ(x − 3)² = 2, variance 2/3, CV² = 2/27.
    series: [0, 0, 3, 0, 0, 3, 0, 0, 4, 0, 0, 2],
    adi: 3,
    cv2: 2 / 27,
    demandClass: 'intermittent',
  },
  {
    name: 'sbc_lumpy',
    // 12 periods, 3 with demand 1, 10, 1: ADI 4. Mean 4, Σ(x − 4)² = 9 + 36 + 9 = 54, variance 27, CV² = 27/16.
    series: [0, 1, 0, 0, 0, 10, 0, 0, 0, 1, 0, 0],
    adi: 4,
    cv2: 27 / 16,
    demandClass: 'lumpy',
  },
  {
    name: 'sbc_adi_on_the_cutoff',
    // 33 periods, 25 with demand 5: ADI 33/25 = 1.32 exactly (inclusive on the smooth side), CV² 0.
    series: [...new Array(25).fill(5), ...new Array(8).fill(0)],
    adi: 1.32,
    cv2: 0,
    demandClass: 'smooth',
  },
  {
    name: 'sbc_adi_just_above',
    // 34 periods, 25 with demand: ADI 1.36 > 1.32.
    series: [...new Array(25).fill(5), ...new Array(9).fill(0)],
    adi: 1.36,
    cv2: 0,
    demandClass: 'intermittent',
  },
  {
    name: 'sbc_cv2_on_the_cutoff',
    // Sizes 3, 10, 17 every period: mean 10, variance (49 + 0 + 49)/2 = 49, CV² = 49/100 = 0.49 exactly.
    series: [3, 10, 17],
    adi: 1,
    cv2: 0.49,
    demandClass: 'smooth',
  },
  {
    name: 'sbc_cv2_just_above_with_intervals',
    // Sizes 3, 10, 18 every other period: ADI 6/3 = 2; mean 31/3, variance ((22/3)² + (1/3)² + (23/3)²)/2
    // = 1014/18 = 56.33, CV² = 56.33/(961/9) = 0.5276 > 0.49 → lumpy.
    series: [0, 3, 0, 10, 0, 18],
    adi: 2,
    cv2: 1014 / 18 / (961 / 9),
    demandClass: 'lumpy',
  },
] as const;

describe('Syntetos–Boylan–Croston classification cases', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const profile = demandProfile(c.series);
    expect(profile.adi).toBeCloseTo(c.adi, 14);
    expect(profile.cv2).toBeCloseTo(c.cv2, 14);
    expect(profile.demandClass).toBe(c.demandClass);
  });

  test('the cut-off cases sit exactly on the cut-offs', () => {
    expect(demandProfile(CASES[4].series).adi).toBe(1.32);
    expect(demandProfile(CASES[6].series).cv2).toBe(0.49);
  });

  test('the plan reports the class of the whole history', () => {
    for (const c of CASES.slice(0, 4)) {
      const plan = planPartLocation({ demand: c.series, periods: c.series.length, leadTimePeriods: 1, targetFillRate: 0.9, unitCost: 1, holdingCostRate: 0.25, penaltyPerMiss: 0 }, DEFAULT_PLAN_SETTINGS);
      expect(plan.demandClass).toBe(c.demandClass);
      expect(plan.adi).toBeCloseTo(c.adi, 14);
      expect(plan.cv2).toBeCloseTo(c.cv2, 14);
    }
  });
});

describe('sba_bias_correction (Syntetos & Boylan 2005): SBA = (1 − α/2) · Croston', () => {
  test('α = 0.2 on the intermittent case: factor 0.9, Croston by hand', () => {
    // 0, 0, 3, 0, 0, 3, 0, 0, 4, 0, 0, 2 with α = 0.2: first demand in period 3 → size 3, interval 3;
    // period 6: size 3, interval 3 + 0.2(3 − 3) = 3; period 9: size 3 + 0.2 = 3.2, interval 3;
    // period 12: size 3.2 + 0.2(2 − 3.2) = 2.96, interval 3. Croston 2.96/3, SBA 0.9 × 2.96/3.
    const y = CASES[2].series;
    const params = { alpha: 0.2, beta: 0.1, movingAverageWindow: 12 };
    const croston = new Float64Array(13);
    const sba = new Float64Array(13);
    crostonForecasts(y, 12, params, croston);
    sbaForecasts(y, 12, params, sba);
    expect(croston[12]).toBeCloseTo(2.96 / 3, 14);
    expect(sba[12]).toBeCloseTo((0.9 * 2.96) / 3, 14);
    expect(croston[9]).toBeCloseTo(3.2 / 3, 14);
    expect(sba[9]).toBeCloseTo((0.9 * 3.2) / 3, 14);
  });
});
