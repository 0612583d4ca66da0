import type { ValidationIssue } from '../validate/validation-issue.ts';

/** One exchange as the journal keeps it: what came in, what went out, and what the specs said of both. */
export interface JournalEntry {
  readonly id: number;
  readonly time: string;
  readonly durationMs: number;
  readonly vendor: string | null;
  readonly operationId: string | null;
  readonly request: { readonly method: string; readonly url: string; readonly headers: Record<string, string>; readonly body: string };
  readonly response: { readonly status: number; readonly headers: Record<string, string>; readonly body: string };
  /** Set when the answer was forced, and by what. */
  readonly forced: { readonly status: number; readonly example?: string; readonly by: 'prefer' | 'queue' | 'fault' } | null;
  readonly validation: { readonly request: readonly ValidationIssue[]; readonly response: readonly ValidationIssue[] };
}

/**
 * An exchange as the engine hands it over, cheap to build on every request: the start time as epoch
 * milliseconds and the request's own `Headers`. They become the entry's ISO time and plain header
 * object only when the journal is read.
 */
export type NewJournalEntry = Omit<JournalEntry, 'id' | 'time' | 'request'> & {
  readonly time: number | string;
  readonly request: Omit<JournalEntry['request'], 'headers'> & { readonly headers: Headers | Record<string, string> };
};

/**
 * A bounded ring buffer of exchanges, newest last: memory stays flat however long the mock runs.
 * Bodies are kept up to 64 KiB.
 */
export interface RequestJournal {
  /** Keeps an exchange; returns the entry as it will be read. */
  record(entry: NewJournalEntry): { readonly id: number; read(): JournalEntry };
  entries(): readonly JournalEntry[];
  /** Exchanges recorded since the last clear that the ring buffer no longer holds (the oldest go first). */
  dropped(): number;
  clear(): void;
  readonly capacity: number;
}

export const DEFAULT_JOURNAL_CAPACITY = 1000;
const MAX_BODY_CHARS = 64 * 1024;

export function createRequestJournal(capacity: number = DEFAULT_JOURNAL_CAPACITY): RequestJournal {
  if (!Number.isInteger(capacity) || capacity < 0) throw new RangeError(`journal capacity must be a whole number ≥ 0, got ${capacity}`);
  const ring: Array<Slot | undefined> = new Array(capacity);
  let next = 0;
  let count = 0;
  let lastId = 0;
  let dropped = 0;
  return {
    capacity,
    record(input) {
      // Bodies are cut now, so a slot never holds more than 64 KiB of each.
      const slot = createSlot(++lastId, input);
      if (count === capacity) dropped++;
      if (capacity > 0) {
        ring[next] = slot;
        next = (next + 1) % capacity;
        count = Math.min(count + 1, capacity);
      }
      return slot;
    },
    entries() {
      const start = (next - count + capacity) % Math.max(capacity, 1);
      return Array.from({ length: count }, (_, index) => (ring[(start + index) % capacity] as Slot).read());
    },
    dropped: () => dropped,
    clear() {
      ring.fill(undefined);
      next = 0;
      count = 0;
      dropped = 0;
    },
  };
}

interface Slot {
  readonly id: number;
  read(): JournalEntry;
}

/** Holds an exchange as recorded and makes it a `JournalEntry` on first read (then keeps that). */
function createSlot(id: number, input: NewJournalEntry): Slot {
  const requestBody = truncate(input.request.body);
  const responseBody = truncate(input.response.body);
  let entry: JournalEntry | undefined;
  return {
    id,
    read() {
      entry ??= {
        ...input,
        id,
        time: typeof input.time === 'number' ? new Date(input.time).toISOString() : input.time,
        request: { ...input.request, headers: toHeaderRecord(input.request.headers), body: requestBody },
        response: { ...input.response, body: responseBody },
      };
      return entry;
    },
  };
}

function toHeaderRecord(headers: Headers | Record<string, string>): Record<string, string> {
  if (typeof (headers as Headers).forEach !== 'function') return headers as Record<string, string>;
  const record: Record<string, string> = {};
  (headers as Headers).forEach((value, name) => {
    record[name] = value;
  });
  return record;
}

function truncate(body: string): string {
  return body.length > MAX_BODY_CHARS ? `${body.slice(0, MAX_BODY_CHARS)}…[truncated ${body.length - MAX_BODY_CHARS} chars]` : body;
}
