/**
 * Runs tasks one at a time, in arrival order. `@msw/data` updates are asynchronous, so a check and
 * the update that follows it are not atomic by themselves; running every handler, reset and state
 * write through this queue makes each one atomic. Handlers take microseconds, so this costs nothing
 * a mock notices, and 50 concurrent cancels of one record give exactly one success.
 */
export interface SerialQueue {
  run<T>(task: () => T | Promise<T>): Promise<T>;
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(task) {
      const result = tail.then(task);
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
