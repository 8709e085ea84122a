/**
 * Maximize — aftermarket revenue (docs/methods.md › MOM assessment › Aftermarket revenue): parts revenue and margin, revenue at risk
 * from demand not filled at once, refurbishment savings with the new-part sales a refurbishment
 * programme could cannibalise, and the recycling recovery of condemned units.
 */
import { formatCount, formatMoney } from './format';

export interface RevenueInput {
  count: number;
  /** Forecast units a year per part-location. */
  annualDemand: ArrayLike<number>;
  /** Fill rate of today's stock (or of the plan). */
  fillRate: ArrayLike<number>;
  /** SalePrice; NaN when the part is not sold. */
  salePrice: ArrayLike<number>;
  unitCost: ArrayLike<number>;
}

export interface PartsRevenue {
  /** Σ d × SalePrice over priced parts. */
  revenue: number;
  /** Σ d × UnitCost over the same rows. */
  costOfSales: number;
  margin: number;
  /** margin / revenue; null without priced demand. */
  marginShare: number | null;
  /** Σ d × (1 − FR) × SalePrice: revenue of demand not filled at once (at risk of being lost or delayed). */
  revenueAtRisk: number;
  revenueAtRiskShare: number | null;
  pricedDemandUnits: number;
  /** Demand of parts without a SalePrice (not counted in revenue). */
  unpricedDemandUnits: number;
}

export function partsRevenue(input: RevenueInput): PartsRevenue {
  const r: PartsRevenue = { revenue: 0, costOfSales: 0, margin: 0, marginShare: null, revenueAtRisk: 0, revenueAtRiskShare: null, pricedDemandUnits: 0, unpricedDemandUnits: 0 };
  for (let i = 0; i < input.count; i++) {
    const d = input.annualDemand[i];
    if (!(d > 0)) continue;
    const price = input.salePrice[i];
    if (!(price >= 0)) {
      r.unpricedDemandUnits += d;
      continue;
    }
    r.pricedDemandUnits += d;
    r.revenue += d * price;
    r.costOfSales += d * input.unitCost[i];
    r.revenueAtRisk += d * (1 - input.fillRate[i]) * price;
  }
  r.margin = r.revenue - r.costOfSales;
  if (r.revenue > 0) {
    r.marginShare = r.margin / r.revenue;
    r.revenueAtRiskShare = r.revenueAtRisk / r.revenue;
  }
  return r;
}

export interface RefurbishmentPart {
  partId: string;
  /** Forecast units a year over all locations. */
  annualDemand: number;
  repairable: boolean;
  scrapRate: number;
  unitCost: number;
  /** NaN when not given. */
  refurbCost: number;
  /** NaN when the part is not sold to customers. */
  salePrice: number;
}

export interface RefurbishmentRow {
  partId: string;
  /** Returned units a year that can be repaired: d × (1 − ScrapRate). */
  repairableReturns: number;
  /** Of them, those not refurbished today: × (1 − current refurbished share). */
  additionalRefurbished: number;
  /** UnitCost − RefurbCost. */
  savingPerUnit: number;
  /** additionalRefurbished × savingPerUnit, when the saving is positive. */
  annualSavings: number;
  /** additionalRefurbished × SalePrice: new-part sales refurbished units could replace if sold to customers (flagged, not netted). */
  newSalesAtRisk: number;
  cannibalisation: boolean;
}

export interface Refurbishment {
  rows: RefurbishmentRow[];
  annualSavings: number;
  newSalesAtRisk: number;
  /** Sentences that state the saving and the cannibalisation risk with their numbers. */
  notes: string[];
}

/**
 * Refurbishment instead of buying new, for repairable parts with a RefurbCost: the returns that
 * can be repaired, d × (1 − ScrapRate), not yet refurbished (currentRefurbishedShare, e.g. the
 * scorecard's refurbished share from Inventory.Condition; default 0 = none today), each saving
 * UnitCost − RefurbCost. Parts that are also sold (SalePrice) are flagged: a refurbished unit
 * offered to customers could replace a new-part sale at SalePrice.
 */
export function refurbishment(parts: readonly RefurbishmentPart[], options: { currentRefurbishedShare?: number; currency?: string } = {}): Refurbishment {
  const current = options.currentRefurbishedShare ?? 0;
  const currency = options.currency ?? 'USD';
  const rows: RefurbishmentRow[] = [];
  let savings = 0;
  let atRisk = 0;
  let flagged = 0;
  for (const p of parts) {
    if (!p.repairable || !(p.refurbCost >= 0) || !(p.annualDemand > 0)) continue;
    const returns = p.annualDemand * (1 - p.scrapRate);
    const additional = returns * (1 - current);
    const perUnit = p.unitCost - p.refurbCost;
    const annualSavings = perUnit > 0 ? additional * perUnit : 0;
    const cannibalisation = p.salePrice > 0 && additional > 0 && annualSavings > 0;
    const newSalesAtRisk = cannibalisation ? additional * p.salePrice : 0;
    rows.push({ partId: p.partId, repairableReturns: returns, additionalRefurbished: additional, savingPerUnit: perUnit, annualSavings, newSalesAtRisk, cannibalisation });
    savings += annualSavings;
    atRisk += newSalesAtRisk;
    if (cannibalisation) flagged++;
  }
  rows.sort((a, b) => b.annualSavings - a.annualSavings || (a.partId < b.partId ? -1 : a.partId > b.partId ? 1 : 0));
  const units = rows.reduce((s, r) => s + (r.annualSavings > 0 ? r.additionalRefurbished : 0), 0);
  const notes = [
    `Refurbishing ${formatCount(units, 'returned unit', 0)} a year instead of buying new saves ${formatMoney(savings, currency)} a year (UnitCost − RefurbCost per unit).`,
  ];
  if (flagged > 0) {
    notes.push(
      `Cannibalisation risk: ${flagged} of these ${flagged === 1 ? 'parts is' : 'parts are'} also sold to customers; refurbished units offered to them could replace up to ${formatMoney(atRisk, currency)} a year of new-part sales. This is not netted from the saving.`,
    );
  }
  return { rows, annualSavings: savings, newSalesAtRisk: atRisk, notes };
}

export interface RecyclingPart {
  partId: string;
  annualDemand: number;
  repairable: boolean;
  scrapRate: number;
  unitCost: number;
  /** NaN when not given. */
  salvageValue: number;
}

export interface RecyclingRecovery {
  /** Condemned repairable units a year: Σ d × ScrapRate. */
  condemnedUnits: number;
  /** Σ d × ScrapRate × SalvageValue: recovered a year by recycling them. */
  annualRecovery: number;
  /** Their value at unit cost a year. */
  annualBookValue: number;
}

/**
 * Recycling of condemned repairable returns (they come back to the repair shop, so they can be
 * recycled; failed consumables are assumed not to come back). The one-time recycling of excess
 * stock is a disposition line (disposition.ts) and counted there.
 */
export function condemnedRecycling(parts: readonly RecyclingPart[]): RecyclingRecovery {
  const r: RecyclingRecovery = { condemnedUnits: 0, annualRecovery: 0, annualBookValue: 0 };
  for (const p of parts) {
    if (!p.repairable || !(p.annualDemand > 0) || !(p.scrapRate > 0)) continue;
    const units = p.annualDemand * p.scrapRate;
    r.condemnedUnits += units;
    r.annualBookValue += units * p.unitCost;
    if (p.salvageValue > 0) r.annualRecovery += units * p.salvageValue;
  }
  return r;
}
