import { readdirSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { compileVendor } from '../src/engine/compile-vendor.ts';
import { createEngine } from '../src/engine/create-engine.ts';
import { loadSpec } from '../src/spec/load-specs.ts';
import { HTTP_METHODS, type OperationObject, type ResponseObject } from '../src/spec/openapi-types.ts';
import { resolveReference } from '../src/spec/resolve-reference.ts';
import { compileSchema } from '../src/validate/compile-schema.ts';
import { collectExtensionKeywords, createAjvPair, registerComponentSchemas } from '../src/validate/create-ajv.ts';
import { VENDOR_MODULES } from '../src/vendors.ts';

const vendors = readdirSync(new URL('../openapi/', import.meta.url))
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => file.replace(/\.yaml$/, ''));

/** Every operation of a spec, `x-unsupported-methods` included. */
function operationsOf(vendor: string): Array<[string, OperationObject]> {
  const { document } = loadSpec(vendor);
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) => [
    ...HTTP_METHODS.flatMap((method) =>
      item[method] ? [[`${method.toUpperCase()} ${path}`, item[method]] as [string, OperationObject]] : [],
    ),
    ...(item['x-unsupported-methods'] ? [[`* ${path}`, item['x-unsupported-methods']] as [string, OperationObject]] : []),
  ]);
}

describe('openapi documents', () => {
  it('serves every spec in openapi/ and no vendor without one', () => {
    expect(vendors.sort()).toEqual(Object.keys(VENDOR_MODULES).sort());
  });

  it.each(vendors)('openapi/%s.yaml is a valid OpenAPI 3.1 document', async (vendor) => {
    const result = await new Validator().validate(new URL(`../openapi/${vendor}.yaml`, import.meta.url).pathname);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it.each(vendors)('every response example of openapi/%s.yaml validates against its own schema', (vendor) => {
    const { document } = loadSpec(vendor);
    // The meta-schema check a mock skips at start-up: every schema the examples meet is checked here.
    const ajv = createAjvPair(collectExtensionKeywords([document.components?.schemas ?? {}, document.paths ?? {}]), { checkSchemas: true });
    registerComponentSchemas(ajv, vendor, document.components?.schemas);
    const failures: string[] = [];
    let checked = 0;
    for (const [name, operation] of operationsOf(vendor)) {
      for (const [status, raw] of Object.entries(operation.responses)) {
        for (const [mediaType, media] of Object.entries(resolveReference<ResponseObject>(document, raw).content ?? {})) {
          const validate = compileSchema(ajv.exact, vendor, media.schema);
          for (const [exampleName, example] of Object.entries(media.examples ?? {})) {
            checked++;
            const value = resolveReference<{ value?: unknown }>(document, example).value;
            if (!validate(value))
              failures.push(`${name} ${status} ${mediaType} example ${exampleName}: ${JSON.stringify(validate.errors)}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });

  it.each(vendors)('every schema of openapi/%s.yaml passes the JSON Schema meta-schema and compiles in strict mode', (vendor) => {
    const spec = loadSpec(vendor);
    const module = VENDOR_MODULES[vendor];
    if (!module) throw new Error(`no module for ${vendor}`);
    const ajv = createAjvPair(collectExtensionKeywords([spec.document.components?.schemas ?? {}, spec.document.paths ?? {}]), {
      checkSchemas: true,
    });
    registerComponentSchemas(ajv, vendor, spec.document.components?.schemas);
    const compiled = compileVendor(ajv, spec, module, module.defaultConfig);
    // A mock compiles each validator on first use; here every one is compiled, with the meta-schema check.
    for (const operation of compiled.operations.values()) {
      operation.request.compileAll();
      operation.response.compileAll();
    }
    expect(compiled.operations.size).toBeGreaterThan(0);
  });

  it.each(vendors)('every documented status of openapi/%s.yaml has a named example to force', (vendor) => {
    const { document } = loadSpec(vendor);
    const missing = operationsOf(vendor).flatMap(([name, operation]) =>
      Object.entries(operation.responses).flatMap(([status, raw]) => {
        const content = resolveReference<ResponseObject>(document, raw).content ?? {};
        const named = Object.values(content).some((media) => Object.keys(media.examples ?? {}).length > 0 || media.example !== undefined);
        return Object.keys(content).length === 0 || named ? [] : [`${name} ${status}`];
      }),
    );
    expect(missing).toEqual([]);
  });
});

describe('start-up checks', () => {
  it('fails with the operation and the file to fix when an operationId has no handler', () => {
    const omeda = VENDOR_MODULES.omeda;
    if (!omeda) throw new Error('omeda module missing');
    const { lookupDeployment: _, ...operations } = omeda.operations;
    expect(() => createEngine({ modules: [{ ...omeda, operations }] })).toThrow(
      '[esp-cancel-mock] Failed to load openapi/omeda.yaml: operation lookupDeployment has no handler. Add it to handlers/omeda/module.ts.',
    );
  });

  it('fails naming the handler when a handler has no operation in the spec', () => {
    const omeda = VENDOR_MODULES.omeda;
    if (!omeda) throw new Error('omeda module missing');
    const operations = { ...omeda.operations, cancelEverything: () => ({ status: 200 }) };
    expect(() => createEngine({ modules: [{ ...omeda, operations }] })).toThrow(
      /handlers\/omeda\/module\.ts has a handler for cancelEverything, which openapi\/omeda\.yaml does not declare/,
    );
  });

  it('fails with the known vendors when asked for an unknown one', async () => {
    const { selectModules } = await import('../src/vendors.ts');
    expect(() => selectModules(['mailchimp'])).toThrow(/Unknown vendor 'mailchimp'\. Use one or more of: momentum, omeda, sfmc, voltmx\./);
  });
});
