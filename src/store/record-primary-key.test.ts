import type { StandardSchemaV1 } from '@standard-schema/spec';
import { describe, expect, it } from 'vitest';
import { IndexedCollection } from './indexed-collection.ts';
import { knownPrimaryKeySymbol } from './record-primary-key.ts';

interface Item {
  id: string;
  status: string;
}

const schema: StandardSchemaV1<Item, Item> = {
  '~standard': { version: 1, vendor: 'test', validate: (value) => ({ value: value as Item }) },
};

const create = () => new IndexedCollection({ schema }, (item: Item) => item.id);

/** The library's primary key of a stored record, found the way `@msw/data` names it. */
function libraryPrimaryKey(record: object): unknown {
  const symbol = Object.getOwnPropertySymbols(record).find((candidate) => candidate.description === 'kPrimaryKey');
  return symbol === undefined ? undefined : (record as Record<symbol, unknown>)[symbol];
}

describe('record primary keys', () => {
  it('gives stored records distinct small-integer primary keys instead of UUIDs', async () => {
    // The first record of a process may teach the symbol; the ones after it must carry counts.
    const items = create();
    await items.create({ id: 'teach', status: 'x' });
    const first = await items.create({ id: 'a', status: 'x' });
    const second = await create().create({ id: 'a', status: 'x' });
    expect(knownPrimaryKeySymbol()?.description).toBe('kPrimaryKey');
    const keys = [libraryPrimaryKey(first), libraryPrimaryKey(second)];
    for (const key of keys) expect(Number.isSafeInteger(key)).toBe(true);
    // Unique in the process, across collections, as the library's UUIDs were.
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('keeps the key out of what a record shows: its JSON, its keys and its copies', async () => {
    const items = create();
    await items.create({ id: 'teach', status: 'x' });
    const stored = await items.create({ id: 'a', status: 'x' });
    expect(Object.keys(stored)).toEqual(['id', 'status']);
    expect(JSON.stringify(stored)).toBe('{"id":"a","status":"x"}');
    expect(structuredClone({ ...stored })).toEqual({ id: 'a', status: 'x' });
  });

  it("leaves the caller's initial values looking as they were", async () => {
    const items = create();
    await items.create({ id: 'teach', status: 'x' });
    const values = { id: 'b', status: 'x' };
    await items.create(values);
    expect(Object.keys(values)).toEqual(['id', 'status']);
    expect({ ...values }).toEqual({ id: 'b', status: 'x' });
    expect(Object.getOwnPropertySymbols({ ...values })).toEqual([]);
    expect(JSON.stringify(values)).toBe('{"id":"b","status":"x"}');
  });

  it("stores frozen initial values too, with the library's own key", async () => {
    const items = create();
    await items.create({ id: 'teach', status: 'x' });
    const stored = await items.create(Object.freeze({ id: 'frozen', status: 'x' }));
    expect(items.findByKey('frozen')).toBe(stored);
    expect(typeof libraryPrimaryKey(stored)).toBe('string');
  });

  it("finds, updates and deletes records through the library's own predicates", async () => {
    // @msw/data matches records by primary key when it replaces or removes one (`#indexOf`).
    const items = create();
    for (const id of ['a', 'b', 'c']) await items.create({ id, status: 'scheduled' });
    await items.updateMany((q) => q.where({ id: 'b' }), {
      data(draft) {
        draft.status = 'cancelled';
      },
    });
    items.delete((q) => q.where({ id: 'a' }));
    expect(items.all().map((item) => `${item.id}:${item.status}`)).toEqual(['b:cancelled', 'c:scheduled']);
    expect(items.findByKey('b')?.status).toBe('cancelled');
  });
});
