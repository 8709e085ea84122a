/** Immutable edits of a Scenario, one per control of the pane; clearing a choice removes its key. */
import type { ForecastMethodSetting, StockingMode, TableName } from '../../model/contract';
import type { Scenario } from '../../pipeline/run';

function withoutKey<T extends object>(record: T | undefined, key: string): T | undefined {
  if (!record) return undefined;
  const copy = { ...record } as Record<string, unknown>;
  delete copy[key];
  return Object.keys(copy).length ? (copy as T) : undefined;
}

function setOrClear<K extends keyof Scenario>(scenario: Scenario, key: K, value: Scenario[K] | undefined): Scenario {
  const next = { ...scenario };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** Reads table `name` from `source` (table, sheet or `Sheet!A1:D9`); '' reads it under its own name. Column mappings of the old source no longer apply. */
export function withTableSource(scenario: Scenario, name: TableName, source: string): Scenario {
  const sources = source ? { ...scenario.tableSources, [name]: source } : withoutKey(scenario.tableSources, name);
  return setOrClear(setOrClear(scenario, 'tableSources', sources), 'columnOverrides', withoutKey(scenario.columnOverrides, name));
}

/** Maps contract column `key` of table `name` to `header`; '' returns it to automatic matching. */
export function withColumnMapping(scenario: Scenario, name: TableName, key: string, header: string): Scenario {
  const current = scenario.columnOverrides?.[name];
  const table = header ? { ...current, [key]: header } : withoutKey(current, key);
  const overrides = table ? { ...scenario.columnOverrides, [name]: table } : withoutKey(scenario.columnOverrides, name);
  return setOrClear(scenario, 'columnOverrides', overrides);
}

export function withForecastMethod(scenario: Scenario, method: ForecastMethodSetting | undefined): Scenario {
  const settings = method ? { ...scenario.settings, forecastMethod: method } : withoutKey(scenario.settings, 'forecastMethod');
  return setOrClear(scenario, 'settings', settings);
}

export function withHoldingCostRate(scenario: Scenario, rate: number | undefined): Scenario {
  const settings = rate === undefined ? withoutKey(scenario.settings, 'holdingCostRate') : { ...scenario.settings, holdingCostRate: rate };
  return setOrClear(scenario, 'settings', settings);
}

export function withTierTarget(scenario: Scenario, tier: string, target: number | undefined): Scenario {
  const targets = target === undefined ? withoutKey(scenario.tierTargets, tier) : { ...scenario.tierTargets, [tier]: target };
  return setOrClear(scenario, 'tierTargets', targets);
}

// Network stocking (docs/methods.md §9): the stocking mode and the budget of Budget mode.
export function withStockingMode(scenario: Scenario, mode: StockingMode | undefined): Scenario {
  const settings = mode ? { ...scenario.settings, stockingMode: mode } : withoutKey(scenario.settings, 'stockingMode');
  return setOrClear(scenario, 'settings', settings);
}

export function withBudgetAmount(scenario: Scenario, budget: number | undefined): Scenario {
  const settings = budget === undefined ? withoutKey(scenario.settings, 'budget') : { ...scenario.settings, budget };
  return setOrClear(scenario, 'settings', settings);
}
