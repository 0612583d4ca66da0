import { type BodyCodec, toMediaType } from '../codec/body-codec.ts';
import { findCodec } from '../codec/codec-registry.ts';
import type { MediaTypeObject, OpenApiDocument, OperationObject, ResponseObject } from '../spec/openapi-types.ts';
import { resolveReference } from '../spec/resolve-reference.ts';
import type { HandlerResult } from '../vendor/vendor-module.ts';

/** A handler result made concrete: the media type chosen, the headers and the body text. */
export interface EncodedResponse {
  readonly status: number;
  readonly mediaType: string;
  readonly headers: Record<string, string>;
  readonly bodyText: string;
  /** The codec that wrote `bodyText`; undefined where none did: no body, a body written as `String(body)`, a mock problem. */
  readonly codec: BodyCodec | undefined;
}

/**
 * Encodes a handler result with the codec of its media type. The media type is the handler's choice,
 * else the first one the spec documents for the status, else JSON. A documented media type that
 * carries parameters (`application/json;charset=UTF-8`) is sent verbatim as the Content-Type, so a
 * vendor's exact header is part of its contract, forced answers included.
 */
export function encodeResponse(
  document: OpenApiDocument,
  operation: OperationObject | undefined,
  result: HandlerResult,
  codecs: ReadonlyMap<string, BodyCodec>,
): EncodedResponse {
  const headers: Record<string, string> = {};
  if (result.headers) for (const [name, value] of Object.entries(result.headers)) headers[name.toLowerCase()] = value;
  if (result.body === undefined) return { status: result.status, mediaType: '', headers, bodyText: '', codec: undefined };
  const content = documentedContent(document, operation, result.status);
  const mediaType = result.mediaType ?? Object.keys(content)[0] ?? 'application/json';
  const bare = toMediaType(mediaType);
  const codec = findCodec(codecs, bare);
  const schema = content[mediaType]?.schema;
  const bodyText = codec ? codec.encode(result.body, { mediaType: bare, schema }) : String(result.body);
  headers['content-type'] ??= bare !== mediaType.trim() || !codec?.charset ? mediaType : `${mediaType}; charset=${codec.charset}`;
  return { status: result.status, mediaType, headers, bodyText, codec };
}

/** Resolved response content per operation and status: specs never change while the mock runs. */
const contentCache = new WeakMap<OperationObject, Map<number, Record<string, MediaTypeObject>>>();

function documentedContent(
  document: OpenApiDocument,
  operation: OperationObject | undefined,
  status: number,
): Record<string, MediaTypeObject> {
  if (!operation) return {};
  let byStatus = contentCache.get(operation);
  if (!byStatus) {
    byStatus = new Map();
    contentCache.set(operation, byStatus);
  }
  let content = byStatus.get(status);
  if (!content) {
    const raw = operation.responses[String(status)] ?? operation.responses.default;
    content = raw ? (resolveReference<ResponseObject>(document, raw).content ?? {}) : {};
    byStatus.set(status, content);
  }
  return content;
}

/** The Fetch `Response` of an encoded result. */
export function toFetchResponse(encoded: EncodedResponse): Response {
  const nullBody = encoded.status === 204 || encoded.status === 304 || encoded.bodyText === '';
  return new Response(nullBody ? null : encoded.bodyText, { status: encoded.status, headers: encoded.headers });
}
