import { describe, expect, it } from 'vitest';
import { copyRecord } from './copy-record.ts';

/** Every reachable object of `value`, for checking that a copy shares none with its source. */
function objectsOf(value: unknown, found = new Set<object>()): Set<object> {
  if (typeof value !== 'object' || value === null || found.has(value)) return found;
  found.add(value);
  for (const key of Object.keys(value)) objectsOf((value as Record<string, unknown>)[key], found);
  return found;
}

const shared = { status: 'Scheduled' };
const cyclic: Record<string, unknown> = { id: 'c' };
cyclic.self = cyclic;
const sparse = ['a'];
sparse[2] = 'c';
const withExtraKey = Object.assign(['a'], { note: 'x' });
const protoKey = JSON.parse('{"id":"p","__proto__":{"polluted":true}}') as object;
const nullPrototype = Object.assign(Object.create(null) as object, { status: 'Sent' });

const records: ReadonlyArray<readonly [string, object]> = [
  ['a flat record of strings, numbers, booleans and nulls', { TrackId: 'T1', Status: 'Scheduled', Count: 3, Sent: false, SentDate: null }],
  ['a record with an undefined value, -0 and NaN', { a: undefined, b: -0, c: Number.NaN, d: 10n }],
  ['a record with integer-like keys (listed first)', { b: 1, 2: 'two', a: 2, 1: 'one' }],
  [
    'a record with nested arrays and objects',
    {
      id: 'v',
      entries: [
        { status: 'Queued', tags: ['x', 'y'] },
        { status: 'Sent', at: null },
      ],
      meta: { n: 1 },
    },
  ],
  ['an empty record and empty nested values', { list: [], object: {} }],
  ['a nested object without a prototype', { id: 'n', nested: nullPrototype }],
  ['a record with a Date', { id: 'd', at: new Date(0) }],
  ['a record with a Map', { id: 'm', index: new Map([['k', 1]]) }],
  ['a record with one object reached twice', { id: 's', first: shared, second: shared }],
  ['a record with a cycle', cyclic],
  ['a record with a sparse array', { id: 'h', list: sparse }],
  ['a record with an array holding an extra key', { id: 'e', list: withExtraKey }],
  ['a record with an own __proto__ key', protoKey],
];

describe('copyRecord', () => {
  it.each(records)('copies %s as structuredClone does', (_, record) => {
    const copy = copyRecord(record);
    expect(copy).toStrictEqual(structuredClone({ ...record }));
    expect(Object.keys(copy)).toEqual(Object.keys(record));
    const sources = objectsOf(record);
    for (const object of objectsOf(copy)) expect(sources.has(object)).toBe(false);
  });

  it('keeps the sharing and the cycles of a record, as structuredClone does', () => {
    const sharing = copyRecord({ first: shared, second: shared });
    expect(sharing.first).toBe(sharing.second);
    // The record itself is spread first, so its copy is not the object the cycle comes back to.
    const copy = copyRecord(cyclic) as { self: { self: unknown } };
    expect(copy.self.self).toBe(copy.self);
  });

  it('keeps an own __proto__ key as a property, not a prototype', () => {
    const copy = copyRecord(protoKey);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.hasOwn(copy, '__proto__')).toBe(true);
  });

  it('leaves symbol keys and non-enumerable properties out', () => {
    const record = { id: 'x', [Symbol('internal')]: 1 };
    Object.defineProperty(record, 'hidden', { value: 1, enumerable: false });
    const copy = copyRecord(record);
    expect(Object.getOwnPropertySymbols(copy)).toEqual([]);
    expect(Object.getOwnPropertyNames(copy)).toEqual(['id']);
  });

  it('refuses a function value as structuredClone does', () => {
    expect(() => copyRecord({ id: 'f', run: () => 1 })).toThrow(expect.objectContaining({ name: 'DataCloneError' }));
    expect(() => copyRecord({ id: 'f', nested: [{ run: () => 1 }] })).toThrow(expect.objectContaining({ name: 'DataCloneError' }));
  });

  it('refuses a symbol value as structuredClone does', () => {
    expect(() => copyRecord({ id: 's', tag: Symbol('tag') })).toThrow(expect.objectContaining({ name: 'DataCloneError' }));
  });
});
