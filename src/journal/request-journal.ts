import { toIsoTime } from '../clock/iso-time.ts';
import type { ValidationIssue } from '../validate/validation-issue.ts';
import { type BodyChunks, createBodyChunks, readFirst, readSecond } from './body-chunks.ts';
import { createSharedRecords, type SharedRecords } from './shared-records.ts';

/** One exchange as the journal keeps it: what came in, what went out, and what the specs said of both. */
export interface JournalEntry {
  readonly id: number;
  readonly time: string;
  readonly durationMs: number;
  readonly vendor: string | null;
  /** `vendor.operationId` (`omeda.cancelDeployment`), the spelling `force()` and fault plans take. */
  readonly operationId: string | null;
  /** Header records are read-only: an entry read from the ring shares its (frozen) record with entries whose headers are equal. */
  readonly request: {
    readonly method: string;
    readonly url: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly body: string;
  };
  readonly response: { readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: string };
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
  readonly request: Omit<JournalEntry['request'], 'headers'> & { readonly headers: Headers | Readonly<Record<string, string>> };
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
 *
 * The ring keeps each exchange in columns rather than as objects: its numbers in a `Float64Array`, its
 * bodies as bytes in `BodyChunks`, and in a plain array only references to what is shared or rare
 * (vendor, operation, method and URL strings that are already old; header records shared through
 * `SharedRecords`; issue lists, which are empty unless something broke; a `forced` note). Keeping the
 * last 1,000 exchanges alive as objects made the collector copy, promote and mark every one of them:
 * about a tenth of the server's CPU per request. Entries are built when read.
 *
 * @see https://wiremock.org/docs/verifying/ (WireMock's request journal, the model)
 */
export function createRequestJournal(capacity: number = DEFAULT_JOURNAL_CAPACITY): RequestJournal {
  if (!Number.isInteger(capacity) || capacity < 0 || capacity > MAX_JOURNAL_CAPACITY)
    throw new RangeError(`journal capacity must be a whole number from 0 to ${MAX_JOURNAL_CAPACITY}, got ${capacity}`);
  // The columns grow to the capacity as entries come (never allocated whole up front).
  const columns: Columns = { numbers: new Float64Array(Math.min(capacity, FIRST_ROOM) * NUMBERS), refs: [] };
  let size = 0;
  let oldest = 0;
  let lastId = 0;
  let dropped = 0;
  const bodies = createBodyChunks();
  const requestRecords = createSharedRecords();
  const responseRecords = createSharedRecords();
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
  const slotOf = (index: number): number => (oldest + index) % capacity;
  const ring: Ring = {
    holds: (slot, id) => slot >= 0 && slot < size && columns.numbers[slot * NUMBERS + ID] === id,
    read: (slot) => readSlot(ring, columns, slot),
    answerIssues: (slot) => answerIssues(columns, slot),
    keepHeaders: (slot, record) => {
      columns.refs[slot * REFS + REQUEST_HEADERS] = record;
    },
  };
  return {
    capacity,
    record(input) {
      const id = ++lastId;
      if (capacity === 0) {
        dropped += 1;
        return new RecordedExchange(id, -1, input, ring);
      }
      const full = size === capacity;
      const slot = full ? oldest : size;
      if (slot * NUMBERS >= columns.numbers.length) columns.numbers = grown(columns.numbers, capacity);
      const recorded = new RecordedExchange(id, slot, input, ring);
      keep(columns, recorded, bodies, requestRecords, responseRecords);
      // Counted once the exchange is kept: an input `keep` refuses leaves the ring as it was.
      if (full) {
        oldest = (oldest + 1) % capacity;
        dropped += 1;
      } else size += 1;
      if (listeners.size > 0) publish({ type: 'exchange', entry: recorded.read() });
      return recorded;
    },
    entries(page = {}) {
      const after = page.after ?? 0;
      const first = firstAbove(columns.numbers, size, slotOf, after);
      const end = page.limit === undefined ? size : Math.min(size, first + page.limit);
      const entries: JournalEntry[] = [];
      for (let index = first; index < end; index++) entries.push(ring.read(slotOf(index)));
      return entries;
    },
    dropped: () => dropped,
    clear() {
      columns.numbers = new Float64Array(Math.min(capacity, FIRST_ROOM) * NUMBERS);
      columns.refs = [];
      size = 0;
      oldest = 0;
      dropped = 0;
      bodies.clear();
      publish({ type: 'clear' });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Slots the columns start with; they double up to the capacity. */
const FIRST_ROOM = 8;

/** An entry's numbers: the id, the start time (NaN when given as text), the duration, the status, and where its bodies are. */
const NUMBERS = 8;
const ID = 0;
const TIME = 1;
const DURATION = 2;
const STATUS = 3;
const BODY_START = 4;
const REQUEST_BYTES = 5;
const RESPONSE_BYTES = 6;
const ENCODINGS = 7;

/** An entry's references: all old or shared strings and objects, or (issues, `forced`) mostly nothing. */
const REFS = 11;
const VENDOR = 0;
const OPERATION = 1;
const METHOD = 2;
const URL_TEXT = 3;
const REQUEST_HEADERS = 4;
const RESPONSE_HEADERS = 5;
const FORCED = 6;
const REQUEST_ISSUES = 7;
const RESPONSE_ISSUES = 8;
const CHUNK = 9;
const TIME_TEXT = 10;

/** The ring's columns (replaced when they grow or are cleared). */
interface Columns {
  numbers: Float64Array;
  refs: unknown[];
}

/** What an entry handed out by `record` needs of the ring it was kept in. */
interface Ring {
  /** Whether the slot still holds the entry of that id (the ring has not wrapped over it, no clear since). */
  holds(slot: number, id: number): boolean;
  read(slot: number): JournalEntry;
  /** The answer issues of the entry in that slot, its check run now if it is pending (the issues are then kept). */
  answerIssues(slot: number): readonly ValidationIssue[];
  /** Keeps the header record made from the `Headers` the entry in that slot was recorded with. */
  keepHeaders(slot: number, record: Readonly<Record<string, string>>): void;
}

function grown(numbers: Float64Array, capacity: number): Float64Array {
  const larger = new Float64Array(Math.min(capacity, (numbers.length / NUMBERS) * 2) * NUMBERS);
  larger.set(numbers);
  return larger;
}

/** Writes an exchange into its slot's columns. */
function keep(
  { numbers, refs }: Columns,
  exchange: RecordedExchange,
  bodies: BodyChunks,
  requestRecords: SharedRecords,
  responseRecords: SharedRecords,
): void {
  const { slot, time, requestHeaders, responseIssues, requestIssues } = exchange;
  // All that can refuse an input comes first, so that a refused one changes no column.
  const kept = bodies.write(exchange.requestBody, exchange.responseBody);
  const headers = isHeaders(requestHeaders) ? requestHeaders : requestRecords.share(requestHeaders);
  const responseHeaders = responseRecords.share(exchange.responseHeaders);
  const issues = requestIssues.length === 0 ? undefined : requestIssues;
  const answerIssues = typeof responseIssues === 'function' || responseIssues.length > 0 ? responseIssues : undefined;
  // The entry this one replaces (a full ring) no longer reads its chunk.
  const replaced = refs[slot * REFS + CHUNK] as Buffer | undefined;
  if (replaced !== undefined) bodies.release(replaced);
  const at = slot * NUMBERS;
  numbers[at + ID] = exchange.id;
  numbers[at + TIME] = typeof time === 'number' ? time : Number.NaN;
  numbers[at + DURATION] = exchange.durationMs;
  numbers[at + STATUS] = exchange.status;
  numbers[at + BODY_START] = kept.start;
  numbers[at + REQUEST_BYTES] = kept.firstBytes;
  numbers[at + RESPONSE_BYTES] = kept.secondBytes;
  numbers[at + ENCODINGS] = kept.encodings;
  // In index order, so that a new slot appends to a packed array.
  const base = slot * REFS;
  refs[base + VENDOR] = exchange.vendor;
  refs[base + OPERATION] = exchange.operationId;
  refs[base + METHOD] = exchange.method;
  refs[base + URL_TEXT] = exchange.url;
  refs[base + REQUEST_HEADERS] = headers;
  refs[base + RESPONSE_HEADERS] = responseHeaders;
  refs[base + FORCED] = exchange.forced ?? undefined;
  refs[base + REQUEST_ISSUES] = issues;
  refs[base + RESPONSE_ISSUES] = answerIssues;
  refs[base + CHUNK] = kept.chunk;
  refs[base + TIME_TEXT] = typeof time === 'string' ? time : undefined;
}

/** The entry in a slot, built from its columns. */
function readSlot(ring: Ring, { numbers, refs }: Columns, slot: number): JournalEntry {
  const at = slot * NUMBERS;
  const base = slot * REFS;
  const chunk = refs[base + CHUNK] as Buffer;
  const start = numbers[at + BODY_START] as number;
  const requestBytes = numbers[at + REQUEST_BYTES] as number;
  const encodings = numbers[at + ENCODINGS] as number;
  const timeText = refs[base + TIME_TEXT] as string | undefined;
  const id = numbers[at + ID] as number;
  const headers = refs[base + REQUEST_HEADERS] as Headers | Readonly<Record<string, string>>;
  const issues = refs[base + RESPONSE_ISSUES] as readonly ValidationIssue[] | (() => readonly ValidationIssue[]) | undefined;
  return entryOf(
    id,
    timeText ?? toIsoTime(numbers[at + TIME] as number),
    numbers[at + DURATION] as number,
    refs[base + VENDOR] as string | null,
    refs[base + OPERATION] as string | null,
    refs[base + METHOD] as string,
    refs[base + URL_TEXT] as string,
    isHeaders(headers) ? new PendingHeaders(headers, ring, slot, id) : headers,
    readFirst(chunk, start, requestBytes, encodings),
    numbers[at + STATUS] as number,
    refs[base + RESPONSE_HEADERS] as Readonly<Record<string, string>>,
    readSecond(chunk, start + requestBytes, numbers[at + RESPONSE_BYTES] as number, encodings),
    (refs[base + FORCED] as JournalEntry['forced'] | undefined) ?? null,
    (refs[base + REQUEST_ISSUES] as readonly ValidationIssue[] | undefined) ?? [],
    typeof issues === 'function' ? () => (ring.holds(slot, id) ? ring.answerIssues(slot) : issues()) : (issues ?? []),
  );
}

/** The answer issues of the entry in a slot, worked out now if its check is pending (then kept). */
function answerIssues({ refs }: Columns, slot: number): readonly ValidationIssue[] {
  const pending = refs[slot * REFS + RESPONSE_ISSUES] as readonly ValidationIssue[] | (() => readonly ValidationIssue[]) | undefined;
  if (typeof pending !== 'function') return pending ?? [];
  const issues = pending();
  refs[slot * REFS + RESPONSE_ISSUES] = issues.length === 0 ? undefined : issues;
  return issues;
}

/** Headers kept as `Headers` (by a caller other than the engine), made a record when first read; the ring keeps the record. */
class PendingHeaders {
  #record: Readonly<Record<string, string>> | undefined;
  constructor(
    readonly headers: Headers,
    readonly ring: Ring,
    readonly slot: number,
    readonly id: number,
  ) {}
  record(): Readonly<Record<string, string>> {
    if (this.#record === undefined) {
      this.#record = toHeaderRecord(this.headers);
      if (this.ring.holds(this.slot, this.id)) this.ring.keepHeaders(this.slot, this.#record);
    }
    return this.#record;
  }
}

/** An entry: a plain object of one shape whatever the exchange, with accessors only for the parts dear to build. */
function entryOf(
  id: number,
  time: string,
  durationMs: number,
  vendor: string | null,
  operationId: string | null,
  method: string,
  url: string,
  headers: Readonly<Record<string, string>> | PendingHeaders,
  requestBody: string,
  status: number,
  responseHeaders: Readonly<Record<string, string>>,
  responseBody: string,
  forced: JournalEntry['forced'],
  requestIssues: readonly ValidationIssue[],
  responseIssues: readonly ValidationIssue[] | (() => readonly ValidationIssue[]),
): JournalEntry {
  return {
    id,
    time,
    durationMs,
    vendor,
    operationId,
    request:
      headers instanceof PendingHeaders ? lazyHeaders(method, url, headers, requestBody) : { method, url, headers, body: requestBody },
    response: { status, headers: responseHeaders, body: responseBody },
    forced,
    validation:
      typeof responseIssues === 'function'
        ? lazyResponseIssues(requestIssues, responseIssues)
        : { request: requestIssues, response: responseIssues },
  };
}

/**
 * What `record` hands back: the exchange as handed in (bodies cut), readable at once without decoding
 * (the request log reads every entry as it is recorded), its answer check shared with the ring while
 * the ring holds the entry. It lives as long as its holder keeps it, the engine for one event-loop
 * turn at most. It reads nothing of the input again; a cut body may be V8's view of the whole body,
 * so a handle kept for long would keep that body.
 */
class RecordedExchange {
  readonly time: number | string;
  readonly durationMs: number;
  readonly vendor: string | null;
  readonly operationId: string | null;
  readonly method: string;
  readonly url: string;
  readonly requestHeaders: Headers | Readonly<Record<string, string>>;
  readonly requestBody: string;
  readonly status: number;
  readonly responseHeaders: Readonly<Record<string, string>>;
  readonly responseBody: string;
  readonly forced: JournalEntry['forced'];
  readonly requestIssues: readonly ValidationIssue[];
  #responseIssues: readonly ValidationIssue[] | (() => readonly ValidationIssue[]);

  constructor(
    readonly id: number,
    readonly slot: number,
    input: NewJournalEntry,
    readonly ring: Ring,
  ) {
    const { request, response } = input;
    this.time = input.time;
    this.durationMs = input.durationMs;
    this.vendor = input.vendor;
    this.operationId = input.operationId;
    this.method = request.method;
    this.url = request.url;
    this.requestHeaders = request.headers;
    this.requestBody = truncate(request.body);
    this.status = response.status;
    this.responseHeaders = response.headers;
    this.responseBody = truncate(response.body);
    this.forced = input.forced;
    this.requestIssues = input.validation.request;
    this.#responseIssues = input.validation.response;
  }

  /** The answer's issues as handed in: a list, or a check not run yet. */
  get responseIssues(): readonly ValidationIssue[] | (() => readonly ValidationIssue[]) {
    return this.#responseIssues;
  }

  read(): JournalEntry {
    const { time, requestHeaders } = this;
    return entryOf(
      this.id,
      typeof time === 'number' ? toIsoTime(time) : time,
      this.durationMs,
      this.vendor,
      this.operationId,
      this.method,
      this.url,
      isHeaders(requestHeaders) ? new PendingHeaders(requestHeaders, this.ring, this.slot, this.id) : requestHeaders,
      this.requestBody,
      this.status,
      this.responseHeaders,
      this.responseBody,
      this.forced,
      this.requestIssues,
      typeof this.#responseIssues === 'function' ? () => this.answerIssues() : this.#responseIssues,
    );
  }

  /** The answer's issues, worked out once: by the ring while it holds the entry, so that one check serves both. */
  answerIssues(): readonly ValidationIssue[] {
    const pending = this.#responseIssues;
    if (typeof pending !== 'function') return pending;
    const issues = this.ring.holds(this.slot, this.id) ? this.ring.answerIssues(this.slot) : pending();
    this.#responseIssues = issues;
    return issues;
  }
}

/** Runs a recorded exchange's answer check now, if it is still pending (its issues are then kept). */
export function runAnswerCheck(recorded: ReturnType<RequestJournal['record']>): void {
  try {
    (recorded as RecordedExchange).answerIssues();
  } catch {
    // Thrown again to whoever reads the entry.
  }
}

/** Index (oldest first) of the first entry whose id is above `after` (ids ascend oldest to newest): a binary search. */
function firstAbove(numbers: Float64Array, size: number, slotOf: (index: number) => number, after: number): number {
  let low = 0;
  let high = size;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((numbers[slotOf(middle) * NUMBERS + ID] as number) <= after) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The request of an entry whose header record is built from `Headers` when first read. */
function lazyHeaders(method: string, url: string, pending: PendingHeaders, body: string): JournalEntry['request'] {
  return {
    method,
    url,
    get headers() {
      return pending.record();
    },
    body,
  };
}

/** Where an entry's `validation` keeps the answer check it runs when first read. */
const PENDING_CHECK = Symbol('pending answer check');
/** A slot for `PENDING_CHECK`: not enumerable, so no copy, comparison or JSON of the entry sees it. */
const HIDDEN: PropertyDescriptor = { value: undefined, writable: true, enumerable: false, configurable: true };
/** One getter shared by every entry: a getter written in an object literal would be a new function, and a new hidden class, per entry. */
const RESPONSE_ISSUES_GETTER: PropertyDescriptor = {
  get(this: { [PENDING_CHECK]: () => readonly ValidationIssue[] }) {
    return this[PENDING_CHECK]();
  },
  enumerable: true,
  configurable: true,
};

/** Validation whose answer issues are worked out when first read (strict mode off: nothing needed them sooner). */
function lazyResponseIssues(request: readonly ValidationIssue[], check: () => readonly ValidationIssue[]): JournalEntry['validation'] {
  let issues: readonly ValidationIssue[] | undefined;
  const once = (): readonly ValidationIssue[] => {
    issues ??= check();
    return issues;
  };
  const validation = { request };
  Object.defineProperty(validation, PENDING_CHECK, HIDDEN);
  Object.defineProperty(validation, 'response', RESPONSE_ISSUES_GETTER);
  (validation as unknown as { [PENDING_CHECK]: () => readonly ValidationIssue[] })[PENDING_CHECK] = once;
  return validation as JournalEntry['validation'];
}

function isHeaders(headers: Headers | Readonly<Record<string, string>>): headers is Headers {
  return headers instanceof Headers;
}

function toHeaderRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    record[name] = value;
  });
  return record;
}

/**
 * The first 64 KiB of a longer body, saying how much was cut. V8 may keep the cut as a view of the
 * whole body, but only the handle `record` returns holds it: the ring keeps the cut's bytes.
 */
function truncate(body: string): string {
  if (body.length <= MAX_BODY_CHARS) return body;
  return `${body.slice(0, MAX_BODY_CHARS)}…[truncated ${body.length - MAX_BODY_CHARS} chars]`;
}
