import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { createAjvPair } from './create-ajv.ts';
import { rememberAnswers } from './remembered-formats.ts';

/** ajv-formats' own date-time check, as an instance without the remembering has it. */
const plain = new Ajv2020();
addFormats.default(plain);
const validDateTime = plain.compile({ type: 'string', format: 'date-time' });

const texts = [
  '2030-01-15T15:00:00Z',
  '2030-01-15t15:00:00z',
  '2030-01-15 15:00:00Z',
  '2030-01-15T15:00:00.123456+02:00',
  '2030-01-15T15:00:00',
  '2024-02-29T00:00:00Z',
  '2023-02-29T00:00:00Z',
  '2030-13-01T00:00:00Z',
  '2016-12-31T23:59:60Z',
  '2016-12-31T22:59:60-01:00',
  '2016-12-30T23:59:60Z',
  '2030-01-15T24:00:00Z',
  '2030-01-15TT15:00:00Z',
  '2030-01-15',
  '',
  `2030-01-15T15:00:00.${'1'.repeat(100)}Z`,
];

describe('rememberDateTimes', () => {
  it('answers every date-time as ajv-formats does, the first time and again', () => {
    const { exact, coercing } = createAjvPair([]);
    for (const ajv of [exact, coercing]) {
      const validate = ajv.compile({ type: 'string', format: 'date-time' });
      for (const round of [1, 2])
        for (const text of texts) expect([round, text, validate(text)]).toEqual([round, text, validDateTime(text)]);
    }
  });

  it('keeps answering as the check does after more texts than it keeps', () => {
    const calls: string[] = [];
    const remembered = rememberAnswers((text) => {
      calls.push(text);
      return text.endsWith('0');
    });
    const many = Array.from({ length: 300 }, (_, index) => String(index));
    for (const text of [...many, ...many]) expect(remembered(text)).toBe(text.endsWith('0'));
    expect(remembered('299')).toBe(false);
    // The last answers are kept: a text asked again at once does not run the check again.
    const before = calls.length;
    expect(remembered('299')).toBe(false);
    expect(calls.length).toBe(before);
  });
});
