import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { buildRoutes } from '../routing/build-routes.ts';
import { findSpecDirectory, loadSpec } from '../spec/load-specs.ts';
import { ALL_VENDORS } from '../vendor-names.ts';
import { SERVED_METHODS } from './server-wide-answers.ts';

/** The methods of the admin API's table in its reference (`| \`GET\|PUT /__admin/clock\` | …`). */
function adminMethods(): string[] {
  const reference = readFileSync(new URL('../../docs/reference/admin-api.md', import.meta.url), 'utf8');
  const cells = [...reference.matchAll(/^\| `([^`]+)`/gm)].map((match) => match[1] as string);
  return cells.filter((cell) => cell.includes(' /__admin')).flatMap((cell) => cell.split(' ')[0]?.split('\\|') ?? []);
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
