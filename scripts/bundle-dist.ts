/**
 * Bundles the package's entry points (run by `npm run build`): `.`, `./msw`, `./server`, `./vitest` and the CLI
 * become `dist/<entry>.mjs`, with the code they share split into `dist/chunks/` — one copy of each
 * module, minified, no source maps; and the dashboard's browser code into `dist/ui/`. The runtime
 * dependencies in `BUNDLED` go into the bundle (their licences into `dist/THIRD-PARTY-LICENSES.md`);
 * the msw peer and the other dependencies stay external. Declarations come from `tsc -p tsconfig.build.json`.
 *
 * @see https://esbuild.github.io/api/#splitting
 * @see https://esbuild.github.io/api/#minify
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { thirdPartyLicenses } from './third-party-licenses.ts';

const root = join(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};
/**
 * Dependencies bundled into dist/: loading a package from node_modules costs a lookup, a read and a
 * compile per file, and that was most of the start-up. `@msw/data` imports the `es-toolkit` and
 * `es-toolkit/compat` barrels, hundreds of tiny ES modules (about 400 ms to load) for five functions;
 * ajv + ajv-formats are about 70 small CommonJS files (about 140 ms), hono + @hono/node-server a few
 * dozen ES modules (about 75 ms). Bundled, esbuild keeps what is used, in one copy. None of their
 * objects crosses the public interface, so a consumer loses no deduplication that matters; they stay
 * `dependencies` because the published declarations name their types. json5 and saxes (one to four
 * files each, about 10–30 ms) stay external: bundled, they would cost more of the size budget
 * (scripts/check-package-size.ts) than they save.
 */
const BUNDLED = ['@msw/data', 'ajv', 'ajv-formats', 'hono', '@hono/node-server', 'fastest-levenshtein'];
/** Imports left to the consumer's node_modules: Node built-ins, the runtime dependencies and the msw peer. */
const external = [
  'node:*',
  ...Object.keys(manifest.dependencies).filter((name) => !BUNDLED.includes(name)),
  ...Object.keys(manifest.peerDependencies),
].flatMap((name) => (name.startsWith('node:') ? [name] : [name, `${name}/*`]));
for (const stale of ['index.mjs', 'msw.mjs', 'server.mjs', 'vitest.mjs', 'esp-cancel-mock.mjs', 'chunks', 'ui', 'THIRD-PARTY-LICENSES.md'])
  rmSync(join(root, 'dist', stale), { recursive: true, force: true });
const bundled = await build({
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
  // Minified, our code too: with ajv and hono bundled, only a minified dist fits the size budget, and
  // source maps would not (they are twice the code); the readable code is in src/. No keepNames: it
  // names each function by calling Object.defineProperty where the function is created, and closures
  // are created on every request (Hono's Context, @hono/node-server's body reader, ours): 29 calls,
  // about 19 µs of a request's CPU profile. A stack trace from dist/ shows minified names.
  // NO_MINIFY=1 builds it readable, for a CPU profile or a stack trace with names (never for a release).
  minify: process.env.NO_MINIFY !== '1',
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
});
writeFileSync(join(root, 'dist', 'THIRD-PARTY-LICENSES.md'), thirdPartyLicenses(root, Object.keys(bundled.metafile.inputs)));
writeBundleContents(bundled.metafile);

/**
 * What each file of dist/ holds and imports, for test/package-entries.test.ts (which checks that `./msw`
 * never loads the Node server, and so on): minified and with packages bundled, the files themselves no
 * longer say which package their code came from. Kept out of the package, in node_modules/.cache.
 */
function writeBundleContents(metafile: Metafile): void {
  const contents = Object.fromEntries(
    Object.entries(metafile.outputs).map(([output, { inputs, imports }]) => [
      relative(join(root, 'dist'), join(root, output)),
      {
        packages: [
          ...new Set(Object.keys(inputs).flatMap((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1] ?? [])),
        ].sort(),
        // Static imports only: a dynamic one loads on demand (the vitest helper's global setup, the server).
        imports: imports
          .filter((entry) => entry.kind === 'import-statement')
          .map((entry) => (entry.external ? entry.path : relative(join(root, 'dist'), join(root, entry.path)))),
      },
    ]),
  );
  const folder = join(root, 'node_modules', '.cache', 'esp-cancel-mock');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'bundle-contents.json'), `${JSON.stringify(contents, null, 2)}\n`);
}

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
