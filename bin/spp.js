#!/usr/bin/env node
// Entry point of the `spp` command. The TypeScript CLI is bundled to dist/cli/spp.cjs by
// `npm run build:cli`, which `npm ci` runs through the `prepare` script.
const path = require('path');
const fs = require('fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli', 'spp.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write('spp: the command line is not built yet; run `npm run build:cli` (npm ci does this).\n');
  process.exit(2);
}
require(bundle).cli();
