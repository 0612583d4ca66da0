import { createMockClock, type MockClock } from '../clock/mock-clock.ts';
import { createFaultInjector } from '../faults/fault-injector.ts';
import type { FaultPlan } from '../faults/fault-plan.ts';
import { createForceQueue, type ForceTimes, type QueuedForce } from '../force/force-queue.ts';
import { createRequestJournal, DEFAULT_JOURNAL_CAPACITY, type JournalEntry, type RequestJournal } from '../journal/request-journal.ts';
import { matchRoute } from '../routing/match-route.ts';
import type { ServerObject } from '../spec/openapi-types.ts';
import { prepareRestore, restoreStore, snapshotStore } from '../store/vendor-store.ts';
import type { ValidationIssue } from '../validate/validation-issue.ts';
import type { VendorModule } from '../vendor/vendor-module.ts';
import { checkRequest, checkResponse, type RequestCheck, type WireRequest, type WireResponse } from './check-exchange.ts';
import { type CompiledMock, compileMock } from './compile-mock.ts';
import type { EngineState } from './engine-state.ts';
import { type HandleOptions, handleRequest } from './handle-request.ts';
import { createSerialQueue } from './serial-queue.ts';

export type { HandleOptions };

/** The whole store: vendor → collection → records. `GET /__admin/state` returns it; `PUT` takes it. */
export type MockState = Record<string, Record<string, unknown[]>>;

export interface EngineOptions {
  /** The vendor modules to serve (see `handlers/index.ts`). */
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
  handle(request: Request, options?: HandleOptions): Promise<Response>;
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
  /**
   * A new engine on the same compiled specs, validators and routes, with a store, journal, force
   * queue, clock and fault plan of its own (a server session). Cheap: nothing is compiled again.
   * It starts with this engine's starting fault plan and seed, and its journal size.
   */
  createSession(options?: SessionEngineOptions): MockEngine;
}

/**
 * Loads the specs of the given vendor modules, builds their routes, compiles every validator once,
 * creates the stores and seeds the default dataset. Throws at start-up, with a fix, on any mismatch
 * between a spec and its handlers.
 */
export function createEngine(options: EngineOptions): MockEngine {
  return createStatefulEngine(compileMock(options), options);
}

/** An engine with state of its own on compiled vendors that may be shared with other engines. */
function createStatefulEngine(compiled: CompiledMock, options: EngineOptions): MockEngine {
  const clock = createMockClock();
  const { vendors } = compiled;
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
  const storeOf = (name: string) => state.stores.get(name) as Parameters<typeof restoreStore>[0];

  const seed = (): Promise<void> =>
    state.serial.run(async () => {
      for (const vendor of vendors) {
        const records = options.startingState?.[vendor.name] ?? (vendor.module.seed(clock) as Record<string, unknown[]>);
        await restoreStore(storeOf(vendor.name), records);
      }
    });
  const ready = seed();

  if (options.faults) {
    compiled.checkFaults(options.faults);
    state.faults.set(options.faults);
  }

  return {
    vendors: vendors.map((vendor) => vendor.name),
    servers: new Map(vendors.map((vendor) => [vendor.name, vendor.spec.document.servers ?? []])),
    strict: state.strict,
    journal: state.journal,
    clock,
    ready,
    async handle(request, handleOptions) {
      await ready;
      return handleRequest(state, request, handleOptions);
    },
    owner(request) {
      const { pathname } = new URL(request.url);
      const match = matchRoute(state.routes, request.method, pathname);
      return match?.route.vendor ?? vendors.find((vendor) => vendor.pathPrefixes.some((prefix) => pathname.startsWith(prefix)))?.name;
    },
    force(operationId, status, forceOptions = {}) {
      const item = compiled.prepareForce(operationId, status, forceOptions);
      state.force.push(item.operationId, item.force, item.times);
    },
    forceMany(items) {
      const prepared = items.map((item) => compiled.prepareForce(item.operationId, item.status, item));
      const before = state.force.list().length;
      for (const item of prepared) state.force.push(item.operationId, item.force, item.times);
      return state.force.list().slice(before);
    },
    checkRequest: (request) => checkRequest(state, request),
    checkResponse: (vendor, operationId, response) => checkResponse(state, vendor, operationId, response),
    forced: () => state.force.list(),
    clearForced: () => state.force.clear(),
    setFaults(plan, seed) {
      compiled.checkFaults(plan);
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
    getState: () => state.serial.run(() => Object.fromEntries(vendors.map((vendor) => [vendor.name, snapshotStore(storeOf(vendor.name))]))),
    setState(next) {
      const problems = compiled.checkState(next);
      if (problems.length > 0) return Promise.reject(new MockStateError(problems));
      // Every vendor's collections are built first and swapped in together: all or nothing.
      return state.serial.run(async () => {
        const commits: Array<() => void> = [];
        for (const [name, snapshot] of Object.entries(next)) {
          commits.push(await prepareRestore(storeOf(name), { ...snapshotStore(storeOf(name)), ...snapshot }));
        }
        for (const commit of commits) commit();
        options.onStoreChange?.();
      });
    },
    createSession(sessionOptions = {}) {
      // Shares the compiled vendors: only the state below is new, so a session costs its stores' seed.
      return createStatefulEngine(compiled, {
        modules: options.modules,
        journalCapacity: state.journal.capacity,
        ...(options.faults ? { faults: options.faults } : {}),
        ...(options.seed === undefined ? {} : { seed: options.seed }),
        ...(sessionOptions.startingState ? { startingState: sessionOptions.startingState } : {}),
        ...(sessionOptions.onExchange ? { onExchange: sessionOptions.onExchange } : {}),
      });
    },
  };
}
