import { monitorServiceEvents, type ServiceEvent } from '../../../src/engine/mom/monitoring';

const event = (date: string, tier: string, filledFromStock: boolean, responseHours: number | null): ServiceEvent => ({ date, partId: 'P', locationId: 'L', tier, filledFromStock, responseHours });

describe('achieved fill rate and SLA compliance from ServiceEvents', () => {
  const events = [
    event('2025-01-03', 'Gold', true, 6), // within 8 h
    event('2025-01-10', 'Gold', false, 30), // late
    event('2025-01-15', 'Platinum', true, 3), // within 4 h
    event('2025-02-01', 'Gold', true, null), // not timed
    event('2025-02-02', 'Platinum', true, 5), // late
    event('2025-02-03', 'Bronze', true, 2), // tier unknown: fill rate only
  ];
  const m = monitorServiceEvents(events, [
    { tier: 'Platinum', responseHours: 4 },
    { tier: 'Gold', responseHours: 8 },
  ]);

  test('by tier and month, in the tiers’ order then by name, months ascending', () => {
    expect(m.byTierAndMonth.map((c) => [c.tier, c.month, c.events, c.filledFromStock, c.timed, c.withinSla])).toEqual([
      ['Platinum', '2025-01', 1, 1, 1, 1],
      ['Platinum', '2025-02', 1, 1, 1, 0],
      ['Gold', '2025-01', 2, 1, 2, 1],
      ['Gold', '2025-02', 1, 1, 0, 0],
      ['Bronze', '2025-02', 1, 1, 0, 0],
    ]);
    const gold = m.byTier.find((c) => c.tier === 'Gold')!;
    expect(gold.fillRate).toBeCloseTo(2 / 3, 14);
    expect(gold.slaCompliance).toBe(0.5);
    expect(m.byTierAndMonth[3].slaCompliance).toBeNaN();
  });

  test('totals, monthly trend and the sentences', () => {
    expect([m.total.events, m.total.filledFromStock, m.total.timed, m.total.withinSla]).toEqual([6, 5, 4, 2]);
    expect(m.byMonth.map((c) => [c.month, c.fillRate, c.slaCompliance])).toEqual([
      ['2025-01', 2 / 3, 2 / 3],
      ['2025-02', 1, 0],
    ]);
    expect(m.unknownTierEvents).toBe(1);
    expect(m.notes).toEqual([
      '6 service events: 83.3% filled from stock, 50.0% of the 4 timed events within their SLA response time.',
      'Fill rate from stock 66.7% in 2025-01 and 100.0% in 2025-02 (+33.3 points).',
      '1 event names a tier that is not in SLATiers: its SLA compliance is not judged.',
    ]);
  });

  test('no events: empty tables and no sentences', () => {
    const empty = monitorServiceEvents([], [{ tier: 'Gold', responseHours: 8 }]);
    expect(empty.byTierAndMonth).toEqual([]);
    expect(empty.total.fillRate).toBeNaN();
    expect(empty.notes).toEqual([]);
  });
});
