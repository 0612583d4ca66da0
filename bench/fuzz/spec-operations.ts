import { findSpecDirectory, loadSpec } from '../../src/spec/load-specs.ts';
import type { JsonSchema, OperationObject } from '../../src/spec/openapi-types.ts';
import { resolveReference } from '../../src/spec/resolve-reference.ts';
import { BASE_REQUESTS, type FuzzRequest } from './base-requests.ts';

/** One operation of one spec, with what the fuzzer needs: its valid request and body schema. */
export interface SpecOperation {
  /** `vendor.operationId` */
  readonly id: string;
  readonly vendor: string;
  readonly base: FuzzRequest;
  /** The JSON schema of its JSON request body, if it has one (for schema-generated valid bodies). */
  readonly jsonBodySchema?: JsonSchema;
  readonly document: unknown;
}

export const FUZZ_VENDORS = ['omeda', 'momentum', 'voltmx', 'sfmc'] as const;

/** Every operation of every spec (operations under `x-unsupported-methods` included). */
export function listSpecOperations(): SpecOperation[] {
  const operations: SpecOperation[] = [];
  for (const vendor of FUZZ_VENDORS) {
    const { document } = loadSpec(vendor, findSpecDirectory());
    for (const item of Object.values(document.paths ?? {})) {
      for (const value of Object.values(item as Record<string, unknown>)) {
        const operation = value as OperationObject | undefined;
        if (typeof operation !== 'object' || operation === null || typeof operation.operationId !== 'string') continue;
        const id = `${vendor}.${operation.operationId}`;
        const base = BASE_REQUESTS[id];
        if (!base) throw new Error(`bench/fuzz/base-requests.ts has no valid request for ${id}: add one`);
        const body = operation.requestBody
          ? resolveReference<{ content?: Record<string, { schema?: JsonSchema }> }>(document, operation.requestBody)
          : undefined;
        const schema = body?.content?.['application/json']?.schema;
        operations.push({ id, vendor, base, document, ...(schema ? { jsonBodySchema: schema } : {}) });
      }
    }
  }
  return operations;
}
