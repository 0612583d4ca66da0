import { Ajv2020 } from 'ajv/dist/2020.js';
import type { AnySchema, AnyValidateFunction } from 'ajv/dist/core.js';
import addFormats from 'ajv-formats';
import type { LoadedSpec } from '../spec/load-specs.ts';
import type { JsonSchema } from '../spec/openapi-types.ts';
import { createCompileOnce } from './compile-once.ts';

/** OpenAPI 3.1's own schema keywords, which are annotations to a validator. */
const OPENAPI_KEYWORDS = ['discriminator', 'xml', 'externalDocs', 'example'];

/**
 * The two ajv instances of ConventionS §8: path, query, header and form values arrive as strings and
 * are coerced to their schema types; JSON and XML bodies are validated as they are. Strict mode stays
 * on: OpenAPI's keywords and the specs' own `x-` keywords are registered, not ignored.
 */
export interface AjvPair {
  readonly coercing: SpecAjv;
  readonly exact: SpecAjv;
}

/**
 * An Ajv2020 that can be told of schemas it adds only when they are first needed: when a schema it
 * adds or compiles names one (`$ref` to its id) or when it is asked for one by id. Adding a schema
 * walks it and resolves its ids, and a server registered every component schema of every spec in
 * both instances before listening (about 40 % of creating its engine), most of them never used by
 * a run. Compiling a schema is unchanged: ajv has every schema it refers to when it compiles.
 */
export class SpecAjv extends Ajv2020 {
  readonly #waiting = new Map<string, () => AnySchema>();

  /** Adds `schema()` under `id` when first needed (see the class). */
  addSchemaOnDemand(id: string, schema: () => AnySchema): void {
    this.#waiting.set(id, schema);
  }

  /** Whether a schema of this id was added or waits to be. */
  hasSchema(id: string): boolean {
    return this.#waiting.has(id) || this.schemas[id] !== undefined;
  }

  override getSchema<T = unknown>(keyRef: string): AnyValidateFunction<T> | undefined {
    this.#addWaiting(keyRef);
    return super.getSchema<T>(keyRef);
  }

  /**
   * Every path that adds or compiles a schema goes through here (ajv's compile, addSchema). Ajv's own
   * constructor calls it for the meta-schemas, before this class's fields exist (`#waiting in this`).
   */
  override _addSchema(...args: Parameters<Ajv2020['_addSchema']>): ReturnType<Ajv2020['_addSchema']> {
    if (#waiting in this && this.#waiting.size > 0) this.#addReferenced(args[0]);
    return super._addSchema(...args);
  }

  #addWaiting(ref: string): void {
    const hash = ref.indexOf('#');
    const id = hash === -1 ? ref : ref.slice(0, hash);
    const schema = this.#waiting.get(id);
    if (schema === undefined) return;
    this.#waiting.delete(id);
    this.addSchema(schema(), id);
  }

  #addReferenced(node: unknown): void {
    if (Array.isArray(node)) {
      for (const item of node) this.#addReferenced(item);
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node)) {
        if (key === '$ref' && typeof child === 'string') this.#addWaiting(child);
        else this.#addReferenced(child);
      }
    }
  }
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
  const make = (coerceTypes: boolean): SpecAjv => {
    // Without the check, the meta-schema documents are not needed either (`meta`): adding them cost
    // each instance a few milliseconds of every first createMock() and server start.
    const ajv = new SpecAjv({ strict: true, allErrors: true, allowUnionTypes: true, coerceTypes, validateSchema, meta: validateSchema });
    addFormats.default(ajv);
    ajv.addVocabulary(keywords);
    return ajv;
  };
  return { coercing: make(true), exact: make(false) };
}

/** The `x-` keywords used anywhere inside the given schemas, so ajv's strict mode knows them. */
export function collectExtensionKeywords(value: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) collectExtensionKeywords(item, found);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (key.startsWith('x-')) found.add(key);
      collectExtensionKeywords(child, found);
    }
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
    for (const [key, child] of Object.entries(node)) {
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

/** A component schema as registered: its references rebased, its `$id` set. */
function componentSchema(vendor: string, name: string, schema: unknown): AnySchema {
  const rebased = rebaseSchema(schema as JsonSchema, vendor);
  return typeof rebased === 'boolean' ? rebased : { ...rebased, $id: componentSchemaId(vendor, name) };
}

/** Registers every `components.schemas` entry of a spec with both ajv instances. */
export function registerComponentSchemas(ajv: AjvPair, vendor: string, schemas: Record<string, unknown> | undefined): void {
  for (const [name, schema] of Object.entries(schemas ?? {})) {
    const withId = componentSchema(vendor, name, schema);
    ajv.coercing.addSchema(withId, componentSchemaId(vendor, name));
    ajv.exact.addSchema(withId, componentSchemaId(vendor, name));
  }
}

/** The same, each schema added to an instance when that instance first needs it (see `SpecAjv`). */
function registerComponentSchemasOnDemand(ajv: AjvPair, vendor: string, schemas: Record<string, unknown> | undefined): void {
  for (const [name, schema] of Object.entries(schemas ?? {})) {
    let withId: AnySchema | undefined;
    const once = () => {
      withId ??= componentSchema(vendor, name, schema);
      return withId;
    };
    ajv.coercing.addSchemaOnDemand(componentSchemaId(vendor, name), once);
    ajv.exact.addSchemaOnDemand(componentSchemaId(vendor, name), once);
  }
}

const sharedPairs = createCompileOnce<AjvPair>();

/**
 * The ajv pair of these specs with their component schemas registered (each added when first needed),
 * built once per process and shared by every mock of the same specs (the same loaded documents, in the
 * same order): the validators compiled from it are immutable, so a second `createMock()` compiles nothing.
 */
export function sharedAjvPair(specs: readonly LoadedSpec[]): AjvPair {
  return sharedPairs.get(specs, () => {
    const ajv = createAjvPair(
      collectExtensionKeywords(
        specs.map((spec) => spec.document.components?.schemas ?? {}).concat(specs.map((spec) => spec.document.paths ?? {})),
      ),
    );
    for (const spec of specs) registerComponentSchemasOnDemand(ajv, spec.vendor, spec.document.components?.schemas);
    return ajv;
  });
}
