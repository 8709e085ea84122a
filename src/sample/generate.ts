/**
 * Seeded synthetic input workbooks (`spp sample`, the demo): a realistic service-parts network,
 * parts master and demand history. Deterministic: the same options give identical tables.
 */
import { tableSpec, type TableName } from '../model/contract';
import { inputColumns, rowFor, settingsRows } from '../model/template';
import type { PeriodLength } from '../model/types';
import type { CellValue, InputTableToWrite } from '../workbook/port';
import { expectedUnits, simulateDemand, driftAt } from './demand';
import { FIELD_WAIT_DAYS, periodDispersion, samplePosition } from './inventory';
import { generateNetwork, SAMPLE_SLA_TIERS, type SampleLocation } from './network';
import { generateParts, type SamplePart } from './parts';
import { daysPerPeriod } from '../engine/policy';
import { periodLabels } from './periods';
import { createRng, deriveSeed, logNormal } from './random';
import { inventoryExtras, serviceEventRows } from './mom';
import { assessmentRecords, assumptionRecords } from '../model/mom-template';

export interface SampleOptions {
  parts: number;
  locations: number;
  periods: number;
  seed: number;
  periodLength?: PeriodLength;
}

/** Independent random streams, so e.g. more periods never change the parts master. */
const STREAM = { network: 1, parts: 2, demand: 3, inventory: 4, mom: 5 } as const;

/** Parts, Locations, SLATiers, Demand (long layout), Inventory, Settings and the MOM tables (Assessment, Assumptions, ServiceEvents), in contract order. */
export function generateSample(options: SampleOptions): InputTableToWrite[] {
  checkOptions(options);
  const { seed } = options;
  const periodLength = options.periodLength ?? 'Month';
  const network = generateNetwork(options.locations, createRng(deriveSeed(seed, STREAM.network)));
  const parts = generateParts(options.parts, createRng(deriveSeed(seed, STREAM.parts)));
  const { demand, inventory } = simulateHistory(parts, network, options.periods, periodLength, seed);
  // MOM monitoring: service events of the last months (monthly samples, whose periods are dates).
  const events = periodLength === 'Month' ? serviceEventRows(demand, network, periodLabels(options.periods, periodLength), createRng(deriveSeed(seed, STREAM.mom))) : [];
  return [
    table('Parts', parts.map(partRecord)),
    table('Locations', network.map(locationRecord)),
    table('SLATiers', SAMPLE_SLA_TIERS.map((t) => ({ Tier: t.tier, ResponseHours: t.responseHours, TargetFillRate: t.targetFillRate, PenaltyPerMiss: t.penaltyPerMiss }))),
    { name: 'Demand', columns: inputColumns(tableSpec('Demand')), rows: demand },
    { name: 'Inventory', columns: inputColumns(tableSpec('Inventory')), rows: inventory },
    { name: 'Settings', columns: inputColumns(tableSpec('Settings')), rows: settingsRows({ PeriodLength: periodLength }) },
    table('Assessment', assessmentRecords()),
    table('Assumptions', assumptionRecords()),
    ...(events.length ? [{ name: 'ServiceEvents' as const, columns: inputColumns(tableSpec('ServiceEvents')), rows: events }] : []),
  ];
}

