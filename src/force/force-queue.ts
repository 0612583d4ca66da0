import type { ForceRequest } from './prefer-header.ts';

/** How many times a queued outcome applies: a count, or every time until cleared. */
export type ForceTimes = number | 'always';

export interface QueuedForce extends ForceRequest {
  readonly operationId: string;
  remaining: ForceTimes;
}

/**
 * Outcomes queued per operation by `mock.force` and `POST /__admin/force`, served first-in first-out
 * before the handler runs. Cleared by reset.
 */
export interface ForceQueue {
  push(operationId: string, force: ForceRequest, times: ForceTimes): void;
  /** Whether an outcome is queued for an operation (nothing is taken). */
  has(operationId: string): boolean;
  /** Takes the next queued outcome of an operation, counting one use. */
  take(operationId: string): ForceRequest | undefined;
  list(): readonly QueuedForce[];
  clear(): void;
}

export function createForceQueue(): ForceQueue {
  let queued: QueuedForce[] = [];
  return {
    push(operationId, force, times) {
      queued.push({ operationId, ...force, remaining: times });
    },
    has: (operationId) => queued.some((entry) => entry.operationId === operationId),
    take(operationId) {
      const next = queued.find((entry) => entry.operationId === operationId);
      if (!next) return undefined;
      if (next.remaining !== 'always') {
        next.remaining -= 1;
        if (next.remaining <= 0) queued = queued.filter((entry) => entry !== next);
      }
      return { status: next.status, ...(next.example ? { example: next.example } : {}) };
    },
    list: () => queued.map((entry) => ({ ...entry })),
    clear() {
      queued = [];
    },
  };
}
