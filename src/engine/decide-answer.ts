import { decodeRequest } from '../decode/decode-request.ts';
import type { DecodedRequest } from '../decode/decoded-request.ts';
import { encodeResponse } from '../encode/encode-response.ts';
import { createProblem } from '../errors/mock-errors.ts';
import type { FaultDecision } from '../faults/fault-injector.ts';
import { toDocumentedResponse } from '../force/documented-response.ts';
import { type ForceRequest, readForceRequest } from '../force/prefer-header.ts';
import { unknownRouteIssue } from '../routing/closest-route.ts';
import { matchRoute } from '../routing/match-route.ts';
import { countStoreChanges } from '../store/vendor-store.ts';
import type { ValidationIssue } from '../validate/validation-issue.ts';
import type { HandlerContext, HandlerResult } from '../vendor/vendor-module.ts';
import { type CompiledOperation, type CompiledVendor, findVendorByPathPrefix } from './compile-vendor.ts';
import { encodeAnswer } from './encode-answer.ts';
import type { EngineState, VendorRecords } from './engine-state.ts';
import type { Incoming } from './incoming-request.ts';
import { encodeProblem, type Outcome, outcomeOf, problemOutcome } from './outcome.ts';
import { type RawRequest, readRequest } from './read-request.ts';

/** The body as read: its text, and why that text cannot be trusted when its charset was not readable. */
type ReadBody = Pick<RawRequest, 'unreadable'> & { readonly text: string };

/**
 * A request within the limits, its body read: routed, read, checked against the spec, then answered
 * by a malformed `Prefer`'s problem, a fault, the vendor's invalid-request answer, a forced answer or
 * the handler (docs/development.md "A request, step by step"). A fault's delay or an asynchronous handler makes it a promise.
 */
export function decideAnswer(state: EngineState, incoming: Incoming, body: ReadBody): Outcome | Promise<Outcome> {
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

/** No route matched: the vendor's own 404 under one of its path prefixes, else the mock's `unknown-route` (with the closest route). */
function answerUnmatched(state: EngineState, { request, url, headers, baseUrl }: Incoming, rawBody: string): Outcome {
  const vendor = findVendorByPathPrefix(state.vendors, url.pathname);
  const issue = unknownRouteIssue(state.routes, request.method, url.pathname);
  if (!vendor?.module.unknownRoute) {
    const closest = issue.params?.closestRoute as string | undefined;
    const detail = `no operation of ${state.vendors.map((v) => v.name).join(', ')} matches ${request.method} ${url.pathname}${closest ? `; did you mean ${closest}?` : ''}`;
    return problemOutcome(createProblem('unknown-route', detail, closest ? { closestRoute: closest } : {}), { requestIssues: [issue] });
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
  if (requestIssues.length > 0) {
    const invalid = vendor.module.invalidRequests?.[operationId] ?? vendor.module.invalidRequest;
    return encodeAnswer(state, vendor, operation, invalid(requestIssues, decoded, context), { forced: null, requestIssues });
  }
  const forcing = preferred !== undefined || fault.force !== undefined || state.force.has(operation.qualifiedId);
  // A forced answer only reaches a request the vendor admits: its refusal comes first (admin-api.md).
  const refused = forcing ? vendor.module.authorize?.(decoded, context) : undefined;
  if (refused) return encodeAnswer(state, vendor, operation, refused, { forced: null, requestIssues });
  const queued = preferred ? undefined : state.force.take(operation.qualifiedId);
  const force = preferred ?? queued ?? fault.force;
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
    return encodeAnswer(state, vendor, operation, result, { forced, requestIssues });
  }
  // Only a handler that changed a record schedules a save (`--state-file`): reads and refusals cost no
  // serialisation, and without a listener nothing is counted.
  const store = state.onStoreChange ? (state.stores.get(vendor.name) as VendorRecords) : undefined;
  const before = store ? countStoreChanges(store) : 0;
  const answered = (result: HandlerResult): Outcome => {
    if (store && countStoreChanges(store) !== before) state.onStoreChange?.();
    return encodeAnswer(state, vendor, operation, result, { forced: null, requestIssues });
  };
  const result = state.serial.runEager(() => runHandler(vendor, operation, decoded, context));
  return result instanceof Promise ? result.then(answered) : answered(result);
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
