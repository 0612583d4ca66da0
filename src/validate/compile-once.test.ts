import { describe, expect, it } from 'vitest';
import { createCompileOnce, lazily } from './compile-once.ts';

describe('createCompileOnce', () => {
  it('builds a value once for the same objects in the same order', () => {
    const cache = createCompileOnce<number>();
    const [a, b] = [{}, {}];
    let builds = 0;
    const build = () => ++builds;
    expect(cache.get([a, b], build)).toBe(1);
    expect(cache.get([a, b], build)).toBe(1);
    expect(builds).toBe(1);
  });

  it('builds again for other objects, another order or a shorter key list', () => {
    const cache = createCompileOnce<string>();
    const [a, b, c] = [{}, {}, {}];
    expect(cache.get([a, b], () => 'ab')).toBe('ab');
    expect(cache.get([b, a], () => 'ba')).toBe('ba');
    expect(cache.get([a, c], () => 'ac')).toBe('ac');
    expect(cache.get([a], () => 'a')).toBe('a');
    expect(cache.get([a, b], () => 'again')).toBe('ab');
  });

  it('keeps a built undefined without building it again', () => {
    const cache = createCompileOnce<undefined>();
    const key = {};
    let builds = 0;
    cache.get([key], () => {
      builds++;
      return undefined;
    });
    cache.get([key], () => {
      builds++;
      return undefined;
    });
    expect(builds).toBe(1);
  });
});

describe('lazily', () => {
  it('builds nothing until asked, then once', () => {
    let builds = 0;
    const value = lazily(() => ++builds);
    expect(builds).toBe(0);
    expect(value()).toBe(1);
    expect(value()).toBe(1);
    expect(builds).toBe(1);
  });
});
