/**
 * How a StoredScenario is kept in a workbook, the same in every host: JSON in column A of the very
 * hidden sheet SCENARIO_SHEET. A cell holds at most 32,767 characters, so longer JSON continues
 * in A2, A3, …; a blank cell ends it.
 */
import type { StoredScenario } from './port';

/** Excel's limit on the text of one cell. */
export const MAX_CELL_TEXT = 32767;

/** The JSON of a scenario cut into the cells A1, A2, … that hold it. */
export function scenarioCells(scenario: StoredScenario): string[] {
  const json = JSON.stringify(scenario);
  const pieces: string[] = [];
  for (let i = 0; i < json.length; i += MAX_CELL_TEXT) pieces.push(json.slice(i, i + MAX_CELL_TEXT));
  return pieces;
}

/** The scenario from the cells A1, A2, … (until the first blank), or null when missing or not a version-1 scenario (edited by hand, newer version). */
export function scenarioFromCells(cells: readonly unknown[]): StoredScenario | null {
  let json = '';
  for (const piece of cells) {
    if (typeof piece !== 'string' || piece === '') break;
    json += piece;
  }
  if (!json) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const stored = parsed as Partial<StoredScenario>;
  if (stored.version !== 1 || typeof stored.scenario !== 'object' || stored.scenario === null || Array.isArray(stored.scenario)) return null;
  return stored as StoredScenario;
}
