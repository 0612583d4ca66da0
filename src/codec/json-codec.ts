import type { BodyCodec } from './body-codec.ts';

/**
 * A body as JSON text. A codec that writes its bodies with this very function tells the engine its
 * text is the value's JSON, so the request log can read a refused answer's error text from the value.
 */
export const encodeJson = (value: unknown): string => JSON.stringify(value);

/** `application/json` (and `+json` types the specs list explicitly): strict JSON in and out. */
export const jsonCodec: BodyCodec = {
  mediaTypes: ['application/json', 'application/problem+json'],
  decode(text) {
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch (error) {
      return { ok: false, reason: 'malformed-json', message: (error as Error).message };
    }
  },
  encode: encodeJson,
};
