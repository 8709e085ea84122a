import { classify, demandProfile } from '../../src/engine/classify';

describe('Syntetos–Boylan classification', () => {
  test('ADI and CV² by hand', () => {
    // 8 periods, 4 non-zero: ADI = 2. Sizes 2, 4, 6, 8: mean 5, sample variance 20/3, CV² = (20/3)/25.
    const profile = demandProfile([0, 2, 0, 4, 0, 6, 0, 8]);
    expect(profile.adi).toBe(2);
    expect(profile.cv2).toBeCloseTo(20 / 3 / 25, 15);
    expect(profile.demandClass).toBe('intermittent');
    expect(profile.totalQuantity).toBe(20);
    expect(profile.meanPerPeriod).toBe(2.5);
    // Per-period sample variance: Σ(y − 2.5)² / 7 = (4·6.25 + 0.25 + 2.25 + 12.25 + 30.25) / 7 = 70 / 7
    expect(profile.variancePerPeriod).toBeCloseTo(10, 14);
  });

  test('cut-offs 1.32 and 0.49 are inclusive on the smooth side', () => {
    expect(classify(1.32, 0.49)).toBe('smooth');
    expect(classify(1.32, 0.4901)).toBe('erratic');
    expect(classify(1.3201, 0.49)).toBe('intermittent');
    expect(classify(1.3201, 0.4901)).toBe('lumpy');
    expect(classify(Infinity, NaN)).toBe('none');
  });

  test('a single demand has CV² 0; no demand is class none', () => {
    expect(demandProfile([0, 0, 7]).cv2).toBe(0);
    expect(demandProfile([0, 0, 0])).toMatchObject({ demandClass: 'none', nonZeroPeriods: 0, adi: Infinity });
  });
});
