import type { StandardSchemaV1 } from '@standard-schema/spec';
import { describe, expect, it } from 'vitest';
import { IndexedCollection } from './indexed-collection.ts';

interface Item {
  id: string;
  status: string;
}

const schema: StandardSchemaV1<Item, Item> = {
  '~standard': { version: 1, vendor: 'test', validate: (value) => ({ value: value as Item }) },
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
    await items.update(stale, {
      data(draft) {
        draft.status = 'sending';
      },
    });
    await items.update(stale, {
      data(draft) {
        draft.status = `${draft.status}+cancelled`;
      },
    });
    expect(items.findByKey('a')?.status).toBe('sending+cancelled');
    expect(items.findFirst((q) => q.where({ id: 'b' }))?.status).toBe('scheduled');
    expect(items.all()).toHaveLength(2);
  });
});
