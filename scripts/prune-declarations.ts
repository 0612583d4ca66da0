/**
 * Drops the declaration files no published type entry reaches (run by `npm run build`, after `tsc`
 * wrote `dist/types/`). `tsc` declares every module it compiles, the CLI's helpers and the engine's
 * internals included; what a consumer's type checker can load is only what the `types` conditions of
 * the `exports` map name and what those files import, so the rest is bytes in every install.
 *
 * @see https://www.typescriptlang.org/docs/handbook/modules/reference.html#packagejson-exports
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const TYPES = join(root, 'dist', 'types');

/** The `types` files the exports map names: where a consumer's type checker starts. */
function typeEntries(): string[] {
  const { exports } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
  return Object.values(exports).flatMap((target) =>
    typeof target === 'object' && target !== null && 'types' in target ? [resolve(root, String(target.types))] : [],
  );
}

/** `from './x.js'`, `import('./x.js')`, `/// <reference path="./x.d.ts" />`: the relative specifiers of a declaration file. */
const RELATIVE_SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|<reference\s+path=)["'](\.{1,2}\/[^"']+)["']/g;

/** The declaration file a relative specifier of `from` resolves to, as TypeScript would find it. */
function declarationOf(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier).replace(/\.(?:d\.ts|[cm]?[jt]s)$/, '');
  return [`${base}.d.ts`, join(base, 'index.d.ts')].find((candidate) => existsSync(candidate));
}

function reachableFrom(entries: readonly string[]): Set<string> {
  const reached = new Set<string>();
  const pending = [...entries];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (reached.has(file)) continue;
    reached.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(RELATIVE_SPECIFIER)) {
      const target = declarationOf(file, specifier as string);
      if (target) pending.push(target);
    }
  }
  return reached;
}

function declarationFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? declarationFiles(path) : [path];
  });
}

const entries = typeEntries();
const missing = entries.filter((entry) => !existsSync(entry));
if (missing.length > 0) throw new Error(`exports name type entries that tsc did not write: ${missing.join(', ')}`);
const reached = reachableFrom(entries);
const unreached = declarationFiles(TYPES).filter((file) => !reached.has(file));
for (const file of unreached) rmSync(file);
console.log(`declarations: kept ${reached.size}, dropped ${unreached.length} that no exported type reaches`);
