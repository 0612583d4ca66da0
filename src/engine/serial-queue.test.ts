import { describe, expect, it } from 'vitest';
import { createSerialQueue } from './serial-queue.ts';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('createSerialQueue', () => {
  it('runs tasks one at a time in arrival order, synchronous ones behind an asynchronous one too', async () => {
    const queue = createSerialQueue();
    const log: string[] = [];
    const slow = queue.run(async () => {
      log.push('slow start');
      await tick();
      log.push('slow end');
      return 'slow';
    });
    const fast = queue.run(() => {
      log.push('fast');
      return 'fast';
    });
    expect(await Promise.all([slow, fast])).toEqual(['slow', 'fast']);
    expect(log).toEqual(['slow start', 'slow end', 'fast']);
  });

  it('gives exactly one success to concurrent check-then-update tasks', async () => {
    const queue = createSerialQueue();
    let status = 'Scheduled';
    const cancel = () =>
      queue.run(async () => {
        if (status !== 'Scheduled') return false;
        await tick();
        status = 'Cancelled';
        return true;
      });
    const results = await Promise.all(Array.from({ length: 20 }, cancel));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('runs a task queued from inside a running task after that task, not within it', async () => {
    const queue = createSerialQueue();
    const log: string[] = [];
    let inner: Promise<void> | undefined;
    await queue.run(() => {
      inner = queue.run(() => {
        log.push('inner');
      });
      log.push('outer');
    });
    await inner;
    expect(log).toEqual(['outer', 'inner']);
  });

  it('rejects with what a task throws and keeps running the next ones', async () => {
    const queue = createSerialQueue();
    const thrown = queue.run(() => {
      throw new Error('sync');
    });
    const rejected = queue.run(async () => {
      throw new Error('async');
    });
    const next = queue.run(() => 'next');
    await expect(thrown).rejects.toThrow('sync');
    await expect(rejected).rejects.toThrow('async');
    expect(await next).toBe('next');
    expect(await queue.run(() => 'after')).toBe('after');
  });

  it('gives a synchronous task its value at once with runEager when nothing is ahead of it', () => {
    const queue = createSerialQueue();
    expect(queue.runEager(() => 'now')).toBe('now');
    expect(() =>
      queue.runEager(() => {
        throw new Error('sync');
      }),
    ).toThrow('sync');
    expect(queue.runEager(() => 'still')).toBe('still');
  });

  it('queues a runEager task behind an asynchronous one and answers it with a promise', async () => {
    const queue = createSerialQueue();
    const log: string[] = [];
    const slow = queue.run(async () => {
      await tick();
      log.push('slow');
    });
    const eager = queue.runEager(() => {
      log.push('eager');
      return 'eager';
    });
    expect(eager).toBeInstanceOf(Promise);
    expect(log).toEqual([]);
    await slow;
    expect(await eager).toBe('eager');
    expect(log).toEqual(['slow', 'eager']);
  });
});
