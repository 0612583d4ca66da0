import type { StandardSchemaV1 } from '@standard-schema/spec';
import { describe, expect, it } from 'vitest';
import { IndexedCollection } from './indexed-collection.ts';

interface Item {
  id: string;
  status: string;
}

// Refuses a status of 'invalid', so a record can break the schema.
const schema: StandardSchemaV1<Item, Item> = {
  '~standard': {
    version: 1,
    vendor: 'test',
    validate: (value) => ((value as Item).status === 'invalid' ? { issues: [{ message: 'status is invalid' }] } : { value: value as Item }),
  },
};

interface Nested {
  id: string;
  entries: Array<{ status: string }>;
}

const nestedSchema: StandardSchemaV1<Nested, Nested> = {
  '~standard': { version: 1, vendor: 'test', validate: (value) => ({ value: value as Nested }) },
};

const create = () => new IndexedCollection({ schema }, (item: Item) => item.id);

describe('IndexedCollection', () => {
  it('finds a created record by its key without scanning', async () => {
    const items = create();
    await items.create({ id: 'a', status: 'scheduled' });
    await items.create({ id: 'b', status: 'sent' });
    expect(items.findByKey('b')).toEqual({ id: 'b', status: 'sent' });
    expect(items.findByKey('c')).toBeUndefined();
  });

  it('returns the updated record, not the replaced one, after an update', async () => {
    const items = create();
    const record = await items.create({ id: 'a', status: 'scheduled' });
    await items.update(record, {
      data(draft) {
        draft.status = 'cancelled';
      },
    });
    expect(items.findByKey('a')?.status).toBe('cancelled');
    expect(items.findFirst((q) => q.where({ id: 'a' }))).toBe(items.findByKey('a'));
  });

  it('forgets deleted and cleared records', async () => {
    const items = create();
    await items.create({ id: 'a', status: 'x' });
    await items.create({ id: 'b', status: 'x' });
    items.delete((q) => q.where({ id: 'a' }));
    expect(items.findByKey('a')).toBeUndefined();
    expect(items.findByKey('b')).toBeDefined();
    items.clear();
    expect(items.findByKey('b')).toBeUndefined();
    await items.create({ id: 'b', status: 'again' });
    expect(items.findByKey('b')?.status).toBe('again');
  });

  it('refuses a second record with the same key', async () => {
    const items = create();
    await items.create({ id: 'a', status: 'x' });
    await expect(items.create({ id: 'a', status: 'y' })).rejects.toThrow(/duplicate key 'a'/);
    expect(items.count()).toBe(1);
  });

  it('throws on an update that changes a key, with the index still matching the store', async () => {
    const items = create();
    const record = await items.create({ id: 'a', status: 'x' });
    await expect(
      items.update(record, {
        data(draft) {
          draft.id = 'z';
        },
      }),
    ).rejects.toThrow(/keys are immutable/);
    expect(items.findByKey('z')?.id).toBe('z');
    expect(items.findByKey('a')).toBeUndefined();
  });

  it('keeps only the newest records when asked to bound its size', async () => {
    const items = create();
    for (const id of ['a', 'b', 'c', 'd']) await items.create({ id, status: 'x' });
    items.keepNewest(2);
    expect(items.all().map((item) => item.id)).toEqual(['c', 'd']);
    expect(items.findByKey('a')).toBeUndefined();
  });

  it('updates the current record when handed a stale copy, and leaves other lookups alone', async () => {
    const items = create();
    const stale = await items.create({ id: 'a', status: 'scheduled' });
    await items.create({ id: 'b', status: 'scheduled' });
    // updateMany goes through @msw/data, which stores a new object: `stale` is no longer the stored record.
    await items.updateMany((q) => q.where({ id: 'a' }), {
      data(draft) {
        draft.status = 'sending';
      },
    });
    expect(items.findByKey('a')).not.toBe(stale);
    await items.update(stale, {
      data(draft) {
        draft.status = `${draft.status}+cancelled`;
      },
    });
    expect(items.findByKey('a')?.status).toBe('sending+cancelled');
    expect(items.findFirst((q) => q.where({ id: 'b' }))?.status).toBe('scheduled');
    expect(items.all()).toHaveLength(2);
  });

  it('updates a stored record in place, before update resolves, keeping its identity and other records', async () => {
    const items = create();
    const record = await items.create({ id: 'a', status: 'scheduled' });
    const other = await items.create({ id: 'b', status: 'scheduled' });
    const pending = items.update(record, {
      data(draft) {
        draft.status = 'cancelled';
      },
    });
    expect(record.status).toBe('cancelled');
    expect(await pending).toBe(record);
    expect(items.findByKey('a')).toBe(record);
    expect(items.findFirst((q) => q.where({ id: 'a' }))).toBe(record);
    expect(items.all()).toEqual([record, other]);
    expect(other.status).toBe('scheduled');
    expect(items.changes).toBe(3);
  });

  it('copies nested values before the data function changes them, and writes them back', async () => {
    const items = new IndexedCollection({ schema: nestedSchema }, (item: Nested) => item.id);
    const record = await items.create({ id: 'a', entries: [{ status: 'Initial' }, { status: 'Initial' }] });
    const entriesBefore = record.entries;
    await items.update(record, {
      data(draft) {
        for (const entry of draft.entries) entry.status = 'Cancelled';
      },
    });
    expect(record.entries).toEqual([{ status: 'Cancelled' }, { status: 'Cancelled' }]);
    expect(entriesBefore).toEqual([{ status: 'Initial' }, { status: 'Initial' }]);
  });

  it('runs an asynchronous data function before it writes the record', async () => {
    const items = create();
    const record = await items.create({ id: 'a', status: 'scheduled' });
    await items.update(record, {
      async data(draft) {
        await Promise.resolve();
        draft.status = 'cancelled';
      },
    });
    expect(items.findByKey('a')?.status).toBe('cancelled');
  });

  it('refuses an update that breaks the record schema and leaves the record as it was', async () => {
    const items = create();
    const record = await items.create({ id: 'a', status: 'scheduled' });
    await expect(
      items.update(record, {
        data(draft) {
          draft.status = 'invalid';
        },
      }),
    ).rejects.toThrow(/status is invalid/);
    expect(items.findByKey('a')).toEqual({ id: 'a', status: 'scheduled' });
    expect(items.changes).toBe(1);
  });

  it('drops a field the data function deletes', async () => {
    const items = create();
    const record = await items.create({ id: 'a', status: 'scheduled', note: 'x' } as Item);
    await items.update(record, {
      data(draft) {
        delete (draft as Partial<Item & { note: string }>).note;
      },
    });
    expect(Object.keys(record)).toEqual(['id', 'status']);
  });
});
