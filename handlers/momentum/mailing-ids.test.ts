import { describe, expect, it } from 'vitest';
import { parseMailingIds } from './mailing-ids.ts';

describe('parseMailingIds', () => {
  it.each([
    ['123', [123]],
    ['123,124,125,126', [123, 124, 125, 126]],
    ['2-5', [2, 3, 4, 5]],
    ['1,2,4,9-11', [1, 2, 4, 9, 10, 11]],
    ['123,123,122-123', [123, 122]],
    ['0', [0]],
  ])('reads %s as the listed mailings', (value, ids) => {
    expect(parseMailingIds(value)).toEqual({ ok: true, ids });
  });

  it.each([
    ['123,,124', "Invalid mid '123,,124': the list has an empty entry."],
    [',123', "Invalid mid ',123': the list has an empty entry."],
    ['123,', "Invalid mid '123,': the list has an empty entry."],
    ['-5', "Invalid mid '-5': mailing ids are non-negative integers."],
    ['10-2', "Invalid mid '10-2': the range 10-2 ends before it starts."],
    ['abc', "Invalid mid 'abc': expected a mailing id, or a comma list of ids and ranges such as 123,124 or 2-10."],
    ['1-1001', 'Too many mailings: 1001 listed, at most 1000 per call.'],
    ['0-9999999999', 'Too many mailings: 10000000000 listed, at most 1000 per call.'],
  ])('refuses %s with a message naming the problem', (value, message) => {
    expect(parseMailingIds(value)).toEqual({ ok: false, error: { message, name: 'INVALID_REQUEST' } });
  });

  it('refuses a list of 1001 single ids, counting each once', () => {
    const value = Array.from({ length: 1001 }, (_, index) => index + 1).join(',');
    expect(parseMailingIds(value)).toEqual({
      ok: false,
      error: { message: 'Too many mailings: 1001 listed, at most 1000 per call.', name: 'INVALID_REQUEST' },
    });
  });

  it('counts overlapping ranges once: 1,000 distinct ids listed 1,000 times are accepted', () => {
    const result = parseMailingIds(Array.from({ length: 1000 }, () => '1-1000').join(','));
    expect(result.ok && result.ids.length).toBe(1000);
  });

  it('names the distinct count of overlapping ranges when there are too many', () => {
    expect(parseMailingIds(['1-1000', '1-1000', '500-1001', '1-1000', '2000'].join(','))).toEqual({
      ok: false,
      error: { message: 'Too many mailings: 1002 listed, at most 1000 per call.', name: 'INVALID_REQUEST' },
    });
  });

  it('accepts exactly 1000 mailings', () => {
    const result = parseMailingIds('1-1000');
    expect(result.ok && result.ids.length).toBe(1000);
  });

  it('cuts a long invalid value to 80 characters in the message', () => {
    const value = `${'1,'.repeat(50)}x`;
    const result = parseMailingIds(value);
    expect(result.ok ? '' : result.error.message).toBe(
      `Invalid mid '${value.slice(0, 80)}…': expected a mailing id, or a comma list of ids and ranges such as 123,124 or 2-10.`,
    );
  });
});
