import type { JournalEntry, RequestJournal } from '../journal/request-journal.ts';

/** Entries serialised per chunk of the streamed answer: small enough that no chunk blocks for long. */
const ENTRIES_PER_CHUNK = 64;

/** A page query that could not be read: the message for a `bad-admin-request`. */
export interface JournalQueryError {
  readonly error: string;
}

/**
 * `GET /__admin/requests[?after=<id>&limit=<n>]`: `{"requests": […], "next": <id> | null, "dropped": <n>,
 * "capacity": <n>}`, where `next` is the `after` of the following page (null when this page reaches the
 * newest entry) and `dropped` counts the exchanges the ring buffer let go since the last clear (so a
 * `validate` of the export can say what it never saw). The body is
 * streamed a few entries at a time, so a large journal neither fails to serialise as one string nor
 * blocks the server while it is written out.
 *
 * @see https://wiremock.org/docs/standalone/admin-api-reference/ (WireMock's `GET /__admin/requests?limit=`)
 */
export function toJournalResponse(journal: RequestJournal, query: URLSearchParams): Response | JournalQueryError {
  const after = readWholeNumber(query, 'after');
  const limit = readWholeNumber(query, 'limit');
  if (typeof after === 'object') return after;
  if (typeof limit === 'object') return limit;
  const entries = journal.entries({ ...(after === undefined ? {} : { after }), ...(limit === undefined ? {} : { limit }) });
  const last = entries.at(-1);
  const more = last !== undefined && journal.entries({ after: last.id, limit: 1 }).length > 0;
  const next = more ? last.id : null;
  const tail = `],"next":${JSON.stringify(next)},"dropped":${journal.dropped()},"capacity":${journal.capacity}}`;
  return new Response(streamJournal(entries, tail), { status: 200, headers: { 'content-type': 'application/json' } });
}

function streamJournal(entries: readonly JournalEntry[], tail: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let index = 0;
  return new ReadableStream({
    pull(controller) {
      if (index === 0) controller.enqueue(encoder.encode('{"requests":['));
      const end = Math.min(entries.length, index + ENTRIES_PER_CHUNK);
      const parts: string[] = [];
      for (; index < end; index += 1) parts.push((index === 0 ? '' : ',') + JSON.stringify(entries[index]));
      if (parts.length > 0) controller.enqueue(encoder.encode(parts.join('')));
      if (index >= entries.length) {
        controller.enqueue(encoder.encode(tail));
        controller.close();
      }
    },
  });
}

/** A whole-number query parameter (`after`, `limit`), absent, or the error naming it. */
export function readWholeNumber(query: URLSearchParams, name: string): number | undefined | JournalQueryError {
  const text = query.get(name);
  if (text === null) return undefined;
  const value = Number(text);
  if (!/^\d{1,15}$/.test(text) || !Number.isSafeInteger(value))
    return { error: `${name} must be a whole number ≥ 0, got '${text.slice(0, 40)}'` };
  return value;
}
