/**
 * What the build ships for the custom functions, built with the project's webpack config (only the
 * functions' entry and the metadata plugin, to stay fast): functions.json equals the generated
 * metadata, and functions.js, run the way Excel runs a script with its CustomFunctions namespace,
 * associates every id of functions.json with a working function. The task pane bundle runs the
 * same register.ts (its entry imports it); the standalone browser test covers that it stays quiet
 * outside Excel.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import webpack, { type Configuration } from 'webpack';
import { FunctionsMetadataPlugin, generateFunctionsMetadata, METADATA_FILE } from '../../scripts/functions-metadata.cjs';

const ROOT = path.resolve(__dirname, '../..');

async function buildFunctions(outputPath: string): Promise<void> {
  const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as (env: object, argv: object) => Promise<Configuration>;
  const config = await makeConfig({}, { mode: 'production' });
  const entry = (config.entry as Record<string, string>).functions;
  const only: Configuration = {
    ...config,
    context: ROOT,
    entry: { functions: entry },
    output: { ...config.output, path: outputPath, clean: false },
    plugins: (config.plugins ?? []).filter((plugin) => plugin instanceof FunctionsMetadataPlugin),
    infrastructureLogging: { level: 'error' },
    performance: { hints: false },
  };
  await new Promise<void>((resolve, reject) => {
    webpack(only, (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

let out: string;
const previousUrl = process.env.SPP_ADDIN_BASE_URL;

beforeAll(async () => {
  process.env.SPP_ADDIN_BASE_URL = 'https://parts.example.com/spp/'; // production mode: no localhost warning
  out = mkdtempSync(path.join(tmpdir(), 'spp-functions-'));
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined); // the config's "manifest URLs →" line
  try {
    await buildFunctions(out);
  } finally {
    log.mockRestore();
  }
});

afterAll(() => {
  if (previousUrl === undefined) delete process.env.SPP_ADDIN_BASE_URL;
  else process.env.SPP_ADDIN_BASE_URL = previousUrl;
  rmSync(out, { recursive: true, force: true });
});

test('emits functions.json, the metadata generated from the JSDoc', async () => {
  expect(readFileSync(path.join(out, METADATA_FILE), 'utf8')).toBe(await generateFunctionsMetadata());
});

test('functions.js associates every function of functions.json, and they compute and fail as in Excel', () => {
  class ExcelError {
    constructor(
      readonly code: string,
      readonly message?: string,
    ) {}
  }
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  const CustomFunctions = {
    associate: (id: string, fn: (...args: unknown[]) => unknown) => associated.set(id, fn),
    Error: ExcelError,
    ErrorCode: { invalidValue: '#VALUE!', invalidNumber: '#NUM!', divisionByZero: '#DIV/0!', notAvailable: '#N/A' },
  };
  vm.runInNewContext(readFileSync(path.join(out, 'functions.js'), 'utf8'), { CustomFunctions, console });
  const metadata = JSON.parse(readFileSync(path.join(out, METADATA_FILE), 'utf8')) as { functions: { id: string }[] };
  expect([...associated.keys()].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  // Poisson mean 2, S = 2: F(1) = 3e⁻²; 2.5 units a month over 45 days: 2.5 · 45 / 30.4375.
  expect(associated.get('FILLRATE')!(2, 2, null, null)).toBeCloseTo(3 * Math.exp(-2), 14);
  expect(associated.get('LEADTIMEDEMAND')!(2.5, 45, null)).toBeCloseTo(3.696098562628337, 14);
  // Round 2 in the same bundle: Poisson X₀ with mean 2.8 and no central stock, two equal fields: the
  // field's pipeline mean 0.2 + ½ × 2.8 = 1.6 (the shared reference's first case); −100 then 110 is 10 %.
  expect(associated.get('VARIMETRIC')!(0.1, 2, 0, 0.2, 14, 0, 'PipelineMean', null, null, null)).toBeCloseTo(1.6, 14);
  expect(associated.get('IRR')!([[-100], [110]])).toBeCloseTo(0.1, 14);
  let error: unknown;
  try {
    associated.get('EBO')!('x', 2, null);
  } catch (thrown) {
    error = thrown;
  }
  expect(error).toEqual(new ExcelError('#VALUE!', 'mean must be a number, found "x"'));
});

test('functions.js is quiet where Excel is absent', () => {
  expect(() => vm.runInNewContext(readFileSync(path.join(out, 'functions.js'), 'utf8'), {})).not.toThrow();
});
