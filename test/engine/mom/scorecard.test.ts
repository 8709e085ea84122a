import { defaultAssessment, KPI_DEFINITIONS } from '../../../src/engine/mom/assessment-defaults';
import { scoreAssessment, scoreKpi, type AssessmentRow } from '../../../src/engine/mom/scorecard';

const row = (over: Partial<AssessmentRow>): AssessmentRow => ({
  kpi: 'KPI',
  pillar: 'Optimize',
  current: 0.5,
  benchmark: 1,
  floor: 0,
  weight: 1,
  higherIsBetter: true,
  source: '',
  unit: 'share',
  ...over,
});

describe('KPI score: linear between Floor and Benchmark, clipped', () => {
  test.each([
    // current, benchmark, floor, score by hand
    [0.91, 0.98, 0.85, (100 * 0.06) / 0.13], // 46.15
    [1.8, 4, 1, (100 * 0.8) / 3], // 26.67
    [0.23, 0.05, 0.3, 28], // lower is better: (0.23 − 0.30) / (0.05 − 0.30) = 0.28
    [0.99, 0.98, 0.85, 100], // beyond the benchmark: clipped
    [0.8, 0.98, 0.85, 0], // below the floor: clipped
    [0.5, 0.05, 0.3, 0], // lower is better, worse than the floor
  ])('current %p, benchmark %p, floor %p → %p', (current, benchmark, floor, score) => {
    expect(scoreKpi(current, benchmark, floor)).toBeCloseTo(score, 12);
  });
});

describe('pillar and MOM scores', () => {
  const rows: AssessmentRow[] = [
    row({ kpi: 'Fill rate promised', current: 0.91, benchmark: 0.98, floor: 0.85, weight: 2 }),
    row({ kpi: 'Inventory turns', current: 1.8, benchmark: 4, floor: 1, weight: 1, unit: 'perYear' }),
    row({ kpi: 'Excess share of inventory', pillar: 'Minimize', current: 0.23, benchmark: 0.05, floor: 0.3, higherIsBetter: false }),
    row({ kpi: 'Parts gross margin', pillar: 'Maximize', current: null, benchmark: 0.5, floor: 0.2 }),
  ];
  const card = scoreAssessment(rows, { currency: 'EUR' });
  const optimize = card.pillars.find((p) => p.pillar === 'Optimize')!;

  test('pillar score is the weighted mean: (2 × 46.15 + 1 × 26.67) / 3', () => {
    const a = (100 * 0.06) / 0.13;
    const b = (100 * 0.8) / 3;
    expect(optimize.score!).toBeCloseTo((2 * a + b) / 3, 12); // 39.658
    // Points lost add up to what the pillar misses of 100.
    expect(optimize.kpis[0].pointsLost!).toBeCloseTo((2 / 3) * (100 - a), 12);
    expect(optimize.kpis[1].pointsLost!).toBeCloseTo((1 / 3) * (100 - b), 12);
    expect(optimize.kpis[0].pointsLost! + optimize.kpis[1].pointsLost!).toBeCloseTo(100 - optimize.score!, 12);
  });

  test('the overall MOM score is the mean of the scored pillars, and says which pillar is left out', () => {
    const minimize = card.pillars.find((p) => p.pillar === 'Minimize')!;
    expect(minimize.score!).toBeCloseTo(28, 12);
    expect(card.pillars.find((p) => p.pillar === 'Maximize')!.score).toBeNull();
    expect(card.overall!).toBeCloseTo((optimize.score! + 28) / 2, 12);
    expect(card.overallNote).toBe('Mean of the scored pillars; Maximize has no scored KPI and is left out.');
    expect(card.issues).toEqual([
      { row: 3, column: 'Current', severity: 'warning', message: 'Parts gross margin has no Current value (the data does not give it; enter it) and is not scored.' },
    ]);
  });

  test('pillar weights change the overall score', () => {
    const weighted = scoreAssessment(rows, { pillarWeights: { Optimize: 3, Minimize: 1 } });
    expect(weighted.overall!).toBeCloseTo((3 * optimize.score! + 28) / 4, 12);
  });

  test('key observations: the biggest gaps first, in sentences with their numbers', () => {
    expect(optimize.observations).toEqual([
      'Fill rate promised is 91.0% against a best-in-class 98.0% (floor 85.0%): 46 of 100, 35.9 points off the Optimize score.',
      'Inventory turns is 1.8 a year against a best-in-class 4.0 a year (floor 1.0 a year): 27 of 100, 24.4 points off the Optimize score.',
    ]);
  });

  test('only the three biggest gaps are observed; a pillar at the benchmark says so', () => {
    const many = scoreAssessment([
      row({ kpi: 'A', current: 0.9 }), // gap 10 × ¼
      row({ kpi: 'B', current: 0.2 }), // gap 80
      row({ kpi: 'C', current: 0.5 }), // gap 50
      row({ kpi: 'D', current: 0.6 }), // gap 40
      row({ kpi: 'E', pillar: 'Minimize', current: 0.01, benchmark: 0.05, floor: 0.3, higherIsBetter: false }),
    ]);
    const opt = many.pillars.find((p) => p.pillar === 'Optimize')!;
    expect(opt.observations.map((s) => s.slice(0, 1))).toEqual(['B', 'C', 'D']);
    expect(opt.observations[0]).toBe('B is 20.0% against a best-in-class 100.0% (floor 0.0%): 20 of 100, 20.0 points off the Optimize score.');
    expect(many.pillars.find((p) => p.pillar === 'Minimize')!.observations).toEqual(['Every scored Minimize KPI is at or beyond its best-in-class benchmark.']);
  });
});

