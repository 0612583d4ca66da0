import type { HandlerResult } from '../kit/index.ts';
import { type MomentumFormat, toMediaTypeOf } from './formats.ts';

/**
 * The book documents no cap; the mock's: at most this many mailings per call, after expanding ranges.
 *
 * @see ../../openapi/momentum.yaml (components.parameters.Mid)
 */
export const MAX_MAILINGS_PER_CALL = 1000;

/**
 * `{"message":…,"name":…}`: the mock's envelope for Message Central errors (no page shows one).
 *
 * @see ../../docs/vendors/momentum.md "Config and mock choices" (the book documents no error envelope)
 */
export interface MomentumError {
  readonly message: string;
  readonly name: string;
}

/**
 * Every Momentum error the mock sends, in one catalogue. The first two are the page's own words; the
 * rest are the mock's words for statuses that chapter 4 documents without a body.
 *
 * @see https://support.messagesystems.com/docs/ (REST API for Message Central 3.x, Mailing_Cancelv35)
 * @see ../../openapi/momentum.yaml (info description: the envelope and status choices)
 */
export const momentumErrors = {
  noSuchMailing: (): MomentumError => ({ message: 'no such mailing', name: 'INVALID_MAILING' }),
  invalidSchemaName: (): MomentumError => ({ message: 'Invalid schema name', name: 'Database Error' }),
  // Mock choices below.
  unauthorized: (): MomentumError => ({ message: 'Unauthorized', name: 'UNAUTHORIZED' }),
  missingParameter: (name: string): MomentumError => invalid(`Missing required parameter '${name}'.`),
  invalidOrgId: (value: string): MomentumError => invalid(`Invalid orgid '${clip(value)}': expected a non-negative integer.`),
  invalidMid: (value: string): MomentumError =>
    invalid(`Invalid mid '${clip(value)}': expected a mailing id, or a comma list of ids and ranges such as 123,124 or 2-10.`),
  emptyListEntry: (value: string): MomentumError => invalid(`Invalid mid '${clip(value)}': the list has an empty entry.`),
  negativeMid: (value: string): MomentumError => invalid(`Invalid mid '${clip(value)}': mailing ids are non-negative integers.`),
  reversedRange: (value: string, range: string): MomentumError =>
    invalid(`Invalid mid '${clip(value)}': the range ${range} ends before it starts.`),
  tooManyMailings: (count: number): MomentumError =>
    invalid(`Too many mailings: ${count} listed, at most ${MAX_MAILINGS_PER_CALL} per call.`),
  invalidWhereClause: (value: string): MomentumError =>
    invalid(`Invalid extraWhereClause '${clip(value)}': expected column = 'text' or column = number, joined by AND.`),
  unknownColumn: (name: string): MomentumError => invalid(`Unknown mailing column '${clip(name)}'.`),
  invalidFormat: (value: string): MomentumError => invalid(`Invalid format '${clip(value)}': expected json, xml or csv.`),
  malformedJson: (detail: string): MomentumError => invalid(`The payload is not valid JSON: ${detail}`),
  notAnObject: (): MomentumError => invalid('The payload must be an object, without enclosing square brackets.'),
  unsupportedMediaType: (mediaType: string): MomentumError => ({
    message: `Unsupported Media Type '${mediaType}': send application/json or application/x-www-form-urlencoded.`,
    name: 'UNSUPPORTED_MEDIA_TYPE',
  }),
  urlNotFound: (path: string): MomentumError => ({ message: `URL Not Found: ${path}`, name: 'URL_NOT_FOUND' }),
  unsupportedMethod: (method: string, path: string): MomentumError => ({
    message: `Unsupported Media Type: ${method} is not supported on ${path}; use PUT or POST.`,
    name: 'UNSUPPORTED_METHOD',
  }),
} as const;

/** Echoes a sent value, cut to 80 characters so a huge input never makes a huge error body. */
function clip(value: string): string {
  return value.length > 80 ? `${value.slice(0, 80)}…` : value;
}

function invalid(message: string): MomentumError {
  return { message, name: 'INVALID_REQUEST' };
}

/**
 * An error as a handler result, in the output format the request asked for, with the headers given
 * (a 401 carries the challenges, see auth.ts).
 *
 * @see ../../openapi/momentum.yaml (components.responses)
 */
export function momentumError(
  status: 400 | 401 | 404 | 415 | 500,
  error: MomentumError,
  format: MomentumFormat,
  headers?: Readonly<Record<string, string>>,
): HandlerResult {
  return { status, body: error, mediaType: toMediaTypeOf(format), ...(headers ? { headers } : {}) };
}
