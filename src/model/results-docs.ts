/**
 * The "Result sheets" section of docs/workbook.md, generated from the results contract so the docs
 * cannot drift from what is written (see docs-sections.ts).
 */
import { flatColumns, inJson, jsonPath, onSheet, type ResultTableSpec } from './result-spec';
import { allSummaryMetrics, SUMMARY_SHEET, type ResultContext } from './results-contract';
import { ALL_RESULT_SHEETS, RESULT_TABLES } from './result-tables';


const FORMAT_WORDS: Record<string, string> = { text: 'text', integer: 'whole number', decimal: 'number', percent: 'percentage', currency: 'amount', date: 'date' };

const cell = (text: string): string => text.replace(/\|/g, '\\|');

function tableSection(spec: ResultTableSpec<ResultContext, unknown>): string[] {
  const json = spec.json.built ? `JSON \`${spec.json.key}\`` : `JSON \`${spec.json.key}\` (rows of the summary)`;
  const lines = [`### \`${spec.sheet}\``, '', `Excel table \`${spec.tableName}\`; ${json}. ${capitalise(spec.summary)}.`, ''];
  lines.push('| Column | JSON key | Format | Unit | Meaning |', '|---|---|---|---|---|');
  for (const flat of flatColumns(spec.columns)) {
    const { column } = flat;
    const header = onSheet(column) ? column.header : '*(JSON only)*';
    const key = inJson(column) ? `\`${jsonPath(flat)}\`` : '*(sheet only)*';
    lines.push(`| ${cell(header)} | ${key} | ${FORMAT_WORDS[column.format]} | ${cell(column.unit)} | ${cell(column.note)} |`);
  }
  lines.push('');
  return lines;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The generated "Result sheets" section (without its markers). */
export function resultsDocsSection(): string {
  const lines = [
    '## Result sheets',
    '',
    'Each run writes its results to these sheets, which it owns. Each starts with a title and two or three lines on what it shows; each header carries a note with its meaning (as in the tables below).',
    '',
    ...ALL_RESULT_SHEETS.map((sheet) => `- \`${sheet}\` — ${sheet === SUMMARY_SHEET.sheet ? SUMMARY_SHEET.summary : RESULT_TABLES.find((t) => t.sheet === sheet)?.summary ?? ''}`),
    '',
    `### \`${SUMMARY_SHEET.sheet}\``,
    '',
    `Excel table \`${SUMMARY_SHEET.tableName}\`: one metric per row (Metric, Value, Note). The inventory rows appear only with an Inventory table.`,
    '',
    '| Metric | JSON | Format |',
    '|---|---|---|',
    ...allSummaryMetrics().map((m) => `| ${cell(m.label)} | ${m.json ? `\`${m.json}\`` : ''} | ${FORMAT_WORDS[m.format]} |`),
    '',
    ...RESULT_TABLES.flatMap((spec) => tableSection(spec)),
  ];
  return lines.join('\n').trimEnd();
}
