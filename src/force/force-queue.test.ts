import { describe, expect, it } from 'vitest';
import { createForceQueue } from './force-queue.ts';

describe('createForceQueue', () => {
  it('serves queued outcomes of an operation first in, first out, each as many times as asked', () => {
    const queue = createForceQueue();
    queue.push('cancel', { status: 500 }, 2);
    queue.push('cancel', { status: 404, example: 'x' }, 1);
    expect([queue.take('cancel'), queue.take('cancel'), queue.take('cancel'), queue.take('cancel')]).toEqual([
      { status: 500 },
      { status: 500 },
      { status: 404, example: 'x' },
      undefined,
    ]);
  });

  it('keeps operations apart and serves "always" until cleared', () => {
    const queue = createForceQueue();
    queue.push('cancel', { status: 500 }, 'always');
    expect(queue.take('lookup')).toBeUndefined();
    expect([queue.take('cancel'), queue.take('cancel')]).toEqual([{ status: 500 }, { status: 500 }]);
    expect(queue.list()).toEqual([{ operationId: 'cancel', status: 500, remaining: 'always' }]);
    queue.clear();
    expect(queue.take('cancel')).toBeUndefined();
  });
});
