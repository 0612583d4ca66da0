import { describe, expect, it } from 'vitest';
import { createSharedRecords } from './shared-records.ts';

describe('createSharedRecords', () => {
  it('hands back the record kept before for an equal record, whatever the order of its names', () => {
    const shared = createSharedRecords();
    const kept = shared.share({ accept: '*/*', host: 'a' });
    expect(shared.share({ host: 'a', accept: '*/*' })).toBe(kept);
  });

  it('keeps a frozen copy, which changes to the record handed in do not reach', () => {
    const shared = createSharedRecords();
    const record = { host: 'a' };
    const kept = shared.share(record);
    record.host = 'b';
    expect(kept).toEqual({ host: 'a' });
    expect(Object.isFrozen(kept)).toBe(true);
  });

  it('tells apart records that differ in a value, a missing name or an extra name', () => {
    const shared = createSharedRecords();
    const kept = shared.share({ host: 'a', accept: '*/*' });
    const others: Record<string, string>[] = [{ host: 'b', accept: '*/*' }, { host: 'a' }, { host: 'a', accept: '*/*', extra: '' }, {}];
    for (const other of others) {
      const answer = shared.share(other);
      expect(answer).not.toBe(kept);
      expect(answer).toEqual(other);
    }
    expect(shared.share({ constructor: 'x' })).toEqual({ constructor: 'x' });
    expect(shared.share({})).toEqual({});
  });

  it('remembers the last eight distinct records', () => {
    const shared = createSharedRecords();
    const kept = Array.from({ length: 8 }, (_, index) => shared.share({ 'content-length': String(index) }));
    expect(kept.map((_, index) => shared.share({ 'content-length': String(index) }))).toEqual(kept);
    expect(kept.every((record, index) => shared.share({ 'content-length': String(index) }) === record)).toBe(true);
    shared.share({ 'content-length': '8' });
    expect(shared.share({ 'content-length': '0' })).not.toBe(kept[0]);
  });
});
