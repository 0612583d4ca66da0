import type { ReferenceObject } from './openapi-types.ts';

/** True for an OpenAPI Reference Object (`{ $ref }`). */
export function isReference(value: unknown): value is ReferenceObject {
  return typeof value === 'object' && value !== null && typeof (value as ReferenceObject).$ref === 'string';
}

/**
 * Follows local `#/…` references (parameters, responses, examples, headers) through the document,
 * without copying or mutating it. Schemas are not resolved here: ajv resolves schema `$ref`s itself.
 * Remote references are out of scope: every spec is one self-contained file.
 */
export function resolveReference<T>(document: unknown, value: T | ReferenceObject): T {
  let current: unknown = value;
  for (let hops = 0; isReference(current); hops++) {
    if (hops > 16) throw new Error(`reference cycle at ${current.$ref}`);
    current = readPointer(document, current.$ref);
  }
  return current as T;
}

/** Reads a local JSON pointer (`#/components/schemas/Error`) from the document. */
export function readPointer(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`only local references are supported, got ${ref}`);
  let node: unknown = document;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (typeof node !== 'object' || node === null || !(key in node)) {
      throw new Error(`unresolvable reference ${ref}`);
    }
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
