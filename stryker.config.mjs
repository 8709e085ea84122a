// Mutation testing of the pure engine: `npm run mutation` (scripts/mutation.mjs runs this config).
// Every file under src/engine is mutated, including folders added later (network, mom, demand-model);
// the tests are those of jest.mutation.config.js (test/engine/**, test/instances/**).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: ['src/engine/**/*.ts'],
  testRunner: 'jest',
  // Not findRelatedTests: with it, module-level (static) mutants of forecast/selection.ts ran only the
  // tests importing that file directly and survived wrongly; it was no faster either.
  jest: { projectType: 'custom', configFile: 'jest.mutation.config.js', enableFindRelatedTests: false },
  // Mutants that do not type-check are discarded before any test runs (tsconfig.engine.json: the
  // engine with the ES library only, the cheapest complete check of src/engine).
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.engine.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // Each mutant runs only the tests that cover it.
  coverageAnalysis: 'perTest',
  // Two worker processes (test runners and checkers alike): the machine has two shared cores.
  concurrency: 2,
  // Reuse the results of mutants whose code and covering tests did not change since the last run
  // (reports/stryker-incremental.json); `npm run mutation -- --force` re-runs every mutant.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  // Only what the engine's tests need is copied into the sandbox.
  ignorePatterns: ['/dist', '/demo', '/docs', '/assets', '/coverage', '/test-output'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false, reportScoreTable: true },
  thresholds: { high: 85, low: 70, break: null },
  timeoutMS: 5000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
