import { type BodyCodec, toMediaType } from '../codec/body-codec.ts';
import type { UnreadableText } from '../codec/body-text.ts';
import { findCodec } from '../codec/codec-registry.ts';
import type { ParameterObject, RequestBodyObject } from '../spec/openapi-types.ts';
import type { ValidationIssue } from '../validate/validation-issue.ts';
import type { DecodedRequest } from './decoded-request.ts';

/** The query names the engine itself reads (forcing); they never reach validation or handlers. */
const ENGINE_QUERY_NAMES = new Set(['__code', '__example']);

export interface DecodeInput {
  readonly method: string;
  readonly url: URL;
  /** Lower-case names, as `Object.fromEntries(headers)` of a Fetch `Headers` lists them. */
  readonly headers: Readonly<Record<string, string>>;
  readonly rawBody: string;
  /** Set when the body's bytes could not be read as text in the charset it names (`decodeBodyText`). */
  readonly unreadable?: UnreadableText;
  readonly path: Record<string, string>;
  readonly parameters: readonly ParameterObject[];
  readonly requestBody: RequestBodyObject | undefined;
  /**
   * The vendor folds body fields into what the spec validates (its `normalize`: Momentum's orgid and
   * mid arrive in the query or the body alike), so a body is read for an operation that declares none.
   */
  readonly foldsBody?: boolean;
  readonly codecs: ReadonlyMap<string, BodyCodec>;
}

/**
 * Pulls a request apart into the shape the spec validates. A body that cannot be decoded is not an
 * exception: it comes back as a `parse` issue for the vendor module to word.
 */
export function decodeRequest(input: DecodeInput): { request: DecodedRequest; issues: ValidationIssue[] } {
  // A copy the request owns (validation coerces header values in place). Spread and Object.fromEntries
  // define own properties: a header or query name like `__proto__` stays data.
  const headers: Record<string, string> = { ...input.headers };
  const declared = toMediaType(headers['content-type']);
  const mediaType = declared || (input.rawBody === '' ? '' : (input.requestBody?.['x-default-content-type'] ?? ''));
  const issues: ValidationIssue[] = [];
  let body: unknown;
  // A media type the operation does not accept is refused by validation (`mediaType` issue) without
  // reading the body at all: no work is spent on a body the vendor would never parse. An operation
  // that takes no body (Volt MX's cancel, a POST with the id in its path) never reads one, so a body
  // sent anyway, broken or not, changes nothing, as a service that does not read it would answer;
  // unless its vendor folds body fields into the validated shape.
  const reads = input.requestBody !== undefined || input.foldsBody === true;
  if (input.rawBody !== '' && reads && isAccepted(input.requestBody, mediaType)) {
    const codec = findCodec(input.codecs, mediaType);
    const decoded = input.unreadable
      ? { ok: false as const, ...input.unreadable }
      : codec
        ? codec.decode(input.rawBody)
        : { ok: true as const, value: input.rawBody };
    if (decoded.ok) body = decoded.value;
    else {
      const params = { ...decoded.params, reason: decoded.reason };
      issues.push({ location: 'body', pointer: '/', keyword: 'parse', message: decoded.message, params });
    }
  }
  const request: DecodedRequest = {
    method: input.method,
    url: input.url,
    path: input.path,
    query: input.url.search === '' ? {} : readQuery(input.url.searchParams, input.parameters),
    headers,
    mediaType,
    body,
    rawBody: input.rawBody,
  };
  return { request, issues };
}

/** No request body, or one without content types, reads any body (vendors word it); one with content, only its types. */
function isAccepted(requestBody: RequestBodyObject | undefined, mediaType: string): boolean {
  const content = requestBody?.content;
  return content === undefined || Object.hasOwn(content, mediaType);
}

/** Query values by name; a parameter whose schema is an array collects every occurrence. */
function readQuery(searchParams: URLSearchParams, parameters: readonly ParameterObject[]): Record<string, unknown> {
  const arrays = new Set(parameters.filter((p) => p.in === 'query' && isArraySchema(p.schema)).map((p) => p.name));
  const query = new Map<string, unknown>();
  for (const name of new Set(searchParams.keys())) {
    if (ENGINE_QUERY_NAMES.has(name)) continue;
    query.set(name, arrays.has(name) ? searchParams.getAll(name) : searchParams.get(name));
  }
  return Object.fromEntries(query);
}

function isArraySchema(schema: unknown): boolean {
  return typeof schema === 'object' && schema !== null && (schema as { type?: unknown }).type === 'array';
}
