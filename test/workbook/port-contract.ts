/**
 * The WorkbookPort contract, runnable against any adapter (xlsx through ExcelJS, Office.js through
 * office-addin-mock). An adapter supplies a harness that builds a port from a host-neutral fixture
 * and reports what the workbook holds afterwards; the harness must read the workbook through the
 * host itself, not through the adapter under test.
 */
import { bodyCellAddress, headerCellAddress, SCENARIO_SHEET, type CellValue, type ResultBundle, type ResultTable, type StoredScenario, type WorkbookPort } from '../../src/workbook/port';

/** A fixture cell: a value, or a formula with its cached result. */
export type FixtureCell = CellValue | { formula: string; result: CellValue };

export interface FixtureSheet {
  name: string;
  /** Cells from A1: rows[0] is worksheet row 1, rows[r][0] is column A. */
  rows: FixtureCell[][];
}

export interface FixtureTable {
  name: string;
  sheet: string;
  /** The table's full range including its header row, e.g. `B3:D6`; the sheet cells hold its values. */
  ref: string;
}

export interface WorkbookFixture {
  sheets: FixtureSheet[];
  tables?: FixtureTable[];
}

/** A snapshot cell: a value, or a formula (whatever its result), so text can be told from formulas. */
export type SnapshotCell = CellValue | { formula: string };

export interface WorkbookSnapshot {
  /** Sheet names in tab order. */
  sheetNames: string[];
  /** Excel tables with their full range (header and body), e.g. `A3:C5`. */
  tables: { name: string; sheet: string; ref: string }[];
  /** Every sheet's cells from A1 to its last used row and column. */
  cells: Record<string, SnapshotCell[][]>;
}

export interface PortHarness {
  build(fixture: WorkbookFixture): Promise<WorkbookPort>;
  snapshot(port: WorkbookPort): Promise<WorkbookSnapshot>;
  /** The number format of one cell, when the host exposes formats; omit to skip those checks. */
  numberFormat?(port: WorkbookPort, sheet: string, address: string): Promise<string | null>;
  /** The note (comment) on one cell, or null; omit when the harness cannot read notes. */
  note?(port: WorkbookPort, sheet: string, address: string): Promise<string | null>;
  /**
   * The adapter keeps existing result sheets in place (tab position, name, table) and replaces their
   * contents (ResultBundle.resultSheets). Both adapters are moving to it (issues 9 and 11); the tests
   * under "results in place" run for adapters that declare it.
   */
  resultsInPlace?: boolean;
}

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** Inputs as users lay them out: an Excel table not at A1, plain sheets, one sheet named like a table. */
export function inputFixture(): WorkbookFixture {
  return {
    sheets: [
      {
        name: 'Data',
        rows: [
          ['Input data'],
          [],
          [null, 'PartID', 'UnitCost', 'Repairable'],
          [null, 'PN-1', 420, true],
          [null, 'PN-2', 12.5, false],
          [null, 'PN-3', null, true],
        ],
      },
      // A sheet with the table's name: the table must win.
      { name: 'parts', rows: [['NotTheTable'], ['x']] },
      {
        name: 'Demand',
        // Row 4 is blank inside the data; rows 6-7 hold only empty text (blank); E2 has no header.
        rows: [
          ['PartID', 'LocationID', 'Period', 'Quantity', ''],
          ['PN-1', 'AMS', day('2025-01-01'), 2, 'stray'],
          ['PN-1', 'AMS', day('2025-02-01'), 0],
          [],
          ['PN-2', 'AMS', '2025-03', { error: '#N/A' }],
          ['', '', '', ''],
          [null, '', null, ''],
        ],
      },
      {
        name: 'Values',
        rows: [
          ['Number', 'Text', 'Bool', 'Date', 'Blank', 'Error', 'Formula'],
          [-3.25, 'Plain', true, day('2024-02-29'), null, { error: '#DIV/0!' }, { formula: '2*21', result: 42 }],
          [0, 'Ünïcode ✓', false, day('1999-12-31'), null, { error: '#N/A' }, { formula: 'A3&"x"', result: '0x' }],
          [1e9, ' padded ', true, day('2030-01-15'), null, { error: '#VALUE!' }, { formula: '1/0', result: { error: '#DIV/0!' } }],
          [7, 'z', false, null, null, null, { formula: 'A5-A5', result: 0 }],
        ],
      },
    ],
    tables: [{ name: 'Parts', sheet: 'Data', ref: 'B3:D6' }],
  };
}