function checkOptions(options: SampleOptions): void {
  for (const key of ['parts', 'locations', 'periods'] as const) {
    const value = options[key];
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${key} must be a whole number >= 1, got ${value}`);
  }
  if (!Number.isSafeInteger(options.seed)) throw new RangeError(`seed must be a whole number, got ${options.seed}`);
  if (options.periodLength !== undefined && options.periodLength !== 'Month' && options.periodLength !== 'Week') {
    throw new RangeError(`periodLength must be Month or Week, got ${String(options.periodLength)}`);
  }
}

function table(name: TableName, records: Record<string, CellValue>[]): InputTableToWrite {
  const spec = tableSpec(name);
  return { name, columns: inputColumns(spec), rows: records.map((record) => rowFor(spec, record)) };
}

/**
 * Demand rows (long layout, only periods with demand, but at least one row per part-location so
 * every part-location exists) and one Inventory row per part-location. The rows are built directly
 * in contract column order (PartID, LocationID, Period, Quantity / OnHand): hundreds of thousands of
 * rows make per-row records too slow; a test checks the headers match.
 */
function simulateHistory(parts: SamplePart[], network: SampleLocation[], periods: number, length: PeriodLength, seed: number) {
  const labels = periodLabels(periods, length);
  const periodDays = daysPerPeriod(length);
  const monthsPerPeriod = periodDays / (365.25 / 12);
  const demand: CellValue[][] = [];
  const inventory: CellValue[][] = [];
  const unitsNow = new Array<number>(network.length);
  const unitsThen = new Array<number>(network.length);
  const children = network.map((central) => network.flatMap((location, l) => (location.parent === central.id ? [l] : [])));
  parts.forEach((part, p) => {
    const demandRng = createRng(deriveSeed(seed, STREAM.demand, p));
    network.forEach((location, l) => {
      // Installed bases differ per part and site: spread each part-location's rate a little.
      const scale = location.demandScale * logNormal(demandRng, 1, 0.25);
      const quantities = simulateDemand(part.demand, scale, periods, monthsPerPeriod, demandRng);
      const before = demand.length;
      quantities.forEach((quantity, t) => {
        if (quantity > 0) demand.push([part.id, location.id, labels[t], quantity]);
      });
      if (demand.length === before) demand.push([part.id, location.id, labels[periods - 1], 0]);
      unitsNow[l] = expectedUnits(part.demand, scale * monthsPerPeriod * driftAt(part.demand, periods - 1, periods));
      unitsThen[l] = expectedUnits(part.demand, scale * monthsPerPeriod);
    });
    const inventoryRng = createRng(deriveSeed(seed, STREAM.inventory, p));
    const momRng = createRng(deriveSeed(seed, STREAM.mom, p + 1));
    network.forEach((location, l) => {
      // A Central stocks for its FSLs' resupply as well as for its own customers; an end-of-life
      // part is still stocked for the demand it had when the history began (its stock is now excess).
      const rates = part.lifecycle === 'EndOfLife' ? unitsThen : unitsNow;
      const units = children[l].reduce((sum, child) => sum + rates[child], rates[l]);
      const field = location.type === 'Field';
      const coverDays = field ? (location.resupplyDays ?? 1) + FIELD_WAIT_DAYS : centralCoverDays(part);
      const position = samplePosition({ unitsPerPeriod: units, coverPeriods: coverDays / periodDays, dispersion: periodDispersion(part.demand, units), field }, inventoryRng);
      const unitsToday = field ? unitsNow[l] : children[l].reduce((sum, child) => sum + unitsNow[child], unitsNow[l]);
      inventory.push([part.id, location.id, ...inventoryExtras(part, location, position, unitsToday, periodDays, momRng)]);
    });
  });
  return { demand, inventory };
}

/** Repairable returns come back after RepairDays; only the scrapped share waits for the supplier. */
function centralCoverDays(part: SamplePart): number {
  if (!part.repairable || part.repairDays === null) return part.leadTimeDays;
  const scrap = part.scrapRate ?? 0;
  return (1 - scrap) * part.repairDays + scrap * part.leadTimeDays;
}

function partRecord(part: SamplePart): Record<string, CellValue> {
  return {
    PartID: part.id,
    Description: part.description,
    UnitCost: part.unitCost,
    LeadTimeDays: part.leadTimeDays,
    Repairable: part.repairable ? 'Yes' : 'No',
    RepairDays: part.repairDays,
    ScrapRate: part.scrapRate,
    Criticality: part.criticality,
    Lifecycle: part.lifecycle,
    EndOfSupport: part.endOfSupport,
    SalePrice: part.salePrice,
    RefurbCost: part.refurbCost,
    SalvageValue: part.salvageValue,
  };
}

function locationRecord(location: SampleLocation): Record<string, CellValue> {
  return {
    LocationID: location.id,
    Type: location.type,
    Parent: location.parent,
    ResupplyDays: location.resupplyDays,
    EmergencyHours: location.emergencyHours,
    SLATier: location.slaTier,
  };
}
