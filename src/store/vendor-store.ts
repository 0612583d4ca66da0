import type { Collection } from '@msw/data';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { lazily } from '../validate/compile-once.ts';
import type { AjvPair } from '../validate/create-ajv.ts';
import { componentSchemaId } from '../validate/create-ajv.ts';
import { IndexedCollection } from './indexed-collection.ts';
import { toStandardSchema, trustRecord } from './json-schema-standard.ts';

/** A typed reference to a record schema in the vendor's `components.schemas`, with its unique key. */
export interface RecordDeclaration<T> {
  readonly schemaName: string;
  /** The record's unique key (composite keys joined by the declaration), for `findByKey`. */
  readonly keyOf: (record: T) => string;
}

/**
 * Declares a collection of records shaped by `components.schemas.<schemaName>`, unique by `keyOf`.
 * @example recordsOf<Deployment>('Deployment', (d) => d.TrackId)
 */
export function recordsOf<T>(schemaName: string, keyOf: (record: T) => string): RecordDeclaration<T> {
  return { schemaName, keyOf };
}

// biome-ignore lint/suspicious/noExplicitAny: keyOf is contravariant in the record type; any lets every declaration fit.
export type CollectionDeclarations = Record<string, RecordDeclaration<any>>;

type RecordOf<D> = D extends RecordDeclaration<infer T> ? T : never;

/** A vendor's store: one indexed `@msw/data` collection per declaration. */
export type VendorStore<C extends CollectionDeclarations> = {
  readonly [K in keyof C]: IndexedCollection<StandardSchemaV1<RecordOf<C[K]>, RecordOf<C[K]>>>;
};

/** Plain records per collection: the dataset seed, `GET /__admin/state` and `PUT /__admin/state`. */
export type StoreSnapshot<C extends CollectionDeclarations> = { [K in keyof C]: Array<RecordOf<C[K]>> };

/**
 * The vendor's collections, empty. Each record schema is compiled when a record is first checked
 * (a user's record or an update), not here: seeding the built-in dataset checks none.
 */
export function createVendorStore<C extends CollectionDeclarations>(ajv: AjvPair, vendor: string, declarations: C): VendorStore<C> {
  const store: Record<string, Collection<StandardSchemaV1>> = {};
  for (const [name, declaration] of Object.entries(declarations)) {
    const id = componentSchemaId(vendor, declaration.schemaName);
    if (!ajv.exact.schemas[id])
      throw new Error(
        `[esp-cancel-mock] openapi/${vendor}.yaml has no components.schemas.${declaration.schemaName} for collection ${name}.`,
      );
    const validator = lazily(() => ajv.exact.getSchema(id) as NonNullable<ReturnType<typeof ajv.exact.getSchema>>);
    store[name] = new IndexedCollection(
      { schema: toStandardSchema(validator, declaration.schemaName) },
      declaration.keyOf as (record: unknown) => string,
    );
  }
  return store as unknown as VendorStore<C>;
}

/** The sum of every collection's change count: differs after any create, update or delete. */
export function countStoreChanges(store: Record<string, Collection<StandardSchemaV1>>): number {
  let changes = 0;
  for (const collection of Object.values(store)) changes += (collection as IndexedCollection<StandardSchemaV1>).changes;
  return changes;
}

/** The records of every collection, as plain JSON. */
export function snapshotStore(store: Record<string, Collection<StandardSchemaV1>>): Record<string, unknown[]> {
  return Object.fromEntries(
    Object.entries(store).map(([name, collection]) => [name, collection.all().map((record) => structuredClone({ ...(record as object) }))]),
  );
}

/**
 * Checks a snapshot against the record schemas and the collections' unique keys without touching the
 * store: returns a message per problem, so a bad `PUT /__admin/state` is refused whole and never
 * half-applied. Collection names are looked up as own properties only (`__proto__` is no collection).
 */
export function checkSnapshot(ajv: AjvPair, vendor: string, declarations: CollectionDeclarations, snapshot: unknown): string[] {
  if (typeof snapshot !== 'object' || snapshot === null || Array.isArray(snapshot)) return [`${vendor}: expected an object of collections`];
  const problems: string[] = [];
  for (const [name, records] of Object.entries(snapshot)) {
    const declaration = Object.hasOwn(declarations, name) ? declarations[name] : undefined;
    if (!declaration) {
      problems.push(`${vendor}.${name}: no such collection (known: ${Object.keys(declarations).join(', ')})`);
      continue;
    }
    if (!Array.isArray(records)) {
      problems.push(`${vendor}.${name}: expected an array of records`);
      continue;
    }
    const validate = ajv.exact.getSchema(componentSchemaId(vendor, declaration.schemaName));
    const seen = new Map<string, number>();
    records.forEach((record: unknown, index) => {
      if (validate && !validate(record)) {
        problems.push(
          `${vendor}.${name}[${index}]: ${(validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')}`,
        );
        return;
      }
      const key = declaration.keyOf(record);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, index);
      else problems.push(`${vendor}.${name}[${index}]: duplicate key '${key}' (also at [${first}])`);
    });
  }
  return problems;
}

/** How a snapshot is restored: `builtIn` for the built-in default dataset only (see `trustRecord`). */
export interface RestoreOptions {
  readonly builtIn?: boolean;
}

/**
 * Builds the collections a snapshot describes (collections it omits come out empty) without touching
 * the store; the returned function swaps them in. Linear in the records: nothing is cleared record by
 * record, and a throw while building (a duplicate key `checkSnapshot` was not asked about) leaves the
 * store whole. Every record is checked against its schema, except the built-in dataset's.
 */
export async function prepareRestore(
  store: Record<string, Collection<StandardSchemaV1>>,
  snapshot: Record<string, unknown[]>,
  options: RestoreOptions = {},
): Promise<() => void> {
  const built = new Map<string, Collection<StandardSchemaV1>>();
  for (const [name, collection] of Object.entries(store)) {
    const fresh = (collection as IndexedCollection<StandardSchemaV1>).emptyCopy();
    const records = Object.hasOwn(snapshot, name) ? snapshot[name] : undefined;
    for (const record of records ?? []) {
      const copy = structuredClone(record);
      await fresh.create(options.builtIn && typeof copy === 'object' && copy !== null ? trustRecord(copy) : copy);
    }
    built.set(name, fresh);
  }
  return () => {
    for (const [name, fresh] of built) store[name] = fresh;
  };
}

/** Replaces every collection's records with the snapshot's (collections it omits are emptied). */
export async function restoreStore(
  store: Record<string, Collection<StandardSchemaV1>>,
  snapshot: Record<string, unknown[]>,
  options: RestoreOptions = {},
): Promise<void> {
  (await prepareRestore(store, snapshot, options))();
}
