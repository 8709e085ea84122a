/**
 * Tiny workbooks as PlanningInput: the validated input the engine sees, built by hand so that
 * every parameter in a test is visible in the test. Defaults are the contract's defaults.
 */
import type { DemandSeries, InventoryPosition, Location, Part, PeriodLength, PlanningInput, SlaTier } from '../../src/model/types';
import { defaultSettings } from '../../src/pipeline/validateSettings';

export function part(id: string, fields: Partial<Part> = {}): Part {
  return {
    id,
    description: '',
    unitCost: 100,
    leadTimeDays: 30,
    repairable: false,
    repairDays: 0,
    scrapRate: 0,
    criticality: 'Critical',
    lifecycle: 'Active',
    endOfSupport: null,
    salePrice: null,
    refurbCost: null,
    salvageValue: null,
    ...fields,
  };
}

export function central(id: string, fields: Partial<Location> = {}): Location {
  return { id, type: 'Central', parent: null, resupplyDays: null, emergencyHours: null, slaTier: null, holdingCostRate: null, ...fields };
}

export function field(id: string, parent: string, resupplyDays: number, fields: Partial<Location> = {}): Location {
  return { id, type: 'Field', parent, resupplyDays, emergencyHours: null, slaTier: null, holdingCostRate: null, ...fields };
}

export function tier(name: string, targetFillRate: number, penaltyPerMiss = 0): SlaTier {
  return { tier: name, responseHours: 24, targetFillRate, penaltyPerMiss };
}

export function demand(partId: string, locationId: string, quantities: number[]): DemandSeries {
  return { partId, locationId, quantities };
}

export interface InputParts {
  parts: Part[];
  locations: Location[];
  slaTiers?: SlaTier[];
  demand: DemandSeries[];
  inventory?: InventoryPosition[];
  periodLength?: PeriodLength;
  settings?: Partial<PlanningInput['settings']>;
}

/** A PlanningInput on a monthly (or weekly) grid whose length is that of the first series. */
export function planningInput(spec: InputParts): PlanningInput {
  const count = spec.demand[0]?.quantities.length ?? 0;
  const periodLength = spec.periodLength ?? 'Month';
  return {
    parts: spec.parts,
    locations: spec.locations,
    slaTiers: spec.slaTiers ?? [],
    grid: { length: periodLength, first: 2020 * 12, count, labels: Array.from({ length: count }, (_, i) => `P${i + 1}`) },
    demand: spec.demand,
    inventory: spec.inventory ?? [],
    settings: { ...defaultSettings(), periodLength, ...spec.settings },
  };
}

/** n periods of the same quantity. */
export function constant(quantity: number, n: number): number[] {
  return new Array<number>(n).fill(quantity);
}
