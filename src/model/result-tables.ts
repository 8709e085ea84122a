/**
 * Every result table, in sheet order after the summary: the core tables of the stocking analysis,
 * then each feature's group (network, MOM assessment, …) from its own contract module. The layout,
 * the JSON, the docs and the tests iterate this list, so a feature adds its tables here once.
 */
import type { ResultTableSpec } from './result-spec';
import { CORE_TABLES, SUMMARY_SHEET, type ResultContext } from './results-contract';
import { SCENARIOS_TABLE, scenariosJson } from './results-scenarios';
import { NETWORK_TABLES, networkPlanJson, stockWithoutDemand } from './results-network';
import { CALIBRATION_TABLE, calibrationJson } from './results-calibration';
import { MOM_JSON_SECTIONS, MOM_TABLES } from './results-mom';

/** A table of any row type: the list is heterogeneous, and each spec reads only its own rows. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyResultTable = ResultTableSpec<ResultContext, any>;

export const RESULT_TABLES: readonly AnyResultTable[] = [...CORE_TABLES, ...NETWORK_TABLES, SCENARIOS_TABLE, CALIBRATION_TABLE, ...MOM_TABLES];

/** Every sheet the results own: replaced in place on every run, removed when a run no longer produces it. */
export const ALL_RESULT_SHEETS: readonly string[] = [SUMMARY_SHEET.sheet, ...RESULT_TABLES.map((table) => table.sheet)];

/** The tables this run produces: those without a `when`, and those whose `when` holds. */
export function producedTables(context: ResultContext): readonly AnyResultTable[] {
  return RESULT_TABLES.filter((table) => table.when?.(context) ?? true);
}

/** A JSON section that is not a table (an object such as the MOM scorecard's pillars). */
export interface JsonSectionSpec {
  readonly key: string;
  readonly value: (context: ResultContext) => unknown;
  readonly when?: (context: ResultContext) => boolean;
}

export const JSON_SECTIONS: readonly JsonSectionSpec[] = [
  { key: 'scenarios', value: scenariosJson, when: (c) => c.scenarios !== undefined },
  // Network stocking (results-network.ts).
  { key: 'networkPlan', value: networkPlanJson, when: (c) => c.network !== undefined },
  { key: 'stockWithoutDemand', value: stockWithoutDemand },
  { key: 'calibration', value: calibrationJson, when: (c) => c.portfolio.calibration != null },
  ...MOM_JSON_SECTIONS,
];
