import { describe, expect, it } from 'vitest';
import { readForceRequest } from './prefer-header.ts';

const none = new URLSearchParams();

describe('readForceRequest', () => {
  it.each([
    ['code=404', { status: 404 }],
    ['code=404, example=brandNotFound', { status: 404, example: 'brandNotFound' }],
    ['code=404; example="brandNotFound"', { status: 404, example: 'brandNotFound' }],
    ['return=minimal, code=500', { status: 500 }],
    ['CODE=403', { status: 403 }],
    ['Code=404, EXAMPLE=brandNotFound', { status: 404, example: 'brandNotFound' }],
    ['code="404", example="brand, not; found"', { status: 404, example: 'brand, not; found' }],
    ['code = 404 , example = x', { status: 404, example: 'x' }],
    ['code=404, code=403', { status: 404 }],
    ['code=404, code=abc', { status: 404 }],
    ['code=404, example=first, example=second', { status: 404, example: 'first' }],
    ['code=404; example=parameter, example=preference', { status: 404, example: 'preference' }],
    ['example=brandNotFound; code=404', { status: 404, example: 'brandNotFound' }],
    ['example=brandNotFound; code=404, code=403', { status: 403, example: 'brandNotFound' }],
    ['code=404, return="minimal', { status: 404 }],
    ['code=404, example=', { status: 404 }],
    ['foo="a, code=abc", code=401', { status: 401 }],
    ['respond-async, wait=10, handling=lenient; code=x, code=401; q="1;2", dynamic=true', { status: 401 }],
    // Two Prefer field lines, as Fetch Headers and Node join them: one list, first code wins.
    ['code=404, example=brandNotFound, code=403', { status: 404, example: 'brandNotFound' }],
  ])('reads Prefer: %s', (prefer, force) => {
    expect(readForceRequest(prefer, none)).toEqual({ ok: true, force });
  });

  it.each(['foo="a, code=abc"', 'handling=lenient; code=x', 'handling=lenient; code=404', 'respond-async, wait=100', 'foo="a;b", bar', ''])(
    'forces nothing with Prefer: %s, whose code is no preference of its own',
    (prefer) => {
      expect(readForceRequest(prefer, none)).toEqual({ ok: true, force: undefined });
    },
  );

  it('forces nothing without a Prefer header or __code query', () => {
    expect(readForceRequest(undefined, new URLSearchParams('code=500&orgid=2'))).toEqual({ ok: true, force: undefined });
  });

  it('reads the __code and __example query fallback, and the header wins over it', () => {
    expect(readForceRequest(undefined, new URLSearchParams('__code=401&__example=x'))).toEqual({
      ok: true,
      force: { status: 401, example: 'x' },
    });
    expect(readForceRequest('code=404', new URLSearchParams('__code=401'))).toEqual({ ok: true, force: { status: 404 } });
    expect(readForceRequest('handling=lenient; code=404', new URLSearchParams('__code=401'))).toEqual({ ok: true, force: { status: 401 } });
  });

  it.each([
    ['code=abc', "code must be an HTTP status from 100 to 599, got 'abc'"],
    ['code=4040', "code must be an HTTP status from 100 to 599, got '4040'"],
    ['code=600', "code must be an HTTP status from 100 to 599, got '600'"],
    ['code=', "code must be an HTTP status from 100 to 599, got ''"],
    ['code', "code must be an HTTP status from 100 to 599, got ''"],
    ['code=""', "code must be an HTTP status from 100 to 599, got ''"],
    ['code=abc, code=404', "code must be an HTTP status from 100 to 599, got 'abc'"],
    ['foo="a, b", CODE=x', "code must be an HTTP status from 100 to 599, got 'x'"],
    ['code=4 04', "code must be an HTTP status from 100 to 599, got '4 04'"],
    ['code=404; not a parameter', "code must be an HTTP status from 100 to 599, got '404; not a parameter'"],
    ['code=404, example=a b', "example must be a token or a quoted-string, got 'a b'"],
    ['example=foo', 'example= needs code= beside it'],
    ['handling=lenient; code=404, example=foo', 'example= needs code= beside it'],
    ['code="404', 'Prefer has a quoted-string without its closing quote: "404'],
    ['foo="a, code=404', 'Prefer has a quoted-string without its closing quote: "a, code=404'],
  ])('refuses Prefer: %s', (prefer, message) => {
    expect(readForceRequest(prefer, none)).toEqual({ ok: false, message });
  });

  it('reads the first code of an 8 KB Prefer of quotes, commas and semicolons, to the right answer', () => {
    const hostile = `foo="${'\\",;'.repeat(1_000)}"; ${'a="b,;"; '.repeat(350)}, ${',;'.repeat(500)}`;
    const prefer = `${hostile}, code=401; example="x, y", code=500`;
    expect(prefer.length).toBeGreaterThan(8_000);
    expect(readForceRequest(prefer, none)).toEqual({ ok: true, force: { status: 401, example: 'x, y' } });
  });
});
