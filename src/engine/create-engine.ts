import { createMockClock, type MockClock } from '../clock/mock-clock.ts';
import { startupError } from '../errors/startup-error.ts';
import { createFaultInjector } from '../faults/fault-injector.ts';
import type { FaultPlan } from '../faults/fault-plan.ts';
import { toDocumentedResponse } from '../force/documented-response.ts';
import { createForceQueue, type ForceTimes, type QueuedForce } from '../force/force-queue.ts';
import { createRequestJournal, DEFAULT_JOURNAL_CAPACITY, type JournalEntry, type RequestJournal } from '../journal/request-journal.ts';
import { REQUEST_LIMITS } from '../limits/request-limits.ts';
import { matchRoute } from '../routing/match-route.ts';
import { findSpecDirectory, loadSpec } from '../spec/load-specs.ts';
import type { ServerObject } from '../spec/openapi-types.ts';
import { checkSnapshot, restoreStore, snapshotStore } from '../store/vendor-store.ts';
import { collectExtensionKeywords, createAjvPair, registerComponentSchemas } from '../validate/create-ajv.ts';
import type { ValidationIssue } from '../validate/validation-issue.ts';
import type { VendorModule } from '../vendor/vendor-module.ts';
import { checkRequest, checkResponse, type RequestCheck, type WireRequest, type WireResponse } from './check-exchange.ts';
import { type CompiledVendor, compileVendor } from './compile-vendor.ts';
import type { EngineState } from './engine-state.ts';
import { handleRequest } from './handle-request.ts';
import { createSerialQueue } from './serial-queue.ts';

/** The whole store: vendor → collection → records. `GET /__admin/state` returns it; `PUT` takes it. */
export type MockState = Record<string, Record<string, unknown[]>>;

export interface EngineOptions {
  /** The vendor modules to serve (see `src/vendors.ts`). */
  readonly modules: readonly VendorModule[];
  /** Validate every response against the spec; a violation answers 500 `strict-violation`. */
  readonly strict?: boolean;
  /** Journal ring-buffer size (default 1000). */
  readonly journalCapacity?: number;
  /** Per-vendor settings, merged over each module's `defaultConfig` (allow-lists and the like). */
  readonly config?: Readonly<Record<string, unknown>>;
  readonly specDirectory?: string;
  readonly onExchange?: (entry: JournalEntry) => void;
  /** Called after anything that may have changed the store (a handler ran, reset, state write). */
  readonly onStoreChange?: () => void;
  /** Request bodies over this answer 413 (default 1 MiB). */
  readonly maxBodyBytes?: number;
  /** Request targets longer than this answer 414 (default 8 KiB). */
  readonly maxUrlLength?: number;
  /** Injected latency and faults from the start (see `src/faults/fault-plan.ts`). */
  readonly faults?: FaultPlan;
  /** Seed of the fault injector's random draws (default: a random one, readable as `faultSeed`). */
  readonly seed?: number;
}

export interface ForceOptions {
  /** How many requests it applies to (default 1), or `'always'` until reset. */
  readonly times?: ForceTimes;
  /** A named example of that status (`Prefer: example=`). */
  readonly example?: string;
}

/** A refused state write: which records break which schema. Nothing was applied. */
export class MockStateError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`[esp-cancel-mock] state refused: ${problems.join(' | ')}`);
    this.name = 'MockStateError';
  }
}

/** One mock: both adapters and the admin API drive it through this interface only. */
export interface MockEngine {
  /** Answers one vendor request (the Fetch `Request` the adapter was handed). */
  handle(request: Request): Promise<Response>;
  /** The vendor whose route (or path prefix) the request's path falls under, if any. */
  owner(request: Request): string | undefined;
  readonly vendors: readonly string[];
  /** Each vendor's spec `servers`: the hosts an in-process mock intercepts. */
  readonly servers: ReadonlyMap<string, readonly ServerObject[]>;
  readonly strict: boolean;
  readonly journal: RequestJournal;
  readonly clock: MockClock;
  /** Resolves once the default dataset is loaded. */
  readonly ready: Promise<void>;
  /** Queues a documented outcome for an operation; throws if the status or example is not documented. */
  force(operationId: string, status: number, options?: ForceOptions): void;
  /** Queues several outcomes, all or none: one undocumented item refuses the whole list. */
  forceMany(items: ReadonlyArray<ForceOptions & { readonly operationId: string; readonly status: number }>): readonly QueuedForce[];
  forced(): readonly QueuedForce[];
  clearForced(): void;
  /** Replaces the injected latency and faults (checked against the specs first; throws on a bad plan). */
  setFaults(plan: FaultPlan, seed?: number): void;
  /** The fault plan in force and the seed of its random draws. */
  faults(): { readonly plan: FaultPlan; readonly seed: number };
  /** Back to the default dataset; queued forces and the journal are cleared, the clock follows real time. */
  reset(): Promise<void>;
  getState(): Promise<MockState>;
  /** Replaces the records of the named vendors whole, after checking every record; throws `MockStateError`. */
  setState(state: MockState): Promise<void>;
  /** Which operation a wire request hits and which rules it breaks (no handler runs, no state changes). */
  checkRequest(request: WireRequest): RequestCheck;
  /** Which rules an answer of `vendor.operationId` breaks: status, headers, body decoded by the vendor's codec. */
  checkResponse(vendor: string, operationId: string, response: WireResponse): ValidationIssue[];
}

