import { toMediaType } from '../codec/body-codec.ts';
import { findCodec } from '../codec/codec-registry.ts';
import { readMockProblem } from '../errors/mock-errors.ts';
import { unknownRouteIssue } from '../routing/closest-route.ts';
import { matchRoute } from '../routing/match-route.ts';
import { withoutSessionPrefix } from '../session/session-id.ts';
import type { ResponseObject } from '../spec/openapi-types.ts';
import { resolveReference } from '../spec/resolve-reference.ts';
import type { ValidationIssue } from '../validate/validation-issue.ts';
import { type CompiledOperation, type CompiledVendor, findVendorByPathPrefix } from './compile-vendor.ts';
import type { EngineState } from './engine-state.ts';
import { readRequest } from './read-request.ts';

/** A recorded or probed request, as it went over the wire. */
export interface WireRequest {
  readonly method: string;
  /** Absolute URL; only its path and query are matched, whatever the origin. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A recorded or probed answer, as it came back over the wire. */
export interface WireResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Which operation a request hit (null when no route of the loaded specs matches) and what it broke. */
export interface RequestCheck {
  readonly vendor: string | null;
  readonly operationId: string | null;
  readonly issues: readonly ValidationIssue[];
}

/**
 * Checks a request against the specs with the engine's own compiled validators: the same route
 * matching, decoding (vendor codecs included) and validation a served request goes through, without
 * running a handler or touching the store. A `/__session/<id>` prefix is ignored, so a session's
 * journal checks like the default session's.
 *
 * @see ../../docs/development.md "A request, step by step"
 */
export function checkRequest(state: EngineState, request: WireRequest): RequestCheck {
  const url = new URL(withoutSessionPrefix(request.url));
  const headers = new Map(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]));
  const match = matchRoute(state.routes, request.method.toUpperCase(), url.pathname, (name) => headers.get(name));
  if (!match) {
    const vendor = findVendorByPathPrefix(state.vendors, url.pathname);
    return {
      vendor: vendor?.name ?? null,
      operationId: null,
      issues: [unknownRouteIssue(state.routes, request.method.toUpperCase(), url.pathname)],
    };
  }
  const vendor = state.vendorByName.get(match.route.vendor) as CompiledVendor;
  const operation = vendor.operations.get(match.route.operationId) as CompiledOperation;
  const { issues } = readRequest(vendor, operation, {
    method: request.method.toUpperCase(),
    url,
    headers: Object.fromEntries(new Headers(request.headers)),
    rawBody: request.body,
    path: match.params,
  });
  return { vendor: vendor.name, operationId: operation.operationId, issues };
}

/**
 * Checks an answer of a vendor operation against the spec: a documented status, the documented
 * headers, and a body (decoded by the vendor's codec for its media type, SOAP XML included) valid
 * against the documented schema. Unknown vendor or operation comes back as one issue. The answer to
 * a `HEAD` request (`request.method`) has no body by definition (RFC 9110 §9.3.2): its status and
 * headers are checked as the GET operation's, its body is not.
 *
 * @see ../validate/response-validator.ts (the strict-mode validators it reuses)
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-9.3.2
 */
export function checkResponse(
  state: EngineState,
  vendorName: string,
  operationId: string,
  response: WireResponse,
  request?: Pick<WireRequest, 'method'>,
): ValidationIssue[] {
  const vendor = state.vendorByName.get(vendorName);
  const operation = vendor?.operations.get(operationId);
  if (!vendor || !operation) {
    return [{ location: 'status', pointer: '/', keyword: 'operation', message: `unknown operation ${vendorName}.${operationId}` }];
  }
  const headers = Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name.toLowerCase(), value]));
  const contentType = headers['content-type'] ?? '';
  const bare = toMediaType(contentType);
  // The mock's own refusal (a malformed Prefer, an undocumented forced status) is no vendor's answer:
  // said so, rather than as a media type the spec does not document.
  const problem = bare === 'application/problem+json' ? readMockProblem(response.body) : undefined;
  if (problem) {
    const message = `the mock's own problem ${problem.code}, not a vendor answer${problem.detail ? `: ${problem.detail}` : ''}`;
    return [{ location: 'response-body', pointer: '/', keyword: 'mock-problem', message, params: { code: problem.code } }];
  }
  const { mediaType, schema } = documentedMediaType(vendor, operation, response.status, contentType, bare);
  if (request?.method.toUpperCase() === 'HEAD') {
    return operation.response.validate({ status: response.status, mediaType, headers, body: undefined }, { checkBody: false });
  }
  let body: unknown = response.body === '' ? undefined : response.body;
  // A body documented as a plain string (a WSDL served as text/xml) is checked as text, not decoded.
  const isText = typeof schema === 'object' && schema !== null && (schema as { type?: unknown }).type === 'string';
  const codec = isText ? undefined : findCodec(vendor.codecs, bare);
  if (response.body !== '' && codec) {
    const decoded = codec.decode(response.body);
    // A codec that only writes a format (it cannot read it back) leaves the body unchecked, not failed.
    if (!decoded.ok && decoded.reason === 'unsupported-media-type') {
      return operation.response.validate({ status: response.status, mediaType, headers, body: undefined }, { checkBody: false });
    }
    if (!decoded.ok) {
      return [{ location: 'response-body', pointer: '/', keyword: 'parse', message: decoded.message, params: { reason: decoded.reason } }];
    }
    body = decoded.value;
  }
  const coerce = codec?.stringValues === true;
  return operation.response.validate({ status: response.status, mediaType, headers, body }, { coerce });
}

/** The spec's media-type key for a wire Content-Type (exact first, else the same type without parameters) and its schema. */
function documentedMediaType(
  vendor: CompiledVendor,
  operation: CompiledOperation,
  status: number,
  contentType: string,
  bare: string,
): { mediaType: string; schema: unknown } {
  const responses = operation.route.operation.responses;
  const raw = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
  if (!raw) return { mediaType: bare, schema: undefined };
  const content = resolveReference<ResponseObject>(vendor.spec.document, raw).content ?? {};
  const keys = Object.keys(content);
  const compact = (value: string): string => value.replaceAll(' ', '').toLowerCase();
  const mediaType = keys.find((key) => compact(key) === compact(contentType)) ?? keys.find((key) => toMediaType(key) === bare) ?? bare;
  const schema = content[mediaType]?.schema;
  return { mediaType, schema: schema === undefined ? undefined : resolveReference(vendor.spec.document, schema as object) };
}
