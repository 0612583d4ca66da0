import type { UnreadableText } from '../codec/body-text.ts';
import { decodeRequest } from '../decode/decode-request.ts';
import type { DecodedRequest } from '../decode/decoded-request.ts';
import type { ValidationIssue } from '../validate/validation-issue.ts';
import type { CompiledOperation, CompiledVendor } from './compile-vendor.ts';

export interface RawRequest {
  readonly method: string;
  readonly url: URL;
  /** Lower-case names (`Object.fromEntries` of a Fetch `Headers`). */
  readonly headers: Readonly<Record<string, string>>;
  readonly rawBody: string;
  /** The body's bytes could not be read as text in the charset they name (see `readBoundedBody`). */
  readonly unreadable?: UnreadableText;
  readonly path: Record<string, string>;
}

/**
 * Reads a request as an operation of a vendor: decode, the vendor's `normalize`, then the compiled
 * validators. One path for the mock's own requests and for contract checks of recorded ones.
 */
export function readRequest(
  vendor: CompiledVendor,
  operation: CompiledOperation,
  raw: RawRequest,
): { request: DecodedRequest; issues: ValidationIssue[] } {
  // Spelled out rather than spread from `raw`: this runs on every request, and V8 copies a spread slowly.
  const decoded = decodeRequest({
    method: raw.method,
    url: raw.url,
    headers: raw.headers,
    rawBody: raw.rawBody,
    unreadable: raw.unreadable,
    path: raw.path,
    parameters: operation.request.parameters,
    requestBody: operation.request.requestBody,
    foldsBody: vendor.module.normalize !== undefined,
    codecs: vendor.codecs,
  });
  const request = vendor.module.normalize ? vendor.module.normalize(decoded.request) : decoded.request;
  const issues = operation.request.validateParameters(request);
  const bodyIssues = decoded.issues.length > 0 ? decoded.issues : operation.request.validateBody(request);
  if (bodyIssues.length > 0) issues.push(...bodyIssues);
  return { request, issues };
}
