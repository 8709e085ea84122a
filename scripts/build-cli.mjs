// Bundles the `spp` command line (src/cli/main.ts) into dist/cli/spp.cjs with esbuild.
// Runs on `npm ci` (prepare script) so that `npx spp` works right after install.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli/spp.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Dependencies stay in node_modules; only our own TypeScript is bundled.
  external: ['commander', 'fflate', 'saxes'],
  sourcemap: true,
  logLevel: 'warning',
});
