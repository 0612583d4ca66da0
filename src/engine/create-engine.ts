import { createMockClock } from '../clock/mock-clock.ts';
import { createFaultInjector } from '../faults/fault-injector.ts';
import type { FaultPlan } from '../faults/fault-plan.ts';
import { createForceQueue } from '../force/force-queue.ts';
import { createRequestJournal, DEFAULT_JOURNAL_CAPACITY, type JournalEntry } from '../journal/request-journal.ts';
import { REQUEST_LIMITS } from '../limits/request-limits.ts';
import { matchRoute } from '../routing/match-route.ts';
import { findSpecDirectory, loadSpec } from '../spec/load-specs.ts';
import type { ServerObject } from '../spec/openapi-types.ts';
import { restoreStore } from '../store/vendor-store.ts';
import { collectExtensionKeywords, createAjvPair, registerComponentSchemas } from '../validate/create-ajv.ts';
import type { ValidationIssue } from '../validate/validation-issue.ts';
import type { VendorModule } from '../vendor/vendor-module.ts';
import { checkRequest, checkResponse, type RequestCheck, type WireRequest, type WireResponse } from './check-exchange.ts';
import { type CompiledVendor, compileVendor, findVendorByPathPrefix } from './compile-vendor.ts';
import { checkFaultPlan, createEngineControls, type EngineControls } from './engine-controls.ts';
import type { EngineState } from './engine-state.ts';
import { handleRequest } from './handle-request.ts';
import { createSerialQueue } from './serial-queue.ts';

export { type EngineControls, type ForceOptions, type MockState, MockStateError } from './engine-controls.ts';

/**
 * The options every way in shares: `createMock` and `startServer` extend this type, and pass it to the
 * engine as it is (the engine takes the modules instead of the vendor names).
 */
export interface MockOptions {
  /** Vendors to serve (default: all). */
  readonly vendors?: readonly string[];
  /** Validate every response against the spec; a violation answers 500 `strict-violation`. */
  readonly strict?: boolean;
  /** Per-vendor settings, merged over each module's `defaultConfig`, e.g. `{ omeda: { appIds: ['my-app'] } }`. */
  readonly config?: Readonly<Record<string, unknown>>;
  /** Journal ring-buffer size (default 1000). */
  readonly journalCapacity?: number;
  /** Injected latency and faults from the start (same declaration as the server's `--faults`). */
  readonly faults?: FaultPlan;
  /** Seed of the faults' random draws (default random; read it back from `faults().seed`). */
  readonly seed?: number;
  /** Request bodies over this answer 413 (default 1 MiB). */
  readonly maxBodyBytes?: number;
}

/** The engine's options: the shared ones, with the vendor modules instead of their names. */
export interface EngineOptions extends Omit<MockOptions, 'vendors'> {
  /** The vendor modules to serve (see `src/vendors.ts`). */
  readonly modules: readonly VendorModule[];
  readonly specDirectory?: string;
  readonly onExchange?: (entry: JournalEntry) => void;
  /** Called after anything that may have changed the store (a handler ran, reset, state write). */
  readonly onStoreChange?: () => void;
  /** Request targets longer than this answer 414 (default 8 KiB). */
  readonly maxUrlLength?: number;
}

/** Serving: answering vendor requests, and which vendor a path belongs to. The adapters use this part. */
export interface EngineServing {
  /** Answers one vendor request (the Fetch `Request` the adapter was handed). */
  handle(request: Request): Promise<Response>;
  /** The vendor whose route (or path prefix) the request's path falls under, if any. */
  owner(request: Request): string | undefined;
  readonly vendors: readonly string[];
  /** Each vendor's spec `servers`: the hosts an in-process mock intercepts. */
  readonly servers: ReadonlyMap<string, readonly ServerObject[]>;
  /** Resolves once the default dataset is loaded. */
  readonly ready: Promise<void>;
}

/** Contract checks: the engine's own validators applied to traffic it did not answer (`verify`, `validate`). */
export interface EngineContractChecks {
  /** Which operation a wire request hits and which rules it breaks (no handler runs, no state changes). */
  checkRequest(request: WireRequest): RequestCheck;
  /** Which rules an answer of `vendor.operationId` breaks: status, headers, body decoded by the vendor's codec. */
  checkResponse(vendor: string, operationId: string, response: WireResponse): ValidationIssue[];
}

/**
 * One mock, in three named parts: `serving` (the adapters), `controls` (the admin API, `Mock`, test
 * targets) and `contract` (the contract checks). The members of all three are also on the engine itself.
 */
export interface MockEngine extends EngineServing, EngineControls, EngineContractChecks {
  readonly serving: EngineServing;
  readonly controls: EngineControls;
  readonly contract: EngineContractChecks;
}

/**
 * Loads the specs of the given vendor modules, builds their routes, compiles every validator once,
 * creates the stores and seeds the default dataset. Throws at start-up, with a fix, on any mismatch
 * between a spec and its handlers.
 */
export function createEngine(options: EngineOptions): MockEngine {
  const specDirectory = options.specDirectory ?? findSpecDirectory();
  const specs = options.modules.map((module) => loadSpec(module.name, module.specDirectory ?? specDirectory));
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
  const clock = createMockClock();
  const state: EngineState = {
    vendors,
    vendorByName: new Map(vendors.map((vendor) => [vendor.name, vendor])),
    routes: vendors.flatMap((vendor) => vendor.routes),
    strict: options.strict ?? false,
    force: createForceQueue(),
    journal: createRequestJournal(options.journalCapacity ?? DEFAULT_JOURNAL_CAPACITY),
    clock,
    serial: createSerialQueue(),
    faults: createFaultInjector(options.seed),
    limits: {
      maxBodyBytes: options.maxBodyBytes ?? REQUEST_LIMITS.maxBodyBytes,
      maxUrlLength: options.maxUrlLength ?? REQUEST_LIMITS.maxUrlLength,
    },
    ...(options.onStoreChange ? { onStoreChange: options.onStoreChange } : {}),
    ...(options.onExchange ? { onExchange: options.onExchange } : {}),
  };

  const seed = (): Promise<void> =>
    state.serial.run(async () => {
      for (const vendor of vendors) await restoreStore(vendor.store, vendor.module.seed(clock) as Record<string, unknown[]>);
    });
  const ready = seed();

  if (options.faults) {
    checkFaultPlan(vendors, options.faults);
    state.faults.set(options.faults);
  }
  const controls = createEngineControls(state, { ajv, seed });
  const serving: EngineServing = {
    vendors: controls.vendors,
    servers: new Map(vendors.map((vendor) => [vendor.name, vendor.spec.document.servers ?? []])),
    ready,
    async handle(request) {
      await ready;
      return handleRequest(state, request);
    },
    owner(request) {
      const { pathname } = new URL(request.url);
      return matchRoute(state.routes, request.method, pathname)?.route.vendor ?? findVendorByPathPrefix(vendors, pathname)?.name;
    },
  };
  const contract: EngineContractChecks = {
    checkRequest: (request) => checkRequest(state, request),
    checkResponse: (vendor, operationId, response) => checkResponse(state, vendor, operationId, response),
  };
  return { ...controls, ...serving, ...contract, serving, controls, contract };
}
