/**
 * Bundles the package's entry points (run by `npm run build`): `.`, `./msw`, `./server`, `./vitest` and the CLI
 * become `dist/<entry>.mjs`, with the code they share split into `dist/chunks/` — one copy of each
 * module, no source maps; and the dashboard's browser code into `dist/ui/`. Every package import stays external, so a consumer's npm deduplicates hono,
 * ajv, msw… against its own copies. Declarations come from `tsc -p tsconfig.build.json`.
 *
 * @see https://esbuild.github.io/api/#splitting
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};
/** Imports left to the consumer's node_modules: Node built-ins, the runtime dependencies and the msw peer. */
const external = ['node:*', ...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies)].flatMap((name) =>
  name.startsWith('node:') ? [name] : [name, `${name}/*`],
);
for (const stale of ['index.mjs', 'msw.mjs', 'server.mjs', 'vitest.mjs', 'esp-cancel-mock.mjs', 'chunks', 'ui'])
  rmSync(join(root, 'dist', stale), { recursive: true, force: true });
await build({
  entryPoints: [
    { in: join(root, 'src', 'index.ts'), out: 'index' },
    { in: join(root, 'src', 'msw.ts'), out: 'msw' },
    { in: join(root, 'src', 'server.ts'), out: 'server' },
    { in: join(root, 'src', 'vitest.ts'), out: 'vitest' },
    { in: join(root, 'src', 'cli.ts'), out: 'esp-cancel-mock' },
  ],
  outdir: join(root, 'dist'),
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  external,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});

// The dashboard's browser code (src/ui/), served by the mock at /__admin/ui: one minified file per page
// and the stylesheet, with nothing left external (the pages load only what this server serves).
await build({
  entryPoints: [
    { in: join(root, 'src', 'ui', 'dashboard.ts'), out: 'dashboard' },
    { in: join(root, 'src', 'ui', 'reference.ts'), out: 'reference' },
    { in: join(root, 'src', 'ui', 'dashboard.css'), out: 'dashboard' },
  ],
  outdir: join(root, 'dist', 'ui'),
  bundle: true,
  minify: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  logLevel: 'warning',
});
