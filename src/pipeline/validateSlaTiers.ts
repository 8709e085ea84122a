/** The SLATiers table: response time, target fill rate and penalty per tier. */
import { tableSpec } from '../model/contract';
import type { SlaTier } from '../model/types';
import type { SheetTable } from '../workbook/port';
import type { IssueLog } from './validateIssues';
import { idsOf, numberOr, readTable, textOrNull, type ReadTable } from './validateRows';

export interface SlaTiersResult {
  readonly tiers: SlaTier[];
  /** Valid tier names, or null when there is no Tier column. */
  readonly names: ReadonlySet<string> | null;
  /** The rows as read, for later checks that name a cell (validateNetwork.ts). */
  readonly read: ReadTable;
}

export function validateSlaTiers(table: SheetTable, log: IssueLog, overrides?: Readonly<Record<string, string>>): SlaTiersResult {
  const read = readTable(table, tableSpec('SLATiers'), log, { overrides });
  const tiers = read.rows.map(({ values }): SlaTier => ({
    tier: textOrNull(values.Tier) ?? '',
    responseHours: numberOr(values.ResponseHours, 0),
    targetFillRate: numberOr(values.TargetFillRate, 0),
    penaltyPerMiss: numberOr(values.PenaltyPerMiss, 0),
  }));
  return { tiers, names: idsOf(read, 'Tier'), read };
}
