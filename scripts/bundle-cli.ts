/**
 * Bundles the CLI into one file (run by `npm run build`). Node resolves and loads a few hundred
 * module files otherwise (es-toolkit alone is over a hundred), which was most of the server's
 * start-up time; one bundled file starts in about half the time. The library entry points
 * (`.`, `./msw`, `./server`) stay unbundled tsc output.
 */
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');
await build({
  entryPoints: [join(root, 'src', 'cli.ts')],
  outfile: join(root, 'dist', 'esp-cancel-mock.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Bundled CommonJS dependencies call require() for Node built-ins; give the ESM bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
