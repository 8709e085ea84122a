/**
 * The MOM assessment's optional input tables (docs/methods.md §8): Assessment (the scorecard's
 * KPIs with Benchmark, Floor and Weight), Assumptions (business-case overrides per opportunity)
 * and ServiceEvents (monitoring). Cells are checked by the contract like every table; on top of
 * that the scorecard's own rules (Benchmark equal to Floor, Benchmark on the wrong side of Floor,
 * every weight of a pillar 0) are errors at the cell, so nothing is written.
 */
import { defaultAssessment, scoreAssessment } from '../engine/mom';
import { tableSpec } from '../model/contract';
import type { AssessmentInputRow, AssumptionInputRow, MomInputs, ServiceEventInput } from '../model/types';
import { bodyCellAddress, type SheetTable } from '../workbook/port';
import type { IssueLog } from './validateIssues';
import { didYouMean } from './id-suggestions';
import { mergeAssessment } from './mom-assessment';
import { numberOrNull, readTable, textOrNull } from './validateRows';

type Tables = { Assessment?: SheetTable | null; Assumptions?: SheetTable | null; ServiceEvents?: SheetTable | null };
type Overrides = Partial<Record<'Assessment' | 'Assumptions' | 'ServiceEvents', Readonly<Record<string, string>>>>;

export function validateMomTables(tables: Tables, log: IssueLog, partIds: ReadonlySet<string> | null, locationIds: ReadonlySet<string> | null, overrides: Overrides = {}): MomInputs {
  return {
    assessment: tables.Assessment ? validateAssessment(tables.Assessment, log, overrides.Assessment) : null,
    assumptions: tables.Assumptions ? validateAssumptions(tables.Assumptions, log, overrides.Assumptions) : null,
    serviceEvents: tables.ServiceEvents ? validateServiceEvents(tables.ServiceEvents, log, partIds, locationIds, overrides.ServiceEvents) : null,
  };
}

function validateAssessment(table: SheetTable, log: IssueLog, overrides?: Readonly<Record<string, string>>): AssessmentInputRow[] {
  const { issues, columns, rows } = readTable(table, tableSpec('Assessment'), log, { overrides });
  const out = rows.map(({ index, values }): AssessmentInputRow => {
    const cells: AssessmentInputRow['cells'] = {};
    for (const key of ['KPI', 'Pillar', 'Current', 'Benchmark', 'Floor', 'Weight', 'HigherIsBetter'] as const) {
      if (columns[key] !== undefined) cells[key] = bodyCellAddress(table, index, columns[key]);
    }
    return {
      kpi: textOrNull(values.KPI) ?? '',
      pillar: (textOrNull(values.Pillar) ?? 'Optimize') as AssessmentInputRow['pillar'],
      current: numberOrNull(values.Current),
      benchmark: numberOrNull(values.Benchmark),
      floor: numberOrNull(values.Floor),
      weight: numberOrNull(values.Weight),
      higherIsBetter: typeof values.HigherIsBetter === 'boolean' ? values.HigherIsBetter : null,
      source: textOrNull(values.Source),
      sheet: table.sheet,
      cells,
    };
  });
  // The scorecard's rules on the rows as merged with the defaults (Current does not matter for them).
  const merged = mergeAssessment(out, defaultAssessment());
  for (const issue of scoreAssessment(merged.rows).issues) {
    if (issue.severity !== 'error') continue;
    const at = rows[issue.row];
    const column = columns[issue.column] ?? columns.KPI;
    if (at && column !== undefined) issues.cell('error', `assessment${issue.column}`, at.index, column, () => issue.message.replace(/\.$/, ''));
  }
  return out;
}

function validateAssumptions(table: SheetTable, log: IssueLog, overrides?: Readonly<Record<string, string>>): AssumptionInputRow[] {
  const { rows } = readTable(table, tableSpec('Assumptions'), log, { overrides });
  return rows.map(({ values }) => ({
    opportunity: textOrNull(values.Opportunity) ?? '',
    include: values.Include !== false,
    annualBenefit: numberOrNull(values.AnnualBenefit),
    oneTimeBenefit: numberOrNull(values.OneTimeBenefit),
    oneTimeCost: numberOrNull(values.OneTimeCost),
  }));
}

function validateServiceEvents(table: SheetTable, log: IssueLog, partIds: ReadonlySet<string> | null, locationIds: ReadonlySet<string> | null, overrides?: Readonly<Record<string, string>>): ServiceEventInput[] {
  const { issues, columns, rows } = readTable(table, tableSpec('ServiceEvents'), log, { overrides });
  return rows.map(({ index, values }) => {
    const partId = textOrNull(values.PartID) ?? '';
    const locationId = textOrNull(values.LocationID) ?? '';
    if (partId && partIds && !partIds.has(partId)) issues.cell('warning', 'unknownPart', index, columns.PartID, () => `Service event for unknown part "${partId}" (not in Parts)${didYouMean(partId, partIds)}; it is still counted`);
    if (locationId && locationIds && !locationIds.has(locationId)) issues.cell('warning', 'unknownLocation', index, columns.LocationID, () => `Service event at unknown location "${locationId}" (not in Locations)${didYouMean(locationId, locationIds)}; it is still counted`);
    return { date: textOrNull(values.Date) ?? '', partId, locationId, tier: textOrNull(values.Tier) ?? '', filledFromStock: values.FilledFromStock === true, responseHours: numberOrNull(values.ResponseHours) };
  });
}
