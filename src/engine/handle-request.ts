import { decodeRequest } from '../decode/decode-request.ts';
import type { DecodedRequest } from '../decode/decoded-request.ts';
import { type EncodedResponse, encodeResponse, toFetchResponse } from '../encode/encode-response.ts';
import { createProblem, type MockProblem } from '../errors/mock-errors.ts';
import { toDocumentedResponse } from '../force/documented-response.ts';
import { readForceRequest } from '../force/prefer-header.ts';
import type { JournalEntry } from '../journal/request-journal.ts';
import { readBoundedBody, requestTargetLength } from '../limits/request-limits.ts';
import { unknownRouteIssue } from '../routing/closest-route.ts';
import { matchRoute } from '../routing/match-route.ts';
import { countStoreChanges } from '../store/vendor-store.ts';
import type { ValidationIssue } from '../validate/validation-issue.ts';
import type { HandlerContext, HandlerResult } from '../vendor/vendor-module.ts';
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
 * becomes one logged `internal-mock-error` and the next request still works.
 */
export async function handleRequest(state: EngineState, request: Request, options: HandleOptions = {}): Promise<Response> {
  const started = performance.now();
  const startedAt = Date.now();
  const url = options.url ?? new URL(request.url);
  // One record serves decoding, routing and the journal (which keeps it instead of the request's `Headers`).
  const headers = options.headers ?? Object.fromEntries(request.headers);
  const incoming: Incoming = { request, url, headers, baseUrl: options.baseUrl ?? url.origin };
  let rawBody = '';
  let outcome: Outcome;
  try {
    const limited = await checkLimits(state, incoming);
    if ('text' in limited) rawBody = limited.text;
    outcome = 'text' in limited ? await decide(state, incoming, limited) : limited;
  } catch (error) {
    console.error('[esp-cancel-mock] internal error while answering', request.method, url.pathname, error);
    const problem = createProblem('internal-mock-error', (error as Error).message ?? String(error));
    outcome = outcomeOf(null, null, encodeProblem(problem));
  }
  const recorded = state.journal.record({
    time: startedAt,
    durationMs: Math.round((performance.now() - started) * 1000) / 1000,
    vendor: outcome.vendor?.name ?? null,
    // One spelling everywhere (force, fault plans, the journal): `vendor.operationId`.
    operationId: outcome.vendor && outcome.operationId ? `${outcome.vendor.name}.${outcome.operationId}` : null,
    request: { method: request.method, url: request.url, headers, body: rawBody },
    response: outcome.dropped
      ? { status: 0, headers: {}, body: '' }
      : { status: outcome.encoded.status, headers: outcome.encoded.headers, body: outcome.encoded.bodyText },
    forced: outcome.forced,
    validation: { request: outcome.requestIssues, response: outcome.responseIssues },
  });
  if (state.onExchange) state.onExchange(recorded.read());
  // `Response.error()` is the engine's "drop" marker: the server adapter destroys the socket, the MSW
  // adapter answers a network error.
  return outcome.dropped ? Response.error() : toFetchResponse(outcome.encoded);
}

/** Every outcome is built here, so what an outcome holds is said once. */
function outcomeOf(
  vendor: CompiledVendor | null,
  operationId: string | null,
  encoded: EncodedResponse,
  more: Partial<Pick<Outcome, 'forced' | 'requestIssues' | 'responseIssues' | 'dropped'>> = {},
): Outcome {
  return {
    vendor,
    operationId,
    encoded,
    forced: more.forced ?? null,
    requestIssues: more.requestIssues ?? [],
    responseIssues: more.responseIssues ?? [],
    dropped: more.dropped === true,
  };
}

/** A request as the pipeline reads it: the Fetch request, its vendor URL, its header record, the base URL handed-out URLs hang off. */
interface Incoming {
  readonly request: Request;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly baseUrl: string;
}

/** The body as read: its text, and why that text cannot be trusted when its charset was not readable. */
type ReadBody = Pick<RawRequest, 'unreadable'> & { readonly text: string };

