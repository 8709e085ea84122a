/** The Parts table: one row per spare part. */
import { tableSpec } from '../model/contract';
import { quoteSheetName, type Criticality, type Lifecycle, type Part } from '../model/types';
import { bodyCellAddress, type SheetTable } from '../workbook/port';
import type { IssueLog } from './validateIssues';
import { idsOf, numberOr, numberOrNull, readCell, readTable, textOrNull, type ReadTable, type RowValue } from './validateRows';

export interface PartsResult {
  readonly parts: Part[];
  /** Valid PartIDs, or null when there is no PartID column. */
  readonly ids: ReadonlySet<string> | null;
  /** The rows as read, parts[k] from rows[k] (for checks that need the grid, such as EndOfSupport). */
  readonly read: ReadTable;
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
  if (columns.UnitCost !== undefined) warnOnUnitCostSpread(read);
  return { parts, ids: idsOf(read, 'PartID'), read };
}

/** Unit costs from a cent to a hundred million span ten orders of magnitude; beyond nine, a unit or decimal slip is likelier than the catalogue. */
export const UNIT_COST_SPREAD = 1e9;

function warnOnUnitCostSpread(read: ReadTable): void {
  let low: { index: number; cost: number } | null = null;
  let high: { index: number; cost: number } | null = null;
  for (const { index, values } of read.rows) {
    const cost = values.UnitCost;
    if (typeof cost !== 'number' || !(cost > 0)) continue;
    if (low === null || cost < low.cost) low = { index, cost };
    if (high === null || cost > high.cost) high = { index, cost };
  }
  if (low === null || high === null || high.cost / low.cost <= UNIT_COST_SPREAD) return;
  const { issues, columns } = read;
  const at = (index: number) => `${quoteSheetName(issues.table.sheet)}!${bodyCellAddress(issues.table, index, columns.UnitCost)}`;
  const [lowCost, highCost] = [low, high];
  issues.cell('warning', 'unitCostSpread', high.index, columns.UnitCost, () =>
    `UnitCost ranges from ${lowCost.cost} (${at(lowCost.index)}) to ${highCost.cost} (${at(highCost.index)}), more than nine orders of magnitude; check both for a unit or decimal slip`,
  );
}
