/** The stored scenario: JSON in cell A1 of a very hidden sheet (SCENARIO_SHEET), as in the Office.js host. */
import type * as ExcelJS from 'exceljs';
import { SCENARIO_SHEET, type StoredScenario } from './port';
import { findWorksheet, sameName } from './xlsx-tables';
import { keepActiveTabVisible } from './xlsx-views';

/** Excel's limit on the text of one cell. */
const MAX_CELL_TEXT = 32767;

export function isScenarioSheet(name: string): boolean {
  return sameName(name, SCENARIO_SHEET);
}

/** The stored scenario, or null when there is none or it is not a version-1 scenario (edited by hand, newer version). */
export function readStoredScenario(workbook: ExcelJS.Workbook): StoredScenario | null {
  const text = findWorksheet(workbook, SCENARIO_SHEET)?.getCell('A1').text;
  if (!text) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const stored = parsed as Partial<StoredScenario>;
  if (stored.version !== 1 || typeof stored.scenario !== 'object' || stored.scenario === null || Array.isArray(stored.scenario)) return null;
  return stored as StoredScenario;
}

export function writeStoredScenario(workbook: ExcelJS.Workbook, scenario: StoredScenario): void {
  const json = JSON.stringify(scenario);
  if (json.length > MAX_CELL_TEXT) throw new Error(`The scenario is too large to store in the workbook (${json.length} characters; a cell holds ${MAX_CELL_TEXT}).`);
  const worksheet = findWorksheet(workbook, SCENARIO_SHEET) ?? workbook.addWorksheet(SCENARIO_SHEET);
  worksheet.state = 'veryHidden';
  worksheet.getCell('A1').value = json;
  keepActiveTabVisible(workbook);
}
