import { type EncodedResponse, toFetchResponse } from '../encode/encode-response.ts';
import { noteErrorText } from '../errors/noted-error-text.ts';
import { UNREAD } from './answer-error-text.ts';
import { checkAfterAnswers } from './check-after-answers.ts';
import type { CompiledVendor } from './compile-vendor.ts';
import type { EngineState } from './engine-state.ts';
import type { Incoming } from './incoming-request.ts';
import type { Outcome } from './outcome.ts';

/**
 * Journals the exchange and answers it: the last step of every request the engine answers. A HEAD
 * request gets the GET answer's status and headers without its body (RFC 9110 §9.3.2), and is
 * journaled so: with an empty response body.
 */
export function answerExchange(state: EngineState, incoming: Incoming, rawBody: string, outcome: Outcome): Response {
  const { request, headers, started } = incoming;
  const encoded = request.method === 'HEAD' ? withoutBodyText(outcome.encoded) : outcome.encoded;
  const recorded = state.journal.record({
    time: incoming.startedAt,
    durationMs: Math.round((performance.now() - started) * 1000) / 1000,
    vendor: outcome.vendor?.name ?? null,
    // One spelling everywhere (force, fault plans, the journal): `vendor.operationId`.
    operationId: outcome.vendor && outcome.operationId ? qualifiedId(outcome.vendor, outcome.operationId) : null,
    request: { method: request.method, url: journalUrl(request.url), headers, body: rawBody },
    response: outcome.dropped
      ? { status: 0, headers: {}, body: '' }
      : { status: encoded.status, headers: encoded.headers, body: encoded.bodyText },
    forced: outcome.forced,
    validation: { request: outcome.requestIssues, response: outcome.responseIssues },
  });
  if (typeof outcome.responseIssues === 'function') checkAfterAnswers(recorded);
  if (state.onExchange) {
    const entry = recorded.read();
    if (outcome.errorText !== UNREAD) noteErrorText(entry.response, outcome.errorText);
    state.onExchange(entry);
  }
  // `Response.error()` is the engine's "drop" marker: the server adapter destroys the socket, the MSW
  // adapter answers a network error.
  return outcome.dropped ? Response.error() : toFetchResponse(encoded);
}

/** An answer's status and headers without its body: what a HEAD request gets. */
function withoutBodyText(encoded: EncodedResponse): EncodedResponse {
  return { ...encoded, bodyText: '' };
}

/** The operation's `vendor.operationId`, made once when the vendor was compiled. */
function qualifiedId(vendor: CompiledVendor, operationId: string): string {
  return vendor.operations.get(operationId)?.qualifiedId ?? `${vendor.name}.${operationId}`;
}

/** The request URL journaled last. */
let lastUrl = '';

/**
 * The request's URL as the journal keeps it: a request to the URL of the request before gets that
 * string (equal text), so what the journal holds is a string that is already old rather than a new
 * copy for the collector to move while the entry lives.
 */
function journalUrl(url: string): string {
  if (url !== lastUrl) lastUrl = url;
  return lastUrl;
}
