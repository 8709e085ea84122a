/** Workbook-level view state that must stay valid when sheets come and go. */
import type * as ExcelJS from 'exceljs';

/**
 * The workbook remembers its active and first visible tab by position. After sheets are removed or
 * a hidden sheet is added, point them at an existing, visible sheet: Excel will not open a workbook
 * whose active tab is hidden or missing without repairing it.
 */
export function keepActiveTabVisible(workbook: ExcelJS.Workbook): void {
  const sheets = workbook.worksheets;
  const firstVisible = Math.max(0, sheets.findIndex((sheet) => sheet.state === undefined || sheet.state === 'visible'));
  for (const view of workbook.views ?? []) {
    const active = view.activeTab;
    if (active !== undefined && (active >= sheets.length || (sheets[active].state !== undefined && sheets[active].state !== 'visible'))) view.activeTab = firstVisible;
    if (view.firstSheet !== undefined && view.firstSheet >= sheets.length) view.firstSheet = firstVisible;
  }
}
