/** The stored scenario in an .xlsx workbook; the layout of its cells is scenario-cells.ts (shared with the Office.js host). */
import type * as ExcelJS from 'exceljs';
import { SCENARIO_SHEET, type StoredScenario } from './port';
import { scenarioCells, scenarioFromCells } from './scenario-cells';
import { sameName } from './names';
import { findWorksheet } from './xlsx-tables';
import { keepActiveTabVisible } from './xlsx-views';

export function isScenarioSheet(name: string): boolean {
  return sameName(name, SCENARIO_SHEET);
}

/** The stored scenario, or null when there is none or it is not a version-1 scenario. */
export function readStoredScenario(workbook: ExcelJS.Workbook): StoredScenario | null {
  const worksheet = findWorksheet(workbook, SCENARIO_SHEET);
  if (!worksheet) return null;
  const cells: unknown[] = [];
  for (let row = 1; row <= worksheet.rowCount; row++) cells.push(worksheet.getCell(row, 1).text);
  return scenarioFromCells(cells);
}

export function writeStoredScenario(workbook: ExcelJS.Workbook, scenario: StoredScenario): void {
  const pieces = scenarioCells(scenario);
  const worksheet = findWorksheet(workbook, SCENARIO_SHEET) ?? workbook.addWorksheet(SCENARIO_SHEET);
  worksheet.state = 'veryHidden';
  // The previous JSON may have run over more cells: clear them all.
  const rows = Math.max(worksheet.rowCount, pieces.length);
  for (let row = 1; row <= rows; row++) worksheet.getCell(row, 1).value = pieces[row - 1] ?? null;
  keepActiveTabVisible(workbook);
}
