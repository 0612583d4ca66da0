import { Collection, type CollectionOptions, Query } from '@msw/data';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { copyRecord } from './copy-record.ts';
import { learnPrimaryKeySymbol, markPrimaryKey } from './record-primary-key.ts';

type Output<S extends StandardSchemaV1> = StandardSchemaV1.InferOutput<S>;
type UpdateFunction<T> = Parameters<Collection<StandardSchemaV1<T, T>>['update']>[1]['data'];
type Stored<S extends StandardSchemaV1> = NonNullable<Awaited<ReturnType<Collection<S>['create']>>>;

/**
 * An `@msw/data` collection with a unique-key index beside it. `findFirst` scans every record, which
 * made a cancel cost grow with the dataset (0.1 µs per record: 30 ms at 300k); `findByKey` is a map
 * lookup. Keys never change once a record exists: an update that changes one throws (after re-indexing,
 * so the index still matches the store).
 */
export class IndexedCollection<S extends StandardSchemaV1> extends Collection<S> {
  readonly #keyOf: (record: Output<S>) => string;
  readonly #options: CollectionOptions<S>;
  readonly #index = new Map<string, Stored<S>>();
  #lookupHint: Stored<S> | undefined;
  #changes = 0;

  constructor(options: CollectionOptions<S>, keyOf: (record: Output<S>) => string) {
    super(options);
    this.#options = options;
    this.#keyOf = keyOf;
    // Answers update's own lookup from the index (see `update`). An own property rather than an
    // override: findFirst's generic signature cannot be restated with the library's exported types.
    const findFirst = this.findFirst.bind(this);
    this.findFirst = ((...args: Parameters<Collection<S>['findFirst']>) => {
      const hint = this.#lookupHint;
      this.#lookupHint = undefined;
      return hint ?? findFirst(...args);
    }) as Collection<S>['findFirst'];
    // delete and deleteMany end in one 'delete' event per record; clear does not emit (see below).
    this.hooks.on('delete', (event) => {
      this.#index.delete(this.#keyOf(event.data.deletedRecord as Output<S>));
      this.#changes += 1;
    });
  }

  /** How many creates, updates and deletes this collection has seen: a change marker for savers. */
  get changes(): number {
    return this.#changes;
  }

