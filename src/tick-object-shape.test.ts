import { executionAsyncResource } from 'node:async_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, it } from 'vitest';
import { keepTickObjectShape, keptTickObjectForTests } from './tick-object-shape.ts';

/** The tick object Node built for a `process.nextTick` callback, taken inside that callback. */
function nextTickObject(): Promise<object> {
  return new Promise((resolve) => process.nextTick(() => resolve(executionAsyncResource())));
}

function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** V8's own answer to "do these two objects have the same hidden class?". */
function haveSameHiddenClass(a: object, b: object): boolean {
  setFlagsFromString('--allow-natives-syntax');
  // V8's %-syntax is parsed only in code compiled after the flag is set, hence a Function built here.
  return (new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean)(a, b);
}

it('keeps a tick object of process.nextTick, with the async ids Node gives each one', async () => {
  keepTickObjectShape();
  await nextTickObject();
  const kept = keptTickObjectForTests();
  expect(kept).toBeDefined();
  const keys = Reflect.ownKeys(kept as object).map(String);
  expect(keys).toEqual(expect.arrayContaining(['callback', 'Symbol(async_id_symbol)', 'Symbol(trigger_async_id_symbol)']));
});

it('gives tick objects built after full collections the kept one’s hidden class', async () => {
  keepTickObjectShape();
  await nextTickObject();
  for (let i = 0; i < 3; i++) {
    collectGarbage();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const kept = keptTickObjectForTests() as object;
  expect(haveSameHiddenClass(kept, await nextTickObject())).toBe(true);
  expect(haveSameHiddenClass(kept, {})).toBe(false);
});

it('keeps the first tick object when called again', async () => {
  keepTickObjectShape();
  await nextTickObject();
  const first = keptTickObjectForTests();
  keepTickObjectShape();
  await nextTickObject();
  expect(keptTickObjectForTests()).toBe(first);
});
