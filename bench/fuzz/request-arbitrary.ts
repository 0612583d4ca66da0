import fc from 'fast-check';
import type { JsonSchema } from '../../src/spec/openapi-types.ts';
import { resolveReference } from '../../src/spec/resolve-reference.ts';
import type { FuzzRequest } from './base-requests.ts';
import type { SpecOperation } from './spec-operations.ts';

/** Strings that break things: huge, unicode, control characters, traversal, injection-looking. */
const oddString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '1e309',
    'NaN',
    'null',
    '9223372036854775808',
    '..',
    '../../etc/passwd',
    '%00',
    '\u0000',
    '\uFEFF',
    '\uD800',
    '𝕏😀',
    '<x/>',
    '&xxe;',
    "'; DROP TABLE x;--",
    '$' + '{7*7}',
    'file:///etc/passwd',
    'http://169.254.169.254/',
  ),
  fc.nat({ max: 300_000 }).map((length) => 'x'.repeat(length)),
);

/** A value generated from a JSON schema (the valid side): enums, consts, objects with required keys, arrays, scalars. */
export function schemaArbitrary(document: unknown, raw: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolveReference<Record<string, unknown>>(document, raw as never);
  if (typeof schema !== 'object' || schema === null || depth > 6) return fc.jsonValue({ maxDepth: 2 });
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  for (const key of ['oneOf', 'anyOf'] as const)
    if (Array.isArray(schema[key]))
      return fc.oneof(...(schema[key] as JsonSchema[]).map((part) => schemaArbitrary(document, part, depth + 1)));
  if (Array.isArray(schema.allOf) && schema.allOf.length === 1) return schemaArbitrary(document, schema.allOf[0] as JsonSchema, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return schema.pattern || schema.format
        ? fc.string({ maxLength: 20 })
        : fc.string({ minLength: Number(schema.minLength ?? 0), maxLength: 30 });
    case 'integer':
      return fc.integer({ min: Number(schema.minimum ?? -1e9), max: Number(schema.maximum ?? 1e9) });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(schemaArbitrary(document, (schema.items ?? {}) as JsonSchema, depth + 1), { maxLength: 3 });
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = new Set((schema.required ?? []) as string[]);
      return fc.record(
        Object.fromEntries(Object.entries(properties).map(([name, part]) => [name, schemaArbitrary(document, part, depth + 1)])),
        { requiredKeys: [...required].filter((name) => name in properties) },
      );
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** encodeURIComponent throws on a lone surrogate; the wire can only carry well-formed UTF-8 anyway. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

type Mutation = (base: FuzzRequest) => fc.Arbitrary<FuzzRequest>;

const withBody = (base: FuzzRequest, body: string | Uint8Array | undefined): FuzzRequest => {
  const { body: _old, ...rest } = base;
  return body === undefined ? rest : { ...rest, body };
};

/** Edits of a JSON object body: drop a key, add one, give a key a value of another type or an odd string. */
const jsonEdit = (text: string): fc.Arbitrary<string> => {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return fc.constant(text);
  }
  const keys = Object.keys(parsed);
  const key = keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('x');
  return fc.oneof(
    key.map((name) => {
      const { [name]: _dropped, ...rest } = parsed;
      return JSON.stringify(rest);
    }),
    fc
      .tuple(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }))
      .map(([name, value]) => JSON.stringify({ ...parsed, [name]: value })),
    fc.tuple(key, fc.oneof(fc.jsonValue({ maxDepth: 3 }), oddString)).map(([name, value]) => JSON.stringify({ ...parsed, [name]: value })),
    fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  );
};

