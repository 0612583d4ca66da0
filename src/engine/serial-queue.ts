/**
 * Runs tasks one at a time, in arrival order. `@msw/data` updates are asynchronous, so a check and
 * the update that follows it are not atomic by themselves; running every handler, reset and state
 * write through this queue makes each one atomic. Handlers take microseconds, so this costs nothing
 * a mock notices, and 50 concurrent cancels of one record give exactly one success.
 */
export interface SerialQueue {
  run<T>(task: () => T | Promise<T>): Promise<T>;
  /**
   * Like `run`, but a task that runs at once (nothing ahead of it) and answers synchronously gives
   * its value, or throws, without a promise: the request path continues in the same turn.
   */
  runEager<T>(task: () => T | Promise<T>): T | Promise<T>;
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  // Tasks started or waiting that have not settled yet (a task that is running counts too).
  let unsettled = 0;
  const settle = (): void => {
    unsettled -= 1;
  };
  const runEager = <T>(task: () => T | Promise<T>): T | Promise<T> => {
    if (unsettled > 0) {
      unsettled += 1;
      const result = tail.then(task);
      tail = result.then(settle, settle);
      return result;
    }
    // Nothing ahead of it: the task runs now rather than a microtask later (most handlers answer
    // synchronously, so the queue then costs no promise hop); an asynchronous one holds the queue
    // until it settles.
    unsettled += 1;
    let value: T | Promise<T>;
    try {
      value = task();
    } catch (error) {
      settle();
      throw error;
    }
    if (typeof (value as PromiseLike<unknown> | undefined)?.then !== 'function') {
      settle();
      return value;
    }
    const result = Promise.resolve(value);
    tail = result.then(settle, settle);
    return result;
  };
  return {
    run(task) {
      try {
        return Promise.resolve(runEager(task));
      } catch (error) {
        return Promise.reject(error);
      }
    },
    runEager,
  };
}
