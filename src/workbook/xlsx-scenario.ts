/** The stored scenario sheet as a sheet spec; the layout of its cells is scenario-cells.ts (shared with the Office.js host). */
import type { StoredScenario } from './port';
import { scenarioCells } from './scenario-cells';
import type { SheetSpec } from './xlsx-sheet-build';

export function scenarioSheetSpec(scenario: StoredScenario): SheetSpec {
  const pieces = scenarioCells(scenario);
  return {
    what: 'The scenario sheet',
    frozenRows: 0,
    widths: [],
    rows: pieces.map((piece, i) => ({ row: i + 1, cells: [piece], styles: [] })),
    lastRow: pieces.length,
    lastColumn: 1,
    tables: [],
    notes: [],
    validations: [],
  };
}
