import type { HttpHandler } from 'msw';
import { toMswHandlers } from './adapters/msw.ts';
import { createEngine, type ForceOptions, type MockEngine, type MockState, MockStateError } from './engine/create-engine.ts';
import type { FaultPlan, FaultRule } from './faults/fault-plan.ts';
import type { ForceTimes, QueuedForce } from './force/force-queue.ts';
import type { JournalEntry, RequestJournal } from './journal/request-journal.ts';
import type { OriginPolicy } from './routing/origin-policy.ts';
import { selectModules } from './vendor/select-modules.ts';

export { ContractViolationError, type ExpectContractOptions, expectContract } from './contract/expect-contract.ts';
export type { DriftReport, OperationSummary } from './proxy/drift-report.ts';
export { createDriftCheck, type DriftCheck, type DriftCheckOptions } from './proxy/msw-drift-check.ts';
export type { FaultPlan, FaultRule, ForceOptions, ForceTimes, JournalEntry, MockState, OriginPolicy, QueuedForce, RequestJournal };
export { MockStateError };

export interface CreateMockOptions {
  /** Vendors to intercept (default: all). */
  readonly vendors?: readonly string[];
  /** Validate every response against the spec (default true in-process: a test should fail on drift). */
  readonly strict?: boolean;
  /** Which origins to intercept: `spec` (default, the vendors' documented hosts), `any`, or a list. */
  readonly origins?: OriginPolicy;
  /** Per-vendor settings, e.g. `{ omeda: { appIds: ['my-app'] } }`. */
  readonly config?: Readonly<Record<string, unknown>>;
  readonly journalCapacity?: number;
  /** Injected latency and faults from the start (same declaration as the server's `--faults`). */
  readonly faults?: FaultPlan;
  /** Seed of the faults' random draws (default random; read it back from `mock.faults().seed`). */
  readonly seed?: number;
}

/** An in-process mock: MSW handlers plus the admin operations, on a store of its own. */
export interface Mock {
  /** Pass to `setupServer(...mock.handlers)` or `server.use(...mock.handlers)`. */
  readonly handlers: HttpHandler[];
  readonly vendors: readonly string[];
  readonly journal: RequestJournal;
  readonly clock: MockEngine['clock'];
  /** Resolves once the default dataset is loaded (requests wait for it by themselves). */
  readonly ready: Promise<void>;
  force(operationId: string, status: number, options?: ForceOptions): void;
  /**
   * Replaces the injected latency and faults (`{}` clears them); without arguments, reads them. A
   * `drop` answers MSW's network error (`fetch` rejects with a `TypeError`).
   *
   * @example mock.faults({ 'omeda.cancelDeployment': { status: 500, probability: 0.2, delayMs: [5, 20] } }, 42)
   */
  faults(plan?: FaultPlan, seed?: number): { readonly plan: FaultPlan; readonly seed: number };
  reset(): Promise<void>;
  getState(): Promise<MockState>;
  setState(state: MockState): Promise<void>;
  /** Answers a request directly, without MSW (what the handlers call). */
  fetch(request: Request): Promise<Response>;
}

/**
 * Creates an in-process mock for a Node test run: the same engine and handlers as the server, as MSW
 * request handlers, with state private to this mock.
 *
 * @example
 * const mock = createMock();
 * const server = setupServer(...mock.handlers);
 */
export function createMock(options: CreateMockOptions = {}): Mock {
  const engine = createEngine({
    modules: selectModules(options.vendors),
    strict: options.strict ?? true,
    ...(options.config ? { config: options.config } : {}),
    ...(options.journalCapacity === undefined ? {} : { journalCapacity: options.journalCapacity }),
    ...(options.faults ? { faults: options.faults } : {}),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
  return {
    handlers: toMswHandlers(engine, options.origins ?? 'spec'),
    vendors: engine.vendors,
    journal: engine.journal,
    clock: engine.clock,
    ready: engine.ready,
    force: (operationId, status, forceOptions) => engine.force(operationId, status, forceOptions),
    faults(plan, seed) {
      if (plan) engine.setFaults(plan, seed);
      return engine.faults();
    },
    reset: () => engine.reset(),
    getState: () => engine.getState(),
    setState: (state) => engine.setState(state),
    fetch: (request) => engine.handle(request),
  };
}