function resultTable(overrides: Partial<ResultTable> = {}): ResultTable {
  return {
    sheet: 'Stocking',
    tableName: 'StockingResults',
    title: 'Recommended stock levels',
    columns: [
      { header: 'PartID', format: 'text' },
      { header: 'Stock', format: 'integer' },
      { header: 'FillRate', format: 'percent' },
      { header: 'Value', format: 'currency' },
      { header: 'Reviewed', format: 'date' },
      { header: 'Score', format: 'decimal' },
    ],
    rows: [
      ['PN-1', 3, 0.953, 1260, day('2025-06-30'), 1.25],
      ['PN-2', 0, 0.5, 0, null, { error: '#N/A' }],
    ],
    ...overrides,
  };
}

function bundle(tables: ResultTable[], resultSheets: string[] = ['Stocking', 'Summary', 'Forecast']): ResultBundle {
  return { tables, resultSheets, currency: 'USD' };
}

export function describePortContract(adapterName: string, harness: PortHarness): void {
  describe(`WorkbookPort contract: ${adapterName}`, () => {
    describe('readTable', () => {
      test('finds an Excel table by name, ignoring case, with its position', async () => {
        const port = await harness.build(inputFixture());
        const table = await port.readTable('PARTS');
        expect(table).toEqual({
          name: 'Parts',
          sheet: 'Data',
          source: 'table',
          headerRow: 3,
          firstColumn: 2,
          headers: ['PartID', 'UnitCost', 'Repairable'],
          rows: [
            ['PN-1', 420, true],
            ['PN-2', 12.5, false],
            ['PN-3', null, true],
          ],
        });
        expect(headerCellAddress(table!, 1)).toBe('C3');
        expect(bodyCellAddress(table!, 2, 0)).toBe('B6');
      });

      test('prefers an Excel table over a sheet of the same name', async () => {
        const port = await harness.build(inputFixture());
        const table = await port.readTable('parts');
        expect(table?.source).toBe('table');
        expect(table?.sheet).toBe('Data');
      });

      test('reads a plain sheet by name, ignoring case: headers in row 1 up to the last non-blank one, trailing blank rows dropped', async () => {
        const port = await harness.build(inputFixture());
        const table = await port.readTable('demand');
        expect(table).toEqual({
          name: 'Demand',
          sheet: 'Demand',
          source: 'sheet',
          headerRow: 1,
          firstColumn: 1,
          headers: ['PartID', 'LocationID', 'Period', 'Quantity'],
          rows: [
            ['PN-1', 'AMS', day('2025-01-01'), 2],
            ['PN-1', 'AMS', day('2025-02-01'), 0],
            [null, null, null, null],
            ['PN-2', 'AMS', '2025-03', { error: '#N/A' }],
          ],
        });
        expect(bodyCellAddress(table!, 3, 3)).toBe('D5');
      });

      test('normalizes values: numbers, text, booleans, dates, blanks, errors and formula results', async () => {
        const port = await harness.build(inputFixture());
        const table = await port.readTable('Values');
        expect(table?.headers).toEqual(['Number', 'Text', 'Bool', 'Date', 'Blank', 'Error', 'Formula']);
        expect(table?.rows).toEqual([
          [-3.25, 'Plain', true, day('2024-02-29'), null, { error: '#DIV/0!' }, 42],
          [0, 'Ünïcode ✓', false, day('1999-12-31'), null, { error: '#N/A' }, '0x'],
          [1e9, ' padded ', true, day('2030-01-15'), null, { error: '#VALUE!' }, { error: '#DIV/0!' }],
          [7, 'z', false, null, null, null, 0],
        ]);
        const date = table!.rows[0][3] as Date;
        expect(date).toBeInstanceOf(Date);
        expect(date.toISOString()).toBe('2024-02-29T00:00:00.000Z');
      });

      test('returns null for a name that is neither a table nor a sheet', async () => {
        const port = await harness.build(inputFixture());
        await expect(port.readTable('Inventory')).resolves.toBeNull();
      });
    });

    describe('readRange', () => {
      test('reads a range as a table: first row headers, sheet name ignoring case', async () => {
        const port = await harness.build(inputFixture());
        expect(await port.readRange('DATA!B3:D5')).toEqual({
          name: 'DATA!B3:D5',
          sheet: 'Data',
          source: 'sheet',
          headerRow: 3,
          firstColumn: 2,
          headers: ['PartID', 'UnitCost', 'Repairable'],
          rows: [
            ['PN-1', 420, true],
            ['PN-2', 12.5, false],
          ],
        });
      });

      test('drops trailing blank header columns and trailing blank rows, also of a very large range', async () => {
        const port = await harness.build(inputFixture());
        const table = await port.readRange("'Demand'!$A$1:$H$1048576");
        expect(table?.headers).toEqual(['PartID', 'LocationID', 'Period', 'Quantity']);
        expect(table?.rows).toHaveLength(4);
        expect(table?.rows[3]).toEqual(['PN-2', 'AMS', '2025-03', { error: '#N/A' }]);
      });

      test('returns null when the sheet does not exist', async () => {
        const port = await harness.build(inputFixture());
        await expect(port.readRange('Nowhere!A1:B2')).resolves.toBeNull();
      });
    });

    describe('scenario storage', () => {
      const stored: StoredScenario = { version: 1, scenario: { tableSources: { Demand: 'Data!A1:D9' }, tierTargets: { Gold: 0.97 } }, lastRun: { timestamp: '2025-06-30T12:00:00.000Z', engineVersion: '0.1.0' } };

      test('is null until written, then reads back; a second write replaces it', async () => {
        const port = await harness.build(inputFixture());
        await expect(port.readScenario()).resolves.toBeNull();
        await port.writeScenario(stored);
        expect(await port.readScenario()).toEqual(stored);
        await port.writeScenario({ version: 1, scenario: { settings: { forecastMethod: 'SBA' } } });
        expect(await port.readScenario()).toEqual({ version: 1, scenario: { settings: { forecastMethod: 'SBA' } } });
      });

      test('a scenario longer than one cell holds (32,767 characters) spans A1, A2, …; a shorter one after it reads back alone', async () => {
        const port = await harness.build(inputFixture());
        // Column mappings for 1,500 made-up headers: between 65,535 and 98,301 characters of JSON, three cells.
        const mappings = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`Column${i}`, `Header number ${i} of a wide sheet`]));
        const long: StoredScenario = { version: 1, scenario: { columnOverrides: { Parts: mappings } } };
        expect(JSON.stringify(long).length).toBeGreaterThan(2 * 32767);
        expect(JSON.stringify(long).length).toBeLessThanOrEqual(3 * 32767);
        await port.writeScenario(long);
        expect(await port.readScenario()).toEqual(long);
        const snap = await harness.snapshot(port);
        expect(snap.cells[SCENARIO_SHEET].map((row) => row[0]).filter((cell) => typeof cell === 'string' && cell !== '')).toHaveLength(3);
        await port.writeScenario(stored);
        expect(await port.readScenario()).toEqual(stored);
      });

      test('lives on its own sheet, which listTables does not offer, and survives writing results', async () => {
        const port = await harness.build(inputFixture());
        await port.writeScenario(stored);
        await port.writeResults(bundle([resultTable()]));
        expect(await port.readScenario()).toEqual(stored);
        const snap = await harness.snapshot(port);
        expect(snap.sheetNames).toContain(SCENARIO_SHEET);
        expect((await port.listTables()).map((t) => t.sheet)).not.toContain(SCENARIO_SHEET);
      });
    });

    test('listTables names every Excel table and every sheet', async () => {
      const port = await harness.build(inputFixture());
      const listed = await port.listTables();
      expect(listed).toEqual(
        expect.arrayContaining([
          { name: 'Parts', sheet: 'Data', source: 'table' },
          { name: 'Data', sheet: 'Data', source: 'sheet' },
          { name: 'parts', sheet: 'parts', source: 'sheet' },
          { name: 'Demand', sheet: 'Demand', source: 'sheet' },
          { name: 'Values', sheet: 'Values', source: 'sheet' },
        ]),
      );
      expect(listed).toHaveLength(5);
    });

    describe('writeResults', () => {
      test('writes each result table on its own sheet: title in A1, header in row 3, an Excel table', async () => {
        const port = await harness.build(inputFixture());
        await port.writeResults(bundle([resultTable(), resultTable({ sheet: 'Summary', tableName: 'SummaryResults', title: 'Summary', columns: [{ header: 'Metric', format: 'text' }, { header: 'Amount', format: 'decimal' }], rows: [['Total', 1.5]] })]));
        const snap = await harness.snapshot(port);
        expect(snap.sheetNames).toEqual(['Data', 'parts', 'Demand', 'Values', 'Stocking', 'Summary']);
        expect(snap.tables).toEqual(
          expect.arrayContaining([
            { name: 'Parts', sheet: 'Data', ref: 'B3:D6' },
            { name: 'StockingResults', sheet: 'Stocking', ref: 'A3:F5' },
            { name: 'SummaryResults', sheet: 'Summary', ref: 'A3:B4' },
          ]),
        );
        expect(snap.tables).toHaveLength(3);
        expect(snap.cells.Stocking).toEqual([
          ['Recommended stock levels', null, null, null, null, null],
          [null, null, null, null, null, null],
          ['PartID', 'Stock', 'FillRate', 'Value', 'Reviewed', 'Score'],
          ['PN-1', 3, 0.953, 1260, day('2025-06-30'), 1.25],
          ['PN-2', 0, 0.5, 0, null, { error: '#N/A' }],
        ]);
        expect(snap.cells.Summary).toEqual([['Summary', null], [null, null], ['Metric', 'Amount'], ['Total', 1.5]]);
      });

      test('result tables read back through the port', async () => {
        const port = await harness.build(inputFixture());
        await port.writeResults(bundle([resultTable()]));
        const table = await port.readTable('stockingresults');
        expect(table).toMatchObject({ sheet: 'Stocking', source: 'table', headerRow: 3, firstColumn: 1 });
        expect(table?.rows[0]).toEqual(['PN-1', 3, 0.953, 1260, day('2025-06-30'), 1.25]);
      });

      test('a second run replaces the previous results and leaves everything else as it was', async () => {
        const port = await harness.build(inputFixture());
        const before = await harness.snapshot(port);
        await port.writeResults(bundle([resultTable(), resultTable({ sheet: 'Forecast', tableName: 'ForecastResults', title: 'Forecast' })]));
        await port.writeResults(bundle([resultTable({ rows: [['PN-9', 9, 0.9, 90, null, 9.5]] })]));
        const after = await harness.snapshot(port);
        expect(after.sheetNames).toEqual([...before.sheetNames, 'Stocking']);
        expect(after.tables.map((t) => t.name).sort()).toEqual(['Parts', 'StockingResults']);
        expect(after.tables.find((t) => t.name === 'StockingResults')?.ref).toBe('A3:F4');
        expect(after.cells.Stocking.slice(3)).toEqual([['PN-9', 9, 0.9, 90, null, 9.5]]);
        for (const sheet of before.sheetNames) expect(after.cells[sheet]).toEqual(before.cells[sheet]);
      });

      test('result sheets are matched ignoring case', async () => {
        const port = await harness.build(inputFixture());
        await port.writeResults(bundle([resultTable()]));
        await port.writeResults(bundle([resultTable({ sheet: 'STOCKING' })], ['stocking']));
        expect((await harness.snapshot(port)).sheetNames).toEqual(['Data', 'parts', 'Demand', 'Values', 'STOCKING']);
      });

      test('text that looks like a formula stays text', async () => {
        const port = await harness.build(inputFixture());
        const tricky = ['=SUM(A1:A2)', '+1', '-A1', '@Parts', '=1/0'];
        await port.writeResults(bundle([resultTable({ columns: [{ header: 'Text', format: 'text' }], rows: tricky.map((text) => [text]) })]));
        const snap = await harness.snapshot(port);
        expect(snap.cells.Stocking.slice(3).map((row) => row[0])).toEqual(tricky);
        const table = await port.readTable('StockingResults');
        expect(table?.rows).toEqual(tricky.map((text) => [text]));
      });

      test('a result table without rows is still an Excel table and reads back empty', async () => {
        const port = await harness.build(inputFixture());
        await port.writeResults(bundle([resultTable({ rows: [] })]));
        const snap = await harness.snapshot(port);
        expect(snap.tables.find((t) => t.name === 'StockingResults')).toBeDefined();
        const table = await port.readTable('StockingResults');
        expect(table?.headers).toEqual(['PartID', 'Stock', 'FillRate', 'Value', 'Reviewed', 'Score']);
        expect(table?.rows).toEqual([]);
      });

      test('rejects a result table name already used by an input table, changing nothing', async () => {
        const port = await harness.build(inputFixture());
        await port.writeResults(bundle([resultTable()]));
        const before = await harness.snapshot(port);
        await expect(port.writeResults(bundle([resultTable({ tableName: 'parts' })]))).rejects.toThrow(/Parts/);
        expect(await harness.snapshot(port)).toEqual(before);
      });

      test('description lines go under the title, then a blank row, then the header; header notes are written', async () => {
        const port = await harness.build(inputFixture());
        const columns = resultTable().columns.map((column, i) => (i === 1 ? { ...column, note: 'Base-stock level in units.' } : column));
        await port.writeResults(bundle([resultTable({ description: ['What this sheet shows.', 'How to read it.'], columns })]));
        const snap = await harness.snapshot(port);
        expect(snap.cells.Stocking.slice(0, 6).map((row) => row.slice(0, 2))).toEqual([
          ['Recommended stock levels', null],
          ['What this sheet shows.', null],
          ['How to read it.', null],
          [null, null],
          ['PartID', 'Stock'],
          ['PN-1', 3],
        ]);
        expect(snap.tables.find((t) => t.name === 'StockingResults')?.ref).toBe('A5:F7');
        const table = await port.readTable('StockingResults');
        expect(table).toMatchObject({ headerRow: 5, firstColumn: 1 });
        expect(table?.rows).toHaveLength(2);
        if (harness.note) {
          expect(await harness.note(port, 'Stocking', 'B5')).toBe('Base-stock level in units.');
          expect(await harness.note(port, 'Stocking', 'A5')).toBeNull();
        }
      });

      test('number formats follow the column formats', async () => {
        if (!harness.numberFormat) return;
        const port = await harness.build(inputFixture());
        await port.writeResults(bundle([resultTable()]));
        const format = (address: string) => harness.numberFormat!(port, 'Stocking', address);
        expect(await format('B4')).toBe('#,##0');
        expect(await format('C4')).toMatch(/^0\.0+%$/);
        expect(await format('D4')).toContain('USD');
        expect(await format('E4')).toMatch(/yyyy-mm-dd/i);
        expect(await format('F4')).toBe('#,##0.00');
      });
    });

    describe('results in place', () => {
      if (!harness.resultsInPlace) return;

      /** Inputs plus an earlier run's results: the user moved the result sheet to the front, and a sheet of theirs sums a result column. */
      const withEarlierResults = (): WorkbookFixture => {
        const base = inputFixture();
        const stocking: FixtureSheet = { name: 'Stocking', rows: [['Recommended stock levels'], [], ['PartID', 'Stock', 'FillRate', 'Value', 'Reviewed', 'Score'], ['PN-1', 1, 0.5, 420, null, 1]] };
        const mine: FixtureSheet = { name: 'Mine', rows: [['Total stock', { formula: 'SUM(StockingResults[Stock])', result: 1 }, { formula: "'Stocking'!B4*2", result: 2 }]] };
        return { sheets: [stocking, ...base.sheets, mine], tables: [...(base.tables ?? []), { name: 'StockingResults', sheet: 'Stocking', ref: 'A3:F4' }] };
      };

      test('an existing result sheet keeps its tab position and its table, with the new contents', async () => {
        const port = await harness.build(withEarlierResults());
        const before = await harness.snapshot(port);
        await port.writeResults(bundle([resultTable()]));
        const after = await harness.snapshot(port);
        expect(after.sheetNames).toEqual(before.sheetNames);
        expect(after.tables.find((t) => t.name === 'StockingResults')).toEqual({ name: 'StockingResults', sheet: 'Stocking', ref: 'A3:F5' });
        expect(after.cells.Stocking.slice(3)).toEqual([
          ['PN-1', 3, 0.953, 1260, day('2025-06-30'), 1.25],
          ['PN-2', 0, 0.5, 0, null, { error: '#N/A' }],
        ]);
      });

      test("a user's formulas that point into the results still point at them after two runs", async () => {
        const port = await harness.build(withEarlierResults());
        await port.writeResults(bundle([resultTable()]));
        await port.writeResults(bundle([resultTable({ rows: [['PN-9', 9, 0.9, 90, null, 9.5]] })]));
        const after = await harness.snapshot(port);
        expect(after.cells.Mine[0]).toEqual(['Total stock', { formula: 'SUM(StockingResults[Stock])' }, { formula: "'Stocking'!B4*2" }]);
        expect(after.tables.find((t) => t.name === 'StockingResults')?.ref).toBe('A3:F4');
      });

      test('result sheets no longer produced are removed; a new one goes right after the existing result sheets', async () => {
        const port = await harness.build(withEarlierResults());
        await port.writeResults(bundle([resultTable(), resultTable({ sheet: 'Forecast', tableName: 'ForecastResults', title: 'Forecast' })]));
        const names = (await harness.snapshot(port)).sheetNames;
        expect(names.slice(0, 2)).toEqual(['Stocking', 'Forecast']);
        await port.writeResults(bundle([resultTable({ sheet: 'Summary', tableName: 'SummaryResults', title: 'Summary' })]));
        const after = await harness.snapshot(port);
        expect(after.sheetNames).not.toContain('Stocking');
        expect(after.sheetNames).not.toContain('Forecast');
        expect(after.sheetNames[after.sheetNames.length - 1]).toBe('Summary');
      });
    });

    describe('createInputTables', () => {
      const template = (name: string) => ({
        name,
        columns: [
          { header: 'Setting', note: 'A setting name.' },
          { header: 'Value', note: 'Its value.', validation: { kind: 'decimal' as const, min: 0 } },
        ],
        rows: [['Alpha', 0.1]],
      });

      test('adds missing tables on new sheets and returns their names', async () => {
        const port = await harness.build(inputFixture());
        const created = await port.createInputTables([template('Settings'), template('Inventory')]);
        expect(created).toEqual(['Settings', 'Inventory']);
        const snap = await harness.snapshot(port);
        expect(snap.sheetNames).toEqual(['Data', 'parts', 'Demand', 'Values', 'Settings', 'Inventory']);
        expect(snap.tables).toEqual(expect.arrayContaining([{ name: 'Settings', sheet: 'Settings', ref: 'A1:B2' }]));
        expect(await port.readTable('settings')).toMatchObject({ source: 'table', headers: ['Setting', 'Value'], rows: [['Alpha', 0.1]] });
      });

      test('skips names that exist as a table or a sheet, ignoring case', async () => {
        const port = await harness.build(inputFixture());
        const before = await harness.snapshot(port);
        const created = await port.createInputTables([template('PARTS'), template('demand'), template('Data'), template('Settings')]);
        expect(created).toEqual(['Settings']);
        const after = await harness.snapshot(port);
        expect(after.sheetNames).toEqual([...before.sheetNames, 'Settings']);
        for (const sheet of before.sheetNames) expect(after.cells[sheet]).toEqual(before.cells[sheet]);
      });

      test('a table without rows is created and reads back empty', async () => {
        const port = await harness.build(inputFixture());
        await port.createInputTables([{ ...template('Inventory'), rows: [] }]);
        expect(await port.readTable('Inventory')).toMatchObject({ source: 'table', headers: ['Setting', 'Value'], rows: [] });
      });
    });
  });
}
