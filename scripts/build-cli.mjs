// Bundles the `spp` command line (src/cli/main.ts) into dist/cli/spp.cjs with esbuild.
// Runs on `npm ci` (prepare script) so that `npx spp` works right after install.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli/spp.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
