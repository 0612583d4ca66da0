import type { BodyCodec } from '../codec/body-codec.ts';
import { createCodecRegistry } from '../codec/codec-registry.ts';
import { startupError } from '../errors/startup-error.ts';
import { buildRoutes, type Route } from '../routing/build-routes.ts';
import type { LoadedSpec } from '../spec/load-specs.ts';
import type { AjvPair } from '../validate/create-ajv.ts';
import { createRequestValidator, type RequestValidator } from '../validate/request-validator.ts';
import { createResponseValidator, type ResponseValidator } from '../validate/response-validator.ts';
import type { VendorModule } from '../vendor/vendor-module.ts';

/** One operation, ready to serve: its route data, validators and handler. */
export interface CompiledOperation {
  readonly vendor: CompiledVendor;
  readonly operationId: string;
  /** `vendor.operationId`, the one spelling of force, fault plans and the journal (made once, not per request). */
  readonly qualifiedId: string;
  readonly route: Route;
  readonly request: RequestValidator;
  readonly response: ResponseValidator;
  /** The documented 4xx/5xx statuses, for faults that answer "a documented error". */
  readonly errorStatuses: readonly number[];
}

/**
 * One vendor, ready to serve: spec, routes, operations and codecs — compiled once per process and
 * shared by every session; the store is not here but in each session's state.
 */
export interface CompiledVendor {
  readonly name: string;
  readonly spec: LoadedSpec;
  readonly module: VendorModule;
  readonly routes: readonly Route[];
  readonly operations: ReadonlyMap<string, CompiledOperation>;
  readonly codecs: ReadonlyMap<string, BodyCodec>;
  readonly pathPrefixes: readonly string[];
  config: unknown;
}

/**
 * Builds everything a vendor needs at start-up: routes from the spec, validators compiled once. Every
 * operationId must have exactly one handler and every handler an operation — a mismatch fails
 * start-up and says which and where.
 */
export function compileVendor(ajv: AjvPair, spec: LoadedSpec, module: VendorModule, config: unknown): CompiledVendor {
  const routes = buildRoutes(spec);
  const operationIds = new Set(routes.map((route) => route.operationId));
  for (const operationId of operationIds) {
    if (!module.operations[operationId]) {
      throw startupError(
        `Failed to load openapi/${spec.vendor}.yaml: operation ${operationId} has no handler.`,
        `Add it to handlers/${spec.vendor}/module.ts.`,
        'spec-mismatch',
      );
    }
  }
  for (const operationId of Object.keys(module.operations)) {
    if (!operationIds.has(operationId)) {
      throw startupError(
        `handlers/${spec.vendor}/module.ts has a handler for ${operationId}, which openapi/${spec.vendor}.yaml does not declare.`,
        'Remove the handler or add the operation to the spec.',
        'spec-mismatch',
      );
    }
  }
  const operations = new Map<string, CompiledOperation>();
  const vendor: CompiledVendor = {
    name: spec.vendor,
    spec,
    module,
    routes,
    operations,
    codecs: createCodecRegistry(module.codecs ?? []),
    pathPrefixes: spec.document['x-vendor-path-prefixes'] ?? [],
    config,
  };
  for (const route of routes) {
    const seen = operations.get(route.operationId);
    if (seen) {
      if (seen.route.operation !== route.operation) {
        throw startupError(
          `openapi/${spec.vendor}.yaml declares operationId ${route.operationId} twice.`,
          'operationIds must be unique.',
          'spec-mismatch',
        );
      }
      continue;
    }
    operations.set(route.operationId, {
      vendor,
      operationId: route.operationId,
      qualifiedId: `${spec.vendor}.${route.operationId}`,
      route,
      request: createRequestValidator(ajv, spec.vendor, spec.document, route.pathItem, route.operation),
      response: createResponseValidator(ajv, spec.vendor, spec.document, route.operation),
      errorStatuses: Object.keys(route.operation.responses)
        .map(Number)
        .filter((status) => status >= 400 && status <= 599),
    });
  }
  return vendor;
}

/** The vendor that owns a path by its `x-vendor-path-prefixes`, if any (an unknown path under it gets that vendor's 404). */
export function findVendorByPathPrefix(vendors: readonly CompiledVendor[], pathname: string): CompiledVendor | undefined {
  return vendors.find((vendor) => vendor.pathPrefixes.some((prefix) => pathname.startsWith(prefix)));
}
