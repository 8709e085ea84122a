/** The plan read in place (src/model/plan-view.ts) gives every field PlanTable.row's copy gives. */
import { DEMAND_CLASS_CODE, DISTRIBUTION_CODE, METHOD_CODE, PLAN_FIELDS, PlanTable } from '../../src/engine/plan-table';
import { planView } from '../../src/model/plan-view';

test('every field of the view is the table row, for each row of two tables', () => {
  const tables = [new PlanTable(3), new PlanTable(2)];
  tables.forEach((table, t) => {
    PLAN_FIELDS.forEach((field, f) => table.columns[field].forEach((_, i) => (table.columns[field][i] = t * 1000 + f * 10 + i + 0.5)));
    table.demandClass.set([DEMAND_CLASS_CODE.lumpy, DEMAND_CLASS_CODE.smooth].slice(0, table.size));
    table.method.set([METHOD_CODE.SBA, METHOD_CODE.SES].slice(0, table.size));
    table.distribution[table.size - 1] = DISTRIBUTION_CODE.NegativeBinomial;
  });
  for (const table of tables) {
    for (let i = 0; i < table.size; i++) {
      const view = planView(table, i);
      const copy = table.row(i);
      for (const key of Object.keys(copy) as (keyof typeof copy)[]) expect([key, view[key]]).toEqual([key, copy[key]]);
    }
  }
  // Two tables' views read their own columns.
  expect(planView(tables[1], 1).stock).toBe(1000 + PLAN_FIELDS.indexOf('stock') * 10 + 1 + 0.5);
  expect(planView(tables[0], 1).demandClass).toBe('smooth');
});
