import { decodeRequest } from '../decode/decode-request.ts';
import type { DecodedRequest } from '../decode/decoded-request.ts';
import { type EncodedResponse, encodeResponse, toFetchResponse } from '../encode/encode-response.ts';
import { createProblem, type MockProblem } from '../errors/mock-errors.ts';
import { noteErrorText } from '../errors/noted-error-text.ts';
import type { FaultDecision } from '../faults/fault-injector.ts';
import { toDocumentedResponse } from '../force/documented-response.ts';
import { type ForceRequest, readForceRequest } from '../force/prefer-header.ts';
import type { JournalEntry } from '../journal/request-journal.ts';
import { type BoundedBody, checkTargetLength, isBrokenOff, readBoundedBody } from '../limits/request-limits.ts';
import { unknownRouteIssue } from '../routing/closest-route.ts';
import { matchRoute } from '../routing/match-route.ts';
import { countStoreChanges } from '../store/vendor-store.ts';
import type { ValidationIssue } from '../validate/validation-issue.ts';
import type { HandlerContext, HandlerResult } from '../vendor/vendor-module.ts';
import { errorTextOfAnswer, UNREAD } from './answer-error-text.ts';
import { checkAfterAnswers } from './check-after-answers.ts';
import { type CompiledOperation, type CompiledVendor, findVendorByPathPrefix } from './compile-vendor.ts';
import type { EngineState, VendorRecords } from './engine-state.ts';
import { type RawRequest, readRequest } from './read-request.ts';

/** What the pipeline decided, before it becomes a Fetch Response and a journal entry. */
interface Outcome {
  readonly vendor: CompiledVendor | null;
  readonly operationId: string | null;
  readonly encoded: EncodedResponse;
  readonly forced: JournalEntry['forced'];
  readonly requestIssues: readonly ValidationIssue[];
  /** What the spec says of the answer; a function when nothing needs it now (strict mode off), run only if the journal entry is read. */
  readonly responseIssues: readonly ValidationIssue[] | (() => readonly ValidationIssue[]);
  /** An injected fault: no answer at all (the adapters drop the connection or raise a network error). */
  readonly dropped: boolean;
  /** The answer's error text for the `onExchange` hook's entry, when read from the handler's body value. */
  readonly errorText: string | undefined | typeof UNREAD;
}

/**
 * How a request reaches the engine when a session layer stands in front of it.
 * @see ../../docs/guides/sessions.md
 */
