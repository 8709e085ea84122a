/**
 * The MOM input tables as the template writes them (`spp template`, "Create input template", the
 * sample): the default KPIs of the scorecard and one Assumptions row per opportunity — the same
 * defaults a run uses when the tables are absent.
 */
import { KPI_DEFINITIONS, OPPORTUNITY_IDS } from '../engine/mom';
import type { CellValue } from '../workbook/port';

/** The Assessment table the template writes: the default KPIs with their Benchmark, Floor, weight and basis (blank Benchmark: derived from the plan). */
export function assessmentRecords(): Record<string, CellValue>[] {
  return KPI_DEFINITIONS.map((d) => ({ KPI: d.kpi, Pillar: d.pillar, Current: null, Benchmark: d.benchmark, Floor: d.floor, Weight: d.weight, HigherIsBetter: d.higherIsBetter ? 'Yes' : 'No', Source: d.basis }));
}

/** One Assumptions row per opportunity, included, figures blank (computed). */
export function assumptionRecords(): Record<string, CellValue>[] {
  return OPPORTUNITY_IDS.map((id) => ({ Opportunity: id, Include: 'Yes', AnnualBenefit: null, OneTimeBenefit: null, OneTimeCost: null }));
}

