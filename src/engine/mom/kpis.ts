/**
 * The scorecard KPIs the data can give (docs/methods.md › MOM assessment › KPIs from the data), one function each over plain
 * columns, so the integration fills them from the plan rows, the excess analysis and the
 * revenue figures. Every function returns null when its denominator is zero (nothing to measure):
 * the KPI is then left to the consultant.
 *
 * Annual demand is in units a year: the forecast rate × periods per year.
 */

function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** Σ w·x / Σ w over the rows with a finite x and w > 0. */
function weightedMean(weights: ArrayLike<number>, values: ArrayLike<number>): number | null {
  let sw = 0;
  let swx = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    const x = values[i];
    if (!(w > 0) || !Number.isFinite(x)) continue;
    sw += w;
    swx += w * x;
  }
  return ratio(swx, sw);
}

/**
 * Fill rate promised: Σ annual demand × fill rate / Σ annual demand. Pass the fill rate of today's
 * stock (OnHandFillRate) when the Inventory table is given — what the current stock promises —
 * and the plan's fill rate otherwise.
 */
export function fillRatePromised(annualDemand: ArrayLike<number>, fillRate: ArrayLike<number>): number | null {
  return weightedMean(annualDemand, fillRate);
}

/** Fill rate backtested: units filled at once in the replay of the held-out periods / units demanded in them. */
export function fillRateBacktested(heldOutDemand: ArrayLike<number>, filled: ArrayLike<number>): number | null {
  let demand = 0;
  let done = 0;
  for (let i = 0; i < heldOutDemand.length; i++) {
    if (!(heldOutDemand[i] > 0)) continue;
    demand += heldOutDemand[i];
    done += filled[i];
  }
  return ratio(done, demand);
}

/**
 * Inventory investment per unit of annual demand: Σ units × UnitCost / Σ annual demand — the
 * money tied up per unit demanded a year. `units` is today's inventory position (or the plan's
 * stock, for the benchmark).
 */
export function investmentPerAnnualDemandUnit(units: ArrayLike<number>, unitCost: ArrayLike<number>, annualDemand: ArrayLike<number>): number | null {
  let value = 0;
  let demand = 0;
  for (let i = 0; i < units.length; i++) {
    if (Number.isFinite(units[i])) value += units[i] * unitCost[i];
    if (annualDemand[i] > 0) demand += annualDemand[i];
  }
  return ratio(value, demand);
}

/**
 * Inventory turns a year: annual demand at cost / inventory at cost = Σ annual demand × UnitCost /
 * Σ on hand × UnitCost (the cost of parts used over the stock carried, the standard definition
 * with demand at cost standing in for the cost of goods sold).
 */
export function inventoryTurns(annualDemand: ArrayLike<number>, onHand: ArrayLike<number>, unitCost: ArrayLike<number>): number | null {
  let used = 0;
  let held = 0;
  for (let i = 0; i < annualDemand.length; i++) {
    if (annualDemand[i] > 0) used += annualDemand[i] * unitCost[i];
    if (onHand[i] > 0) held += onHand[i] * unitCost[i];
  }
  return ratio(used, held);
}

/** Excess share: value of the inventory position above the recommended stock / value of the whole position. */
export function excessShare(excessValue: number, positionValue: number): number | null {
  return ratio(excessValue, positionValue);
}

/** Obsolete share: value of the position of obsolete part-locations (no demand in ObsoleteAfterPeriods, or ever) / value of the whole position. */
export function obsoleteShare(obsoleteValue: number, positionValue: number): number | null {
  return ratio(obsoleteValue, positionValue);
}

/**
 * Expected SLA penalty a year: Σ annual demand × (1 − fill rate) × PenaltyPerMiss (Critical parts;
 * Standard parts carry PenaltyPerMiss 0). Not a ratio: 0 is a valid answer.
 */
export function slaPenaltyPerYear(annualDemand: ArrayLike<number>, fillRate: ArrayLike<number>, penaltyPerMiss: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < annualDemand.length; i++) {
    if (annualDemand[i] > 0 && penaltyPerMiss[i] > 0) sum += annualDemand[i] * (1 - fillRate[i]) * penaltyPerMiss[i];
  }
  return sum;
}

/**
 * Refurbished share of repairable supply: refurbished units / (refurbished + new units) supplied
 * for repairable parts. From Inventory.Condition where given (units on hand in Refurbished
 * condition against New), else from the repair model: a repairable part's demand is met by
 * repaired returns at (1 − ScrapRate) and by new units at ScrapRate, so the share is
 * Σ d·(1 − s) / Σ d over repairable parts.
 */
export function refurbishedShare(refurbishedUnits: number, newUnits: number): number | null {
  return ratio(refurbishedUnits, refurbishedUnits + newUnits);
}

/** The repair model's refurbished share: Σ annual demand × (1 − ScrapRate) / Σ annual demand, repairable parts only. */
export function modelRefurbishedShare(annualDemand: ArrayLike<number>, repairable: ArrayLike<boolean>, scrapRate: ArrayLike<number>): number | null {
  let repaired = 0;
  let total = 0;
  for (let i = 0; i < annualDemand.length; i++) {
    if (!repairable[i] || !(annualDemand[i] > 0)) continue;
    repaired += annualDemand[i] * (1 - scrapRate[i]);
    total += annualDemand[i];
  }
  return ratio(repaired, total);
}

/**
 * Recycling recovery: value recovered from units leaving the network (excess sold or recycled,
 * condemned repairables recycled) / their value at unit cost.
 */
export function recyclingRecovery(recoveredValue: number, bookValue: number): number | null {
  return ratio(recoveredValue, bookValue);
}

/**
 * Share of same-day demand covered by field stock: Σ annual demand at part-locations of same-day
 * tiers where the part is stocked (position ≥ 1) / Σ annual demand at part-locations of same-day tiers.
 */
export function sameDayDemandCovered(annualDemand: ArrayLike<number>, sameDay: ArrayLike<boolean>, stockedUnits: ArrayLike<number>): number | null {
  let covered = 0;
  let total = 0;
  for (let i = 0; i < annualDemand.length; i++) {
    if (!sameDay[i] || !(annualDemand[i] > 0)) continue;
    total += annualDemand[i];
    if (stockedUnits[i] >= 1) covered += annualDemand[i];
  }
  return ratio(covered, total);
}
