/** The Locations table: Central warehouses and the Field locations they resupply. */
import { tableSpec } from '../model/contract';
import type { Location, LocationType } from '../model/types';
import type { SheetTable } from '../workbook/port';
import type { IssueLog } from './validateIssues';
import { didYouMean } from './id-suggestions';
import { idsOf, numberOrNull, readCell, readTable, textOrNull, type ReadTable, type RowValue } from './validateRows';

export interface LocationsResult {
  readonly locations: Location[];
  /** Valid LocationIDs, or null when there is no LocationID column. */
  readonly ids: ReadonlySet<string> | null;
  readonly read: ReadTable;
}

const SPEC = tableSpec('Locations');
const RESUPPLY_DAYS = SPEC.columns.find((c) => c.key === 'ResupplyDays')!;

export function validateLocations(
  table: SheetTable,
  log: IssueLog,
  tierNames: ReadonlySet<string> | null,
  overrides?: Readonly<Record<string, string>>,
): LocationsResult {
  // ResupplyDays only matters for Field locations, so it is read after Type.
  const read = readTable(table, SPEC, log, { overrides, deferred: ['ResupplyDays'] });
  const { issues, columns } = read;
  const typeById = new Map<string, RowValue>();
  for (const { values } of read.rows) if (typeof values.LocationID === 'string' && !typeById.has(values.LocationID)) typeById.set(values.LocationID, values.Type);
  const locationIds: ReadonlySet<string> = new Set(typeById.keys());

  const locations = read.rows.map(({ index, values }): Location => {
    const type = values.Type as LocationType | undefined;
    const parent = textOrNull(values.Parent);
    let resupplyDays: RowValue = null;
    if (type === 'Field') {
      if (parent === null && values.Parent !== undefined) {
        issues.cell('error', 'parentRequired', index, columns.Parent ?? columns.Type, () =>
          columns.Parent === undefined ? 'Parent is required for Field locations, but Locations has no Parent column' : 'Parent is required for Field locations',
        );
      } else if (parent !== null) {
        const parentType = typeById.get(parent);
        if (!typeById.has(parent)) issues.cell('error', 'unknownParent', index, columns.Parent, () => `Parent "${parent}" is not in Locations${didYouMean(parent, locationIds)}`);
        else if (parentType === 'Field') issues.cell('error', 'parentNotCentral', index, columns.Parent, () => `Parent "${parent}" is a Field location; the Parent must be a Central location`);
      }
      if (columns.ResupplyDays === undefined) {
        issues.cell('error', 'resupplyDaysRequired', index, columns.Type, () => 'ResupplyDays is required for Field locations, but Locations has no ResupplyDays column');
      } else {
        resupplyDays = readCell(issues, index, columns.ResupplyDays, RESUPPLY_DAYS);
        if (resupplyDays === null) issues.cell('error', 'required', index, columns.ResupplyDays, () => 'ResupplyDays is required for Field locations');
      }
    } else if (type === 'Central' && parent !== null) {
      issues.cell('warning', 'centralParent', index, columns.Parent, () => `Parent "${parent}" is ignored: Central locations have no parent`);
    }
    const slaTier = textOrNull(values.SLATier);
    if (slaTier !== null && tierNames !== null && !tierNames.has(slaTier)) {
      issues.cell('error', 'unknownTier', index, columns.SLATier, () => `SLATier "${slaTier}" is not in SLATiers${didYouMean(slaTier, tierNames)}`);
    }
    return {
      id: textOrNull(values.LocationID) ?? '',
      type: type ?? 'Central',
      parent: type === 'Field' ? parent : null,
      resupplyDays: type === 'Field' ? numberOrNull(resupplyDays) : null,
      emergencyHours: numberOrNull(values.EmergencyHours),
      slaTier,
      holdingCostRate: numberOrNull(values.HoldingCostRate),
    };
  });
  return { locations, ids: idsOf(read, 'LocationID'), read };
}

/** Customers of a location with demand are served under its SLA tier, so such a location needs one. */
export function requireSlaTierWhereDemand(result: LocationsResult, locationsWithDemand: ReadonlySet<string>): void {
  const { issues, columns, rows } = result.read;
  const checked = new Set<string>();
  for (const { index, values } of rows) {
    const id = values.LocationID;
    if (typeof id !== 'string' || checked.has(id) || !locationsWithDemand.has(id)) continue;
    checked.add(id);
    if (values.SLATier !== null) continue; // present, or invalid and already reported
    if (columns.SLATier === undefined) {
      issues.cell('error', 'slaTierRequired', index, columns.LocationID, () => `SLATier is required for location "${id}", which has demand, but Locations has no SLATier column`);
    } else {
      issues.cell('error', 'slaTierRequired', index, columns.SLATier, () => `SLATier is required for location "${id}", which has demand`);
    }
  }
}