/**
 * Loads the specs of the given vendor modules, builds their routes, compiles every validator once,
 * creates the stores and seeds the default dataset. Throws at start-up, with a fix, on any mismatch
 * between a spec and its handlers.
 */
export function createEngine(options: EngineOptions): MockEngine {
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

  /** `omeda.cancelDeployment` or a bare `cancelDeployment` (the first vendor that has it). */
  const findOperation = (qualifiedId: string) => {
    const dot = qualifiedId.indexOf('.');
    const vendorName = dot === -1 ? undefined : qualifiedId.slice(0, dot);
    const operationId = dot === -1 ? qualifiedId : qualifiedId.slice(dot + 1);
    for (const vendor of vendors) {
      const operation = vendorName === undefined || vendor.name === vendorName ? vendor.operations.get(operationId) : undefined;
      if (operation) return operation;
    }
    return undefined;
  };

  /** Checks a forced outcome against the spec before anything is queued. */
  const prepareForce = (operationId: string, status: number, forceOptions: ForceOptions) => {
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
  };

  /** Every key names an operation and every fixed status is documented for each operation it covers. */
  const checkFaults = (plan: FaultPlan): void => {
    for (const [key, rule] of Object.entries(plan)) {
      const operations =
        key === '*' ? vendors.flatMap((vendor) => [...vendor.operations.values()]) : [findOperation(key)].filter((op) => op !== undefined);
      if (operations.length === 0) throw startupError(`faults: unknown operation '${key}'.`, 'Use vendor.operationId, operationId or *.');
      if (typeof rule.status === 'number') {
        for (const operation of operations) {
          const documented = toDocumentedResponse(operation.vendor.spec.document, operation.route.operation, rule.status, rule.example);
          if (!documented.ok) throw startupError(`faults: ${key}: ${documented.message}.`, 'Use a documented status, or "error".');
        }
      }
    }
  };
  if (options.faults) {
    checkFaults(options.faults);
    state.faults.set(options.faults);
  }

  return {
    vendors: vendors.map((vendor) => vendor.name),
    servers: new Map(vendors.map((vendor) => [vendor.name, vendor.spec.document.servers ?? []])),
    strict: state.strict,
    journal: state.journal,
    clock,
    ready,
    async handle(request) {
      await ready;
      return handleRequest(state, request);
    },
    owner(request) {
      const { pathname } = new URL(request.url);
      const match = matchRoute(state.routes, request.method, pathname);
      return match?.route.vendor ?? vendors.find((vendor) => vendor.pathPrefixes.some((prefix) => pathname.startsWith(prefix)))?.name;
    },
    force(operationId, status, forceOptions = {}) {
      const item = prepareForce(operationId, status, forceOptions);
      state.force.push(item.operationId, item.force, item.times);
    },
    forceMany(items) {
      const prepared = items.map((item) => prepareForce(item.operationId, item.status, item));
      const before = state.force.list().length;
      for (const item of prepared) state.force.push(item.operationId, item.force, item.times);
      return state.force.list().slice(before);
    },
    checkRequest: (request) => checkRequest(state, request),
    checkResponse: (vendor, operationId, response) => checkResponse(state, vendor, operationId, response),
    forced: () => state.force.list(),
    clearForced: () => state.force.clear(),
    setFaults(plan, seed) {
      checkFaults(plan);
      state.faults.set(plan, seed);
    },
    faults: () => ({ plan: state.faults.plan, seed: state.faults.seed }),
    async reset() {
      state.force.clear();
      state.journal.clear();
      clock.set(null);
      await seed();
      options.onStoreChange?.();
    },
    getState: () => state.serial.run(() => Object.fromEntries(vendors.map((vendor) => [vendor.name, snapshotStore(vendor.store)]))),
    setState(next) {
      const problems: string[] = [];
      if (typeof next !== 'object' || next === null || Array.isArray(next)) problems.push('expected an object of vendors');
      else {
        for (const [name, snapshot] of Object.entries(next)) {
          const vendor = state.vendorByName.get(name);
          if (!vendor) problems.push(`${name}: not a vendor this mock serves (${vendors.map((v) => v.name).join(', ')})`);
          else problems.push(...checkSnapshot(ajv, name, vendor.module.collections, snapshot));
        }
      }
      if (problems.length > 0) return Promise.reject(new MockStateError(problems));
      return state.serial.run(async () => {
        for (const [name, snapshot] of Object.entries(next)) {
          const vendor = state.vendorByName.get(name) as CompiledVendor;
          await restoreStore(vendor.store, { ...snapshotStore(vendor.store), ...snapshot });
        }
        options.onStoreChange?.();
      });
    },
  };
}
