import { normalizeHeader, TABLES, tableSpec } from '../../src/model/contract';
import { matchColumns } from '../../src/pipeline/columns';
import { sheetTable } from './fixtures';

describe('matchColumns', () => {
  test('matches keys and synonyms after normalizing case, spaces, _ - and .; extra columns are ignored', () => {
    const table = sheetTable('Parts', [['Region', 'part_no', 'Unit Cost', 'LEAD-TIME', 'Part Description']]);
    const match = matchColumns(table, tableSpec('Parts'));
    expect(match.columns).toEqual({ PartID: 1, UnitCost: 2, LeadTimeDays: 3, Description: 4 });
    expect(match.unmatched).toEqual([0]);
    expect(match.issues).toEqual([]);
  });

  test.each(['Part Number', 'part_no', 'Part No.', 'SKU', 'sku', 'PartNo'])('"%s" is a PartID header', (header) => {
    expect(matchColumns(sheetTable('Demand', [[header]]), tableSpec('Demand')).columns.PartID).toBe(0);
  });

  test('"Qty" is the Quantity of Demand and the OnHand of Inventory', () => {
    expect(matchColumns(sheetTable('Demand', [['Qty']]), tableSpec('Demand')).columns).toEqual({ Quantity: 0 });
    expect(matchColumns(sheetTable('Inventory', [['Qty']]), tableSpec('Inventory')).columns).toEqual({ OnHand: 0 });
  });

  test('a missing required column is an error for the table, naming the header row and the accepted headers', () => {
    const table = sheetTable('SLATiers', [['Tier', 'ResponseHours']], { headerRow: 4, firstColumn: 2 });
    const match = matchColumns(table, tableSpec('SLATiers'));
    expect(match.missing.map((c) => c.key)).toEqual(['TargetFillRate']);
    expect(match.issues).toEqual([
      {
        severity: 'error',
        sheet: 'SLATiers',
        cell: '',
        message:
          'Missing required column TargetFillRate in the header row (row 4); accepted headers: TargetFillRate, Target Fill Rate, Fill Rate, Target, Fill Rate Target, Service Level Target',
      },
    ]);
  });

  test('a second header for the same column is a warning at that header; the first wins', () => {
    const table = sheetTable('Parts', [['Part', 'UnitCost', 'LeadTimeDays', 'SKU']], { headerRow: 2, firstColumn: 3 });
    const match = matchColumns(table, tableSpec('Parts'));
    expect(match.columns.PartID).toBe(0);
    expect(match.issues).toEqual([
      { severity: 'warning', sheet: 'Parts', cell: 'F2', message: 'Column "SKU" also matches PartID, already read from column C; this column is ignored' },
    ]);
  });

  test('overrides map columns by hand and win over automatic matching', () => {
    const table = sheetTable('Parts', [['PartID', 'Artikel', 'Preis', 'LeadTimeDays']]);
    const match = matchColumns(table, tableSpec('Parts'), { overrides: { PartID: 'Artikel', UnitCost: 'preis' } });
    expect(match.columns).toEqual({ PartID: 1, UnitCost: 2, LeadTimeDays: 3 });
    expect(match.unmatched).toEqual([]);
    expect(match.issues).toEqual([]);
  });

  test('an override naming an absent header is an error; one naming an unknown column is a warning', () => {
    const table = sheetTable('Parts', [['PartID', 'UnitCost', 'LeadTimeDays']]);
    const match = matchColumns(table, tableSpec('Parts'), { overrides: { UnitCost: 'Cost EUR', Colour: 'PartID' } });
    expect(match.issues).toEqual([
      { severity: 'error', sheet: 'Parts', cell: '', message: 'Column mapping for UnitCost names header "Cost EUR", which is not in the header row (row 1)' },
      { severity: 'warning', sheet: 'Parts', cell: '', message: 'Column mapping names "Colour", which is not a column of Parts; it is ignored' },
    ]);
    expect(match.columns).toEqual({ PartID: 0, LeadTimeDays: 2 });
  });

  test('no header name is claimed by two columns of one table', () => {
    for (const spec of TABLES) {
      const owner = new Map<string, string>();
      for (const column of spec.columns) {
        for (const name of new Set([column.key, ...column.synonyms].map(normalizeHeader))) {
          expect([spec.name, name, owner.get(name) ?? column.key]).toEqual([spec.name, name, column.key]);
          owner.set(name, column.key);
        }
      }
    }
  });
});
