import { expect, it, vi } from 'vitest';
import { createMockClock } from '../src/clock/mock-clock.ts';
import { loadSpec } from '../src/spec/load-specs.ts';
import type { JsonSchema } from '../src/spec/openapi-types.ts';
import { checkSnapshot, createVendorStore, restoreStore } from '../src/store/vendor-store.ts';
import { collectExtensionKeywords, createAjvPair, registerComponentSchemas } from '../src/validate/create-ajv.ts';
import { VENDOR_MODULES } from '../src/vendors.ts';

// A mock seeds its built-in default dataset without checking each record against its schema (that
// would compile every record schema in every test worker); this file is where that dataset is checked.

const vendors = Object.keys(VENDOR_MODULES);

/** The vendor's record schemas, registered with an ajv pair that checks them against the meta-schema too. */
function recordSchemas(vendor: string) {
  const { document } = loadSpec(vendor);
  const ajv = createAjvPair(collectExtensionKeywords([document.components?.schemas ?? {}, document.paths ?? {}]), { checkSchemas: true });
  registerComponentSchemas(ajv, vendor, document.components?.schemas);
  return { ajv, schemas: (document.components?.schemas ?? {}) as Record<string, JsonSchema> };
}

/** The default dataset of a vendor, as `reset()` seeds it. */
function defaultDataset(vendor: string): Record<string, unknown[]> {
  return (VENDOR_MODULES[vendor]?.seed(createMockClock()) ?? {}) as Record<string, unknown[]>;
}

it.each(vendors)("every record of %s's default dataset matches its record schema and has a unique key", (vendor) => {
  const module = VENDOR_MODULES[vendor];
  const dataset = defaultDataset(vendor);
  expect(Object.values(dataset).flat().length).toBeGreaterThan(0);
  expect(checkSnapshot(recordSchemas(vendor).ajv, vendor, module?.collections ?? {}, dataset)).toEqual([]);
});

it.each(vendors)("the check of %s's default dataset fails on a record that lacks a required property", (vendor) => {
  const module = VENDOR_MODULES[vendor];
  const { ajv, schemas } = recordSchemas(vendor);
  const dataset = defaultDataset(vendor);
  const [name, declaration] = Object.entries(module?.collections ?? {}).find(([name]) => (dataset[name]?.length ?? 0) > 0) ?? [];
  const schema = schemas[declaration?.schemaName ?? ''];
  const required = typeof schema === 'object' ? (schema.required as string[] | undefined)?.[0] : undefined;
  expect(required).toBeDefined();
  const [first, ...rest] = dataset[name ?? ''] ?? [];
  const broken = { ...(first as object) } as Record<string, unknown>;
  delete broken[required ?? ''];
  const problems = checkSnapshot(ajv, vendor, module?.collections ?? {}, { ...dataset, [name ?? '']: [broken, ...rest] });
  expect(problems).toEqual([expect.stringContaining(`${vendor}.${name}[0]: / must have required property '${required}'`)]);
});

it('seeds the built-in dataset without a record check, but checks a given record and every update', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined); // @msw/data prints the issues it throws on
  const { ajv } = recordSchemas('omeda');
  const store = createVendorStore(ajv, 'omeda', VENDOR_MODULES.omeda?.collections ?? {});
  // restoreStore swaps fresh collections in: read the current one each time.
  const deployments = () => store.deployments as NonNullable<typeof store.deployments>;
  const bad = { TrackId: 'FOO1', Status: 'Unheard of' };
  await restoreStore(store, { deployments: [bad] }, { builtIn: true });
  expect(deployments().all()).toEqual([bad]);
  await expect(restoreStore(store, { deployments: [bad] })).rejects.toThrow(/does not match the schema/);

  await restoreStore(store, defaultDataset('omeda'), { builtIn: true });
  const [record] = deployments().all();
  expect(Object.getOwnPropertySymbols(record).map(String)).not.toContain('Symbol(esp-cancel-mock.trusted-record)');
  await expect(
    deployments().update(record as never, {
      data(draft) {
        draft.Status = 'Unheard of' as never;
      },
    }),
  ).rejects.toThrow(/schema/);
});
