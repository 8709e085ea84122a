/**
 * Every custom function, by the id Excel calls it with (SPP.<id>). The id is the exported
 * function's name in capitals, the rule the metadata generator applies to `@customfunction`
 * without an explicit id, so functions.json and the associations cannot drift apart (the test
 * test/functions/metadata.test.ts checks both ways).
 *
 * A new group of functions (network, MOM, business case) is a module like stock.ts whose every
 * export is a custom function: add it to FUNCTION_MODULES here and to FUNCTION_SOURCES in
 * scripts/functions-metadata.cjs.
 */
import * as demand from './demand';
import * as finance from './finance';
import * as lifecycle from './lifecycle';
import * as network from './network';
import * as scorecard from './scorecard';
import * as stock from './stock';

/**
 * Excel passes whatever the cells hold (a range parameter as a 2-D array); each function checks
 * its own arguments, so the catalog accepts any parameter types.
 */
export type CustomFunction = (...args: any[]) => number | string;

const FUNCTION_MODULES: readonly Record<string, CustomFunction>[] = [stock, demand, network, lifecycle, scorecard, finance];

export const CUSTOM_FUNCTIONS: Readonly<Record<string, CustomFunction>> = Object.freeze(
  Object.fromEntries(FUNCTION_MODULES.flatMap((module) => Object.entries(module).map(([name, fn]) => [name.toUpperCase(), fn]))),
);
