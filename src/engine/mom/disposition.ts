/**
 * Disposition of excess stock (docs/methods.md › MOM assessment › Disposition of excess). Each excess unit of a part-location goes
 * down a fixed waterfall, internal uses before external ones:
 *
 * 0. cancel — excess units still on order are cancelled first (an order not yet delivered is
 *    assumed cancellable at no cost: the cash is not spent);
 * 1. redeploy — to a location of the same part that is short of its recommended stock, nearest
 *    first (see `locationDistance`);
 * 2. keep — as repair or refurbishment stock (repairables: a kept unit replaces the new unit a
 *    condemned return would need) or as stock for the location's own future demand
 *    (consumables), while the unit will be used before holding it costs more than it saves;
 * 3. sell at SalePrice × surplusSaleShare, when the part still has a market (demand somewhere in
 *    the last ObsoleteAfterPeriods) and that beats its SalvageValue;
 * 4. recycle at SalvageValue, when > 0;
 * 5. scrap.
 * Each line reports the cash it frees now and the holding cost it frees a year.
 */
import { formatNumber } from './format';
import type { ExcessTable } from './excess';

export const DISPOSITIONS = ['cancel', 'redeploy', 'keep', 'sell', 'recycle', 'scrap'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export interface DispositionInput {
  count: number;
  partId: readonly string[];
  locationId: readonly string[];
  locationType: readonly ('Central' | 'Field')[];
  /** The Central that resupplies a Field location; null for Centrals. */
  parent: readonly (string | null)[];
  onOrder: ArrayLike<number>;
  unitCost: ArrayLike<number>;
  /** Annual holding cost rate of the location. */
  holdingCostRate: ArrayLike<number>;
  /** Forecast units a year. */
  annualDemand: ArrayLike<number>;
  repairable: ArrayLike<boolean>;
  scrapRate: ArrayLike<number>;
  /** NaN when not given. */
  salePrice: ArrayLike<number>;
  /** NaN when not given. */
  salvageValue: ArrayLike<number>;
  /** Years from the end of the history to EndOfSupport; Infinity when none. */
  yearsToEndOfSupport: ArrayLike<number>;
}

export interface DispositionOptions {
  /** Share of SalePrice realised on surplus sales (default 1: the issue values sales at SalePrice). */
  surplusSaleShare?: number;
}

export interface DispositionLine {
  /** Row of the origin part-location. */
  row: number;
  partId: string;
  locationId: string;
  disposition: Disposition;
  units: number;
  /** The receiving location of a redeployment. */
  toLocationId: string | null;
  /** units × UnitCost. */
  bookValue: number;
  /** Cash now: purchase avoided (cancel, redeploy), proceeds (sell, recycle); 0 for keep and scrap. */
  cashFreed: number;
  /** Holding cost a year no longer carried: units × UnitCost × holding rate (0 for keep). */
  holdingCostFreed: number;
}

export interface DispositionTotals {
  units: number;
  bookValue: number;
  cashFreed: number;
  holdingCostFreed: number;
}

export interface DispositionResult {
  lines: DispositionLine[];
  /** Per row: cash and holding cost freed by all its lines, and the lines in words ("redeploy 2 to FSL-B; sell 1"). */
  cashFreed: Float64Array;
  holdingCostFreed: Float64Array;
  summary: string[];
  byDisposition: Record<Disposition, DispositionTotals>;
}

/**
 * How far apart two locations are for redeployment. Locations have no coordinates, so distance
 * follows the network, symmetric in the two locations: 1 two Fields of the same Central
 * (siblings, usually in the same region), 2 a Field and its own Central, 3 two Centrals, or a
 * Field and another Central, 4 two Fields of different Centrals. So from a Field the order is its
 * siblings, its Central, other Centrals, other Fields; from a Central its own Fields, then other
 * Centrals and their Fields.
 */
export function locationDistance(aType: 'Central' | 'Field', aId: string, aParent: string | null, bType: 'Central' | 'Field', bId: string, bParent: string | null): number {
  if (aType === 'Field' && bType === 'Field') return aParent === bParent ? 1 : 4;
  if (aType === 'Field') return bId === aParent ? 2 : 3;
  if (bType === 'Field') return bParent === aId ? 2 : 3;
  return 3;
}

const MAX_DISTANCE = 4;

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function disposeExcess(excess: ExcessTable, input: DispositionInput, options: DispositionOptions = {}): DispositionResult {
  const share = options.surplusSaleShare ?? 1;
  const c = excess.columns;
  const n = input.count;
  const lines: DispositionLine[] = [];
  const line = (row: number, disposition: Disposition, units: number, to: string | null, cashPerUnit: number, holds: boolean) => {
    if (!(units > 0)) return;
    const cost = input.unitCost[row];
    lines.push({
      row,
      partId: input.partId[row],
      locationId: input.locationId[row],
      disposition,
      units,
      toLocationId: to,
      bookValue: units * cost,
      cashFreed: units * cashPerUnit,
      holdingCostFreed: holds ? units * cost * input.holdingCostRate[row] : 0,
    });
  };

  // Physical excess after cancelling what is still on order; shortages by row.
  const physical = new Float64Array(n);
  const short = new Float64Array(n);
  const byPart = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const cancel = Math.min(c.excessUnits[i], input.onOrder[i]);
    line(i, 'cancel', cancel, null, input.unitCost[i], true);
    physical[i] = c.excessUnits[i] - cancel;
    short[i] = c.shortUnits[i];
    let rows = byPart.get(input.partId[i]);
    if (!rows) byPart.set(input.partId[i], (rows = []));
    rows.push(i);
  }

  // Redeploy within each part: all pairs at distance 1 first, then 2, …; at equal distance, origins
  // and then destinations in location ID order.
  for (const rows of byPart.values()) {
    const origins = rows.filter((i) => physical[i] > 0).sort((a, b) => compareIds(input.locationId[a], input.locationId[b]));
    const destinations = rows.filter((i) => short[i] > 0).sort((a, b) => compareIds(input.locationId[a], input.locationId[b]));
    if (origins.length === 0 || destinations.length === 0) continue;
    // Pairs bucketed by distance, each bucket in (origin, destination) ID order.
    const buckets: number[][] = Array.from({ length: MAX_DISTANCE + 1 }, () => []);
    for (const o of origins) {
      for (const d of destinations) {
        if (d === o) continue;
        buckets[locationDistance(input.locationType[o], input.locationId[o], input.parent[o], input.locationType[d], input.locationId[d], input.parent[d])].push(o, d);
      }
    }
    for (const pairs of buckets) {
      for (let k = 0; k < pairs.length; k += 2) {
        const o = pairs[k];
        const d = pairs[k + 1];
        if (physical[o] === 0 || short[d] === 0) continue;
        const units = Math.min(physical[o], short[d]);
        line(o, 'redeploy', units, input.locationId[d], input.unitCost[o], true);
        physical[o] -= units;
        short[d] -= units;
      }
    }
  }

  // A part has a market while any of its part-locations had demand within ObsoleteAfterPeriods.
  const market = new Set<string>();
  for (let i = 0; i < n; i++) {
    const status = excess.statusAt(i);
    if (status === 'active' || status === 'declining') market.add(input.partId[i]);
  }

  for (let i = 0; i < n; i++) {
    let left = physical[i];
    if (left <= 0) continue;
    const salvage = input.salvageValue[i] > 0 ? input.salvageValue[i] : 0;
    const kept = keepUnits(excess.statusAt(i), left, input, i, salvage);
    line(i, 'keep', kept, null, 0, false);
    left -= kept;
    if (left <= 0) continue;
    const sale = input.salePrice[i] > 0 && market.has(input.partId[i]) ? input.salePrice[i] * share : 0;
    if (sale > salvage) line(i, 'sell', left, null, sale, true);
    else if (salvage > 0) line(i, 'recycle', left, null, salvage, true);
    else line(i, 'scrap', left, null, 0, true);
  }

  // Lines of a row were created in waterfall order (cancel, redeploy, keep, then one external
  // route), so a stable counting sort by row puts them in row and disposition order.
  const start = new Int32Array(n + 1);
  for (const l of lines) start[l.row + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const sorted = new Array<DispositionLine>(lines.length);
  const next = start.slice(0, n);
  for (const l of lines) sorted[next[l.row]++] = l;
  const cashFreed = new Float64Array(n);
  const holdingCostFreed = new Float64Array(n);
  const summary = new Array<string>(n).fill('');
  const byDisposition = Object.fromEntries(DISPOSITIONS.map((d) => [d, { units: 0, bookValue: 0, cashFreed: 0, holdingCostFreed: 0 }])) as Record<Disposition, DispositionTotals>;
  for (let k = 0; k < sorted.length; k++) {
    const l = sorted[k];
    cashFreed[l.row] += l.cashFreed;
    holdingCostFreed[l.row] += l.holdingCostFreed;
    const words = `${l.disposition} ${Number.isInteger(l.units) ? String(l.units) : formatNumber(l.units, 2)}${l.toLocationId ? ` to ${l.toLocationId}` : ''}`;
    summary[l.row] = summary[l.row] ? `${summary[l.row]}; ${words}` : words;
    const t = byDisposition[l.disposition];
    t.units += l.units;
    t.bookValue += l.bookValue;
    t.cashFreed += l.cashFreed;
    t.holdingCostFreed += l.holdingCostFreed;
  }
  return { lines: sorted, cashFreed, holdingCostFreed, summary, byDisposition };
}

/**
 * Units worth keeping. The location's own use consumes the excess one unit at a time: with a the
 * yearly need for new units (annual demand for a consumable; annual demand × ScrapRate for a
 * repairable, whose other returns are repaired), the k-th kept unit is used after t_k = k / a
 * years. Keeping it costs UnitCost × h × t_k; recycling it now and buying a new one then costs
 * UnitCost − SalvageValue. So a unit is kept while UnitCost·h·t_k ≤ UnitCost − SalvageValue and
 * t_k is before EndOfSupport: K = ⌊a · min((1 − SalvageValue/UnitCost)/h, years to EndOfSupport)⌋.
 * Selling does not enter the test: selling a unit the location's own demand will use only moves
 * that sale forward (the customer pays SalePrice when the demand comes either way).
 */
function keepUnits(status: string, excessUnits: number, input: DispositionInput, i: number, salvage: number): number {
  if (status === 'obsolete' || status === 'noDemand') return 0;
  const need = input.annualDemand[i] * (input.repairable[i] ? input.scrapRate[i] : 1);
  if (!(need > 0)) return 0;
  const cost = input.unitCost[i];
  const h = input.holdingCostRate[i];
  const breakEvenYears = h > 0 ? Math.max(0, 1 - salvage / cost) / h : Infinity;
  const years = Math.min(breakEvenYears, input.yearsToEndOfSupport[i]);
  if (!(years > 0)) return 0;
  const units = years === Infinity ? excessUnits : Math.floor(need * years + 1e-9);
  return Math.min(excessUnits, units);
}
