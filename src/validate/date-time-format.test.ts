import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { createAjvPair } from './create-ajv.ts';
import { checkIsoShape, rememberAnswers } from './date-time-format.ts';

/** ajv-formats' own date-time check, as an instance without the faster ways has it. */
const plain = new Ajv2020();
addFormats.default(plain);
const validDateTime = plain.compile({ type: 'string', format: 'date-time' });

const texts = [
  '2030-01-15T15:00:00Z',
  '2030-01-15t15:00:00z',
  '2030-01-15 15:00:00Z',
  '2030-01-15T15:00:00.123456+02:00',
  '2030-01-15T15:00:00',
  '2030-01-15T15:00:00.000Z',
  '2030-01-15T15:00:00.000z',
  '2030-01-15t15:00:00.000Z',
  '2024-02-29T00:00:00.000Z',
  '2023-02-29T00:00:00.000Z',
  '2000-02-29T00:00:00.000Z',
  '1900-02-29T00:00:00.000Z',
  '0000-02-29T00:00:00.000Z',
  '2030-13-01T00:00:00.000Z',
  '2030-00-01T00:00:00.000Z',
  '2030-04-31T00:00:00.000Z',
  '2030-01-00T00:00:00.000Z',
  '2016-12-31T23:59:60.000Z',
  '2016-12-31T23:59:61.000Z',
  '2016-12-31T22:59:60.000Z',
  '2016-12-31T23:58:60.000Z',
  '2016-12-31T22:59:60-01:00',
  '2030-01-15T24:00:00.000Z',
  '2030-01-15T23:60:00.000Z',
  '2030-01-15T23:59:59.999Z',
  '2030-01-15TT15:00:00Z',
  '2030-01-15T15:00:00.00AZ',
  '２０３０-01-15T15:00:00.000Z',
  '2030-01-15',
  '',
  `2030-01-15T15:00:00.${'1'.repeat(100)}Z`,
];

/** Texts of toISOString's shape with random digits (a fixed seed): most break some rule. */
function randomIsoShapes(count: number): string[] {
  let seed = 14;
  const digit = (): string => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return String(seed % 10);
  };
  const digits = (n: number): string => Array.from({ length: n }, digit).join('');
  const pick = <T>(choices: readonly T[]): T => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return choices[seed % choices.length] as T;
  };
  return Array.from({ length: count }, () => {
    const month = pick(['01', '02', '04', '12', '13', '00', digits(2)]);
    const day = pick(['28', '29', '30', '31', '00', '01', digits(2)]);
    const time = pick(['23:59:60', '23:59:59', '24:00:00', '00:60:00', '12:00:61', `${digits(2)}:${digits(2)}:${digits(2)}`]);
    return `${pick(['2024', '2023', '2000', '1900', digits(4)])}-${month}-${day}T${time}.${digits(3)}Z`;
  });
}

describe('the date-time format', () => {
  it('answers every date-time as ajv-formats does, the first time and again', () => {
    const { exact, coercing } = createAjvPair([]);
    for (const ajv of [exact, coercing]) {
      const validate = ajv.compile({ type: 'string', format: 'date-time' });
      for (const round of [1, 2])
        for (const text of texts) expect([round, text, validate(text)]).toEqual([round, text, validDateTime(text)]);
    }
  });

  it("reads a text of toISOString's shape as ajv-formats does, and no other text", () => {
    for (const text of randomIsoShapes(20_000)) expect([text, checkIsoShape(text)]).toEqual([text, validDateTime(text)]);
    for (const text of texts) if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(text)) expect(checkIsoShape(text)).toBeUndefined();
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
