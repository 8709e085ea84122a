/**
 * Promised vs achieved fill rate on the real car-parts data: each of the 2,509 full-length series
 * (51 months) is a part-location; the stock is decided on the first 39 months and the last 12 are
 * replayed (planPartLocation's own stocking backtest). Compares the textbook recipe with the
 * calibrated defaults over lead times and targets.
 */
import { planPartLocation, PlanWorkspace, DEFAULT_PLAN_SETTINGS, type PlanSettings } from '../src/engine/plan';
import { CANDIDATES } from '../src/engine/forecast/selection';
import { loadCarParts } from './reference-data';

export interface CarPartsRow {
  recipe: string;
  leadTimeMonths: number;
  target: number;
  promised: number;
  achieved: number;
  stock: number;
  demand: number;
  evaluated: number;
}

export const RECIPES: Record<string, Partial<PlanSettings>> = {
  'Textbook: Croston, Poisson, F(S−1)': { forecastMethod: 'Croston', distribution: 'Poisson', fillRateModel: 'Classic' },
  'Auto, NB, F(S−1)': { fillRateModel: 'Classic' },
  'Auto with TSB among the candidates, NB, compound': {
    autoCandidates: { ...CANDIDATES, intermittent: ['SBA', 'Croston', 'TSB'], lumpy: ['SBA', 'TSB', 'Croston'] },
  },
  'Defaults: Auto, NB, compound fill rate': {},
};

export function carPartsBacktest(leadTimes = [0.5, 1, 2, 3], targets = [0.95, 0.85]): CarPartsRow[] {
  const series = loadCarParts().filter((s) => s.quantities.length === 51);
  const workspace = new PlanWorkspace();
  const rows: CarPartsRow[] = [];
  for (const [recipe, overrides] of Object.entries(RECIPES)) {
    const settings: PlanSettings = { ...DEFAULT_PLAN_SETTINGS, ...overrides };
    for (const leadTimeMonths of leadTimes) {
      for (const target of targets) {
        let demand = 0;
        let filled = 0;
        let promised = 0;
        let stock = 0;
        let evaluated = 0;
        for (const s of series) {
          const plan = planPartLocation(
            { demand: s.quantities, periods: 51, leadTimePeriods: leadTimeMonths, targetFillRate: target, unitCost: 1, holdingCostRate: 0.25, penaltyPerMiss: 0 },
            settings,
            workspace,
          );
          stock += plan.backtestStock;
          if (plan.backtestDemand > 0) {
            evaluated++;
            demand += plan.backtestDemand;
            filled += plan.backtestFilled;
            promised += plan.backtestPromisedFillRate * plan.backtestDemand;
          }
        }
        rows.push({ recipe, leadTimeMonths, target, promised: promised / demand, achieved: filled / demand, stock, demand, evaluated });
      }
    }
  }
  return rows;
}

if (require.main === module) {
  for (const r of carPartsBacktest()) {
    console.log(`${r.recipe.padEnd(42)} L=${r.leadTimeMonths} target ${r.target}: promised ${(100 * r.promised).toFixed(1)}% achieved ${(100 * r.achieved).toFixed(1)}% stock ${r.stock}`);
  }
}
