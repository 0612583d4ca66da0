import { describe, expect, it } from 'vitest';
import { formCodec } from './form-codec.ts';

describe('formCodec', () => {
  it('collects every value of a repeated name, in order, into one array', () => {
    const body = Array.from({ length: 5_000 }, (_, index) => `a=${index}`).join('&');
    const decoded = formCodec.decode(`${body}&b=x`);
    expect(decoded.ok).toBe(true);
    const value = (decoded as { value: Record<string, unknown> }).value;
    expect((value.a as string[]).length).toBe(5_000);
    expect((value.a as string[])[4_999]).toBe('4999');
    expect(value.b).toBe('x');
  });

  it('keeps fields named like prototype members as own data, never as the prototype', () => {
    const decoded = formCodec.decode('__proto__=1&constructor=2&toString=3');
    const value = (decoded as { value: Record<string, unknown> }).value;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(Object.entries(value)).toEqual([
      ['__proto__', '1'],
      ['constructor', '2'],
      ['toString', '3'],
    ]);
  });
});
