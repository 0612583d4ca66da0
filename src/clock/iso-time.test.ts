import { describe, expect, it } from 'vitest';
import { toIsoTime } from './iso-time.ts';

const times = [
  Date.UTC(2030, 0, 15, 15, 0, 0, 0),
  Date.UTC(2030, 0, 15, 15, 0, 0, 7),
  Date.UTC(2030, 0, 15, 15, 0, 0, 999),
  Date.UTC(2030, 0, 15, 15, 0, 1, 0),
  Date.UTC(2030, 0, 15, 15, 0, 0, 500),
  0,
  -0,
  -1,
  -999,
  -1000,
  -1001,
  1.9,
  -1.9,
  Date.UTC(0, 0, 1) - 1,
  Date.UTC(10000, 0, 1),
  -62198755200001,
  8.64e15,
  -8.64e15,
];

describe('toIsoTime', () => {
  it('gives what Date#toISOString gives, in any order of times', () => {
    for (const time of [...times, ...times.toReversed()]) expect([time, toIsoTime(time)]).toEqual([time, new Date(time).toISOString()]);
  });

  it('throws where Date#toISOString throws', () => {
    for (const time of [Number.NaN, 8.64e15 + 1, -8.64e15 - 1, Number.POSITIVE_INFINITY]) {
      expect(() => toIsoTime(time)).toThrow(RangeError);
    }
  });
});
