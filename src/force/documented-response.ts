import type { ExampleObject, HeaderObject, OpenApiDocument, OperationObject, ResponseObject } from '../spec/openapi-types.ts';
import { resolveReference } from '../spec/resolve-reference.ts';
import type { HandlerResult } from '../vendor/vendor-module.ts';

export type DocumentedResponseResult =
  | { readonly ok: true; readonly result: HandlerResult }
  | {
      readonly ok: false;
      readonly code: 'forced-status-not-documented' | 'example-not-found';
      readonly message: string;
      readonly documented: readonly string[];
    };

/** The statuses an operation documents, as written in the spec (`200`, `4XX`, `default`). */
export function documentedStatuses(operation: OperationObject): string[] {
  return Object.keys(operation.responses);
}

/**
 * The operation's documented answer for a status: its named example (or the first one), the first
 * media type it is documented in, and the headers that carry an `example`. Used by `Prefer: code=N`,
 * `mock.force` and `POST /__admin/force`. Where a request selects among several documented media
 * types, the vendor's `personalizeForced` sets the one it selected (see `VendorModule`).
 */
export function toDocumentedResponse(
  document: OpenApiDocument,
  operation: OperationObject,
  /** How messages name the operation: `vendor.operationId`, the one spelling of force, faults and the journal. */
  name: string,
  status: number,
  exampleName?: string,
): DocumentedResponseResult {
  const raw = operation.responses[String(status)];
  const documented = documentedStatuses(operation);
  if (!raw) {
    return {
      ok: false,
      code: 'forced-status-not-documented',
      message: `status ${status} is not documented for ${name}; documented: ${documented.join(', ')}`,
      documented,
    };
  }
  const response = resolveReference<ResponseObject>(document, raw);
  const headers: Record<string, string> = {};
  for (const [name, rawHeader] of Object.entries(response.headers ?? {})) {
    const header = resolveReference<HeaderObject>(document, rawHeader);
    if (header.example !== undefined) headers[name.toLowerCase()] = String(header.example);
  }
  const [mediaType, media] = Object.entries(response.content ?? {})[0] ?? [];
  if (!mediaType || !media) {
    if (exampleName)
      return {
        ok: false,
        code: 'example-not-found',
        message: `status ${status} of ${name} has no body, so no example '${exampleName}'`,
        documented: [],
      };
    return { ok: true, result: { status, headers } };
  }
  const examples = Object.entries(media.examples ?? {});
  if (exampleName) {
    // Own properties only: `example=__proto__` or `constructor` names no example.
    const named = media.examples && Object.hasOwn(media.examples, exampleName) ? media.examples[exampleName] : undefined;
    if (!named) {
      const names = examples.map(([name]) => name);
      return {
        ok: false,
        code: 'example-not-found',
        message: `no example '${exampleName}' for status ${status} of ${name}; documented: ${names.join(', ') || 'none'}`,
        documented: names,
      };
    }
    return { ok: true, result: { status, headers, mediaType, body: resolveReference<ExampleObject>(document, named).value } };
  }
  const first = examples[0]?.[1];
  const body = media.example ?? (first ? resolveReference<ExampleObject>(document, first).value : undefined);
  return { ok: true, result: { status, headers, mediaType, ...(body === undefined ? {} : { body }) } };
}
