/**
 * functions.json, generated from the JSDoc exactly as the build does (scripts/functions-metadata.cjs):
 * every function of issue 8 with its parameters in order, which are optional, a description for
 * each (Excel's autocomplete shows them), and the same ids as the functions Excel gets associated.
 */
import { FUNCTION_SOURCES, generateFunctionsMetadata } from '../../scripts/functions-metadata.cjs';
import { DEFAULT_NETWORK_SETTINGS } from '../../src/engine/network';
import { CUSTOM_FUNCTIONS } from '../../src/functions/catalog';
import {
  DEFAULT_FILL_RATE_MODEL,
  DEFAULT_FORECAST_METHOD,
  DEFAULT_PERIOD_LENGTH,
  FILL_RATE_MODELS,
  FORECAST_METHOD_CHOICES,
  LAST_TIME_BUY_FIT_MEASURES,
  LAST_TIME_BUY_MEASURES,
  PERIOD_LENGTHS,
  VARIMETRIC_MEASURES,
} from '../../src/functions/choices';

interface ParameterMetadata {
  name: string;
  description?: string;
  optional?: boolean;
  dimensionality?: string;
  type?: string;
}

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
  result: { type?: string; dimensionality?: string };
}

/** The signatures the issue asks for ([name] = optional), plus FORECAST's window; round 2's network, lifecycle and finance functions. */
const EXPECTED: Record<string, string[]> = {
  FILLRATE: ['mean', 'stock', '[variance]', '[model]'],
  READYRATE: ['mean', 'stock', '[variance]'],
  EBO: ['mean', 'stock', '[variance]'],
  BASESTOCK: ['mean', 'target_fill_rate', '[variance]', '[model]'],
  LEADTIMEDEMAND: ['rate_per_period', 'lead_time_days', '[period_length]'],
  FORECAST: ['history_range', '[method]', '[alpha]', '[beta]', '[window]'],
  DEMANDCLASS: ['history_range'],
  ADI: ['history_range'],
  CV2: ['history_range'],
  VARIMETRIC: [
    'field_rate',
    'field_resupply_days',
    'field_stock',
    'central_rate',
    'central_pipeline_days',
    'central_stock',
    '[measure]',
    '[field_variance_to_mean]',
    '[central_variance_to_mean]',
    '[model]',
  ],
  LASTTIMEBUY: ['rate_per_period', 'decline_per_period', 'periods_remaining', '[confidence]', '[position]', '[scrap_rate]', '[dispersion]', '[measure]'],
  LASTTIMEBUYFROMHISTORY: ['history_range', 'periods_remaining', '[confidence]', '[position]', '[scrap_rate]', '[measure]'],
  MOMSCORE: ['current', 'benchmark', 'floor', '[higher_is_better]'],
  MOMPILLARSCORE: ['current_range', 'benchmark_range', 'floor_range', 'weight_range', '[higher_is_better_range]'],
  NPV: ['rate', 'cashflows_with_year0'],
  IRR: ['cashflows_with_year0'],
  PAYBACKMONTHS: ['cashflows_with_year0'],
};

let functions: FunctionMetadata[];

beforeAll(async () => {
  functions = (JSON.parse(await generateFunctionsMetadata()) as { functions: FunctionMetadata[] }).functions;
});

const byId = (id: string) => functions.find((f) => f.id === id)!;
const parameter = (id: string, name: string) => byId(id).parameters.find((p) => p.name === name)!;

test('lists every function with its parameters in order, optional ones marked', () => {
  const signatures = Object.fromEntries(functions.map((f) => [f.id, f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name))]));
  expect(signatures).toEqual(EXPECTED);
  for (const f of functions) expect(f.name).toBe(f.id);
});

test('every function and every parameter has a one-line description for autocomplete', () => {
  for (const f of functions) {
    expect([f.id, f.description]).toEqual([f.id, expect.stringMatching(/^[^\n]{20,255}$/)]);
    for (const p of f.parameters) expect([f.id, p.name, p.description]).toEqual([f.id, p.name, expect.stringMatching(/^[^\n]{10,255}$/)]);
  }
});

test('its ids are exactly the functions associated with Excel', () => {
  expect(functions.map((f) => f.id).sort()).toEqual(Object.keys(CUSTOM_FUNCTIONS).sort());
  expect(FUNCTION_SOURCES.length).toBeGreaterThan(0);
});

/** Arguments that take a range of cells. */
const RANGES = new Set(['history_range', 'cashflows_with_year0', 'current_range', 'benchmark_range', 'floor_range', 'weight_range', 'higher_is_better_range']);

test('histories, cash flows and KPI columns are ranges (matrix), every other argument a single value Excel passes unconverted', () => {
  for (const f of functions) {
    for (const p of f.parameters) {
      expect([f.id, p.name, p.dimensionality ?? 'scalar']).toEqual([f.id, p.name, RANGES.has(p.name) ? 'matrix' : 'scalar']);
      expect(p.type).toBe('any'); // the functions check arguments themselves, with a message
    }
  }
});

test('results: numbers, except the demand class (text); all single values', () => {
  for (const f of functions) {
    expect([f.id, f.result.type, f.result.dimensionality ?? 'scalar']).toEqual([f.id, f.id === 'DEMANDCLASS' ? 'string' : 'number', 'scalar']);
  }
});

test('the help for each choice names every option and the engine’s default', () => {
  // The JSDoc is static text; these keep it true when the engine adds a model or changes a default.
  // The network engine has its own default fill-rate model (DEFAULT_NETWORK_SETTINGS).
  for (const [id, fallback] of [['FILLRATE', DEFAULT_FILL_RATE_MODEL], ['BASESTOCK', DEFAULT_FILL_RATE_MODEL], ['VARIMETRIC', DEFAULT_NETWORK_SETTINGS.fillRateModel]]) {
    const help = parameter(id, 'model').description!;
    for (const model of FILL_RATE_MODELS) expect(help).toContain(model);
    expect(help).toContain(`${fallback} (default)`);
  }
  const method = parameter('FORECAST', 'method').description!;
  for (const choice of FORECAST_METHOD_CHOICES) expect(method).toContain(choice);
  expect(method).toContain(`${DEFAULT_FORECAST_METHOD} (default)`);
  const period = parameter('LEADTIMEDEMAND', 'period_length').description!;
  for (const length of PERIOD_LENGTHS) expect(period).toContain(length);
  expect(period).toContain(`${DEFAULT_PERIOD_LENGTH} (default`);
  const measures: [string, readonly string[], string][] = [
    ['VARIMETRIC', VARIMETRIC_MEASURES, 'EBO'],
    ['LASTTIMEBUY', LAST_TIME_BUY_MEASURES, 'Quantity'],
    ['LASTTIMEBUYFROMHISTORY', LAST_TIME_BUY_FIT_MEASURES, 'Quantity'],
  ];
  for (const [id, names, fallback] of measures) {
    const help = parameter(id, 'measure').description!;
    for (const name of names) expect([id, help]).toEqual([id, expect.stringContaining(name)]);
    expect(help).toContain(`${fallback} (default)`);
  }
});
