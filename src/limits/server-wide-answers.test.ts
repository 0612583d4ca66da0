import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { buildRoutes } from '../routing/build-routes.ts';
import { findSpecDirectory, loadSpec } from '../spec/load-specs.ts';
import { ALL_VENDORS } from '../vendor-names.ts';
import { SERVED_METHODS } from './server-wide-answers.ts';

/** The methods of the admin API's table in its reference: every `METHOD /__admin…` span of a row's first cell (`GET\|PUT` is two). */
function adminMethods(): string[] {
  const reference = readFileSync(new URL('../../docs/reference/admin-api.md', import.meta.url), 'utf8');
  const firstCells = reference
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split(/(?<!\\)\|/)[1] ?? '');
  const spans = firstCells.flatMap((cell) => [...cell.matchAll(/`([A-Z\\|]+) \/__admin[^`]*`/g)].map((match) => match[1] as string));
  return spans.flatMap((methods) => methods.split('\\|'));
}

it('names in Allow exactly the methods of the vendor specs and the admin API, with HEAD wherever GET', () => {
  const specDirectory = findSpecDirectory();
  const vendorMethods = ALL_VENDORS.flatMap((vendor) => buildRoutes(loadSpec(vendor, specDirectory)).map((route) => route.method));
  // `*` is a path's answer to the methods it does not serve (`x-unsupported-methods`), not a method it serves.
  const served = new Set([...vendorMethods, ...adminMethods()].filter((method) => method !== '*'));
  if (served.has('GET')) served.add('HEAD');
  expect(adminMethods()).toContain('DELETE');
  expect(new Set(SERVED_METHODS.split(', '))).toEqual(served);
});
