import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { LoadedSpec } from '../spec/load-specs.ts';
import type { JsonSchema } from '../spec/openapi-types.ts';
import { createCompileOnce } from './compile-once.ts';
import { speedUpDateTimes } from './date-time-format.ts';

/** OpenAPI 3.1's own schema keywords, which are annotations to a validator. */
const OPENAPI_KEYWORDS = ['discriminator', 'xml', 'externalDocs', 'example'];

/**
 * The two ajv instances of ConventionS §8: path, query, header and form values arrive as strings and
 * are coerced to their schema types; JSON and XML bodies are validated as they are. Strict mode stays
 * on: OpenAPI's keywords and the specs' own `x-` keywords are registered, not ignored.
 */
export interface AjvPair {
  readonly coercing: Ajv2020;
  readonly exact: Ajv2020;
}

export interface AjvPairOptions {
  /**
   * Check every schema against the JSON Schema meta-schema before compiling it (default false). The
   * specs are checked once, by the test suite; compiling the meta-schema in every process that starts
   * a mock would double its start-up.
   */
  readonly checkSchemas?: boolean;
}

/**
 * @see https://ajv.js.org/strict-mode.html
 * @see https://ajv.js.org/options.html#validateschema
 */
export function createAjvPair(extensionKeywords: Iterable<string>, options: AjvPairOptions = {}): AjvPair {
  const keywords = [...OPENAPI_KEYWORDS, ...extensionKeywords];
  const validateSchema = options.checkSchemas ?? false;
  const make = (coerceTypes: boolean): Ajv2020 => {
    // Without the check, the meta-schema documents are not needed either (`meta`): adding them cost
    // each instance a few milliseconds of every first createMock() and server start.
    const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true, coerceTypes, validateSchema, meta: validateSchema });
    addFormats.default(ajv);
    speedUpDateTimes(ajv);
    ajv.addVocabulary(keywords);
    return ajv;
  };
  return { coercing: make(true), exact: make(false) };
}

/**
 * The `x-` keywords used anywhere inside the given schemas, so ajv's strict mode knows them. It walks
 * every spec at every start, before the server answers: `for…in` over the parsed JSON (plain objects,
 * nothing inherited), not `Object.entries`, which builds an array of pairs per object.
 */
export function collectExtensionKeywords(value: unknown, found: Set<string> = new Set()): Set<string> {
  if (typeof value !== 'object' || value === null) return found;
  if (Array.isArray(value)) {
    for (const item of value) collectExtensionKeywords(item, found);
    return found;
  }
  const node = value as Record<string, unknown>;
  for (const key in node) {
    if (key.startsWith('x-')) found.add(key);
    collectExtensionKeywords(node[key], found);
  }
  return found;
}

/** The `$id` under which a vendor's `components.schemas.<name>` is registered with ajv. */
export function componentSchemaId(vendor: string, name: string): string {
  return `urn:esp-cancel-mock:${vendor}:schemas:${name}`;
}

/**
 * Copies a schema with its local `#/components/schemas/X…` references pointed at the registered
 * component ids, so each operation schema compiles on its own. The input is never mutated.
 */
export function rebaseSchema(schema: JsonSchema | undefined, vendor: string): JsonSchema {
  if (schema === undefined) return true;
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (typeof node !== 'object' || node === null) return node;
    const copy: Record<string, unknown> = {};
    // for…in, as in collectExtensionKeywords: every component schema is copied at start.
    for (const key in node) {
      const child = (node as Record<string, unknown>)[key];
      copy[key] = key === '$ref' && typeof child === 'string' ? rebaseRef(child, vendor) : visit(child);
    }
    return copy;
  };
  return visit(schema) as JsonSchema;
}

function rebaseRef(ref: string, vendor: string): string {
  const match = /^#\/components\/schemas\/([^/]+)(\/.*)?$/.exec(ref);
  if (!match?.[1]) return ref;
  return `${componentSchemaId(vendor, match[1])}${match[2] ? `#${match[2]}` : ''}`;
}

/** Registers every `components.schemas` entry of a spec with both ajv instances. */
export function registerComponentSchemas(ajv: AjvPair, vendor: string, schemas: Record<string, unknown> | undefined): void {
  for (const [name, schema] of Object.entries(schemas ?? {})) {
    const rebased = rebaseSchema(schema as JsonSchema, vendor);
    const withId = typeof rebased === 'boolean' ? rebased : { ...rebased, $id: componentSchemaId(vendor, name) };
    ajv.coercing.addSchema(withId as object, componentSchemaId(vendor, name));
    ajv.exact.addSchema(withId as object, componentSchemaId(vendor, name));
  }
}

const sharedPairs = createCompileOnce<AjvPair>();

/**
 * The ajv pair of these specs with their component schemas registered, built once per process and
 * shared by every mock of the same specs (the same loaded documents, in the same order): the validators
 * compiled from it are immutable, so a second `createMock()` compiles nothing.
 */
export function sharedAjvPair(specs: readonly LoadedSpec[]): AjvPair {
  return sharedPairs.get(specs, () => {
    const ajv = createAjvPair(
      collectExtensionKeywords(
        specs.map((spec) => spec.document.components?.schemas ?? {}).concat(specs.map((spec) => spec.document.paths ?? {})),
      ),
    );
    for (const spec of specs) registerComponentSchemas(ajv, spec.vendor, spec.document.components?.schemas);
    return ajv;
  });
}
