/**
 * Checks of the network stocking input (docs/methods.md §9) that need more than one cell: a
 * same-day SLA tier on a Central location, a tier none of its locations can meet, and the Budget
 * that StockingMode Budget needs. All name the cell to look at.
 */
import { canServeFromParent, isSameDayTier, tierCanBeMet } from '../engine/network/problem';
import type { Settings, ValidationIssue } from '../model/types';
import type { IssueLog } from './validateIssues';
import type { LocationsResult } from './validateLocations';
import type { SlaTiersResult } from './validateSlaTiers';
import type { SettingCells } from './validateSettings';

const hoursText = (h: number) => `${Number(h.toFixed(2))} h`;

/** Warnings at the Locations and SLATiers cells: same-day tiers on Central locations, tiers no location can meet. */
export function checkNetworkTiers(locations: LocationsResult, tiers: SlaTiersResult, log: IssueLog): void {
  const byName = new Map(tiers.tiers.map((t) => [t.tier, t]));
  const { issues, columns, rows } = locations.read;
  const users = new Map<string, { type: 'Central' | 'Field'; emergencyHours: number | null; id: string }[]>();
  for (const { index, values } of rows) {
    const tierName = typeof values.SLATier === 'string' ? values.SLATier : null;
    const tier = tierName !== null ? byName.get(tierName) : undefined;
    if (!tier || (values.Type !== 'Central' && values.Type !== 'Field')) continue;
    const emergencyHours = typeof values.EmergencyHours === 'number' ? values.EmergencyHours : null;
    const id = typeof values.LocationID === 'string' ? values.LocationID : '';
    const list = users.get(tier.tier) ?? [];
    list.push({ type: values.Type, emergencyHours, id });
    users.set(tier.tier, list);
    if (values.Type === 'Central' && isSameDayTier(tier.responseHours) && !canServeFromParent(emergencyHours, tier.responseHours)) {
      issues.cell('warning', 'sameDayCentral', index, columns.SLATier, () =>
        `Location "${id}" is a Central location under the same-day tier "${tier.tier}" (${hoursText(tier.responseHours)} response): a central warehouse rarely reaches customers within the day, and the plan counts its shelf as meeting the tier; check the tier, or give the location EmergencyHours within ${hoursText(tier.responseHours)}`,
      );
    }
  }
  const read = tiers.read;
  const responseColumn = read.columns.ResponseHours ?? read.columns.Tier;
  for (const { index, values } of read.rows) {
    const name = typeof values.Tier === 'string' ? values.Tier : null;
    const tier = name !== null ? byName.get(name) : undefined;
    const list = name !== null ? users.get(name) : undefined;
    if (!tier || !list || responseColumn === undefined) continue; // a tier no location uses is not planned at all
    if (tierCanBeMet(tier.responseHours, list)) continue;
    read.issues.cell('warning', 'tierCannotBeMet', index, responseColumn, () =>
      `No location can meet tier "${tier.tier}" (${hoursText(tier.responseHours)} response): its locations (${list.map((l) => l.id).join(', ')}) are Central locations without delivery to their customers within ${hoursText(tier.responseHours)}; add a Field location under the tier, or check its ResponseHours`,
    );
  }
}

/** Where a setting's value came from, for the message: a Settings cell, or a scenario (its label). */
export type SettingOrigin = { sheet: string; cell: string } | { scenario: string };

/** StockingMode Budget needs a Budget > 0: an error at the StockingMode cell, or under the scenario that set it. */
export function checkNetworkSettings(settings: Settings, modeFrom: SettingOrigin | undefined): ValidationIssue[] {
  if (settings.stockingMode !== 'Budget' || settings.budget > 0) return [];
  const message = 'StockingMode Budget needs a Budget setting > 0 (the stock investment available, in the currency); add a Budget row to Settings, or pass --budget';
  if (modeFrom && 'scenario' in modeFrom) return [{ severity: 'error', sheet: '', cell: '', message: `${modeFrom.scenario}: ${message}` }];
  return [{ severity: 'error', sheet: modeFrom?.sheet ?? '', cell: modeFrom?.cell ?? '', message }];
}

/** The origin of StockingMode: the last scenario that set it, else its Settings cell. */
export function stockingModeOrigin(cells: SettingCells | undefined, scenarios: readonly { label: string; settings?: Partial<Settings> }[]): SettingOrigin | undefined {
  for (let i = scenarios.length - 1; i >= 0; i--) if (scenarios[i].settings?.stockingMode !== undefined) return { scenario: scenarios[i].label };
  return cells?.get('StockingMode');
}
