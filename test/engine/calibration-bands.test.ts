/**
 * The calibration's lead-time bands (docs/methods.md §6: under 1 period, 1 to 2 periods, 2 or more),
 * at and around their edges: a lead time of exactly 1 period is in "1 to 2", exactly 2 in "2 or more".
 */
import { blendMaps, LEAD_TIME_BANDS, leadTimeBand, requiredModelFillRate } from '../../src/engine/calibration-map';

test('lead-time bands: [0, 1) → under 1 period, [1, 2) → 1 to 2, [2, ∞) → 2 or more', () => {
  const cases: [number, string][] = [
    [0, 'under 1 period'],
    [0.5, 'under 1 period'],
    [0.999, 'under 1 period'],
    [1, '1 to 2 periods'],
    [1.5, '1 to 2 periods'],
    [1.999, '1 to 2 periods'],
    [2, '2 periods or more'],
    [3, '2 periods or more'],
    [26, '2 periods or more'],
  ];
  for (const [lead, band] of cases) expect([lead, LEAD_TIME_BANDS[leadTimeBand(lead)]]).toEqual([lead, band]);
});

describe('inverting and blending maps (linear between knots)', () => {
  // g: 0.5 → 0.6, 0.9 → 0.95 (model fill rate → achieved).
  const map = { model: [0.5, 0.9], achieved: [0.6, 0.95] };

  test('a target at or below the first achieved knot needs only the first model knot', () => {
    expect(requiredModelFillRate(map, 0.55)).toBe(0.5);
    expect(requiredModelFillRate(map, 0.6)).toBe(0.5);
    // Inside: 0.5 + 0.4 · (0.8 − 0.6) / 0.35 = 0.72857142857…
    expect(requiredModelFillRate(map, 0.8)).toBeCloseTo(0.5 + (0.4 * 0.2) / 0.35, 14);
  });

  test('a blend lives on the sorted union of the knots', () => {
    // a: the identity on [0.5, 0.9]; b: 0.5 → 0.5, 0.7 → 0.6, 0.9 → 0.9. Half of each:
    // 0.5 → 0.5; 0.7 → ½·0.7 + ½·0.6 = 0.65; 0.9 → 0.9.
    const blend = blendMaps({ model: [0.5, 0.9], achieved: [0.5, 0.9] }, { model: [0.5, 0.7, 0.9], achieved: [0.5, 0.6, 0.9] }, 0.5);
    expect(blend.model).toEqual([0.5, 0.7, 0.9]);
    [0.5, 0.65, 0.9].forEach((v, j) => expect(blend.achieved[j]).toBeCloseTo(v, 14));
  });
});
