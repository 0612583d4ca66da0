/** An operation the page can force, with the statuses and named examples its spec documents. */
export interface ForceableOperation {
  /** `vendor.operationId`, the spelling `POST /__admin/force` takes. */
  readonly id: string;
  readonly vendor: string;
  readonly method: string;
  readonly path: string;
  readonly outcomes: readonly { readonly status: number; readonly examples: readonly string[] }[];
}

interface SpecDocument {
  readonly paths?: Record<string, Record<string, unknown>>;
  readonly components?: Record<string, Record<string, unknown>>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * The operations of one vendor's OpenAPI document (as `GET /__admin/openapi/<vendor>.json` serves it)
 * with each numeric documented status and the names of its examples (in the first media type, as the
 * mock's forcing reads them). `4XX` and `default` are not forceable by number, so they are left out.
 *
 * @see https://spec.openapis.org/oas/v3.1.0#responses-object
 */
export function toForceableOperations(vendor: string, document: SpecDocument): ForceableOperation[] {
  const operations: ForceableOperation[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    // Every member holding an operation: the HTTP methods, and the mock's own `x-unsupported-methods`
    // (the vendor's answer to any other method), which can be forced like the rest.
    for (const [key, value] of Object.entries(item)) {
      const operation = value as { operationId?: unknown; responses?: Record<string, unknown> } | null;
      if (typeof operation?.operationId !== 'string') continue;
      const method = METHODS.includes(key) ? key.toUpperCase() : 'other methods';
      const outcomes = Object.entries(operation.responses ?? {})
        .filter(([status]) => /^\d{3}$/.test(status))
        .map(([status, raw]) => ({ status: Number(status), examples: exampleNames(document, raw) }));
      operations.push({ id: `${vendor}.${operation.operationId}`, vendor, method, path, outcomes });
    }
  }
  return operations;
}

function exampleNames(document: SpecDocument, raw: unknown): string[] {
  const response = resolve(document, raw) as { content?: Record<string, { examples?: Record<string, unknown> }> } | undefined;
  const first = Object.values(response?.content ?? {})[0];
  return Object.keys(first?.examples ?? {});
}

/** A local `$ref` (`#/components/responses/NotFound`) followed until it is not one. */
function resolve(document: SpecDocument, value: unknown, depth = 0): unknown {
  const ref = (value as { $ref?: unknown } | null)?.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/') || depth > 16) return value;
  let target: unknown = document;
  for (const segment of ref.slice(2).split('/')) {
    target = (target as Record<string, unknown> | undefined)?.[segment.replaceAll('~1', '/').replaceAll('~0', '~')];
  }
  return resolve(document, target, depth + 1);
}