  /**
   * A new, empty collection of the same schema and key. Bulk replacement (reset, state writes) fills
   * one and swaps it in rather than calling `clear()`: `@msw/data` 1.1's `clear()` runs an `indexOf` and a
   * `splice` per record, quadratic in the collection's size (40k records: 4 s; 1M: no end in sight).
   */
  emptyCopy(): IndexedCollection<S> {
    return new IndexedCollection(this.#options, this.#keyOf);
  }

  /** The unique key of a record (or of a record about to be created). */
  keyOf(record: StandardSchemaV1.InferInput<S>): string {
    return this.#keyOf(record as Output<S>);
  }

  /** The record with this key, in O(1). */
  findByKey(key: string): Stored<S> | undefined {
    return this.#index.get(key);
  }

  /**
   * Stores a record and indexes it by key. The initial values are marked with a compact primary key,
   * a hidden symbol property (see `record-primary-key.ts`): a stored record then takes half the memory
   * it took with the library's UUID.
   */
  override async create(initialValues: StandardSchemaV1.InferInput<S>): Promise<Stored<S>> {
    const key = this.#keyOf(initialValues as Output<S>);
    if (this.#index.has(key)) throw new RangeError(`[esp-cancel-mock] duplicate key '${key}'`);
    markPrimaryKey(initialValues);
    const record = (await super.create(initialValues)) as Stored<S>;
    learnPrimaryKeySymbol(record);
    this.#index.set(key, record);
    this.#changes += 1;
    return record;
  }

  /**
   * Updates a record. Handed the stored record itself (what `findByKey` returns, what every handler
   * passes), it is updated in place in O(1): the data function runs on a plain deep copy, the copy is
   * checked against the record schema, and only then are its values written onto the stored record,
   * which keeps its identity, so a reference taken before the update sees the new values. A record
   * that breaks the schema throws and leaves the store as it was.
   *
   * Why not `super.update`: `@msw/data` 1.1 replaces the updated record with a linear `findIndex` over
   * every record of the collection (its private `#replaceRecord` → `#indexOf`), so a cancel cost more
   * the larger the dataset (a third of an in-process request at 6,300 records). Any other predicate
   * (a query, a stale copy of a record) still goes through `@msw/data`, its own lookup answered from
   * the index when the predicate is a record.
   *
   * @see https://github.com/mswjs/data/blob/main/src/collection.ts (`update`, `#replaceRecord`, `#indexOf`)
   */
  override async update(...args: Parameters<Collection<S>['update']>): Promise<Stored<S>> {
    const [predicate, options] = args;
    const isStoredRecord = typeof predicate === 'object' && predicate !== null && !(predicate instanceof Query);
    const current = isStoredRecord ? this.#index.get(this.#keyOf(predicate as Output<S>)) : undefined;
    if (current !== undefined && current === predicate) return this.#updateInPlace(current, options.data);
    this.#lookupHint = current;
    let pending: ReturnType<Collection<S>['update']>;
    try {
      pending = super.update(...args);
    } finally {
      this.#lookupHint = undefined;
    }
    const next = (await pending) as Stored<S> | undefined;
    if (next === undefined) return next as unknown as Stored<S>;
    this.#changes += 1;
    this.#reindexOne(next);
    return next;
  }

  /**
   * Runs `data` on a deep copy of the stored record, checks the copy, then writes it onto the record.
   * With a synchronous data function and schema (every handler's) nothing is awaited before the write,
   * so the record is updated before `update` returns.
   */
  #updateInPlace(record: Stored<S>, data: UpdateFunction<Output<S>>): Stored<S> | Promise<Stored<S>> {
    // Own enumerable string keys, copied deeply; @msw/data's symbols stay on `record`.
    const draft = copyRecord(record) as Output<S>;
    const applied = data(draft as Parameters<typeof data>[0]);
    if (applied instanceof Promise) return applied.then(() => this.#checkAndWrite(record, draft));
    return this.#checkAndWrite(record, draft);
  }

  #checkAndWrite(record: Stored<S>, draft: Output<S>): Stored<S> | Promise<Stored<S>> {
    const checked = this.#options.schema['~standard'].validate(draft);
    if (checked instanceof Promise) return checked.then((result) => this.#write(record, result));
    return this.#write(record, checked);
  }

  #write(record: Stored<S>, checked: StandardSchemaV1.Result<Output<S>>): Stored<S> {
    if (checked.issues) {
      const messages = checked.issues.map((issue) => issue.message).join('; ');
      throw new TypeError(`[esp-cancel-mock] an update would break the record schema: ${messages}`);
    }
    const previousKey = this.#keyOf(record as Output<S>);
    const target = record as Record<string, unknown>;
    for (const name of Object.keys(target)) if (!Object.hasOwn(checked.value as object, name)) delete target[name];
    Object.assign(target, checked.value);
    this.#changes += 1;
    const key = this.#keyOf(record as Output<S>);
    if (key !== previousKey) {
      this.#index.delete(previousKey);
      this.#index.set(key, record);
      throw new RangeError(`[esp-cancel-mock] an update changed a record key to '${key}'; keys are immutable`);
    }
    return record;
  }

  override async updateMany(...args: Parameters<Collection<S>['updateMany']>): Promise<Array<Stored<S>>> {
    const records = (await super.updateMany(...args)) as Array<Stored<S>>;
    for (const record of records) this.#reindexOne(record);
    this.#changes += records.length;
    return records;
  }

  /**
   * Deletes the oldest records until at most `max` remain, so a collection that grows with traffic
   * (issued tokens) stays bounded however long the mock runs.
   */
  keepNewest(max: number): void {
    const records = this.all();
    for (const record of records.slice(0, Math.max(0, records.length - max))) this.delete(record);
  }

  override clear(): void {
    super.clear();
    this.#index.clear();
  }

  /** An updated record replaces the object under its key; its key must be the one it had. */
  #reindexOne(record: Stored<S>): void {
    const key = this.#keyOf(record as Output<S>);
    if (!this.#index.has(key)) {
      this.#rebuild();
      throw new RangeError(`[esp-cancel-mock] an update changed a record key to '${key}'; keys are immutable`);
    }
    this.#index.set(key, record);
  }

  #rebuild(): void {
    this.#index.clear();
    for (const record of this.all()) this.#index.set(this.#keyOf(record as Output<S>), record as Stored<S>);
  }
}
