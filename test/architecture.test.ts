import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

/** Every TypeScript file under a folder, as paths relative to the repository. */
function sourcesUnder(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/** The relative imports of a file, resolved to repository paths. */
function relativeImportsOf(file: string): string[] {
  const source = readFileSync(join(root, file), 'utf8');
  return [...source.matchAll(/^(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'/gm)].map((match) =>
    relative(root, join(root, dirname(file), match[1] as string)),
  );
}

it('lets vendor folders import only the kit, their own files and their generated types', () => {
  const outside = sourcesUnder('handlers')
    .filter((file) => !file.startsWith('handlers/kit/'))
    .flatMap((file) => {
      const own = dirname(file);
      return relativeImportsOf(file)
        .filter((target) => dirname(target) !== own && target !== 'handlers/kit/index.ts' && !target.startsWith('src/generated/'))
        .map((target) => `${file} → ${target}`);
    });
  expect(outside).toEqual([]);
});

it('lets the kit import the engine but no vendor', () => {
  const vendors = sourcesUnder('handlers/kit').flatMap((file) =>
    relativeImportsOf(file)
      .filter((target) => target.startsWith('handlers/') && !target.startsWith('handlers/kit/'))
      .map((target) => `${file} → ${target}`),
  );
  expect(vendors).toEqual([]);
});

it('keeps the engine free of vendors: only the registry at the composition root imports handlers', () => {
  // Unit tests beside the engine may use a real vendor's parts (the SOAP codec's tests use SFMC's dialect).
  const importers = sourcesUnder('src')
    .filter((file) => !file.endsWith('.test.ts'))
    .filter((file) => relativeImportsOf(file).some((target) => target.startsWith('handlers/')));
  expect(importers).toEqual(['src/vendors.ts']);
});

it('keeps every vendor namespace out of the engine: no ExactTarget URI in src/', () => {
  const named = sourcesUnder('src')
    .filter((file) => !file.endsWith('.test.ts') && !file.startsWith('src/generated/'))
    .filter((file) => /exacttarget/i.test(readFileSync(join(root, file), 'utf8')));
  expect(named).toEqual([]);
});
