import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startupError } from '../errors/startup-error.ts';
import type { OpenApiDocument } from './openapi-types.ts';
import { yamlOnDemand } from './yaml-on-demand.ts';

/** One vendor's contract, as read from `openapi/<vendor>.yaml`. */
export interface LoadedSpec {
  readonly vendor: string;
  readonly file: string;
  readonly document: OpenApiDocument;
}

/**
 * The package root: the nearest folder above this module with both `package.json` and `openapi/`.
 * Walking up makes it the same from `src/` (tests, tsx) and from the built `dist/chunks/`.
 */
export function findPackageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (let depth = 0; depth < 6; depth++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'openapi'))) return dir;
    dir = dirname(dir);
  }
  throw startupError(
    `Cannot find the openapi/ folder above ${from}.`,
    'Reinstall esp-cancel-mock: the package ships openapi/*.yaml.',
    'spec-mismatch',
  );
}

/** The folder holding the OpenAPI documents. */
export function findSpecDirectory(): string {
  return join(findPackageRoot(), 'openapi');
}

/** Each spec file's last load, with the modification times and sizes it was read at. */
const loaded = new Map<string, { readonly stamp: string; readonly spec: LoadedSpec }>();

/**
 * Reads and parses `openapi/<vendor>.yaml`; a missing or broken file fails start-up with its path.
 * `npm run build` also writes each spec as JSON to `dist/openapi/`, which parses several times faster;
 * that copy is used only while it is at least as new as the YAML, so an edited spec is never shadowed.
 * A file read before and unchanged since (same modification times and sizes) gives the same
 * `LoadedSpec`, so every mock of a process shares one document and the validators compiled from it.
 */
export function loadSpec(vendor: string, directory: string = findSpecDirectory()): LoadedSpec {
  const file = join(directory, `${vendor}.yaml`);
  const compiled = join(dirname(directory), 'dist', 'openapi', `${vendor}.json`);
  let document: unknown;
  let stamp: string;
  try {
    const source = statSync(file);
    const copy = existsSync(compiled) ? statSync(compiled) : undefined;
    const fresh = copy !== undefined && copy.mtimeMs >= source.mtimeMs;
    stamp = `${vendor} ${source.mtimeMs} ${source.size}${fresh ? ` ${copy.mtimeMs} ${copy.size}` : ''}`;
    const known = loaded.get(file);
    if (known?.stamp === stamp) return known.spec;
    document = fresh ? JSON.parse(readFileSync(compiled, 'utf8')) : parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw startupError(`Failed to load openapi/${vendor}.yaml: ${(error as Error).message}`, 'Fix the YAML.');
  }
  const version = (document as Partial<OpenApiDocument> | null)?.openapi;
  if (typeof version !== 'string' || !version.startsWith('3.1')) {
    throw startupError(`Failed to load openapi/${vendor}.yaml: expected openapi 3.1.x, got ${String(version)}.`, 'Use OpenAPI 3.1.');
  }
  const spec: LoadedSpec = { vendor, file, document: document as OpenApiDocument };
  loaded.set(file, { stamp, spec });
  return spec;
}

/** YAML, parsed only for a spec without a fresh JSON copy (a checkout before its first build, or an edit). */
function parseYaml(text: string): unknown {
  return yamlOnDemand().parse(text);
}
