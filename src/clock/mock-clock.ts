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

/** RFC 3339 `date-time`: full date, `T` (or a space, §5.6 note), time, fraction, `Z` or an offset. */
const RFC_3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/**
 * The instant a clock may be pinned to: an RFC 3339 date-time (or a `Date`) within the years 0000–9999,
 * which every vendor's `date-time` fields can state. `"1"` or `"+010000-01-01T00:00:00Z"` are refused.
 *
 * @see https://www.rfc-editor.org/rfc/rfc3339#section-5.6
 */
export function toClockInstant(instant: Date | string): Date {
  if (typeof instant === 'string' && !RFC_3339.test(instant))
    throw new UsageError('bad-clock', `[esp-cancel-mock] not an RFC 3339 date-time (e.g. 2030-01-15T15:00:00Z): ${instant.slice(0, 60)}`);
  const date = new Date(instant);
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 0 || year > 9999)
    throw new UsageError('bad-clock', `[esp-cancel-mock] not a date-time within the years 0000–9999: ${String(instant).slice(0, 60)}`);
  return date;
}

/** A clock that follows real time until pinned. */
export function createMockClock(): MockClock {
  let pinnedAt: Date | null = null;
  return {
    now: () => (pinnedAt ? new Date(pinnedAt) : new Date()),
    set(instant) {
      if (instant === null) {
        pinnedAt = null;
        return;
      }
      pinnedAt = toClockInstant(instant);
    },
    pinned: () => (pinnedAt ? new Date(pinnedAt) : null),
  };
}
