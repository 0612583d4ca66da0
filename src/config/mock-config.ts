import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { closest, distance } from 'fastest-levenshtein';
import { lazily } from '../validate/compile-once.ts';
import { VENDOR_CONFIG_SCHEMAS, type VendorConfigs } from '../vendors.ts';

/**
 * Per-vendor settings, typed: a misspelt vendor or key, or a wrong type, is a compile error.
 *
 * @example createMock({ config: { omeda: { appIds: ['my-app'] } } })
 * @see ../../docs/reference/cli.md (`--config`)
 */
export type MockConfig = { readonly [V in keyof VendorConfigs]?: Partial<VendorConfigs[V]> };

/** A config that breaks its schema: every problem names its path (`config.omeda.appId: unknown key; …`). */
export class MockConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`[esp-cancel-mock] invalid config: ${problems.join('; ')}`);
    this.name = 'MockConfigError';
  }
}

/**
 * The config object itself: an object whose keys are vendors. Each vendor's settings are checked by
 * that vendor's own schema, compiled the first time a config names the vendor: compiling all four in
 * one schema took about 100 ms of the first createMock() of anyone who passed a config.
 */
const vendorsSchema = {
  type: 'object',
  properties: Object.fromEntries(Object.keys(VENDOR_CONFIG_SCHEMAS).map((vendor) => [vendor, {}])),
  additionalProperties: false,
};
// No meta-schema check (nor its documents): these schemas are fixed in the code; test/config.test.ts
// checks them against the meta-schema, and strict mode still refuses an unknown keyword when they compile.
const ajv = lazily(() => new Ajv2020({ allErrors: true, strict: true, verbose: true, validateSchema: false, meta: false }));
const checkVendors = lazily(() => ajv().compile(vendorsSchema));
const vendorChecks = new Map<string, ValidateFunction>();

/** The problems of one vendor's settings, with paths from the config's root. */
function vendorErrors(vendor: keyof typeof VENDOR_CONFIG_SCHEMAS, settings: unknown): ErrorObject[] {
  let check = vendorChecks.get(vendor);
  if (!check) {
    check = ajv().compile(VENDOR_CONFIG_SCHEMAS[vendor]);
    vendorChecks.set(vendor, check);
  }
  if (check(settings)) return [];
  return (check.errors ?? []).map((error) => ({ ...error, instancePath: `/${vendor}${error.instancePath}` }));
}

/** `closest` only when it is a plausible typo: within a third of the word's length in edits. */
function didYouMean(word: string, candidates: readonly string[]): string {
  const best = candidates.length > 0 ? closest(word, [...candidates]) : undefined;
  return best !== undefined && distance(word, best) <= Math.max(2, Math.floor(word.length / 3)) ? `; did you mean ${best}?` : '';
}

/** `/omeda/appIds/0` → `config.omeda.appIds[0]`. */
function toPath(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .reduce(
      (path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : `${path}.${part.replace(/~1/g, '/').replace(/~0/g, '~')}`),
      'config',
    );
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'number' && Number.isInteger(value) ? 'integer' : typeof value;
}

function describe(error: ErrorObject): string {
  const path = toPath(error.instancePath);
  if (error.keyword === 'additionalProperties') {
    const key = String(error.params.additionalProperty);
    if (error.instancePath === '') {
      const vendors = Object.keys(VENDOR_CONFIG_SCHEMAS);
      return `config.${key}: unknown vendor${didYouMean(key, vendors) || `; expected one of ${vendors.join(', ')}`}`;
    }
    const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
    return `${path}.${key}: unknown key${didYouMean(key, known) || `; expected one of ${known.join(', ')}`}`;
  }
  if (error.keyword === 'required') return `${path}: missing ${String(error.params.missingProperty)}`;
  if (error.keyword === 'type') return `${path}: must be ${String(error.params.type).split(',').join(' or ')}, got ${typeName(error.data)}`;
  return `${path}: ${error.message ?? 'is invalid'}`;
}

/**
 * Checks per-vendor settings against each vendor's schema; returns them typed, or throws
 * `MockConfigError` listing every problem with its path and, for a misspelling, the likely key.
 *
 * @see https://ajv.js.org/api.html#validation-errors
 */
export function checkMockConfig(config: unknown): MockConfig {
  const check = checkVendors();
  const errors = check(config) ? [] : [...(check.errors ?? [])];
  if (typeof config === 'object' && config !== null && !Array.isArray(config)) {
    for (const [vendor, settings] of Object.entries(config)) {
      if (Object.hasOwn(VENDOR_CONFIG_SCHEMAS, vendor))
        errors.push(...vendorErrors(vendor as keyof typeof VENDOR_CONFIG_SCHEMAS, settings));
    }
  }
  if (errors.length === 0) return config as MockConfig;
  throw new MockConfigError([...new Set(errors.map(describe))]);
}
