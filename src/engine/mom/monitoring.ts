/**
 * Monitoring from the ServiceEvents table (docs/methods.md › MOM assessment › Monitoring): the fill rate achieved and the
 * SLA compliance by tier and month, so the programme is watched with the workbook that planned it.
 *
 * An event is one demand on a service call. Achieved fill rate = events filled from stock /
 * events. SLA compliance = events answered within the tier's ResponseHours / events with a
 * known ResponseHours (events without one are counted but left out of compliance).
 */
import type { ServiceEventInput } from '../../model/types';
import { formatNumber, formatPercent } from './format';

/** One row of the ServiceEvents table, as validation reads it (src/model/types.ts). */
export type ServiceEvent = ServiceEventInput;

export interface MonitoringCell {
  tier: string;
  /** `YYYY-MM`; '' for a tier's total over all months. */
  month: string;
  events: number;
  filledFromStock: number;
  /** filledFromStock / events. */
  fillRate: number;
  /** Events with a recorded response time, and of those the ones within the tier's ResponseHours. */
  timed: number;
  withinSla: number;
  /** withinSla / timed; NaN when no event was timed. */
  slaCompliance: number;
}

export interface Monitoring {
  /** By tier (in the order of `tiers`, unknown tiers after them by name), then month ascending. */
  byTierAndMonth: MonitoringCell[];
  /** One row per tier over all months. */
  byTier: MonitoringCell[];
  /** All tiers together, by month: the trend chart's series. */
  byMonth: MonitoringCell[];
  total: MonitoringCell;
  /** Events whose tier is not among `tiers`: their compliance cannot be judged (counted in fill rate only). */
  unknownTierEvents: number;
  /** Sentences with the numbers: overall achieved fill rate and compliance, and the latest month against the first. */
  notes: string[];
}

export function monitorServiceEvents(events: readonly ServiceEvent[], tiers: readonly { tier: string; responseHours: number }[]): Monitoring {
  const hours = new Map(tiers.map((t) => [t.tier, t.responseHours]));
  const order = new Map(tiers.map((t, i) => [t.tier, i]));
  const cells = new Map<string, MonitoringCell>();
  const cell = (map: Map<string, MonitoringCell>, tier: string, month: string) => {
    const key = `${tier}\u0000${month}`;
    let c = map.get(key);
    if (!c) map.set(key, (c = { tier, month, events: 0, filledFromStock: 0, fillRate: NaN, timed: 0, withinSla: 0, slaCompliance: NaN }));
    return c;
  };
  const byTierMap = new Map<string, MonitoringCell>();
  const byMonthMap = new Map<string, MonitoringCell>();
  const total: MonitoringCell = { tier: '', month: '', events: 0, filledFromStock: 0, fillRate: NaN, timed: 0, withinSla: 0, slaCompliance: NaN };
  let unknownTierEvents = 0;
  for (const e of events) {
    const month = e.date.slice(0, 7);
    const limit = hours.get(e.tier);
    if (limit === undefined) unknownTierEvents++;
    const timed = limit !== undefined && e.responseHours !== null && Number.isFinite(e.responseHours);
    const within = timed && e.responseHours! <= limit!;
    for (const c of [cell(cells, e.tier, month), cell(byTierMap, e.tier, ''), cell(byMonthMap, '', month), total]) {
      c.events++;
      if (e.filledFromStock) c.filledFromStock++;
      if (timed) c.timed++;
      if (within) c.withinSla++;
    }
  }
  const finish = (c: MonitoringCell) => {
    c.fillRate = c.events > 0 ? c.filledFromStock / c.events : NaN;
    c.slaCompliance = c.timed > 0 ? c.withinSla / c.timed : NaN;
    return c;
  };
  const tierRank = (tier: string) => order.get(tier) ?? tiers.length;
  const byTierOrder = (a: MonitoringCell, b: MonitoringCell) => tierRank(a.tier) - tierRank(b.tier) || (a.tier < b.tier ? -1 : a.tier > b.tier ? 1 : 0) || (a.month < b.month ? -1 : a.month > b.month ? 1 : 0);
  const byTierAndMonth = [...cells.values()].map(finish).sort(byTierOrder);
  const byTier = [...byTierMap.values()].map(finish).sort(byTierOrder);
  const byMonth = [...byMonthMap.values()].map(finish).sort(byTierOrder);
  finish(total);
  const notes: string[] = [];
  if (total.events > 0) {
    notes.push(
      `${formatNumber(total.events, 0)} service events: ${formatPercent(total.fillRate, 1)} filled from stock` +
        (total.timed > 0 ? `, ${formatPercent(total.slaCompliance, 1)} of the ${formatNumber(total.timed, 0)} timed events within their SLA response time.` : '; no response times recorded.'),
    );
    if (byMonth.length >= 2) {
      const first = byMonth[0];
      const last = byMonth[byMonth.length - 1];
      const delta = 100 * (last.fillRate - first.fillRate);
      notes.push(`Fill rate from stock ${formatPercent(first.fillRate, 1)} in ${first.month} and ${formatPercent(last.fillRate, 1)} in ${last.month} (${delta >= 0 ? '+' : ''}${formatNumber(delta, 1)} points).`);
    }
  }
  if (unknownTierEvents > 0) notes.push(`${formatNumber(unknownTierEvents, 0)} ${unknownTierEvents === 1 ? 'event names a tier that is not in SLATiers: its' : 'events name a tier that is not in SLATiers: their'} SLA compliance is not judged.`);
  return { byTierAndMonth, byTier, byMonth, total, unknownTierEvents, notes };
}
