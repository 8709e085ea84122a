/**
 * The default Assessment table: the KPIs the data can compute, with best-in-class Benchmarks,
 * worst-acceptable Floors and weights. Published service-parts benchmarks are scarce and rarely
 * comparable between industries, so most values are the authors' judgement and each row's Source
 * says so; a consultant replaces them with the client's industry figures. Two benchmarks are
 * derived from the client's own plan (the stock and the penalties that meet the SLA targets),
 * because money per unit and penalties a year have no industry-wide scale.
 */
import type { KpiUnit } from './format';
import type { AssessmentRow, Pillar } from './scorecard';

export type KpiKey =
  | 'partsGrossMargin'
  | 'revenueAtRisk'
  | 'refurbishedShare'
  | 'recyclingRecovery'
  | 'fillRatePromised'
  | 'fillRateBacktested'
  | 'inventoryTurns'
  | 'investmentPerAnnualDemandUnit'
  | 'sameDayDemandCovered'
  | 'excessShare'
  | 'obsoleteShare'
  | 'slaPenaltyPerYear';

export interface KpiDefinition {
  key: KpiKey;
  kpi: string;
  pillar: Pillar;
  unit: KpiUnit;
  higherIsBetter: boolean;
  weight: number;
  /** null: derived from the plan (see DerivedBenchmarks), or left to the consultant. */
  benchmark: number | null;
  floor: number | null;
  /** How Current is computed, for the Source column. */
  formula: string;
  /** Where the Benchmark and Floor come from. */
  basis: string;
}

const DUCKER = 'Ducker Carlisle (automotive aftersales): system fill rates typically 95–98.5%';

export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
  // Maximize: aftermarket revenue.
  {
    key: 'partsGrossMargin', kpi: 'Parts gross margin', pillar: 'Maximize', unit: 'share', higherIsBetter: true, weight: 2, benchmark: 0.5, floor: 0.2,
    formula: 'Σ annual demand × (SalePrice − UnitCost) / Σ annual demand × SalePrice, parts with a SalePrice',
    basis: 'Judgement (aftermarket parts earn several times the margin of the equipment; Aberdeen Group 2003: up to 10 times).',
  },
  {
    key: 'revenueAtRisk', kpi: 'Parts revenue at risk', pillar: 'Maximize', unit: 'share', higherIsBetter: false, weight: 1, benchmark: 0.02, floor: 0.15,
    formula: 'Σ annual demand × (1 − fill rate) × SalePrice / parts revenue',
    basis: 'Judgement, consistent with the fill-rate benchmark 98% and floor 85%.',
  },
  {
    key: 'refurbishedShare', kpi: 'Refurbished share of repairable supply', pillar: 'Maximize', unit: 'share', higherIsBetter: true, weight: 1, benchmark: 0.8, floor: 0.3,
    formula: 'refurbished / (refurbished + new) units of repairable parts: Inventory.Condition where given, else Σ d·(1 − ScrapRate) / Σ d',
    basis: 'Judgement.',
  },
  {
    key: 'recyclingRecovery', kpi: 'Recovery on excess and scrap', pillar: 'Maximize', unit: 'share', higherIsBetter: true, weight: 1, benchmark: 0.15, floor: 0,
    formula: 'value recovered by sale and recycling / unit-cost value of the units disposed of',
    basis: 'Judgement.',
  },
  // Optimize: infrastructure and inventory.
  {
    key: 'fillRatePromised', kpi: 'Fill rate promised', pillar: 'Optimize', unit: 'share', higherIsBetter: true, weight: 2, benchmark: 0.98, floor: 0.85,
    formula: 'Σ annual demand × fill rate / Σ annual demand (fill rate of the stock on hand when Inventory is given, else of the plan)',
    basis: `Benchmark: ${DUCKER} (upper end). Floor: judgement.`,
  },
  {
    key: 'fillRateBacktested', kpi: 'Fill rate backtested', pillar: 'Optimize', unit: 'share', higherIsBetter: true, weight: 2, benchmark: 0.98, floor: 0.85,
    formula: 'units filled at once / units demanded when the held-out periods are replayed (achieved fill rate of ServiceEvents where given)',
    basis: `Benchmark: ${DUCKER} (upper end). Floor: judgement.`,
  },
  {
    key: 'inventoryTurns', kpi: 'Inventory turns', pillar: 'Optimize', unit: 'perYear', higherIsBetter: true, weight: 1, benchmark: 4, floor: 1,
    formula: 'Σ annual demand × UnitCost / Σ OnHand × UnitCost',
    basis: 'Judgement: service parts turn far slower than production stock; 4 a year is best in class for slow movers, 1 the floor.',
  },
  {
    key: 'investmentPerAnnualDemandUnit', kpi: 'Inventory investment per unit of annual demand', pillar: 'Optimize', unit: 'moneyPerUnit', higherIsBetter: false, weight: 1, benchmark: null, floor: null,
    formula: 'Σ inventory position × UnitCost / Σ annual demand',
    basis: "Benchmark: the recommended stock's own value (the stock that meets the SLA targets). Floor: twice it (judgement).",
  },
  {
    key: 'sameDayDemandCovered', kpi: 'Same-day demand covered by field stock', pillar: 'Optimize', unit: 'share', higherIsBetter: true, weight: 1, benchmark: 0.95, floor: 0.6,
    formula: 'Σ annual demand of same-day tiers where the part is stocked at the serving location / Σ annual demand of same-day tiers',
    basis: 'Judgement.',
  },
  // Minimize: retirement, excess and risk.
  {
    key: 'excessShare', kpi: 'Excess share of inventory', pillar: 'Minimize', unit: 'share', higherIsBetter: false, weight: 2, benchmark: 0.05, floor: 0.3,
    formula: 'value of the inventory position above the recommended stock / value of the inventory position',
    basis: 'Judgement.',
  },
  {
    key: 'obsoleteShare', kpi: 'Obsolete share of inventory', pillar: 'Minimize', unit: 'share', higherIsBetter: false, weight: 1, benchmark: 0.02, floor: 0.15,
    formula: 'value of the position of part-locations without demand in ObsoleteAfterPeriods (or ever) / value of the inventory position',
    basis: 'Judgement.',
  },
  {
    key: 'slaPenaltyPerYear', kpi: 'SLA penalty per year', pillar: 'Minimize', unit: 'moneyPerYear', higherIsBetter: false, weight: 2, benchmark: null, floor: null,
    formula: 'Σ annual demand × (1 − fill rate) × PenaltyPerMiss, Critical parts',
    basis: 'Benchmark: the expected penalty of the recommended stock. Floor: the penalty if Critical demand were filled at the fill-rate floor, 85%.',
  },
];

