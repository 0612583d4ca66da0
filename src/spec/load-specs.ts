import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { startupError } from '../errors/startup-error.ts';
import type { OpenApiDocument } from './openapi-types.ts';

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

/**
 * Reads and parses `openapi/<vendor>.yaml`; a missing or broken file fails start-up with its path.
 * `npm run build` also writes each spec as JSON to `dist/openapi/`, which parses several times faster;
 * that copy is used only while it is at least as new as the YAML, so an edited spec is never shadowed.
 */
export function loadSpec(vendor: string, directory: string = findSpecDirectory()): LoadedSpec {
  const file = join(directory, `${vendor}.yaml`);
  const compiled = join(dirname(directory), 'dist', 'openapi', `${vendor}.json`);
  let document: unknown;
  try {
    const fresh = existsSync(compiled) && statSync(compiled).mtimeMs >= statSync(file).mtimeMs;
    document = fresh ? JSON.parse(readFileSync(compiled, 'utf8')) : parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw startupError(`Failed to load openapi/${vendor}.yaml: ${(error as Error).message}`, 'Fix the YAML.', 'spec-mismatch');
  }
  const version = (document as Partial<OpenApiDocument> | null)?.openapi;
  if (typeof version !== 'string' || !version.startsWith('3.1')) {
    throw startupError(
      `Failed to load openapi/${vendor}.yaml: expected openapi 3.1.x, got ${String(version)}.`,
      'Use OpenAPI 3.1.',
      'spec-mismatch',
    );
  }
  return { vendor, file, document: document as OpenApiDocument };
}
