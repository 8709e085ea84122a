/**
 * Jest for mutation testing (`npm run mutation`, stryker.config.mjs): the main config restricted to
 * the tests that exercise src/engine — test/engine (with any subfolder other branches add, such as
 * test/engine/network) and the textbook instances in test/instances. The UI, workbook and CLI tests
 * reach the engine only through the pipeline and would make every mutant cost minutes.
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/engine/**/*.test.ts', '<rootDir>/test/instances/**/*.test.ts'],
};
