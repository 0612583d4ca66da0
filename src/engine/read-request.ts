import type { UnreadableText } from '../codec/body-text.ts';
import { decodeRequest } from '../decode/decode-request.ts';
import type { DecodedRequest } from '../decode/decoded-request.ts';
import type { ValidationIssue } from '../validate/validation-issue.ts';
import type { CompiledOperation, CompiledVendor } from './compile-vendor.ts';

export interface RawRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
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
  const decoded = decodeRequest({
    ...raw,
    parameters: operation.request.parameters,
    requestBody: operation.request.requestBody,
    codecs: vendor.codecs,
  });
  const request = vendor.module.normalize ? vendor.module.normalize(decoded.request) : decoded.request;
  const issues = [
    ...operation.request.validateParameters(request),
    ...(decoded.issues.length > 0 ? decoded.issues : operation.request.validateBody(request)),
  ];
  return { request, issues };
}
