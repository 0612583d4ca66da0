import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dist = new URL('../dist/', import.meta.url).pathname;

/**
 * What each file of dist/ holds and statically imports, as `npm run build:js` records it (the files are
 * minified and hold bundled packages, so their text no longer says where their code came from).
 */
const contents = JSON.parse(
  readFileSync(new URL('../node_modules/.cache/esp-cancel-mock/bundle-contents.json', import.meta.url), 'utf8'),
) as Record<string, { readonly packages: readonly string[]; readonly imports: readonly string[] }>;

/** The packages an entry point loads, bundled or not: followed through its static imports of dist/ files. */
function packagesLoadedBy(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const output = contents[file];
    if (!output) throw new Error(`dist/${file} is not in the build's record: run npm run build:js`);
    for (const name of output.packages) packages.add(name);
    for (const specifier of output.imports) {
      if (contents[specifier]) visit(specifier);
      else packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? specifier));
    }
  };
  visit(entry);
  return packages;
}

describe('package entry points', () => {
  it('are built (npm test builds first)', () => {
    expect(existsSync(join(dist, 'msw.mjs'))).toBe(true);
  });

  it('./msw does not load the Node server, and ./server does not load msw', () => {
    const msw = packagesLoadedBy('msw.mjs');
    const server = packagesLoadedBy('server.mjs');
    expect(msw).toContain('msw');
    expect(msw).not.toContain('@hono/node-server');
    expect(msw).not.toContain('hono');
    expect(server).toContain('@hono/node-server');
    expect(server).not.toContain('msw');
  });

  it('./vitest loads vitest but neither msw nor the Node server (the global setup imports the server on demand)', () => {
    const helper = packagesLoadedBy('vitest.mjs');
    expect(helper).toContain('vitest');
    expect(helper).not.toContain('msw');
    expect(helper).not.toContain('@hono/node-server');
    expect(helper).not.toContain('hono');
  });

  it('. loads neither msw nor the Node server', () => {
    const main = packagesLoadedBy('index.mjs');
    expect(main).not.toContain('msw');
    expect(main).not.toContain('@hono/node-server');
  });
});
