import { toIsoTime } from '../clock/iso-time.ts';
import type { ValidationIssue } from '../validate/validation-issue.ts';

/** One exchange as the journal keeps it: what came in, what went out, and what the specs said of both. */
export interface JournalEntry {
  readonly id: number;
  readonly time: string;
  readonly durationMs: number;
  readonly vendor: string | null;
  /** `vendor.operationId` (`omeda.cancelDeployment`), the spelling `force()` and fault plans take. */
  readonly operationId: string | null;
  readonly request: { readonly method: string; readonly url: string; readonly headers: Record<string, string>; readonly body: string };
  readonly response: { readonly status: number; readonly headers: Record<string, string>; readonly body: string };
  /** Set when the answer was forced, and by what. */
  readonly forced: { readonly status: number; readonly example?: string; readonly by: 'prefer' | 'queue' | 'fault' } | null;
  readonly validation: { readonly request: readonly ValidationIssue[]; readonly response: readonly ValidationIssue[] };
}

/**
 * An exchange as the engine hands it over, cheap to build on every request: the start time as epoch
 * milliseconds, the request's own `Headers` (or its header record) and, when nothing needed them while
 * answering, the answer's validation issues as a function. They become the entry's ISO time, plain
 * header object and issue list only when the journal is read.
 */
export type NewJournalEntry = Omit<JournalEntry, 'id' | 'time' | 'request' | 'validation'> & {
  readonly time: number | string;
  readonly request: Omit<JournalEntry['request'], 'headers'> & { readonly headers: Headers | Record<string, string> };
  readonly validation: {
    readonly request: readonly ValidationIssue[];
    readonly response: readonly ValidationIssue[] | (() => readonly ValidationIssue[]);
  };
};

/** What a journal subscriber hears: each exchange as it is recorded, and each clear (a reset clears too). */
export type JournalEvent = { readonly type: 'exchange'; readonly entry: JournalEntry } | { readonly type: 'clear' };

/** Which entries to read: those with an id above `after`, at most `limit` of them (oldest first). */
export interface JournalPage {
  readonly after?: number;
  readonly limit?: number;
}

/**
 * A bounded ring buffer of exchanges, newest last: memory stays flat however long the mock runs.
 * Bodies are kept up to 64 KiB — the only copy the journal holds, so a 1 MiB request costs 64 KiB.
 */
export interface RequestJournal {
  /** Keeps an exchange; returns the entry as it will be read. */
  record(entry: NewJournalEntry): { readonly id: number; read(): JournalEntry };
  /** Every kept entry, oldest first, or one page of them. */
  entries(page?: JournalPage): readonly JournalEntry[];
  /** Exchanges recorded since the last clear that the ring buffer no longer holds (the oldest go first). */
  dropped(): number;
  /** Forgets every entry (ids keep counting); constant time whatever the capacity. */
  clear(): void;
  /**
   * Calls `listener` synchronously after each record and clear, until the returned function is called.
   * A listener that throws is dropped (it never breaks the exchange that is being recorded).
   */
  subscribe(listener: (event: JournalEvent) => void): () => void;
  readonly capacity: number;
}

export const DEFAULT_JOURNAL_CAPACITY = 1000;
/** The largest ring: 100,000 entries of at most 2 × 64 KiB of bodies each. */
export const MAX_JOURNAL_CAPACITY = 100_000;
const MAX_BODY_CHARS = 64 * 1024;

/**
 * The journal of one mock (`GET /__admin/requests`).
 * @see https://wiremock.org/docs/verifying/ (WireMock's request journal, the model)
 */
