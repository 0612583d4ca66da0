import { encodeJson } from '../codec/json-codec.ts';
import type { EncodedResponse } from '../encode/encode-response.ts';
import { findErrorTextInJson, NOT_PLAIN_JSON } from '../errors/error-text.ts';

/** The answer's error text was not worked out from its body value: whoever needs it reads the body text. */
export const UNREAD: typeof NOT_PLAIN_JSON = NOT_PLAIN_JSON;

/**
 * The error text of a refused answer (status 400 and up) whose body was written by `encodeJson`, found in
 * the handler's body value while it is at hand: the text the request log would otherwise parse the
 * body again for (`findErrorText`), the same text. `UNREAD` for any other answer.
 */
export function errorTextOfAnswer(encoded: EncodedResponse, body: unknown): string | undefined | typeof UNREAD {
  if (encoded.status < 400 || encoded.codec?.encode !== encodeJson) return UNREAD;
  return findErrorTextInJson(body);
}
