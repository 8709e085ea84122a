/** The optional Inventory table: stock on hand, on order and in repair per part and location. */
import { tableSpec } from '../model/contract';
import type { InventoryPosition } from '../model/types';
import type { SheetTable } from '../workbook/port';
import type { IssueLog } from './validateIssues';
import { didYouMean } from './id-suggestions';
import { numberOr, readTable, textOrNull } from './validateRows';

export function validateInventory(
  table: SheetTable,
  log: IssueLog,
  partIds: ReadonlySet<string> | null,
  locationIds: ReadonlySet<string> | null,
  overrides?: Readonly<Record<string, string>>,
): InventoryPosition[] {
  const { issues, columns, rows } = readTable(table, tableSpec('Inventory'), log, { overrides });
  const firstRowOf = new Map<string, number>();
  return rows.map(({ index, values }): InventoryPosition => {
    const partId = textOrNull(values.PartID);
    const locationId = textOrNull(values.LocationID);
    if (partId !== null && partIds !== null && !partIds.has(partId)) {
      issues.cell('error', 'unknownPart', index, columns.PartID, () => `Inventory for unknown part "${partId}" (not in Parts)${didYouMean(partId, partIds)}`);
    }
    if (locationId !== null && locationIds !== null && !locationIds.has(locationId)) {
      issues.cell('error', 'unknownLocation', index, columns.LocationID, () => `Inventory for unknown location "${locationId}" (not in Locations)${didYouMean(locationId, locationIds)}`);
    }
    if (partId !== null && locationId !== null) {
      const key = `${partId}\u0001${locationId}`;
      const first = firstRowOf.get(key);
      if (first === undefined) firstRowOf.set(key, index);
      else issues.cell('error', 'duplicate', index, columns.PartID, () => `Duplicate inventory for part "${partId}" at location "${locationId}" (first at row ${issues.rowNumber(first)})`);
    }
    const condition = textOrNull(values.Condition);
    return {
      partId: partId ?? '',
      locationId: locationId ?? '',
      onHand: numberOr(values.OnHand, 0),
      onOrder: numberOr(values.OnOrder, 0),
      inRepair: numberOr(values.InRepair, 0),
      condition: condition === 'New' || condition === 'Refurbished' ? condition : null,
    };
  });
}
