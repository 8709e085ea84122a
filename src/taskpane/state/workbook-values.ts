/**
 * What the workbook holds for each field the Run step can override, read by the pipeline's own
 * validation: the value a blank field runs with, how the cell is written, where it is, and the
 * problem a run reports there. The fields show this as their default, so a tier whose workbook
 * target is 95 (meant as 95 %) reads "95 … not valid" with the run's message, not "0", and a
 * setting the workbook does not give reads as the default rather than as the workbook's.
 */
import { SETTINGS_SPEC, tableSpec, type ForecastMethodSetting } from '../../model/contract';
import { quoteSheetName, type ValidationIssue } from '../../model/types';
import { matchColumns } from '../../pipeline/columns';
import { describeFound, isBlank } from '../../pipeline/validateCells';
import { IssueLog } from '../../pipeline/validateIssues';
import { readTable } from '../../pipeline/validateRows';
import { settingField, validateSettings, type SettingCells } from '../../pipeline/validateSettings';
import { bodyCellAddress, type SheetTable } from '../../workbook/port';

export interface WorkbookValue<T> {
  /** The value a run uses when the pane leaves the field blank; null when the workbook's entry is not valid (the run stops there). */
  value: T | null;
  /** Where it comes from: a cell of the workbook, or the contract's default when the workbook does not give it. */
  source: 'workbook' | 'default';
  /** The cell as the workbook holds it (`95`, `"95 %"`, `Auto`); null when not given. */
  written: string | null;
  /** `Sheet!Cell` of the value; null when not given. */
  cell: string | null;
  /** The problem a run reports about this value (an error stops the run, a warning does not), as the run words it. */
  issue: ValidationIssue | null;
}

export interface WorkbookSettings {
  forecastMethod: WorkbookValue<ForecastMethodSetting>;
  holdingCostRate: WorkbookValue<number>;
}

export interface TierTarget {
  tier: string;
  target: WorkbookValue<number>;
}

function issueAt(issues: readonly ValidationIssue[], sheet: string, cell: string): ValidationIssue | null {
  return issues.find((issue) => issue.sheet === sheet && issue.cell === cell) ?? null;
}

function address(sheet: string, cell: string): string {
  return `${quoteSheetName(sheet)}!${cell}`;
}

/** The scenario-overridable settings as the Settings table gives them (defaults where it does not). */
export function workbookSettings(table: SheetTable | null, overrides?: Readonly<Record<string, string>>): WorkbookSettings {
  const log = new IssueLog();
  const where: SettingCells = new Map();
  const settings = validateSettings(table, log, overrides, where) as unknown as Record<string, unknown>;
  const issues = log.list();
  const valueColumn = table ? matchColumns(table, tableSpec('Settings'), { overrides }).columns.Value : undefined;
  function entry<T>(key: string): WorkbookValue<T> {
    const spec = SETTINGS_SPEC.find((s) => s.key === key);
    if (!spec) throw new Error(`No setting ${key} in the contract`);
    const at = where.get(key);
    if (!table || !at) return { value: settings[settingField(key)] as T, source: 'default', written: null, cell: null, issue: null };
    const issue = issueAt(issues, at.sheet, at.cell);
    let raw: unknown;
    if (valueColumn !== undefined) {
      const row = table.rows.findIndex((_, index) => bodyCellAddress(table, index, valueColumn) === at.cell);
      raw = row >= 0 ? table.rows[row][valueColumn] : undefined;
    }
    return {
      value: issue?.severity === 'error' ? null : (settings[settingField(key)] as T),
      source: 'workbook',
      written: isBlank(raw as never) ? null : describeFound(raw as never),
      cell: address(at.sheet, at.cell),
      issue,
    };
  }
  return { forecastMethod: entry('ForecastMethod'), holdingCostRate: entry('HoldingCostRate') };
}

/** Each named tier of the SLATiers table with its TargetFillRate as the workbook holds it. */
export function tierTargets(table: SheetTable, overrides?: Readonly<Record<string, string>>): TierTarget[] {
  const log = new IssueLog();
  const read = readTable(table, tableSpec('SLATiers'), log, { overrides });
  const issues = log.list();
  const column = read.columns.TargetFillRate;
  // A missing or unmapped TargetFillRate column is reported for the table, not for a cell.
  const columnIssue = column === undefined ? (issues.find((i) => i.severity === 'error' && i.message.includes('TargetFillRate')) ?? null) : null;
  const targets: TierTarget[] = [];
  for (const row of read.rows) {
    const tier = row.values.Tier;
    if (typeof tier !== 'string' || tier === '') continue;
    if (column === undefined) {
      targets.push({ tier, target: { value: null, source: 'workbook', written: null, cell: null, issue: columnIssue } });
      continue;
    }
    const raw = table.rows[row.index][column];
    const cell = bodyCellAddress(table, row.index, column);
    const value = row.values.TargetFillRate;
    targets.push({
      tier,
      target: {
        value: typeof value === 'number' ? value : null,
        source: 'workbook',
        written: isBlank(raw) ? null : describeFound(raw),
        cell: address(table.sheet, cell),
        issue: issueAt(issues, table.sheet, cell),
      },
    });
  }
  return targets;
}

export interface FieldDefault {
  /** Short text inside the blank field: `0.95 (workbook)`, `0.25 (default)`, `95 (workbook, not valid)`. */
  placeholder: string;
  /** One line under the field: what a blank field runs with and where it comes from; null where `problem` says it. */
  hint: string | null;
  /** The run's message about the workbook's value (with its cell), shown as a warning; null when there is none. */
  problem: string | null;
}

/** 0.95 as `0.95`, without binary noise such as 0.30000000000000004. */
export function plainNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/**
 * How a field shows what a blank entry means. `show` writes a valid value (e.g. `0.95 (95.0%)`),
 * `short` the same for the placeholder (e.g. `0.95`).
 */
export function fieldDefault<T>(entry: WorkbookValue<T>, show: (value: T) => string, short: (value: T) => string = show): FieldDefault {
  const problem = entry.issue ? `${entry.issue.cell ? `${entry.cell}: ` : ''}${entry.issue.message}` : null;
  if (entry.value === null) return { placeholder: `${entry.written ?? 'blank'} (workbook, not valid)`, hint: null, problem };
  if (entry.source === 'default') return { placeholder: `${short(entry.value)} (default)`, hint: `Default ${show(entry.value)}: not set in the workbook.`, problem };
  return { placeholder: `${short(entry.value)} (workbook)`, hint: `Workbook: ${show(entry.value)} in ${entry.cell}.`, problem };
}
