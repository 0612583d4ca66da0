import type { BodyCodec } from './body-codec.ts';

/**
 * `application/x-www-form-urlencoded`: a flat object of strings; a repeated name collects its values
 * into an array. Values stay strings here and are coerced by the schema (Conventions §8).
 *
 * Linear in the body: values are gathered in a `Map` (user-chosen names, so no prototype lookups) and
 * each repeat appends in place; the object is built once at the end with own properties only, so a
 * field named `__proto__` is data, never the object's prototype.
 *
 * @see https://url.spec.whatwg.org/#application/x-www-form-urlencoded
 */
export const formCodec: BodyCodec = {
  mediaTypes: ['application/x-www-form-urlencoded'],
  stringValues: true,
  decode(text) {
    const fields = new Map<string, string | string[]>();
    for (const [name, item] of new URLSearchParams(text)) {
      const existing = fields.get(name);
      if (existing === undefined) fields.set(name, item);
      else if (Array.isArray(existing)) existing.push(item);
      else fields.set(name, [existing, item]);
    }
    return { ok: true, value: Object.fromEntries(fields) };
  },
  encode: (value) => new URLSearchParams(value as Record<string, string>).toString(),
};
