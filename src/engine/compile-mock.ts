import { startupError } from '../errors/startup-error.ts';
import type { FaultPlan } from '../faults/fault-plan.ts';
import { toDocumentedResponse } from '../force/documented-response.ts';
import type { ForceTimes } from '../force/force-queue.ts';
import type { ForceRequest } from '../force/prefer-header.ts';
import { REQUEST_LIMITS } from '../limits/request-limits.ts';
import type { Route } from '../routing/build-routes.ts';
import { findSpecDirectory, loadSpec } from '../spec/load-specs.ts';
import { checkSnapshot, createVendorStore } from '../store/vendor-store.ts';
import { type AjvPair, collectExtensionKeywords, createAjvPair, registerComponentSchemas } from '../validate/create-ajv.ts';
import type { VendorModule } from '../vendor/vendor-module.ts';
import { type CompiledOperation, type CompiledVendor, compileVendor } from './compile-vendor.ts';
import type { VendorRecords } from './engine-state.ts';

/**
 * What a mock compiles once per process: the part every session of a server shares.
 * @see ../../docs/development.md
 */
export interface CompileOptions {
  readonly modules: readonly VendorModule[];
  readonly strict?: boolean;
  readonly config?: Readonly<Record<string, unknown>>;
  readonly specDirectory?: string;
  readonly maxBodyBytes?: number;
  readonly maxUrlLength?: number;
}

/**
 * A forced outcome checked against the spec, ready to queue.
 * @see ../../docs/reference/admin-api.md "Forcing a documented answer"
 */
export interface PreparedForce {
  readonly operationId: string;
  readonly force: ForceRequest;
  readonly times: ForceTimes;
}

/**
 * The specs, ajv validators, routes and vendor modules, compiled once: immutable, so any number of
 * engines (a server's sessions) share it and only their mutable state is per engine.
 *
 * @see ../../docs/guides/sessions.md
 */
export interface CompiledMock {
  readonly ajv: AjvPair;
  readonly vendors: readonly CompiledVendor[];
  readonly vendorByName: ReadonlyMap<string, CompiledVendor>;
  readonly routes: readonly Route[];
  readonly strict: boolean;
  readonly limits: { readonly maxBodyBytes: number; readonly maxUrlLength: number };
  /** `omeda.cancelDeployment` or a bare `cancelDeployment` (the first vendor that has it). */
  findOperation(qualifiedId: string): CompiledOperation | undefined;
  /** Checks a forced outcome against the spec; throws with a fix when it is not documented. */
  prepareForce(operationId: string, status: number, options: { readonly times?: ForceTimes; readonly example?: string }): PreparedForce;
  /** Every key names an operation and every fixed status is documented for each operation it covers. */
  checkFaults(plan: FaultPlan): void;
  /** One message per record of a state document that breaks its schema (none: it may be applied). */
  checkState(state: unknown): string[];
  /** Fresh, empty stores for every vendor (a new engine or session fills them). */
  createStores(): Map<string, VendorRecords>;
}

/**
 * Loads the specs of the given vendor modules, builds their routes and compiles every validator
 * once. Throws at start-up, with a fix, on any mismatch between a spec and its handlers.
 *
 * @see ../../docs/development.md
 */
export function compileMock(options: CompileOptions): CompiledMock {
  const specDirectory = options.specDirectory ?? findSpecDirectory();
  const specs = options.modules.map((module) => loadSpec(module.name, specDirectory));
  const ajv = createAjvPair(
    collectExtensionKeywords(
      specs.map((spec) => spec.document.components?.schemas ?? {}).concat(specs.map((spec) => spec.document.paths ?? {})),
    ),
  );
  for (const spec of specs) registerComponentSchemas(ajv, spec.vendor, spec.document.components?.schemas);
  const vendors: CompiledVendor[] = specs.map((spec, index) => {
    const module = options.modules[index] as VendorModule;
    const overrides = options.config?.[module.name];
    const config =
      typeof overrides === 'object' && overrides !== null ? { ...(module.defaultConfig as object), ...overrides } : module.defaultConfig;
    return compileVendor(ajv, spec, module, config);
  });
  const vendorByName = new Map(vendors.map((vendor) => [vendor.name, vendor]));

  const findOperation = (qualifiedId: string): CompiledOperation | undefined => {
    const dot = qualifiedId.indexOf('.');
    const vendorName = dot === -1 ? undefined : qualifiedId.slice(0, dot);
    const operationId = dot === -1 ? qualifiedId : qualifiedId.slice(dot + 1);
    for (const vendor of vendors) {
      const operation = vendorName === undefined || vendor.name === vendorName ? vendor.operations.get(operationId) : undefined;
      if (operation) return operation;
    }
    return undefined;
  };

  return {
    ajv,
    vendors,
    vendorByName,
    routes: vendors.flatMap((vendor) => vendor.routes),
    strict: options.strict ?? false,
    limits: {
      maxBodyBytes: options.maxBodyBytes ?? REQUEST_LIMITS.maxBodyBytes,
      maxUrlLength: options.maxUrlLength ?? REQUEST_LIMITS.maxUrlLength,
    },
    findOperation,
    prepareForce(operationId, status, forceOptions) {
      const operation = findOperation(operationId);
      if (!operation) {
        const known = vendors.flatMap((vendor) => [...vendor.operations.keys()].map((id) => `${vendor.name}.${id}`));
        throw startupError(`force: unknown operation '${operationId}'.`, `Use one of: ${known.join(', ')}.`);
      }
      const documented = toDocumentedResponse(operation.vendor.spec.document, operation.route.operation, status, forceOptions.example);
      if (!documented.ok) throw startupError(`force: ${documented.message}.`, 'Force a documented status (see the spec).');
      const times = forceOptions.times ?? 1;
      if (times !== 'always' && (!Number.isInteger(times) || times < 1)) {
        throw startupError(`force: times must be a whole number ≥ 1 or 'always', got ${String(times)}.`, 'Pass a count or "always".');
      }
      return {
        operationId: operation.operationId,
        force: { status, ...(forceOptions.example ? { example: forceOptions.example } : {}) },
        times,
      };
    },
    checkFaults(plan) {
      for (const [key, rule] of Object.entries(plan)) {
        const operations =
          key === '*'
            ? vendors.flatMap((vendor) => [...vendor.operations.values()])
            : [findOperation(key)].filter((op) => op !== undefined);
        if (operations.length === 0) throw startupError(`faults: unknown operation '${key}'.`, 'Use vendor.operationId, operationId or *.');
        if (typeof rule.status === 'number') {
          for (const operation of operations) {
            const documented = toDocumentedResponse(operation.vendor.spec.document, operation.route.operation, rule.status, rule.example);
            if (!documented.ok) throw startupError(`faults: ${key}: ${documented.message}.`, 'Use a documented status, or "error".');
          }
        }
      }
    },
    checkState(next) {
      if (typeof next !== 'object' || next === null || Array.isArray(next)) return ['expected an object of vendors'];
      const problems: string[] = [];
      for (const [name, snapshot] of Object.entries(next)) {
        const vendor = vendorByName.get(name);
        if (!vendor) problems.push(`${name}: not a vendor this mock serves (${vendors.map((v) => v.name).join(', ')})`);
        else problems.push(...checkSnapshot(ajv, name, vendor.module.collections, snapshot));
      }
      return problems;
    },
    createStores: () =>
      new Map(
        vendors.map((vendor) => [vendor.name, createVendorStore(ajv, vendor.name, vendor.module.collections) as unknown as VendorRecords]),
      ),
  };
}
