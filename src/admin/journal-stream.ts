import { createProblem, toProblemResponse } from '../errors/mock-errors.ts';
import type { JournalEntry, JournalEvent, RequestJournal } from '../journal/request-journal.ts';
import { readWholeNumber } from './journal-response.ts';

/** Events serialised per chunk of the stream, as in `GET /__admin/requests`. */
const EVENTS_PER_CHUNK = 64;
/** Events a reader may fall behind by before the server ends its stream (it reconnects with `Last-Event-ID`). */
export const MAX_PENDING_EVENTS = 5_000;
/** A comment line this often keeps proxies and idle timers from closing a quiet stream. */
const KEEP_ALIVE_MS = 15_000;

/**
 * `GET /__admin/requests/stream[?after=<id>]` (or `Last-Event-ID: <id>`, which a reconnecting reader
 * sends): the stream below, or a `bad-admin-request` problem for an id that is not a whole number.
 *
 * @see ../../docs/reference/admin-api.md
 */
export function toJournalStreamResponse(journal: RequestJournal, request: Request): Response {
  const query = new URL(request.url).searchParams;
  const lastEventId = request.headers.get('last-event-id');
  if (lastEventId !== null && !query.has('after')) query.set('after', lastEventId);
  const after = readWholeNumber(query, 'after');
  if (typeof after === 'object') return toProblemResponse(createProblem('bad-admin-request', after.error));
  return toJournalStream(journal, after);
}

/**
 * `GET /__admin/requests/stream`: the journal as server-sent events. First the kept entries (above
 * `after`), then each new exchange as `event: exchange` with the entry's id as the event id and the
 * entry as JSON, and `event: clear` when the journal is cleared (a reset clears it). A reader that
 * falls more than {@link MAX_PENDING_EVENTS} behind gets `event: overflow` and the end of the stream,
 * never an unbounded queue in the server. Read it with `fetch` (EventSource cannot send the admin
 * token) and resume with `?after=<last id>` or `Last-Event-ID`. The server ends open streams when it
 * shuts down (`event-stream-connections.ts`).
 *
 * @see https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
 */
export function toJournalStream(journal: RequestJournal, after?: number): Response {
  const encoder = new TextEncoder();
  // Backlog and subscription in one synchronous step: no exchange can fall between them.
  const pending: (JournalEvent | 'overflow' | 'keep-alive')[] = journal
    .entries(after === undefined ? {} : { after })
    .map((entry) => ({ type: 'exchange', entry }));
  let wake: (() => void) | undefined;
  let ended = false;
  const push = (event: JournalEvent | 'keep-alive'): void => {
    if (ended) return;
    if (pending.length >= MAX_PENDING_EVENTS) {
      pending.length = 0;
      pending.push('overflow');
      end();
    } else pending.push(event);
    wake?.();
  };
  const unsubscribe = journal.subscribe(push);
  const keepAlive = setInterval(() => push('keep-alive'), KEEP_ALIVE_MS);
  keepAlive.unref?.();
  const end = (): void => {
    ended = true;
    unsubscribe();
    clearInterval(keepAlive);
    wake?.();
  };

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`retry: 1000\n\n`));
    },
    async pull(controller) {
      while (pending.length === 0 && !ended)
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      wake = undefined;
      const batch = pending.splice(0, EVENTS_PER_CHUNK);
      if (batch.length > 0) controller.enqueue(encoder.encode(batch.map(toEventText).join('')));
      if (ended && pending.length === 0) controller.close();
    },
    cancel: end,
  });
  return new Response(body, {
    status: 200,
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' },
  });
}

function toEventText(event: JournalEvent | 'overflow' | 'keep-alive'): string {
  if (event === 'keep-alive') return ': keep-alive\n\n';
  if (event === 'overflow') return `event: overflow\ndata: {"maxPending":${MAX_PENDING_EVENTS}}\n\n`;
  if (event.type === 'clear') return 'event: clear\ndata: {}\n\n';
  return toExchangeEvent(event.entry);
}

/** One exchange as an event; JSON.stringify never emits a raw newline, so one `data:` line holds it. */
function toExchangeEvent(entry: JournalEntry): string {
  return `event: exchange\nid: ${entry.id}\ndata: ${JSON.stringify(entry)}\n\n`;
}