/** Edits of an XML body: odd text inside an element, an element repeated or nested deep, a DTD. */
const xmlEdit = (text: string): fc.Arbitrary<string> =>
  fc.oneof(
    oddString.map((value) => text.replace(/>29605</, `>${value.replace(/[<&]/g, '')}<`)),
    oddString.map((value) => text.replace('<Action>cancel</Action>', `<Action>${value}</Action>`)),
    fc.nat({ max: 12_000 }).map((count) => text.replace('<Options />', `<Options>${'<o/>'.repeat(count)}</Options>`)),
    fc.nat({ max: 200 }).map((depth) => text.replace('<Options />', `${'<d>'.repeat(depth)}${'</d>'.repeat(depth)}`)),
    fc.constant(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${text.replace(/^<\?xml[^>]*>/, '')}`),
  );

const MUTATIONS: Record<string, Mutation> = {
  'wrong method': (base) =>
    fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD').map((method) => ({ ...base, method })),
  'odd path segment': (base) =>
    fc.tuple(oddString, fc.nat()).map(([value, pick]) => {
      const [pathname = '', query] = base.path.split('?');
      const segments = pathname.split('/');
      const index = 1 + (pick % Math.max(1, segments.length - 1));
      segments[index] = encodeURIComponent(value.slice(0, 7000).replace(LONE_SURROGATE, '\uFFFD'));
      return { ...base, path: `${segments.join('/')}${query ? `?${query}` : ''}` };
    }),
  'odd query': (base) =>
    fc.tuple(fc.constantFrom('orgid', 'mid', 'wsdl', '__code', 'x', 'mid[]'), oddString).map(([name, value]) => {
      const url = new URL(base.path, 'http://x');
      url.searchParams.set(name, value.slice(0, 7000));
      return { ...base, path: `${url.pathname}${url.search}` };
    }),
  'wrong content type': (base) =>
    fc
      .constantFrom(
        'text/plain',
        'application/xml',
        'application/json',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'text/xml; charset=utf-16',
        '',
        ';;;',
      )
      .map((type) => ({ ...base, headers: { ...base.headers, 'content-type': type } })),
  'missing or odd header': (base) =>
    fc
      .tuple(
        fc.constantFrom(...Object.keys(base.headers), 'authorization', 'prefer'),
        fc.option(oddString.map((v) => v.replace(/[^\x20-\x7e]/g, '').slice(0, 4000))),
      )
      .map(([name, value]) => {
        const headers = { ...base.headers };
        if (value === null) delete headers[name];
        else headers[name] = value;
        return { ...base, headers };
      }),
  'edited body': (base) => {
    if (typeof base.body !== 'string')
      return fc
        .oneof(
          oddString,
          fc.jsonValue().map((v) => JSON.stringify(v)),
        )
        .map((body) => withBody(base, body));
    const edit = base.body.trimStart().startsWith('<') ? xmlEdit(base.body) : jsonEdit(base.body);
    return edit.map((body) => withBody(base, body));
  },
  'truncated body': (base) =>
    fc.nat().map((cut) => withBody(base, typeof base.body === 'string' ? base.body.slice(0, cut % (base.body.length + 1)) : '')),
  'random bytes': (base) => fc.uint8Array({ maxLength: 4096 }).map((bytes) => withBody(base, bytes)),
  'huge body': (base) => fc.integer({ min: 100_000, max: 1_100_000 }).map((size) => withBody(base, `{"x":"${'y'.repeat(size)}"}`)),
};

/** The valid requests: the base one, and for JSON bodies bodies generated from the schema. */
function validArbitrary(operation: SpecOperation): fc.Arbitrary<FuzzRequest> {
  if (!operation.jsonBodySchema) return fc.constant(operation.base);
  return fc.oneof(
    fc.constant(operation.base),
    schemaArbitrary(operation.document, operation.jsonBodySchema).map((value) => withBody(operation.base, JSON.stringify(value))),
  );
}

/** Every kind of request the fuzzer sends for an operation, labelled (valid ones weigh a third). */
export function requestArbitrary(operation: SpecOperation): fc.Arbitrary<{ kind: string; request: FuzzRequest }> {
  const broken = Object.entries(MUTATIONS).map(([kind, mutate]) => mutate(operation.base).map((request) => ({ kind, request })));
  return fc.oneof(
    {
      weight: Math.ceil(Object.keys(MUTATIONS).length / 2),
      arbitrary: validArbitrary(operation).map((request) => ({ kind: 'valid', request })),
    },
    ...broken.map((arbitrary) => ({ weight: 1, arbitrary })),
  );
}