export interface HandleOptions {
  /** The vendor URL to answer (the request's URL with a session prefix taken off; the journal keeps the URL as sent). */
  readonly url?: URL;
  /**
   * What URLs the mock hands out hang off (SFMC instance URLs, Omeda's lookup `Url`, the WSDL
   * address): a session's base URL keeps a client that follows them in the session. Default: the origin.
   */
  readonly baseUrl?: string;
  /**
   * The request's headers as a record of lower-case names, listed like `Object.fromEntries(request.headers)`,
   * when the adapter has them already: the server adapter reads them from Node's raw lines, which costs a
   * tenth of building and sorting a Fetch `Headers`. Default: read from `request.headers`.
   */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * One request through the engine (DESIGN.md "Data flow"): route → decode → validate → forced? →
 * handler → strict check → encode → journal. Every vendor outcome is data; an unexpected throw
 * becomes one logged `internal-mock-error` and the next request still works. Reading the body is the
 * one wait of most requests: the rest runs in the turn the body arrives in (a fault's delay, an
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
  const started = performance.now();
  const startedAt = Date.now();
  const url = options.url ?? new URL(request.url);
  // One record serves decoding, routing and the journal (which keeps it instead of the request's `Headers`).
  const headers = options.headers ?? Object.fromEntries(request.headers);
  const baseUrl = options.baseUrl ?? (options.url ? url.origin : originOf(request.url, url));
  const incoming: Incoming = { request, url, headers, baseUrl, started, startedAt };
  let limited: Outcome | BoundedBody | Promise<BoundedBody>;
  try {
    limited = checkLimits(state, incoming);
  } catch (error) {
    return answer(state, incoming, '', failed(incoming, error));
  }
  if (!isPromise(limited)) return 'ok' in limited ? decideRead(state, incoming, limited) : answer(state, incoming, '', limited);
  return limited.then(
    (body) => decideRead(state, incoming, body),
    (error: unknown) => answer(state, incoming, '', failed(incoming, error)),
  );
}

/** The origin last read from a URL. */
let lastOrigin = 'null';

/**
 * `url.origin`, where `href` is the URL's text. A client keeps sending to one origin, so when `href`
 * starts with the last origin read and a `/`, that is its origin (the authority ends at that `/` and
 * reads as it did), without serialising it again from the URL.
 */
function originOf(href: string, url: URL): string {
  // `indexOf`: a native search, where optimised `startsWith` compares a character at a time.
  if (href.indexOf(lastOrigin) === 0 && href.charCodeAt(lastOrigin.length) === 47) return lastOrigin;
  lastOrigin = url.origin;
  return lastOrigin;
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

/** The body as read decides the outcome: over the limit it is a 413, else the routed answer. */
function decideRead(state: EngineState, incoming: Incoming, body: BoundedBody): Response | Promise<Response> {
  // Nobody is left to answer: no journal entry (it would record an exchange that never happened), no error.
  if (!body.ok && isBrokenOff(body)) return Response.error();
  if (!body.ok) {
    const detail = `the request body has at least ${body.bytes} bytes; the limit is ${state.limits.maxBodyBytes}`;
    return answer(
      state,
      incoming,
      '',
      outcomeOf(null, null, encodeProblem(createProblem('payload-too-large', detail, { limit: state.limits.maxBodyBytes }))),
    );
  }
  const rawBody = body.text;
  let outcome: Outcome | Promise<Outcome>;
  try {
    outcome = decide(state, incoming, body);
  } catch (error) {
    return answer(state, incoming, rawBody, failed(incoming, error));
  }
  if (!isPromise(outcome)) return answer(state, incoming, rawBody, outcome);
  return outcome.then(
    (decided) => answer(state, incoming, rawBody, decided),
    (error: unknown) => answer(state, incoming, rawBody, failed(incoming, error)),
  );
}

/** An unexpected throw: logged, and answered as one `internal-mock-error`. */
function failed({ request, url }: Incoming, error: unknown): Outcome {
  console.error('[esp-cancel-mock] internal error while answering', request.method, url.pathname, error);
  const problem = createProblem('internal-mock-error', (error as Error).message ?? String(error));
  return outcomeOf(null, null, encodeProblem(problem));
}

/**
 * Journals the exchange and answers it. A HEAD request gets the GET answer's status and headers
 * without its body (RFC 9110 §9.3.2), and is journaled so: with an empty response body.
 */
function answer(state: EngineState, incoming: Incoming, rawBody: string, outcome: Outcome): Response {
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

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return value instanceof Promise;
}

/** Every outcome is built here, so what an outcome holds is said once. */
function outcomeOf(
  vendor: CompiledVendor | null,
  operationId: string | null,
  encoded: EncodedResponse,
  more: Partial<Pick<Outcome, 'forced' | 'requestIssues' | 'responseIssues' | 'dropped' | 'errorText'>> = {},
): Outcome {
  return {
    vendor,
    operationId,
    encoded,
    forced: more.forced ?? null,
    requestIssues: more.requestIssues ?? [],
    responseIssues: more.responseIssues ?? [],
    dropped: more.dropped === true,
    // `in`: a text worked out to be none (undefined) is not one left unread.
    errorText: 'errorText' in more ? (more.errorText as string | undefined) : UNREAD,
  };
}

/**
 * A request as the pipeline reads it: the Fetch request, its vendor URL, its header record, the base
 * URL handed-out URLs hang off, when it came in.
 */
interface Incoming {
  readonly request: Request;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly baseUrl: string;
  /** `performance.now()` and `Date.now()` on arrival. */
  readonly started: number;
  readonly startedAt: number;
}

/** The body as read: its text, and why that text cannot be trusted when its charset was not readable. */
type ReadBody = Pick<RawRequest, 'unreadable'> & { readonly text: string };

/** The URL limit (a 414 outcome), then the body, read up to its limit. */
function checkLimits(state: EngineState, { request, url, headers }: Incoming): Outcome | BoundedBody | Promise<BoundedBody> {
  const tooLong = checkTargetLength(url, state.limits.maxUrlLength);
  if (tooLong) {
    // Not awaited: a tee'd body (MSW clones requests) settles its cancel only when the other branch is read.
    request.body?.cancel().catch(() => undefined);
    return outcomeOf(null, null, encodeProblem(tooLong));
  }
  if (request.method === 'GET' || request.method === 'HEAD') return NO_BODY;
  return readBoundedBody(request, state.limits.maxBodyBytes, headers);
}

const NO_BODY: BoundedBody = { ok: true, text: '' };

/** No route matched: the vendor's own 404 under one of its path prefixes, else the mock's `unknown-route` (with the closest route). */
function answerUnmatched(state: EngineState, { request, url, headers, baseUrl }: Incoming, rawBody: string): Outcome {
  const vendor = findVendorByPathPrefix(state.vendors, url.pathname);
  const issue = unknownRouteIssue(state.routes, request.method, url.pathname);
  if (!vendor?.module.unknownRoute) {
    const closest = issue.params?.closestRoute as string | undefined;
    const detail = `no operation of ${state.vendors.map((v) => v.name).join(', ')} matches ${request.method} ${url.pathname}${closest ? `; did you mean ${closest}?` : ''}`;
    const problem = createProblem('unknown-route', detail, closest ? { closestRoute: closest } : {});
    return outcomeOf(null, null, encodeProblem(problem), { requestIssues: [issue] });
  }
  const { request: decoded } = decodeRequest({
    method: request.method,
    url,
    headers,
    rawBody,
    path: {},
    parameters: [],
    requestBody: undefined,
    codecs: vendor.codecs,
  });
  const result = vendor.module.unknownRoute(decoded, createContext(state, vendor, 'unknownRoute', baseUrl));
  return outcomeOf(vendor, null, encodeResponse(vendor.spec.document, undefined, result, vendor.codecs), { requestIssues: [issue] });
}

/** A routed request: read it, honour a malformed Prefer, a fault's delay, then answer it. */
function decide(state: EngineState, incoming: Incoming, body: ReadBody): Outcome | Promise<Outcome> {
  const { request, url, headers, baseUrl } = incoming;
  const rawBody = body.text;
  const match = matchRoute(state.routes, request.method, url.pathname, (name) =>
    Object.hasOwn(headers, name) ? headers[name] : undefined,
  );
  if (!match) return answerUnmatched(state, incoming, rawBody);
  const vendor = state.vendorByName.get(match.route.vendor) as CompiledVendor;
  const operation = vendor.operations.get(match.route.operationId) as CompiledOperation;
  const { operationId } = operation;
  const context = createContext(state, vendor, operationId, baseUrl);
  const read = { method: request.method, url, headers, rawBody, unreadable: body.unreadable, path: match.params };
  const { request: decoded, issues: requestIssues } = readRequest(vendor, operation, read);

  const prefer = readForceRequest(decoded.headers.prefer, url.search === '' ? NO_QUERY : url.searchParams);
  if (!prefer.ok)
    return outcomeOf(vendor, operationId, encodeProblem(createProblem('malformed-prefer', prefer.message)), { requestIssues });
  const fault = state.faults.decide(vendor.name, operationId, operation.errorStatuses);
  const routed: Routed = { vendor, operation, decoded, requestIssues, context, preferred: prefer.force, fault };
  if (fault.delayMs > 0) return new Promise((resolve) => setTimeout(resolve, fault.delayMs)).then(() => answerRouted(state, routed));
  return answerRouted(state, routed);
}

/** An empty query, for the requests without one (most): nothing parses or allocates one. */
const NO_QUERY: URLSearchParams = new URLSearchParams();

/** A routed request once read: what answers it. */
interface Routed {
  readonly vendor: CompiledVendor;
  readonly operation: CompiledOperation;
  readonly decoded: DecodedRequest;
  readonly requestIssues: readonly ValidationIssue[];
  readonly context: HandlerContext<never, unknown>;
  /** What the request's `Prefer` (or `__code`) forces. */
  readonly preferred: ForceRequest | undefined;
  readonly fault: FaultDecision;
}

/** A dropped connection, an invalid request's answer, a forced answer, else the handler's. */
function answerRouted(state: EngineState, routed: Routed): Outcome | Promise<Outcome> {
  const { vendor, operation, decoded, requestIssues, context, preferred, fault } = routed;
  const { operationId } = operation;
  if (fault.drop) {
    // Journaled like every injected fault (`forced.by: "fault"`), with status 0: no answer was sent.
    const forced = { status: 0, by: 'fault' } as const;
    return outcomeOf(vendor, operationId, encodeProblem(createProblem('internal-mock-error', 'dropped')), {
      requestIssues,
      dropped: true,
      forced,
    });
  }
  const queued = requestIssues.length > 0 || preferred ? undefined : state.force.take(operation.qualifiedId);
  const force = requestIssues.length > 0 ? undefined : (preferred ?? queued ?? fault.force);
  if (requestIssues.length > 0) {
    const invalid = vendor.module.invalidRequests?.[operationId] ?? vendor.module.invalidRequest;
    return checkAnswer(state, vendor, operation, invalid(requestIssues, decoded, context), { forced: null, requestIssues });
  }
  if (force) {
    const forced = { ...force, by: preferred ? 'prefer' : queued ? 'queue' : 'fault' } as const;
    const documented = toDocumentedResponse(
      vendor.spec.document,
      operation.route.operation,
      operation.qualifiedId,
      force.status,
      force.example,
    );
    if (!documented.ok) {
      const problem = createProblem(documented.code, documented.message, { documented: documented.documented });
      return outcomeOf(vendor, operationId, encodeProblem(problem), { forced, requestIssues });
    }
    // The vendor fills the example's dynamic parts (fresh ids, the request's, the clock's); strict mode checks the result.
    const result = vendor.module.personalizeForced?.(documented.result, decoded, context) ?? documented.result;
    return checkAnswer(state, vendor, operation, result, { forced, requestIssues });
  }
  // Only a handler that changed a record schedules a save (`--state-file`): reads and refusals cost no
  // serialisation, and without a listener nothing is counted.
  const store = state.onStoreChange ? (state.stores.get(vendor.name) as VendorRecords) : undefined;
  const before = store ? countStoreChanges(store) : 0;
  const answered = (result: HandlerResult): Outcome => {
    if (store && countStoreChanges(store) !== before) state.onStoreChange?.();
    return checkAnswer(state, vendor, operation, result, { forced: null, requestIssues });
  };
  const result = state.serial.runEager(() => runHandler(vendor, operation, decoded, context));
  return isPromise(result) ? result.then(answered) : answered(result);
}

/** Encodes a vendor answer and checks it against the spec; in strict mode a violation is a mock problem. */
function checkAnswer(
  state: EngineState,
  vendor: CompiledVendor,
  operation: CompiledOperation,
  result: HandlerResult,
  more: Pick<Outcome, 'forced' | 'requestIssues'>,
): Outcome {
  const encoded = encodeResponse(vendor.spec.document, operation.route.operation, result, vendor.codecs);
  const { body } = result;
  const check = (): ValidationIssue[] =>
    operation.response.validate({ status: encoded.status, mediaType: encoded.mediaType, headers: encoded.headers, body });
  const { forced, requestIssues } = more;
  // For the request log (a hook): a refused answer's reason, unless a request issue is the reason.
  const errorText = state.onExchange && requestIssues.length === 0 ? errorTextOfAnswer(vendor.codecs, encoded, body) : UNREAD;
  // Strict off: the journal gets the check, run once this turn's answers are written (see `answer`);
  // with a hook that reads every entry (the request log), now, so the read finds the issues at hand.
  if (!state.strict) {
    const responseIssues = state.onExchange ? checkNow(check) : check;
    return outcomeOf(vendor, operation.operationId, encoded, { forced, requestIssues, responseIssues, errorText });
  }
  const responseIssues = check();
  if (responseIssues.length > 0) {
    const problem = createProblem(
      'strict-violation',
      `the ${encoded.status} answer of ${operation.operationId} breaks openapi/${vendor.name}.yaml`,
      { issues: responseIssues, response: { status: encoded.status, body: encoded.bodyText } },
    );
    return outcomeOf(vendor, operation.operationId, encodeProblem(problem), { forced, requestIssues, responseIssues });
  }
  return outcomeOf(vendor, operation.operationId, encoded, { forced, requestIssues, responseIssues, errorText });
}

/** The answer's issues now; a check that throws (a schema that does not compile) is handed over, to throw when read. */
function checkNow(check: () => ValidationIssue[]): readonly ValidationIssue[] | (() => readonly ValidationIssue[]) {
  try {
    return check();
  } catch {
    return check;
  }
}

/** The operation's handler, run on the decoded request. */
function runHandler(
  vendor: CompiledVendor,
  operation: CompiledOperation,
  request: DecodedRequest,
  context: HandlerContext<never, unknown>,
): HandlerResult | Promise<HandlerResult> {
  const handler = vendor.module.operations[operation.operationId];
  if (!handler) throw new Error(`no handler for ${operation.operationId}`);
  return handler(request, context);
}

/** One function for every request's context (`crypto.randomUUID` itself must be called on `crypto`). */
const randomUUID = (): string => crypto.randomUUID();

function createContext(state: EngineState, vendor: CompiledVendor, operationId: string, baseUrl: string): HandlerContext<never, unknown> {
  return {
    vendor: vendor.name,
    operationId,
    store: state.stores.get(vendor.name) as never,
    config: vendor.config,
    clock: state.clock,
    origin: baseUrl,
    randomUUID,
  };
}

/** A mock problem as an encoded response (journaled like any other). */
export function encodeProblem(problem: MockProblem): EncodedResponse {
  return {
    status: problem.status,
    mediaType: 'application/problem+json',
    headers: { 'content-type': 'application/problem+json' },
    bodyText: JSON.stringify(problem),
  };
}