export function createRequestJournal(capacity: number = DEFAULT_JOURNAL_CAPACITY): RequestJournal {
  if (!Number.isInteger(capacity) || capacity < 0 || capacity > MAX_JOURNAL_CAPACITY)
    throw new RangeError(`journal capacity must be a whole number from 0 to ${MAX_JOURNAL_CAPACITY}, got ${capacity}`);
  // The ring grows to its capacity as entries come (never pre-allocated), and clearing drops it whole.
  let ring: KeptExchange[] = [];
  let oldest = 0;
  let lastId = 0;
  let dropped = 0;
  const listeners = new Set<(event: JournalEvent) => void>();
  const publish = (event: JournalEvent): void => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        listeners.delete(listener);
      }
    }
  };
  const ordered = (): KeptExchange[] => (oldest === 0 ? ring : [...ring.slice(oldest), ...ring.slice(0, oldest)]);
  return {
    capacity,
    record(input) {
      const kept = keep(++lastId, input);
      if (ring.length === capacity) dropped += 1;
      if (capacity > 0 && ring.length < capacity) ring.push(kept);
      else if (capacity > 0) {
        ring[oldest] = kept;
        oldest = (oldest + 1) % capacity;
      }
      if (listeners.size > 0) publish({ type: 'exchange', entry: kept.read() });
      return kept;
    },
    entries(page = {}) {
      const kept = ordered();
      const after = page.after ?? 0;
      const first = firstAbove(kept, after);
      const end = page.limit === undefined ? kept.length : Math.min(kept.length, first + page.limit);
      return kept.slice(first, end).map((exchange) => exchange.read());
    },
    dropped: () => dropped,
    clear() {
      ring = [];
      oldest = 0;
      dropped = 0;
      publish({ type: 'clear' });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Index of the first exchange whose id is above `after` (ids ascend oldest to newest): a binary search. */
function firstAbove(kept: readonly KeptExchange[], after: number): number {
  let low = 0;
  let high = kept.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((kept[middle] as KeptExchange).id <= after) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * What the ring keeps of one exchange: a single object whose fields are the entry's parts (bodies
 * already cut), made a `JournalEntry` each time it is read. It holds no reference to the input, whose
 * request body may be a whole MiB; an unread answer check holds the answer's decoded body (bounded like
 * the answer itself).
 *
 * The journal keeps the last 1,000 exchanges alive, so every object an exchange leaves behind is
 * copied and promoted by the collector and later marked in old space, log or no log. One object per
 * exchange, with no closure and no context of its own, instead of a slot, its `read` closure and that
 * closure's context, the response object and (once the log had read it) the entry, its request and
 * validation and the time text. A read builds those for its reader; they die young. What must stay
 * once worked out (the answer's issues, a header record made from `Headers`) is written back here.
 * An object literal with one shared `read` rather than a class: V8 tracks where literals are made and
 * allocates those that always live long straight in the old generation (a quarter fewer bytes copied
 * and promoted per Omeda request than with a class instance).
 */
interface KeptExchange {
  readonly id: number;
  readonly time: number | string;
  readonly durationMs: number;
  readonly vendor: string | null;
  readonly operationId: string | null;
  readonly method: string;
  readonly url: string;
  requestHeaders: Headers | Record<string, string>;
  readonly requestBody: string;
  readonly status: number;
  readonly responseHeaders: Record<string, string>;
  readonly responseBody: string;
  readonly forced: JournalEntry['forced'];
  readonly requestIssues: readonly ValidationIssue[];
  responseIssues: readonly ValidationIssue[] | (() => readonly ValidationIssue[]);
  read(this: KeptExchange): JournalEntry;
}

/** The exchange as the ring keeps it. */
function keep(id: number, input: NewJournalEntry): KeptExchange {
  return {
    id,
    time: input.time,
    durationMs: input.durationMs,
    vendor: input.vendor,
    operationId: input.operationId,
    method: input.request.method,
    url: input.request.url,
    requestHeaders: input.request.headers,
    requestBody: truncate(input.request.body),
    status: input.response.status,
    responseHeaders: input.response.headers,
    responseBody: truncate(input.response.body),
    forced: input.forced,
    requestIssues: input.validation.request,
    responseIssues: input.validation.response,
    read: readKept,
  };
}

/**
 * The entry: a plain object of one shape whatever the exchange, whose only accessors are the parts
 * that are dear to build and that a request log line never reads (an object literal with a getter
 * gets a hidden class of its own in V8, each getter being a new function, which made every read of
 * an entry slow; the answer check's getter is therefore one function for all entries).
 */
function readKept(this: KeptExchange): JournalEntry {
  const { time, requestHeaders, responseIssues } = this;
  return {
    id: this.id,
    time: typeof time === 'number' ? toIsoTime(time) : time,
    durationMs: this.durationMs,
    vendor: this.vendor,
    operationId: this.operationId,
    request: isHeaders(requestHeaders)
      ? lazyHeaders(this)
      : { method: this.method, url: this.url, headers: requestHeaders, body: this.requestBody },
    response: { status: this.status, headers: this.responseHeaders, body: this.responseBody },
    forced: this.forced,
    validation: typeof responseIssues === 'function' ? lazyResponseIssues(this) : { request: this.requestIssues, response: responseIssues },
  };
}

/** Runs a recorded exchange's answer check now, if it is still pending (its issues are then kept). */
export function runAnswerCheck(recorded: ReturnType<RequestJournal['record']>): void {
  try {
    answerIssues(recorded as KeptExchange);
  } catch {
    // Thrown again to whoever reads the entry.
  }
}

/** The answer's issues, worked out on first call when they were handed over as a check (then kept). */
function answerIssues(kept: KeptExchange): readonly ValidationIssue[] {
  const pending = kept.responseIssues;
  if (typeof pending !== 'function') return pending;
  const issues = pending();
  kept.responseIssues = issues;
  return issues;
}

/** The request of an entry whose header record is built from `Headers` when first read (then kept). */
function lazyHeaders(kept: KeptExchange): JournalEntry['request'] {
  return {
    method: kept.method,
    url: kept.url,
    get headers() {
      const headers = kept.requestHeaders;
      if (!isHeaders(headers)) return headers;
      const record = toHeaderRecord(headers);
      kept.requestHeaders = record;
      return record;
    },
    body: kept.requestBody,
  };
}

/** Where an entry's `validation` keeps the exchange whose answer check it runs when first read. */
const PENDING_CHECK = Symbol('pending answer check');
/** A slot for `PENDING_CHECK`: not enumerable, so no copy, comparison or JSON of the entry sees it. */
const HIDDEN: PropertyDescriptor = { value: undefined, writable: true, enumerable: false, configurable: true };
/** One getter shared by every entry: a getter written in an object literal would be a new function, and a new hidden class, per entry. */
const RESPONSE_ISSUES: PropertyDescriptor = {
  get(this: { [PENDING_CHECK]: KeptExchange }) {
    return answerIssues(this[PENDING_CHECK]);
  },
  enumerable: true,
  configurable: true,
};

/** Validation whose answer issues are worked out when first read (strict mode off: nothing needed them sooner). */
function lazyResponseIssues(kept: KeptExchange): JournalEntry['validation'] {
  const validation = { request: kept.requestIssues };
  Object.defineProperty(validation, PENDING_CHECK, HIDDEN);
  Object.defineProperty(validation, 'response', RESPONSE_ISSUES);
  (validation as unknown as { [PENDING_CHECK]: KeptExchange })[PENDING_CHECK] = kept;
  return validation as JournalEntry['validation'];
}

function isHeaders(headers: Headers | Record<string, string>): headers is Headers {
  return typeof (headers as Headers).forEach === 'function';
}

function toHeaderRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    record[name] = value;
  });
  return record;
}

/**
 * The first 64 KiB of a longer body, as a string of its own: V8 keeps a `slice` of a long string as a
 * view of the whole, so a plain slice would hold the full MiB in memory. A UTF-16 round trip copies the
 * code units exactly (lone surrogates too).
 */
function truncate(body: string): string {
  if (body.length <= MAX_BODY_CHARS) return body;
  const kept = Buffer.from(body.slice(0, MAX_BODY_CHARS), 'utf16le').toString('utf16le');
  return `${kept}…[truncated ${body.length - MAX_BODY_CHARS} chars]`;
}
