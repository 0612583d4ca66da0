import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dist = new URL('../dist/', import.meta.url).pathname;

/** The packages an entry point loads: its static imports, followed through its own relative files. */
function packagesLoadedBy(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, specifier] of source.matchAll(/^(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]/gm)) {
      if (!specifier) continue;
      if (specifier.startsWith('.')) visit(join(dirname(file), specifier));
      else packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? specifier));
    }
  };
  visit(join(dist, entry));
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
