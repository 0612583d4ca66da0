import type { BodyCodec } from './body-codec.ts';

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
  encode: (value) => JSON.stringify(value),
};
