import { createProblem } from '../errors/mock-errors.ts';
import { type BoundedBody, checkTargetLength, isBrokenOff, readBoundedBody } from '../limits/request-limits.ts';
import { answerExchange } from './answer-exchange.ts';
import { decideAnswer } from './decide-answer.ts';
import type { EngineState } from './engine-state.ts';
import { type HandleOptions, type Incoming, toIncoming } from './incoming-request.ts';
import { failedOutcome, type Outcome, problemOutcome } from './outcome.ts';

/**
 * One request through the engine (docs/development.md "A request, step by step"): limits → route → decode → validate →
 * forced? → handler → encode → strict check → journal. Every vendor outcome is data; an unexpected
 * throw becomes one logged `internal-mock-error` and the next request still works. Reading the body
 * is the one wait of most requests: the rest runs in the turn the body arrives in (a fault's delay, an
 * asynchronous handler or one queued behind another wait too).
 */
export function handleRequest(state: EngineState, request: Request, options: HandleOptions = {}): Promise<Response> {
  try {
    return Promise.resolve(receive(state, request, options));
  } catch (error) {
    // What fails outside the pipeline's own catch (a URL that does not parse, the journal) rejects, as
    // it would in an `async` function.
    return Promise.reject(error);
  }
}

/** The URL and body limits, then (once the body is read) the routed answer. */
function receive(state: EngineState, request: Request, options: HandleOptions): Response | Promise<Response> {
  const incoming = toIncoming(request, options);
  let limited: Outcome | BoundedBody | Promise<BoundedBody>;
  try {
    limited = checkLimits(state, incoming);
  } catch (error) {
    return answerExchange(state, incoming, '', failedOutcome(incoming, error));
  }
  if (!(limited instanceof Promise)) {
    return 'ok' in limited ? decideRead(state, incoming, limited) : answerExchange(state, incoming, '', limited);
  }
  return limited.then(
    (body) => decideRead(state, incoming, body),
    (error: unknown) => answerExchange(state, incoming, '', failedOutcome(incoming, error)),
  );
}

/** The URL limit (a 414 outcome), then the body, read up to its limit. */
function checkLimits(state: EngineState, { request, url, headers, readBody }: Incoming): Outcome | BoundedBody | Promise<BoundedBody> {
  const tooLong = checkTargetLength(url, state.limits.maxUrlLength);
  if (tooLong) {
    // Not awaited: a tee'd body (MSW clones requests) settles its cancel only when the other branch is read.
    request.body?.cancel().catch(() => undefined);
    return problemOutcome(tooLong);
  }
  if (request.method === 'GET' || request.method === 'HEAD') return NO_BODY;
  return readBoundedBody(request, state.limits.maxBodyBytes, headers, readBody);
}

const NO_BODY: BoundedBody = { ok: true, text: '' };

/** The body as read decides the outcome: over the limit it is a 413, else the routed answer. */
function decideRead(state: EngineState, incoming: Incoming, body: BoundedBody): Response | Promise<Response> {
  // Nobody is left to answer: no journal entry (it would record an exchange that never happened), no error.
  if (!body.ok && isBrokenOff(body)) return Response.error();
  if (!body.ok) {
    const { maxBodyBytes } = state.limits;
    const detail = `the request body has at least ${body.bytes} bytes; the limit is ${maxBodyBytes}`;
    return answerExchange(state, incoming, '', problemOutcome(createProblem('payload-too-large', detail, { limit: maxBodyBytes })));
  }
  const rawBody = body.text;
  let outcome: Outcome | Promise<Outcome>;
  try {
    outcome = decideAnswer(state, incoming, body);
  } catch (error) {
    return answerExchange(state, incoming, rawBody, failedOutcome(incoming, error));
  }
  if (!(outcome instanceof Promise)) return answerExchange(state, incoming, rawBody, outcome);
  return outcome.then(
    (decided) => answerExchange(state, incoming, rawBody, decided),
    (error: unknown) => answerExchange(state, incoming, rawBody, failedOutcome(incoming, error)),
  );
}
