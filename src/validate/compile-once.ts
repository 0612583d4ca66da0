/**
 * A cache of values built once per combination of objects (an ajv instance, a spec's path item, an
 * operation…), held only as long as those objects live: nested `WeakMap`s, so a mock that is dropped
 * takes nothing with it. What it holds must be immutable, since every mock in the process shares it.
 *
 * @see https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/WeakMap
 */
export interface CompileOnce<V> {
  /** The value for these keys (same objects, same order), built by `build` the first time only. */
  get(keys: readonly object[], build: () => V): V;
}

export function createCompileOnce<V>(): CompileOnce<V> {
  interface Level {
    readonly next: WeakMap<object, Level>;
    value?: V;
    built: boolean;
  }
  const root: Level = { next: new WeakMap(), built: false };
  return {
    get(keys, build) {
      let level = root;
      for (const key of keys) {
        let next = level.next.get(key);
        if (!next) {
          next = { next: new WeakMap(), built: false };
          level.next.set(key, next);
        }
        level = next;
      }
      if (!level.built) {
        level.value = build();
        level.built = true;
      }
      return level.value as V;
    },
  };
}

/** `build`'s value, built on the first call and kept: a validator compiled on its first use. */
export function lazily<V>(build: () => V): () => V {
  let built = false;
  let value: V | undefined;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as V;
  };
}
