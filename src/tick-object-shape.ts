import { executionAsyncResource } from 'node:async_hooks';

let keptTickObject: object | undefined;

/**
 * Keeps one of `process.nextTick`'s tick objects alive for the rest of the process, so V8 keeps the
 * hidden class every tick object shares.
 *
 * Node builds each tick object from one object literal whose first two keys are computed (symbols;
 * lib/internal/process/task_queues.js). V8 defines computed keys in a literal through an inline cache
 * that is either monomorphic or megamorphic, nothing between. A full garbage collection frees the
 * literal's hidden classes when no tick object is alive at that moment; the next tick object gets new
 * ones, the cache turns megamorphic, and from then on both keys of every tick object are defined in
 * V8's runtime. A server that holds state collects fully sooner or later (a large state write is
 * enough), and then paid that on the nine or so ticks of each request. One live tick object keeps the
 * hidden classes, so the cache stays monomorphic. Call it before the first full collection; more
 * calls do nothing.
 */
export function keepTickObjectShape(): void {
  if (keptTickObject) return;
  process.nextTick(() => {
    keptTickObject ??= executionAsyncResource();
  });
}

/** The kept tick object, once the tick that takes it has run (for tests). */
export function keptTickObjectForTests(): object | undefined {
  return keptTickObject;
}
