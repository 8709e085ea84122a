/**
 * The column tables of docs/workbook.md's input sections, generated from the input contract so that
 * what the docs say each column accepts is what validation accepts (`npm run docs`; a test compares).
 */
import { SETTINGS_SPEC, TABLES, type ColumnSpec, type Scalar, type SettingSpec, type TableSpec } from './contract';

const TYPE_WORDS: Record<ColumnSpec['type'], string> = { text: 'text', number: 'number', integer: 'whole number', boolean: 'Yes/No', date: 'date', period: 'period', enum: 'choice' };

function scalarText(value: Scalar | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'boolean' ? (value ? 'Yes' : 'No') : String(value);
}

/** `> 0`, `≥ 0`, `0 < x < 1`, `0 ≤ x ≤ 1`, the choices, or blank. */
function allowed(rule: Pick<ColumnSpec, 'type' | 'min' | 'max' | 'minExclusive' | 'maxExclusive' | 'values'>): string {
  if (rule.type === 'enum') return (rule.values ?? []).join(', ');
  if (rule.type === 'boolean') return 'Yes, No';
  const lower = rule.min === undefined ? null : { n: rule.min, sign: rule.minExclusive ? '<' : '≤' };
  const upper = rule.max === undefined ? null : { n: rule.max, sign: rule.maxExclusive ? '<' : '≤' };
  if (lower && upper) return `${lower.n} ${lower.sign} x ${upper.sign} ${upper.n}`;
  if (lower) return `${lower.sign === '<' ? '>' : '≥'} ${lower.n}`;
  if (upper) return `${upper.sign} ${upper.n}`;
  return '';
}

function required(column: ColumnSpec): string {
  return column.required === true ? 'yes' : column.required === false ? 'no' : column.required;
}

const row = (cells: string[]): string => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;

export function columnsTable(table: TableSpec): string {
  return [
    '| Column | Type | Required | Default | Allowed | Meaning | Also accepted as |',
    '|---|---|---|---|---|---|---|',
    ...table.columns.map((c) => row([c.key, TYPE_WORDS[c.type], required(c), scalarText(c.default), allowed(c), c.note, c.synonyms.join(', ')])),
  ].join('\n');
}

export function settingsTable(settings: readonly SettingSpec[] = SETTINGS_SPEC): string {
  return [
    '| Setting | Type | Default | Allowed | Meaning | Also accepted as |',
    '|---|---|---|---|---|---|',
    ...settings.map((s) => row([s.key, TYPE_WORDS[s.type], scalarText(s.default), allowed(s), s.note, s.synonyms.join(', ')])),
  ].join('\n');
}

export interface GeneratedSection {
  readonly name: string;
  readonly render: () => string;
}

/** One generated section per input table's columns, and the settings. */
export const INPUT_DOC_SECTIONS: readonly GeneratedSection[] = [
  ...TABLES.filter((t) => t.name !== 'Settings').map((table): GeneratedSection => ({ name: `${table.name} columns`, render: () => columnsTable(table) })),
  { name: 'Settings', render: () => settingsTable() },
];
