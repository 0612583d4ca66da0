import type { OpenApiDocument, OperationObject, ParameterObject, PathItemObject } from './openapi-types.ts';
import { resolveReference } from './resolve-reference.ts';

/**
 * An operation's parameters: the path item's, overridden by the operation's own of the same name and
 * location (OpenAPI 3.1 §4.8.10), with references resolved.
 */
export function mergeParameters(document: OpenApiDocument, pathItem: PathItemObject, operation: OperationObject): ParameterObject[] {
  const merged = new Map<string, ParameterObject>();
  for (const raw of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
    const parameter = resolveReference<ParameterObject>(document, raw);
    merged.set(`${parameter.in}:${parameter.name}`, parameter);
  }
  return [...merged.values()];
}
