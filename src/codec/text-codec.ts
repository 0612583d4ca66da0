import type { BodyCodec } from './body-codec.ts';

/** `text/plain`: the body is the string itself. */
export const textCodec: BodyCodec = {
  mediaTypes: ['text/plain'],
  decode: (text) => ({ ok: true, value: text }),
  encode: (value) => (typeof value === 'string' ? value : JSON.stringify(value)),
};
