/**
 * Minimize — risk (docs/methods.md › MOM assessment › Risk): expected SLA penalties by tier and the parts that drive
 * them, part-locations where the penalties exceed the holding cost of the stock that would avoid
 * them, and long-lead-time parts without stock for a same-day tier.
 */
import { formatMoney, formatNumber } from './format';

export interface RiskInput {
  count: number;
  partId: readonly string[];
  locationId: readonly string[];
  /** SLA tier of the location; null without one. Standard parts should come as their own group (e.g. 'Standard parts'). */
  tier: readonly (string | null)[];
  /** Forecast units a year. */
  annualDemand: ArrayLike<number>;
  /** PenaltyPerMiss (0 for Standard parts). */
  penaltyPerMiss: ArrayLike<number>;
  /** Fill rate of today's stock (OnHandFillRate), or the plan's when there is no inventory. */
  currentFillRate: ArrayLike<number>;
  /** Fill rate and annual holding cost of the recommended stock. */
  recommendedFillRate: ArrayLike<number>;
  recommendedHoldingCost: ArrayLike<number>;
  /** Annual holding cost of today's stock (expected on hand × UnitCost × rate). */
  currentHoldingCost: ArrayLike<number>;
}

export interface TierPenalty {
  tier: string;
  /** Units a year not filled at once: Σ d·(1 − FR). */
  annualMisses: number;
  /** Σ d·(1 − FR)·PenaltyPerMiss. */
  annualPenalty: number;
  /** Of the total penalty. */
  share: number;
}

export interface PartPenalty {
  partId: string;
  annualPenalty: number;
  share: number;
  cumulativeShare: number;
}

export interface PenaltyVersusHolding {
  row: number;
  partId: string;
  locationId: string;
  /** Penalty a year avoided by the recommended stock: d·(FR_rec − FR_now)·PenaltyPerMiss. */
  penaltyAvoided: number;
  /** Holding cost a year it adds: H_rec − H_now. */
  extraHoldingCost: number;
  /** penaltyAvoided − extraHoldingCost (> 0 for every listed row). */
  netBenefit: number;
}

export interface PenaltyRisk {
  annualPenalty: number;
  byTier: TierPenalty[];
  /** The parts with the largest expected penalty (default 10), summed over their locations. */
  topParts: PartPenalty[];
  /** Part-locations whose avoidable penalty exceeds the extra holding cost, largest net benefit first. */
  penaltyExceedsHolding: PenaltyVersusHolding[];
  /** "The top 10 parts drive 64.0% of the expected SLA penalty of EUR 1,234,567 a year." */
  headline: string;
}

export function penaltyRisk(input: RiskInput, options: { top?: number; currency?: string } = {}): PenaltyRisk {
  const top = options.top ?? 10;
  const currency = options.currency ?? 'USD';
  const tiers = new Map<string, TierPenalty>();
  const parts = new Map<string, number>();
  const exceeds: PenaltyVersusHolding[] = [];
  let total = 0;
  for (let i = 0; i < input.count; i++) {
    const d = input.annualDemand[i];
    if (!(d > 0)) continue;
    const misses = d * (1 - input.currentFillRate[i]);
    const penalty = misses * input.penaltyPerMiss[i];
    const tier = input.tier[i] ?? '(no tier)';
    let t = tiers.get(tier);
    if (!t) tiers.set(tier, (t = { tier, annualMisses: 0, annualPenalty: 0, share: 0 }));
    t.annualMisses += misses;
    t.annualPenalty += penalty;
    total += penalty;
    if (penalty > 0) parts.set(input.partId[i], (parts.get(input.partId[i]) ?? 0) + penalty);
    const avoided = d * (input.recommendedFillRate[i] - input.currentFillRate[i]) * input.penaltyPerMiss[i];
    const extra = input.recommendedHoldingCost[i] - input.currentHoldingCost[i];
    if (avoided > 0 && avoided > extra) {
      exceeds.push({ row: i, partId: input.partId[i], locationId: input.locationId[i], penaltyAvoided: avoided, extraHoldingCost: extra, netBenefit: avoided - extra });
    }
  }
  const byTier = [...tiers.values()].sort((a, b) => b.annualPenalty - a.annualPenalty || compare(a.tier, b.tier));
  for (const t of byTier) t.share = total > 0 ? t.annualPenalty / total : 0;
  const ranked = [...parts.entries()].sort((a, b) => b[1] - a[1] || compare(a[0], b[0])).slice(0, top);
  let cumulative = 0;
  const topParts = ranked.map(([partId, annualPenalty]) => {
    const share = annualPenalty / total;
    cumulative += share;
    return { partId, annualPenalty, share, cumulativeShare: cumulative };
  });
  exceeds.sort((a, b) => b.netBenefit - a.netBenefit || compare(a.partId, b.partId) || compare(a.locationId, b.locationId));
  const headline =
    total > 0
      ? `The top ${topParts.length} ${topParts.length === 1 ? 'part drives' : 'parts drive'} ${formatNumber(100 * cumulative, 1)}% of the expected SLA penalty of ${formatMoney(total, currency)} a year.`
      : 'No SLA penalty is expected: no Critical demand at a tier with a PenaltyPerMiss goes unfilled.';
  return { annualPenalty: total, byTier, topParts, penaltyExceedsHolding: exceeds, headline };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface CoverageCheck {
  /** Supplier lead time of the part, days. */
  leadTimeDays: number;
  /** ResponseHours of the location's SLA tier (NaN without a tier). */
  responseHours: number;
  /** Inventory position of the part at the location. */
  unitsAtLocation: number;
  /** The location's EmergencyHours from its Parent (NaN when not given). */
  emergencyHours: number;
  /** Inventory position of the part at the Parent (NaN without a parent). */
  unitsAtParent: number;
  annualDemand: number;
}

/**
 * A part-location at risk: the part has a long supplier lead time (≥ longLeadTimeDays), its
 * location serves a same-day tier (ResponseHours ≤ sameDayMaxHours) and has demand, and no stock
 * covers it — none at the location, and no emergency delivery from a Parent that has the part
 * within the response time (EmergencyHours ≤ ResponseHours). A miss then waits for the supplier.
 */
export function lacksSameDayCoverage(c: CoverageCheck, settings: { sameDayMaxHours: number; longLeadTimeDays: number }): boolean {
  if (!(c.annualDemand > 0)) return false;
  if (!(c.leadTimeDays >= settings.longLeadTimeDays)) return false;
  if (!(c.responseHours <= settings.sameDayMaxHours)) return false;
  if (c.unitsAtLocation >= 1) return false;
  const emergency = c.emergencyHours <= c.responseHours && c.unitsAtParent >= 1;
  return !emergency;
}
