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

export type NewJournalEntry = Omit<JournalEntry, 'id'>;

/**
 * A bounded ring buffer of exchanges, newest last: memory stays flat however long the mock runs.
 * Bodies are kept up to `maxBodyChars` characters.
 */
export interface RequestJournal {
  record(entry: NewJournalEntry): JournalEntry;
  entries(): readonly JournalEntry[];
  clear(): void;
  readonly capacity: number;
}

export const DEFAULT_JOURNAL_CAPACITY = 1000;
const MAX_BODY_CHARS = 64 * 1024;

export function createRequestJournal(capacity: number = DEFAULT_JOURNAL_CAPACITY): RequestJournal {
  if (!Number.isInteger(capacity) || capacity < 0) throw new RangeError(`journal capacity must be a whole number ≥ 0, got ${capacity}`);
  const ring: Array<JournalEntry | undefined> = new Array(capacity);
  let next = 0;
  let count = 0;
  let lastId = 0;
  return {
    capacity,
    record(input) {
      const entry: JournalEntry = {
        ...input,
        id: ++lastId,
        request: { ...input.request, body: truncate(input.request.body) },
        response: { ...input.response, body: truncate(input.response.body) },
      };
      if (capacity === 0) return entry;
      ring[next] = entry;
      next = (next + 1) % capacity;
      count = Math.min(count + 1, capacity);
      return entry;
    },
    entries() {
      const start = (next - count + capacity) % Math.max(capacity, 1);
      return Array.from({ length: count }, (_, index) => ring[(start + index) % capacity] as JournalEntry);
    },
    clear() {
      ring.fill(undefined);
      next = 0;
      count = 0;
    },
  };
}

function truncate(body: string): string {
  return body.length > MAX_BODY_CHARS ? `${body.slice(0, MAX_BODY_CHARS)}…[truncated ${body.length - MAX_BODY_CHARS} chars]` : body;
}
