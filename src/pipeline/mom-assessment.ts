/**
 * The Assessment table merged with the default KPIs (src/engine/mom/assessment-defaults.ts): a row
 * whose KPI is a default KPI takes, for each blank cell, the default — Current computed from the
 * data, the documented Benchmark and Floor, weight and direction; a row of the consultant's own
 * needs its figures. Without an Assessment table the defaults are the scorecard.
 */
import type { AssessmentRow, DefaultAssessmentRow, KpiKey } from '../engine/mom';
import type { AssessmentInputRow } from '../model/types';

const normal = (kpi: string) => kpi.toLowerCase().replace(/[\s_\-.]+/g, '');

export interface MergedAssessment {
  rows: AssessmentRow[];
  /** The default KPI each row is (null for a consultant's own row). */
  keys: (KpiKey | null)[];
}

export function mergeAssessment(input: readonly AssessmentInputRow[] | null, defaults: readonly DefaultAssessmentRow[]): MergedAssessment {
  if (input === null) return { rows: [...defaults], keys: defaults.map((d) => d.key) };
  const byName = new Map(defaults.map((d) => [normal(d.kpi), d]));
  const rows: AssessmentRow[] = [];
  const keys: (KpiKey | null)[] = [];
  for (const row of input) {
    const d = byName.get(normal(row.kpi));
    const entered = row.current !== null;
    // A built-in KPI's Source says how Current is computed; the table's Source text (its basis) adds nothing then.
    const source = entered ? `Current: entered in the Assessment table.${row.source ? ` ${row.source}` : ''}` : (d?.source ?? row.source ?? '');
    rows.push({
      kpi: row.kpi,
      pillar: row.pillar,
      current: entered ? row.current : (d?.current ?? null),
      benchmark: row.benchmark ?? d?.benchmark ?? null,
      floor: row.floor ?? d?.floor ?? null,
      weight: row.weight ?? d?.weight ?? 1,
      higherIsBetter: row.higherIsBetter ?? d?.higherIsBetter ?? true,
      source,
      unit: d?.unit,
    });
    keys.push(d?.key ?? null);
  }
  return { rows, keys };
}
