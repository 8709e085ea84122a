import { ADI_CUTOFF, CV2_CUTOFF, DEMAND_CLASSES, demandProfile } from '../../src/engine/classify';

describe('demand profile by hand', () => {
  test('over a window [from, to) of the series', () => {
    // Periods 1 … 4 of 9, 0, 2, 0, 4, 9: 0, 2, 0, 4. Mean 6/4 = 1.5; Σy² = 20, sample variance
    // (20 − 4·1.5²)/3 = 11/3. ADI 4/2 = 2; sizes 2, 4: mean 3, variance 2, CV² = 2/9.
    const p = demandProfile([9, 0, 2, 0, 4, 9], 1, 5);
    expect(p).toMatchObject({ periods: 4, nonZeroPeriods: 2, totalQuantity: 6, meanPerPeriod: 1.5, adi: 2, demandClass: 'intermittent' });
    expect(p.variancePerPeriod).toBeCloseTo(11 / 3, 14);
    expect(p.cv2).toBeCloseTo(2 / 9, 15);
  });

  test('erratic: every period has demand, sizes vary', () => {
    // 1, 5, 1, 5, 1, 9: ADI 1; Σx = 22, Σx² = 134, variance (134 − 22²/6)/5 = 32/3, mean² = 121/9,
    // CV² = (32/3)/(121/9) = 96/121 = 0.793 > 0.49.
    const p = demandProfile([1, 5, 1, 5, 1, 9]);
    expect(p.adi).toBe(1);
    expect(p.cv2).toBeCloseTo(96 / 121, 14);
    expect(p.demandClass).toBe('erratic');
    // Per-period variance equals the size variance here (no zero periods).
    expect(p.variancePerPeriod).toBeCloseTo(32 / 3, 13);
  });

  test('lumpy: long intervals and varied sizes', () => {
    // 0, 0, 1, 0, 0, 9, 0, 0, 2: ADI 9/3 = 3; sizes 1, 9, 2: mean 4, variance (9 + 25 + 4)/2 = 19, CV² = 19/16.
    const p = demandProfile([0, 0, 1, 0, 0, 9, 0, 0, 2]);
    expect(p.adi).toBe(3);
    expect(p.cv2).toBeCloseTo(19 / 16, 15);
    expect(p.demandClass).toBe('lumpy');
    // Per period: mean 12/9, Σy² = 86, variance (86 − 9·(4/3)²)/8 = (86 − 16)/8 = 8.75.
    expect(p.variancePerPeriod).toBeCloseTo(8.75, 14);
  });

  test('one period: no sample variance; a single demand: CV² 0', () => {
    expect(demandProfile([5])).toMatchObject({ periods: 1, variancePerPeriod: 0, adi: 1, cv2: 0, demandClass: 'smooth' });
    // Two periods: variance (25 − 2·2.5²)/1 = 12.5.
    expect(demandProfile([5, 0]).variancePerPeriod).toBeCloseTo(12.5, 14);
  });

  test('an empty window: no demand, mean 0', () => {
    expect(demandProfile([3, 4], 1, 1)).toMatchObject({ periods: 0, nonZeroPeriods: 0, meanPerPeriod: 0, variancePerPeriod: 0, adi: Infinity, demandClass: 'none' });
    expect(demandProfile([0, 0, 0]).cv2).toBeNaN();
  });

  test('constant series have variance exactly 0, not a rounding error below it', () => {
    // 0.1 three times: Σy² − n·mean² is −3.5e−18 in floating point; the variance is clamped at 0.
    const p = demandProfile([0.1, 0.1, 0.1]);
    expect(p.variancePerPeriod).toBe(0);
    expect(p.cv2).toBe(0);
  });

  test('cut-offs and classes', () => {
    expect(ADI_CUTOFF).toBe(1.32);
    expect(CV2_CUTOFF).toBe(0.49);
    expect(DEMAND_CLASSES).toEqual(['smooth', 'erratic', 'intermittent', 'lumpy', 'none']);
  });
});
