import { describe, expect, it } from 'vitest';
import { parsePreferenceList } from './preference-list.ts';

/** The well-formed preferences of a value as plain data: name → [value, parameters]. */
function read(value: string): Record<string, unknown> {
  const result = parsePreferenceList(value);
  if (!result.ok) throw new Error(result.message);
  return Object.fromEntries(
    [...result.preferences].map(([name, preference]) => [
      name,
      preference.wellFormed ? [preference.value, Object.fromEntries(preference.parameters)] : { rest: preference.rest },
    ]),
  );
}

describe('parsePreferenceList', () => {
  it.each([
    ['respond-async', { 'respond-async': [undefined, {}] }],
    ['return=minimal, wait=10', { return: ['minimal', {}], wait: ['10', {}] }],
    ['foo="a, code=abc"', { foo: ['a, code=abc', {}] }],
    ['foo="a; b=c", code=404', { foo: ['a; b=c', {}], code: ['404', {}] }],
    ['handling=lenient; code=x', { handling: ['lenient', { code: 'x' }] }],
    ['code=404; example="brandNotFound"; x', { code: ['404', { example: 'brandNotFound', x: undefined }] }],
    ['CODE=404; Example=A', { code: ['404', { example: 'A' }] }],
    ['code = 404 ;example= a ; ; , wait=1', { code: ['404', { example: 'a' }], wait: ['1', {}] }],
    ['code=404, code=403', { code: ['404', {}] }],
    ['a; p=1; p=2', { a: [undefined, { p: '1' }] }],
    ['foo="say \\"hi\\", \\\\ then go"', { foo: ['say "hi", \\ then go', {}] }],
    ['code=, example=""', { code: [undefined, {}], example: [undefined, {}] }],
    [', ,code=404,,', { code: ['404', {}] }],
    ['"quoted", =5, @, code=404', { code: ['404', {}] }],
    ['\tcode=404\t', { code: ['404', {}] }],
  ])('reads %s as RFC 7240 preferences', (value, expected) => {
    expect(read(value)).toEqual(expected);
  });

  it.each([
    ['code=4 04', '=4 04'],
    ['code x, code=404', 'x'],
    ['code=404; bad param', '=404; bad param'],
    ['code=404"x, y"', '=404"x, y"'],
    ['code=@', '=@'],
  ])('keeps %s as a malformed code with what followed the token', (value, rest) => {
    expect(read(value)).toMatchObject({ code: { rest } });
  });

  it.each(['code="404', 'foo="a, code=404', 'foo="a, example=x', 'foo=x"y; CODE = 500'])(
    'refuses %s: a quoted-string never closes and code or example may follow',
    (value) => {
      expect(parsePreferenceList(value)).toMatchObject({
        ok: false,
        message: expect.stringMatching(/^Prefer has a quoted-string without its closing quote: "/),
      });
    },
  );

  it('reads an 8 KB value of quotes, commas, semicolons and backslashes in one pass, to the right answer', () => {
    const noise = '\\",;\\\\'.repeat(1_400);
    const value = `code=404; junk="${noise}", ${';'.repeat(1_000)}, ${','.repeat(1_000)} a=${'"x"'.repeat(300)}, code=500, example=last`;
    expect(value.length).toBeGreaterThan(8_000);
    expect(read(value)).toEqual({
      code: ['404', { junk: '",;\\'.repeat(1_400) }],
      a: { rest: `=${'"x"'.repeat(300)}` },
      example: ['last', {}],
    });
  });

  it.each([
    ['code=404, foo="a\\"', { code: ['404', {}] }],
    ['foo=x"y', {}],
    ['code=404, return="minimal', { code: ['404', {}] }],
  ])('ends the list at %s: a quoted-string never closes, and neither code nor example follows', (value, preferences) => {
    expect(read(value)).toEqual(preferences);
  });

  it('ends an 8 KB value at its one quote that never closes, however many escaped quotes follow it', () => {
    expect(read(`code=404, foo="${'\\",;'.repeat(2_000)}`)).toEqual({ code: ['404', {}] });
  });

  it('refuses an 8 KB value whose one quote never closes with an example= after it', () => {
    const value = `code=404, foo="${'\\",;'.repeat(2_000)}, example=x`;
    const unclosed = value.slice(value.indexOf('"'));
    expect(parsePreferenceList(value)).toEqual({
      ok: false,
      message: `Prefer has a quoted-string without its closing quote: ${unclosed.slice(0, 40)}…`,
    });
  });
});
