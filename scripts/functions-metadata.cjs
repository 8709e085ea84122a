// Excel's custom-functions metadata (functions.json) from the JSDoc of the functions' sources,
// with Microsoft's generator (custom-functions-metadata, the one custom-functions-metadata-plugin
// runs). webpack.config.js emits it into dist/ with FunctionsMetadataPlugin; the metadata test
// generates it the same way, so what the test checks is what ships.
//
// Not the stock plugin: its loader appends bare CustomFunctions.associate(...) calls to the
// sources, which would throw wherever Excel is absent (the standalone page, the tests) and would
// associate the raw functions, whose errors Excel could not show with a message.
// src/functions/register.ts associates them instead, through the Excel adapter.
'use strict';

const path = require('node:path');
const { generateCustomFunctionsMetadata } = require('custom-functions-metadata');

const ROOT = path.resolve(__dirname, '..');

/** Modules whose every export is a custom function; src/functions/catalog.ts associates the same modules. */
const FUNCTION_SOURCES = ['src/functions/stock.ts', 'src/functions/demand.ts', 'src/functions/network.ts', 'src/functions/lifecycle.ts', 'src/functions/scorecard.ts', 'src/functions/finance.ts'];

const METADATA_FILE = 'functions.json';

/** functions.json as text; throws with every problem the generator found. */
async function generateFunctionsMetadata(root = ROOT) {
  const files = FUNCTION_SOURCES.map((file) => path.join(root, file));
  const result = await generateCustomFunctionsMetadata(files);
  if (result.errors.length > 0) throw new Error(`custom functions metadata: ${result.errors.join('; ')}`);
  if (!result.metadataJson) throw new Error(`custom functions metadata: no @customfunction found in ${FUNCTION_SOURCES.join(', ')}`);
  return result.metadataJson;
}

/** Emits functions.json with every build (and rebuilds it when a source changes under the dev server). */
class FunctionsMetadataPlugin {
  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    const name = 'FunctionsMetadataPlugin';
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tapPromise({ name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, async () => {
        for (const file of FUNCTION_SOURCES) compilation.fileDependencies.add(path.join(ROOT, file));
        try {
          compilation.emitAsset(METADATA_FILE, new sources.RawSource(await generateFunctionsMetadata()));
        } catch (error) {
          compilation.errors.push(new WebpackError(error.message));
        }
      });
    });
  }
}

module.exports = { FUNCTION_SOURCES, METADATA_FILE, generateFunctionsMetadata, FunctionsMetadataPlugin };
