/**
 * One plan of the engine's PlanTable read in place: a small object with the row's index whose
 * getters read the table's columns, instead of `PlanTable.row(i)`, which copies all 43 numeric
 * fields and five codes into a fresh object. The result tables read every plan once for the JSON
 * and once for the sheets, 120,000 such copies at 20,000 part-locations (0.3 s of CPU and as much
 * again for the garbage collector, `node --cpu-prof`, BENCHMARKS.md "File host"); a view costs one
 * two-field object and each column reads only the fields it needs.
 */
import { PLAN_FIELDS, type PartLocationPlan, type PlanTable } from '../engine/plan-table';

type ViewConstructor = new (i: number) => PartLocationPlan;

/** A view class per table: each getter closes over its own column, so a read is one typed-array load. */
const views = new WeakMap<PlanTable, ViewConstructor>();

function viewClass(table: PlanTable): ViewConstructor {
  class PlanView {
    constructor(readonly i: number) {}
    get demandClass() {
      return table.demandClassAt(this.i);
    }
    get method() {
      return table.methodAt(this.i);
    }
    get distribution() {
      return table.distributionAt(this.i);
    }
    get leadTimeModel() {
      return table.leadTimeModelAt(this.i);
    }
    get reasonCode() {
      return table.reasonCodeAt(this.i);
    }
  }
  for (const field of PLAN_FIELDS) {
    const column = table.columns[field];
    Object.defineProperty(PlanView.prototype, field, {
      get(this: PlanView) {
        return column[this.i];
      },
      enumerable: true,
    });
  }
  return PlanView as unknown as ViewConstructor;
}

/** The plan at row `i` of `table`, read from its columns when a field is asked for. */
export function planView(table: PlanTable, i: number): PartLocationPlan {
  let View = views.get(table);
  if (!View) {
    View = viewClass(table);
    views.set(table, View);
  }
  return new View(i);
}
