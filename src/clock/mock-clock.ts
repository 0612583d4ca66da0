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
const RFC_3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

/** The last instant the clock can be pinned to: the end of the year 9999. */
export const LATEST_CLOCK_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * `ms` after `now` on the mock's clock, no later than its last instant: a time a vendor answer states
 * (a token's or a timestamp's expiry) stays a date-time of the years 0000–9999 when the clock is
 * pinned near the end of 9999, which an instant past that can never be reached from anyway.
 */
export function clockTimeAfter(now: Date, ms: number): number {
  return Math.min(now.getTime() + ms, LATEST_CLOCK_TIME);
}

/**
 * The instant a clock may be pinned to: an RFC 3339 date-time (or a `Date`) within the years 0000–9999,
 * which every vendor's `date-time` fields can state. `"1"` or `"+010000-01-01T00:00:00Z"` are refused.
 *
 * @see https://www.rfc-editor.org/rfc/rfc3339#section-5.6
 */
export function toClockInstant(instant: Date | string): Date {
  if (typeof instant === 'string') {
    const fields = RFC_3339.exec(instant);
    if (!fields)
      throw new UsageError('bad-clock', `[esp-cancel-mock] not an RFC 3339 date-time (e.g. 2030-01-15T15:00:00Z): ${instant.slice(0, 60)}`);
    // `Date` rolls an impossible date or time over (February 30th is March 2nd, 24:00 the next day).
    if (!existsAsWritten(fields))
      throw new UsageError('bad-clock', `[esp-cancel-mock] no such date or time (RFC 3339 §5.7): ${instant.slice(0, 60)}`);
  }
  const date = new Date(instant);
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 0 || year > 9999)
    throw new UsageError('bad-clock', `[esp-cancel-mock] not a date-time within the years 0000–9999: ${String(instant).slice(0, 60)}`);
  return date;
}

/**
 * Whether an RFC 3339 date-time's fields name a day of its month and a time of day, as §5.7 restricts
 * them (a leap second, `:60`, is refused: `Date` cannot hold one).
 *
 * @see https://www.rfc-editor.org/rfc/rfc3339#section-5.7
 */
function existsAsWritten(fields: RegExpExecArray): boolean {
  // The pattern has six date and time groups, each digits.
  const [year, month, day, hour, minute, second] = fields.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  // Absent after `Z`; RFC 3339's time-numoffset is `time-hour ":" time-minute`.
  const offsetFits = fields[7] === undefined || (Number(fields[7]) <= 23 && Number(fields[8]) <= 59);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59 && offsetFits;
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