describe('bad Assessment rows come back as cell messages', () => {
  test('Benchmark equal to Floor, or on the wrong side of it for HigherIsBetter', () => {
    const card = scoreAssessment([
      row({ kpi: 'Turns', benchmark: 2, floor: 2, unit: 'perYear' }),
      row({ kpi: 'Fill', benchmark: 0.8, floor: 0.9 }),
      row({ kpi: 'Excess', benchmark: 0.3, floor: 0.05, higherIsBetter: false }),
      row({ kpi: 'Good' }),
    ]);
    expect(card.issues).toEqual([
      { row: 0, column: 'Benchmark', severity: 'error', message: 'Benchmark equals Floor (2.0 a year): a score between them is undefined. Give Turns a Benchmark different from its Floor.' },
      { row: 1, column: 'Benchmark', severity: 'error', message: 'HigherIsBetter is Yes, so Benchmark (80.0%) must be above Floor (90.0%).' },
      { row: 2, column: 'Benchmark', severity: 'error', message: 'HigherIsBetter is No, so Benchmark (30.0%) must be below Floor (5.0%).' },
    ]);
    expect(card.kpis.map((k) => k.score)).toEqual([null, null, null, 50]);
  });

  test('every weight of a pillar zero; a negative weight', () => {
    const card = scoreAssessment([row({ weight: 0 }), row({ weight: 0 }), row({ pillar: 'Minimize', weight: -1, benchmark: 0, floor: 1, higherIsBetter: false })]);
    expect(card.issues).toEqual([
      { row: 0, column: 'Weight', severity: 'error', message: 'Every weight of the Optimize pillar is 0, so its score is undefined: give at least one of its KPIs a weight above 0.' },
      { row: 2, column: 'Weight', severity: 'error', message: 'Weight must be a number ≥ 0, found -1.' },
    ]);
    expect(card.overall).toBeNull();
    expect(card.overallNote).toBe('No pillar could be scored, so there is no MOM score.');
  });

  test('a missing Benchmark is a warning and leaves the KPI unscored', () => {
    const card = scoreAssessment([row({ kpi: 'Investment', benchmark: null, floor: null })]);
    expect(card.issues).toEqual([{ row: 0, column: 'Benchmark', severity: 'warning', message: 'Investment has no Benchmark and Floor and is not scored.' }]);
  });
});

describe('default Assessment rows', () => {
  test('every default row is valid: Benchmark on the right side of Floor, weights above 0, every pillar present', () => {
    const rows = defaultAssessment({}, { recommendedInvestmentPerUnit: 120, recommendedPenaltyPerYear: 5000, penaltyExposurePerYear: 200000 });
    const card = scoreAssessment(rows);
    expect(card.issues.filter((i) => i.severity === 'error')).toEqual([]);
    for (const p of ['Maximize', 'Optimize', 'Minimize']) expect(rows.some((r) => r.pillar === p)).toBe(true);
    for (const r of rows) {
      expect(r.weight).toBeGreaterThan(0);
      expect(r.source).toMatch(/Judgement|judgement|Ducker|recommended|plan/);
    }
  });

  test('plan-derived benchmarks: investment floor twice the plan, penalty floor at the 85% fill-rate floor', () => {
    const rows = defaultAssessment({ inventoryTurns: 2.5 }, { recommendedInvestmentPerUnit: 120, recommendedPenaltyPerYear: 5000, penaltyExposurePerYear: 200000 });
    const investment = rows.find((r) => r.key === 'investmentPerAnnualDemandUnit')!;
    expect([investment.benchmark, investment.floor]).toEqual([120, 240]);
    const penalty = rows.find((r) => r.key === 'slaPenaltyPerYear')!;
    expect(penalty.benchmark).toBe(5000);
    expect(penalty.floor).toBeCloseTo(0.15 * 200000, 9); // 30,000: a year of Critical demand filled at 85%
    const turns = rows.find((r) => r.key === 'inventoryTurns')!;
    expect(turns.current).toBe(2.5);
    expect(turns.source.startsWith('Current: computed from the data')).toBe(true);
  });

  test('without the plan, the derived benchmarks are left to the consultant (not scored, warned)', () => {
    const rows = defaultAssessment();
    expect(rows.find((r) => r.key === 'investmentPerAnnualDemandUnit')!.benchmark).toBeNull();
    expect(rows.every((r) => r.current === null)).toBe(true);
    expect(KPI_DEFINITIONS.map((d) => d.key)).toHaveLength(new Set(KPI_DEFINITIONS.map((d) => d.key)).size);
  });
});
