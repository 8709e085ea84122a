/**
 * Contract harness for XlsxWorkbook: fixtures are built with plain ExcelJS and saved, so the port
 * reads a real file; snapshots save the port's workbook and read it with a fresh, plain ExcelJS load.
 */
import * as ExcelJS from 'exceljs';
import type { WorkbookPort } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/workbook/xlsx-adapter';
import type { FixtureCell, PortHarness, SnapshotCell, WorkbookFixture, WorkbookSnapshot } from './port-contract';

export async function fixtureWorkbook(fixture: WorkbookFixture): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of fixture.sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) => row.forEach((value, c) => (worksheet.getCell(r + 1, c + 1).value = toExcelJs(value))));
  }
  for (const table of fixture.tables ?? []) {
    const worksheet = workbook.getWorksheet(table.sheet)!;
    const [from, to] = table.ref.split(':');
    const top = worksheet.getCell(from);
    const bottom = worksheet.getCell(to);
    const grid: ExcelJS.CellValue[][] = [];
    for (let r = Number(top.row); r <= Number(bottom.row); r++) {
      const values: ExcelJS.CellValue[] = [];
      for (let c = Number(top.col); c <= Number(bottom.col); c++) values.push(worksheet.getCell(r, c).value);
      grid.push(values);
    }
    worksheet.addTable({
      name: table.name,
      ref: from,
      headerRow: true,
      columns: grid[0].map((name) => ({ name: String(name), filterButton: true })),
      rows: grid.slice(1),
    });
  }
  return workbook;
}

function toExcelJs(value: FixtureCell): ExcelJS.CellValue {
  if (value !== null && typeof value === 'object' && 'formula' in value) return { formula: value.formula, result: value.result as ExcelJS.CellFormulaValue['result'] };
  return value as ExcelJS.CellValue;
}

export async function saved(port: WorkbookPort): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await (port as XlsxWorkbook).toBuffer()) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** A cell as a plain reader sees it, written independently of the adapter's conversion. */
function snapshotCell(cell: ExcelJS.Cell): SnapshotCell {
  const value = cell.value;
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('formula' in value || 'sharedFormula' in value) return { formula: cell.formula };
  if ('error' in value) return { error: value.error };
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('text' in value) return String(value.text);
  throw new Error(`Unexpected cell value at ${cell.address}: ${JSON.stringify(value)}`);
}

/** The fixture saved by plain ExcelJS and loaded by the adapter, as the CLI loads a user's file. */
export async function xlsxFromFixture(fixture: WorkbookFixture): Promise<XlsxWorkbook> {
  const workbook = await fixtureWorkbook(fixture);
  return XlsxWorkbook.fromBuffer((await workbook.xlsx.writeBuffer()) as unknown as Uint8Array);
}

export const xlsxHarness: PortHarness = {
  build: xlsxFromFixture,

  async snapshot(port): Promise<WorkbookSnapshot> {
    const workbook = await saved(port);
    const cells: Record<string, SnapshotCell[][]> = {};
    const tables: WorkbookSnapshot['tables'] = [];
    for (const worksheet of workbook.worksheets) {
      const grid: SnapshotCell[][] = [];
      for (let r = 1; r <= worksheet.rowCount; r++) {
        const row: SnapshotCell[] = [];
        for (let c = 1; c <= worksheet.columnCount; c++) row.push(snapshotCell(worksheet.getCell(r, c)));
        grid.push(row);
      }
      cells[worksheet.name] = grid;
      for (const table of worksheet.getTables() as unknown as { model: { name: string; tableRef: string } }[]) {
        tables.push({ name: table.model.name, sheet: worksheet.name, ref: table.model.tableRef });
      }
    }
    return { sheetNames: workbook.worksheets.map((worksheet) => worksheet.name), tables, cells };
  },

  async numberFormat(port, sheet, address) {
    const workbook = await saved(port);
    return workbook.getWorksheet(sheet)?.getCell(address).numFmt ?? null;
  },

  async note(port, sheet, address) {
    const note = (await saved(port)).getWorksheet(sheet)?.getCell(address).note;
    if (note === undefined || note === null) return null;
    return typeof note === 'string' ? note : (note.texts ?? []).map((run) => run.text).join('');
  },
};

/** The port's workbook edited by ExcelJS and loaded again, as a user editing the file in another program. */
export async function editedWithExcelJs(port: XlsxWorkbook, edit: (workbook: ExcelJS.Workbook) => void): Promise<XlsxWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await port.toBuffer()) as unknown as ExcelJS.Buffer);
  edit(workbook);
  return XlsxWorkbook.fromBuffer((await workbook.xlsx.writeBuffer()) as unknown as Uint8Array);
}
