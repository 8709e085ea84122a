/**
 * Validation: workbook tables in, a typed PlanningInput (or nothing) and every problem out. All
 * tables are checked in one run so users fix everything at once; input is null when there is at
 * least one error, and warnings never block a run.
 */
import { TABLES, type TableName } from '../model/contract';
import type { PlanningInput, ValidationIssue } from '../model/types';
import type { SheetTable } from '../workbook/port';
import { validateDemand } from './validateDemand';
import { validateInventory } from './validateInventory';
import { IssueLog } from './validateIssues';
import { requireSlaTierWhereDemand, validateLocations } from './validateLocations';
import { validateParts } from './validateParts';
import { checkEndOfLife } from './validateEndOfLife';
import { validateMomTables } from './validateMom';
import { missingTableMessage } from './validateRows';
import { checkHistory } from './validateHistory';
import { validateSettings, type SettingCells } from './validateSettings';
import { validateSlaTiers } from './validateSlaTiers';
import { checkNetworkTiers } from './validateNetwork';

export interface ValidateOptions {
  /** Hand-made column mappings per table: column key → header text. They win over automatic matching. */
  readonly columnOverrides?: Partial<Record<TableName, Record<string, string>>>;
}

export interface ValidationResult {
  /** The validated input; null when there is at least one error. */
  readonly input: PlanningInput | null;
  /** Errors first, then warnings, each in the order found. */
  readonly issues: ValidationIssue[];
  /** Where each setting given in the Settings table is (for checks across settings and scenarios). */
  readonly settingCells?: SettingCells;
}

export function validateInput(tables: Partial<Record<TableName, SheetTable | null>>, options: ValidateOptions = {}): ValidationResult {
  const log = new IssueLog();
  const overrides = options.columnOverrides ?? {};
  for (const spec of TABLES) {
    if (spec.required && !tables[spec.name]) log.addIssue({ severity: 'error', sheet: '', cell: '', message: missingTableMessage(spec) }, 'missingTable');
  }

  // Settings first: PeriodLength decides how Demand periods are read.
  const settingCells: SettingCells = new Map();
  const settings = validateSettings(tables.Settings ?? null, log, overrides.Settings, settingCells);
  const parts = tables.Parts ? validateParts(tables.Parts, log, overrides.Parts) : null;
  const tiers = tables.SLATiers ? validateSlaTiers(tables.SLATiers, log, overrides.SLATiers) : null;
  const locations = tables.Locations ? validateLocations(tables.Locations, log, tiers?.names ?? null, overrides.Locations) : null;
  const partIds = parts?.ids ?? null;
  const locationIds = locations?.ids ?? null;
  const demand = tables.Demand
    ? validateDemand(tables.Demand, log, { length: settings.periodLength, partIds, locationIds, overrides: overrides.Demand })
    : null;
  if (locations && demand) requireSlaTierWhereDemand(locations, demand.locationsWithDemand);
  if (locations && tiers) checkNetworkTiers(locations, tiers, log);
  if (demand?.grid && tables.Demand) checkHistory(demand.grid, settings, tables.Demand.sheet, settingCells, log);
  if (parts && demand?.grid) checkEndOfLife(parts, demand.grid);
  const inventory = tables.Inventory ? validateInventory(tables.Inventory, log, partIds, locationIds, overrides.Inventory) : [];
  const mom = validateMomTables(tables, log, partIds, locationIds, overrides);

  const issues = log.list();
  if (log.errorCount > 0 || !parts || !tiers || !locations || !demand?.grid) return { input: null, issues, settingCells };
  return {
    input: { parts: parts.parts, locations: locations.locations, slaTiers: tiers.tiers, grid: demand.grid, demand: demand.series, inventory, settings, ...(mom.assessment || mom.assumptions || mom.serviceEvents ? { mom } : {}) },
    issues,
    settingCells,
  };
}
