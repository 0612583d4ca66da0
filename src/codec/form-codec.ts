import type { BodyCodec } from './body-codec.ts';

/**
 * `application/x-www-form-urlencoded`: a flat object of strings; a repeated name collects its values
 * into an array. Values stay strings here and are coerced by the schema (ConventionS §8).
 */
export const formCodec: BodyCodec = {
  mediaTypes: ['application/x-www-form-urlencoded'],
  stringValues: true,
  decode(text) {
    const value: Record<string, string | string[]> = {};
    for (const [name, item] of new URLSearchParams(text)) {
      const existing = value[name];
      value[name] = existing === undefined ? item : Array.isArray(existing) ? [...existing, item] : [existing, item];
    }
    return { ok: true, value };
  },
  encode: (value) => new URLSearchParams(value as Record<string, string>).toString(),
};
