/**
 * The optional Settings table: Setting/Value pairs. Driven entirely by SETTINGS_SPEC, so a new
 * setting needs only a new entry there (and its field in Settings).
 */
import { normalizeHeader, SETTINGS_SPEC, tableSpec, type Scalar, type SettingSpec } from '../model/contract';
import type { Settings } from '../model/types';
import { bodyCellAddress, type SheetTable } from '../workbook/port';
import { matchColumns } from './columns';
import { convertCell, isBlankRow, requiredMessage } from './validateCells';
import { TableIssues, type IssueLog } from './validateIssues';
import { readCell } from './validateRows';

/** Settings field of a setting key: `PeriodLength` → `periodLength`. */
export function settingField(key: string): string {
  return key.charAt(0).toLowerCase() + key.slice(1);
}

export function defaultSettings(): Settings {
  const settings: Record<string, Scalar> = {};
  for (const spec of SETTINGS_SPEC) settings[settingField(spec.key)] = spec.default;
  return settings as unknown as Settings;
}

const byName = new Map<string, SettingSpec>();
for (const spec of SETTINGS_SPEC) for (const name of [spec.key, ...spec.synonyms]) if (!byName.has(normalizeHeader(name))) byName.set(normalizeHeader(name), spec);

const TEXT_RULE = { key: 'Setting', type: 'text' } as const;

/** Where a setting's value is in the workbook (sheet and A1 address), for messages about it. */
export type SettingCells = Map<string, { sheet: string; cell: string }>;

/** The settings (defaults where not given); `where`, when passed, learns where each given value is. */
export function validateSettings(table: SheetTable | null, log: IssueLog, overrides?: Readonly<Record<string, string>>, where?: SettingCells): Settings {
  const settings = defaultSettings() as unknown as Record<string, Scalar>;
  if (table === null) return settings as unknown as Settings;
  const issues = new TableIssues(log, table);
  const match = matchColumns(table, tableSpec('Settings'), { overrides });
  for (const issue of match.issues) log.addIssue(issue, 'columns');
  const settingColumn = match.columns.Setting;
  const valueColumn = match.columns.Value;
  if (settingColumn === undefined) return settings as unknown as Settings;

  const firstRowOf = new Map<string, number>();
  table.rows.forEach((cells, index) => {
    if (isBlankRow(cells)) return;
    const name = convertCell(cells[settingColumn], TEXT_RULE);
    if (!name.ok) {
      issues.cell('error', name.rule, index, settingColumn, () => name.message);
      return;
    }
    if (name.value === null) {
      issues.cell('error', 'required', index, settingColumn, () => requiredMessage('Setting'));
      return;
    }
    const text = String(name.value);
    const spec = byName.get(normalizeHeader(text));
    if (spec === undefined) {
      issues.cell('warning', 'unknownSetting', index, settingColumn, () => `Unknown setting "${text}"; it is ignored (known settings: ${SETTINGS_SPEC.map((s) => s.key).join(', ')})`);
      return;
    }
    const first = firstRowOf.get(spec.key);
    if (first !== undefined) {
      issues.cell('error', 'duplicate', index, settingColumn, () => `Duplicate Setting "${text}" (first at row ${issues.rowNumber(first)})`);
      return;
    }
    firstRowOf.set(spec.key, index);
    if (valueColumn === undefined) return;
    where?.set(spec.key, { sheet: table.sheet, cell: bodyCellAddress(table, index, valueColumn) });
    const value = readCell(issues, index, valueColumn, spec);
    if (value === null) issues.cell('error', 'required', index, valueColumn, () => `${spec.key} is required; delete the row to use the default ${spec.default}`);
    else if (value !== undefined) settings[settingField(spec.key)] = value;
  });
  return settings as unknown as Settings;
}
