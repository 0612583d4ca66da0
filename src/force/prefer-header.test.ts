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
  ])('reads Prefer: %s', (prefer, force) => {
    expect(readForceRequest(prefer, none)).toEqual({ ok: true, force });
  });

  it('forces nothing without a Prefer header or __code query', () => {
    expect(readForceRequest(undefined, new URLSearchParams('code=500&orgid=2'))).toEqual({ ok: true, force: undefined });
  });

  it('reads the __code and __example query fallback, and the header wins over it', () => {
    expect(readForceRequest(undefined, new URLSearchParams('__code=401&__example=x'))).toEqual({
      ok: true,
      force: { status: 401, example: 'x' },
    });
    expect(readForceRequest('code=404', new URLSearchParams('__code=401'))).toEqual({ ok: true, force: { status: 404 } });
  });

  it.each(['code=abc', 'code=4040', 'code=600', 'code=', 'example=foo'])('refuses Prefer: %s', (prefer) => {
    expect(readForceRequest(prefer, none).ok).toBe(false);
  });
});