/** The plan-derived benchmarks; each missing one leaves its KPI's Benchmark and Floor to the consultant. */
export interface DerivedBenchmarks {
  /** Σ recommended stock × UnitCost / Σ annual demand. */
  recommendedInvestmentPerUnit?: number | null;
  /** Expected SLA penalty a year of the recommended stock. */
  recommendedPenaltyPerYear?: number | null;
  /** Σ annual demand × PenaltyPerMiss over Critical part-locations: the penalty if no demand were filled at once. */
  penaltyExposurePerYear?: number | null;
}

/** Floor of the investment KPI relative to its benchmark. */
export const INVESTMENT_FLOOR_FACTOR = 2;

export interface DefaultAssessmentRow extends AssessmentRow {
  key: KpiKey;
}

/**
 * The default Assessment rows, Current filled from `current` where the data gives it (null
 * otherwise), Source = how Current is computed and where Benchmark and Floor come from.
 */
export function defaultAssessment(current: Partial<Record<KpiKey, number | null>> = {}, derived: DerivedBenchmarks = {}): DefaultAssessmentRow[] {
  const fillRateFloor = KPI_DEFINITIONS.find((d) => d.key === 'fillRatePromised')!.floor!;
  return KPI_DEFINITIONS.map((d) => {
    let { benchmark, floor } = d;
    if (d.key === 'investmentPerAnnualDemandUnit' && isPositive(derived.recommendedInvestmentPerUnit)) {
      benchmark = derived.recommendedInvestmentPerUnit;
      floor = INVESTMENT_FLOOR_FACTOR * benchmark;
    }
    if (d.key === 'slaPenaltyPerYear' && isPositive(derived.penaltyExposurePerYear) && derived.recommendedPenaltyPerYear != null) {
      benchmark = derived.recommendedPenaltyPerYear;
      floor = (1 - fillRateFloor) * derived.penaltyExposurePerYear;
      if (!(floor > benchmark)) floor = benchmark === 0 ? derived.penaltyExposurePerYear : 2 * benchmark;
    }
    const value = current[d.key];
    const known = typeof value === 'number' && Number.isFinite(value);
    return {
      key: d.key,
      kpi: d.kpi,
      pillar: d.pillar,
      current: known ? value : null,
      benchmark,
      floor,
      weight: d.weight,
      higherIsBetter: d.higherIsBetter,
      source: `${known ? 'Current: computed from the data, ' : 'Current: enter it (the data does not give it); computed as '}${d.formula}. ${d.basis}`,
      unit: d.unit,
    };
  });
}

function isPositive(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x) && x > 0;
}
