import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPackageRoot } from '../spec/load-specs.ts';

/** The package name, as `GET /__admin/health` and `--version` report it. */
export const SERVER_NAME = 'esp-cancel-mock';

let version: string | undefined;

/**
 * The installed package's version, read once from its `package.json` (the same file npm installed).
 *
 * @see https://docs.npmjs.com/cli/v10/configuring-npm/package-json#version
 */
export function readServerVersion(): string {
  version ??= (JSON.parse(readFileSync(join(findPackageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}