/** The URL and body limits: the body when both hold, or the 414/413 outcome. */
async function checkLimits(state: EngineState, { request, url, headers }: Incoming): Promise<ReadBody | Outcome> {
  if (requestTargetLength(url) > state.limits.maxUrlLength) {
    // Not awaited: a tee'd body (MSW clones requests) settles its cancel only when the other branch is read.
    request.body?.cancel().catch(() => undefined);
    const detail = `the request target is ${requestTargetLength(url)} characters; the limit is ${state.limits.maxUrlLength}`;
    return outcomeOf(null, null, encodeProblem(createProblem('uri-too-long', detail)));
  }
  if (request.method === 'GET' || request.method === 'HEAD') return { text: '' };
  const body = await readBoundedBody(request, state.limits.maxBodyBytes, headers);
  if (body.ok) return body;
  const detail = `the request body has at least ${body.bytes} bytes; the limit is ${state.limits.maxBodyBytes}`;
  return outcomeOf(null, null, encodeProblem(createProblem('payload-too-large', detail, { limit: state.limits.maxBodyBytes })));
}

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

/** A routed request: read it, honour a malformed Prefer, a fault, a force, else run the handler. */
async function decide(state: EngineState, incoming: Incoming, body: ReadBody): Promise<Outcome> {
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

  const prefer = readForceRequest(decoded.headers.prefer, url.searchParams);
  if (!prefer.ok)
    return outcomeOf(vendor, operationId, encodeProblem(createProblem('malformed-prefer', prefer.message)), { requestIssues });
  const fault = state.faults.decide(vendor.name, operationId, operation.errorStatuses);
  if (fault.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
  if (fault.drop) {
    return outcomeOf(vendor, operationId, encodeProblem(createProblem('internal-mock-error', 'dropped')), { requestIssues, dropped: true });
  }

  let forced: Outcome['forced'] = null;
  let result: HandlerResult;
  const queued = requestIssues.length > 0 || prefer.force ? undefined : state.force.take(`${vendor.name}.${operationId}`);
  const force = requestIssues.length > 0 ? undefined : (prefer.force ?? queued ?? fault.force);
  if (requestIssues.length > 0) {
    const invalid = vendor.module.invalidRequests?.[operationId] ?? vendor.module.invalidRequest;
    result = invalid(requestIssues, decoded, context);
  } else if (force) {
    forced = { ...force, by: prefer.force ? 'prefer' : queued ? 'queue' : 'fault' };
    const documented = toDocumentedResponse(vendor.spec.document, operation.route.operation, force.status, force.example);
    if (!documented.ok) {
      const problem = createProblem(documented.code, documented.message, { documented: documented.documented });
      return outcomeOf(vendor, operationId, encodeProblem(problem), { forced, requestIssues });
    }
    // The vendor fills the example's dynamic parts (fresh ids, the request's, the clock's); strict mode checks the result.
    result = vendor.module.personalizeForced?.(documented.result, decoded, context) ?? documented.result;
  } else {
    const store = state.stores.get(vendor.name) as VendorRecords;
    const before = countStoreChanges(store);
    result = await state.serial.run(() => runHandler(vendor, operation, decoded, context));
    // Only a handler that changed a record schedules a save: reads and refusals cost no serialisation.
    if (countStoreChanges(store) !== before) state.onStoreChange?.();
  }
  return checkAnswer(state, vendor, operation, result, { forced, requestIssues });
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
  // Strict off, nothing needs the answer's issues now: the journal runs the check if its entry is read.
  const { forced, requestIssues } = more;
  if (!state.strict) return outcomeOf(vendor, operation.operationId, encoded, { forced, requestIssues, responseIssues: check });
  const responseIssues = check();
  if (responseIssues.length > 0) {
    const problem = createProblem(
      'strict-violation',
      `the ${encoded.status} answer of ${operation.operationId} breaks openapi/${vendor.name}.yaml`,
      { issues: responseIssues, response: { status: encoded.status, body: encoded.bodyText } },
    );
    return outcomeOf(vendor, operation.operationId, encodeProblem(problem), { forced, requestIssues, responseIssues });
  }
  return outcomeOf(vendor, operation.operationId, encoded, { forced, requestIssues, responseIssues });
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

function createContext(state: EngineState, vendor: CompiledVendor, operationId: string, baseUrl: string): HandlerContext<never, unknown> {
  return {
    vendor: vendor.name,
    operationId,
    store: state.stores.get(vendor.name) as never,
    config: vendor.config,
    clock: state.clock,
    origin: baseUrl,
    randomUUID: () => crypto.randomUUID(),
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
