import { createMockClock } from '../clock/mock-clock.ts';
import { createFaultInjector } from '../faults/fault-injector.ts';
import type { FaultPlan } from '../faults/fault-plan.ts';
import { createForceQueue } from '../force/force-queue.ts';
import { createRequestJournal, DEFAULT_JOURNAL_CAPACITY, type JournalEntry } from '../journal/request-journal.ts';
import { matchRoute } from '../routing/match-route.ts';
import type { ServerObject } from '../spec/openapi-types.ts';
import { restoreStore } from '../store/vendor-store.ts';
import type { ValidationIssue } from '../validate/validation-issue.ts';
import type { VendorModule } from '../vendor/vendor-module.ts';
import { checkRequest, checkResponse, type RequestCheck, type WireRequest, type WireResponse } from './check-exchange.ts';
import { type CompiledMock, compileMock } from './compile-mock.ts';
import { findVendorByPathPrefix } from './compile-vendor.ts';
import { checkFaultPlan, createEngineControls, type EngineControls, type MockState } from './engine-controls.ts';
import type { EngineState } from './engine-state.ts';
import { handleRequest } from './handle-request.ts';
import type { HandleOptions } from './incoming-request.ts';
import { createSerialQueue } from './serial-queue.ts';

export { type EngineControls, type ForceOptions, type MockState, MockStateError } from './engine-controls.ts';
export type { HandleOptions };

/**
 * The options every way in shares: `createMock` and `startServer` extend this type, and pass it to the
 * engine as it is (the engine takes the modules instead of the vendor names).
 */
export interface MockOptions {
  /** Vendors to serve (default: all); an empty list, an unknown name or a name given twice is refused. */
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
  /** What the engine starts from and `reset()` restores, whole (default: the default dataset). */
  readonly startingState?: MockState;
}

/**
 * What a new session engine may set differently from the engine it is created from.
 * @see ../../docs/guides/sessions.md
 */
export interface SessionEngineOptions {
  /** What the session starts from and its `reset()` restores (default: the default dataset). */
  readonly startingState?: MockState;
  /** Called after each of the session's exchanges is journaled. */
  readonly onExchange?: (entry: JournalEntry) => void;
}

/** Serving: answering vendor requests, and which vendor a path belongs to. The adapters use this part. */
export interface EngineServing {
  /**
   * Answers one vendor request (the Fetch `Request` the adapter was handed); a session layer passes
   * the URL without its session prefix and the base URL handed-out URLs hang off.
   */
  handle(request: Request, options?: HandleOptions): Promise<Response>;
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
  /**
   * Which rules an answer of `vendor.operationId` breaks: status, headers, body decoded by the vendor's
   * codec (not the body of the answer to a HEAD `request`, which has none).
   */
  checkResponse(vendor: string, operationId: string, response: WireResponse, request?: Pick<WireRequest, 'method'>): ValidationIssue[];
}

/**
 * One mock, in three named parts: `serving` (the adapters), `controls` (the admin API, `Mock`, test
 * targets) and `contract` (the contract checks). The members of all three are also on the engine itself.
 */
export interface MockEngine extends EngineServing, EngineControls, EngineContractChecks {
  readonly serving: EngineServing;
  readonly controls: EngineControls;
  readonly contract: EngineContractChecks;
  /**
   * A new engine on the same compiled specs, validators and routes, with a store, journal, force
   * queue, clock and fault plan of its own (a server session). Cheap: nothing is compiled again.
   * It starts with this engine's starting fault plan and seed, and its journal size.
   */
  createSession(options?: SessionEngineOptions): MockEngine;
}

/**
 * Loads the specs of the given vendor modules, builds their routes (validators compile on first use,
 * once per process), creates the stores and seeds the default dataset. Throws at start-up, with a fix, on any mismatch
 * between a spec and its handlers.
 */
export function createEngine(options: EngineOptions): MockEngine {
  return createStatefulEngine(compileMock(options), options);
}

/** An engine with state of its own on compiled vendors that may be shared with other engines (sessions). */
function createStatefulEngine(compiled: CompiledMock, options: EngineOptions): MockEngine {
  const { vendors } = compiled;
  const clock = createMockClock();
  const state: EngineState = {
    vendors,
    vendorByName: compiled.vendorByName,
    routes: compiled.routes,
    strict: compiled.strict,
    stores: compiled.createStores(),
    force: createForceQueue(),
    journal: createRequestJournal(options.journalCapacity ?? DEFAULT_JOURNAL_CAPACITY),
    clock,
    serial: createSerialQueue(),
    faults: createFaultInjector(options.seed),
    limits: compiled.limits,
    ...(options.onStoreChange ? { onStoreChange: options.onStoreChange } : {}),
    ...(options.onExchange ? { onExchange: options.onExchange } : {}),
  };

  const seed = (): Promise<void> =>
    state.serial.run(async () => {
      for (const vendor of vendors) {
        const store = state.stores.get(vendor.name) as Parameters<typeof restoreStore>[0];
        const given = options.startingState?.[vendor.name];
        // A given starting state (a state file, a session's) is checked record by record; the built-in
        // dataset is checked once, by the test suite (test/default-dataset.test.ts), not in every mock.
        if (given) await restoreStore(store, given);
        else await restoreStore(store, vendor.module.seed(clock) as Record<string, unknown[]>, { builtIn: true });
      }
    });
  // Once seeded, a request goes straight to the pipeline (no `await` hop on every request).
  let seeded = false;
  const ready = seed().then(() => {
    seeded = true;
  });

  if (options.faults) {
    checkFaultPlan(vendors, options.faults);
    state.faults.set(options.faults);
  }
  const controls = createEngineControls(state, { ajv: compiled.ajv, seed });
  const serving: EngineServing = {
    vendors: controls.vendors,
    servers: new Map(vendors.map((vendor) => [vendor.name, vendor.spec.document.servers ?? []])),
    ready,
    handle(request, handleOptions) {
      return seeded ? handleRequest(state, request, handleOptions) : ready.then(() => handleRequest(state, request, handleOptions));
    },
    owner(request) {
      const { pathname } = new URL(request.url);
      return matchRoute(state.routes, request.method, pathname)?.route.vendor ?? findVendorByPathPrefix(vendors, pathname)?.name;
    },
  };
  const contract: EngineContractChecks = {
    checkRequest: (request) => checkRequest(state, request),
    checkResponse: (vendor, operationId, response, request) => checkResponse(state, vendor, operationId, response, request),
  };
  const createSession = (sessionOptions: SessionEngineOptions = {}): MockEngine =>
    // Shares the compiled vendors: only the state is new, so a session costs its stores' seed.
    createStatefulEngine(compiled, {
      modules: options.modules,
      journalCapacity: state.journal.capacity,
      ...(options.faults ? { faults: options.faults } : {}),
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(sessionOptions.startingState ? { startingState: sessionOptions.startingState } : {}),
      ...(sessionOptions.onExchange ? { onExchange: sessionOptions.onExchange } : {}),
    });
  return { ...controls, ...serving, ...contract, serving, controls, contract, createSession };
}
