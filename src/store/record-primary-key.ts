/**
 * Primary keys for `@msw/data` records that cost no memory.
 *
 * `@msw/data` 1.1 gives every record a primary key under its `kPrimaryKey` symbol: the one the initial
 * values carry, else `crypto.randomUUID()`. Node builds that string from some twenty concatenated
 * pieces and keeps it as a tree of cons strings, about 500 bytes per record: half of what a stored record
 * costs (a Momentum mailing: about 1,035 bytes of heap with the UUID, 555 without). The collections here find
 * records by their own unique-key index and declare no relations, so any value unique in the process
 * serves: a count, which V8 keeps in the property slot itself (a small integer).
 *
 * The library does not export the symbol: it is read off the first record the library creates, by its
 * description. Should a release rename it, records get UUIDs again, and `record-primary-key.test.ts`
 * fails rather than the memory quietly growing back.
 *
 * @see https://github.com/mswjs/data/blob/main/src/collection.ts (`create`, `kPrimaryKey`)
 */

const LIBRARY_DESCRIPTION = 'kPrimaryKey';

let primaryKeySymbol: symbol | undefined;
/** Starts at 1: the library takes a falsy key as none. */
let nextPrimaryKey = 1;

/** The library's primary-key symbol, once a record it created has shown it. */
export function knownPrimaryKeySymbol(): symbol | undefined {
  return primaryKeySymbol;
}

/** Learns the library's primary-key symbol from a record it created (a no-op once known). */
export function learnPrimaryKeySymbol(record: object): void {
  primaryKeySymbol ??= Object.getOwnPropertySymbols(record).find((symbol) => symbol.description === LIBRARY_DESCRIPTION);
}

/**
 * Marks initial values with a fresh primary key, in place: a non-enumerable symbol property, which
 * JSON, spreads, `Object.keys` and `structuredClone` all pass over (the library copies the values on
 * its way in and keeps the key). In place, because a shallow copy per record read 2–13 % slower in a
 * 50,000-record `setState`; marked in place it takes as long as with the library's UUIDs. Values that
 * are no object, or frozen or sealed, and any before the symbol is known, are left alone: they get a UUID.
 */
export function markPrimaryKey(initialValues: unknown): void {
  if (
    primaryKeySymbol === undefined ||
    typeof initialValues !== 'object' ||
    initialValues === null ||
    Array.isArray(initialValues) ||
    !Object.isExtensible(initialValues)
  ) {
    return;
  }
  Object.defineProperty(initialValues, primaryKeySymbol, { value: nextPrimaryKey++, configurable: true, writable: true });
}
