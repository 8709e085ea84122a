/**
 * The stored scenario: JSON in column A of a very hidden sheet (SCENARIO_SHEET), as in the xlsx
 * host. A cell holds at most 32,767 characters, so longer JSON continues in A2, A3, ….
 */
import { SCENARIO_SHEET, type StoredScenario } from './port';
import { TEXT_FORMAT } from './office-cells';
import { isScenarioSheet } from './office-catalog';
import { scenarioCells, scenarioFromCells } from './scenario-cells';

export async function readStoredScenario(context: Excel.RequestContext): Promise<StoredScenario | null> {
  const sheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  const sheet = sheets.items.find((candidate) => isScenarioSheet(candidate.name));
  if (!sheet) return null;
  const used = sheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,values');
  await context.sync();
  if (used.isNullObject || used.rowIndex !== 0 || used.columnIndex !== 0) return null;
  return scenarioFromCells(used.values.map((row) => row[0]));
}

export async function writeStoredScenario(context: Excel.RequestContext, scenario: StoredScenario): Promise<void> {
  const pieces = scenarioCells(scenario).map((piece) => [piece]);
  const sheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  const existing = sheets.items.find((candidate) => isScenarioSheet(candidate.name));
  const sheet = existing ?? context.workbook.worksheets.add(SCENARIO_SHEET);
  // Very hidden: not in Excel's Unhide list, so users do not stumble on it; only code shows it again.
  sheet.visibility = 'VeryHidden';
  if (existing) {
    // The previous JSON may have been longer: clear all of it, not just the cells written now.
    const used = existing.getUsedRangeOrNullObject(true);
    await context.sync();
    if (!used.isNullObject) used.clear('Contents');
  }
  const cells = sheet.getRangeByIndexes(0, 0, pieces.length, 1);
  // Text format first: Excel then stores the JSON exactly as given, whatever it starts with.
  cells.numberFormat = pieces.map(() => [TEXT_FORMAT]);
  cells.values = pieces;
  await context.sync();
}
