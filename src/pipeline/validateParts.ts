/** The Parts table: one row per spare part. */
import { tableSpec } from '../model/contract';
import type { Criticality, Lifecycle, Part } from '../model/types';
import type { SheetTable } from '../workbook/port';
import type { IssueLog } from './validateIssues';
import { idsOf, numberOr, numberOrNull, readCell, readTable, textOrNull, type RowValue } from './validateRows';

export interface PartsResult {
  readonly parts: Part[];
  /** Valid PartIDs, or null when there is no PartID column. */
  readonly ids: ReadonlySet<string> | null;
}

const SPEC = tableSpec('Parts');
const REPAIR_DAYS = SPEC.columns.find((c) => c.key === 'RepairDays')!;

export function validateParts(table: SheetTable, log: IssueLog, overrides?: Readonly<Record<string, string>>): PartsResult {
  // RepairDays only matters for repairable parts, so it is read after Repairable.
  const read = readTable(table, SPEC, log, { overrides, deferred: ['RepairDays'] });
  const { issues, columns } = read;
  const parts = read.rows.map(({ index, values }): Part => {
    const repairable = values.Repairable === true;
    let repairDays: RowValue = 0;
    if (repairable) {
      const column = columns.RepairDays;
      if (column === undefined) {
        issues.cell('error', 'repairDaysRequired', index, columns.Repairable, () => 'RepairDays is required when Repairable is Yes, but Parts has no RepairDays column');
      } else {
        repairDays = readCell(issues, index, column, REPAIR_DAYS);
        if (repairDays === null) issues.cell('error', 'required', index, column, () => 'RepairDays is required when Repairable is Yes');
      }
    }
    return {
      id: textOrNull(values.PartID) ?? '',
      description: textOrNull(values.Description) ?? '',
      unitCost: numberOr(values.UnitCost, 0),
      leadTimeDays: numberOr(values.LeadTimeDays, 0),
      repairable,
      repairDays: numberOr(repairDays, 0),
      scrapRate: numberOr(values.ScrapRate, 0),
      criticality: (textOrNull(values.Criticality) ?? 'Critical') as Criticality,
      lifecycle: (textOrNull(values.Lifecycle) ?? 'Active') as Lifecycle,
      endOfSupport: textOrNull(values.EndOfSupport),
      salePrice: numberOrNull(values.SalePrice),
      refurbCost: numberOrNull(values.RefurbCost),
      salvageValue: numberOrNull(values.SalvageValue),
    };
  });
  return { parts, ids: idsOf(read, 'PartID') };
}
