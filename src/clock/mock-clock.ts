import { UsageError } from '../errors/usage-error.ts';

/**
 * The mock's clock. Vendor rules that depend on time ("scheduled later", token expiry) read it, so a
 * test can pin it and a fixture never expires. Real time until `set` is called.
 */
export interface MockClock {
  now(): Date;
  /** Pins the clock to an instant; `null` returns to real time. */
  set(instant: Date | string | null): void;
  /** The pinned instant, or `null` when following real time. */
  pinned(): Date | null;
}

export function createMockClock(): MockClock {
  let pinnedAt: Date | null = null;
  return {
    now: () => (pinnedAt ? new Date(pinnedAt) : new Date()),
    set(instant) {
      if (instant === null) {
        pinnedAt = null;
        return;
      }
      const date = new Date(instant);
      if (Number.isNaN(date.getTime())) throw new UsageError('bad-clock', `[esp-cancel-mock] not a date: ${String(instant)}`);
      pinnedAt = date;
    },
    pinned: () => (pinnedAt ? new Date(pinnedAt) : null),
  };
}
