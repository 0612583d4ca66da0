import type { HttpHandler } from 'msw';
import { toMswHandlers } from './adapters/msw.ts';
import { createEngine, type ForceOptions, type MockEngine, type MockState, MockStateError } from './engine/create-engine.ts';
import type { ForceTimes, QueuedForce } from './force/force-queue.ts';
import type { JournalEntry, RequestJournal } from './journal/request-journal.ts';
import type { OriginPolicy } from './routing/origin-policy.ts';
import { selectModules } from './vendor/select-modules.ts';

export { ContractViolationError, type ExpectContractOptions, expectContract } from './contract/expect-contract.ts';
export type { ForceOptions, ForceTimes, JournalEntry, MockState, OriginPolicy, QueuedForce, RequestJournal };
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
  });
  return {
    handlers: toMswHandlers(engine, options.origins ?? 'spec'),
    vendors: engine.vendors,
    journal: engine.journal,
    clock: engine.clock,
    ready: engine.ready,
    force: (operationId, status, forceOptions) => engine.force(operationId, status, forceOptions),
    reset: () => engine.reset(),
    getState: () => engine.getState(),
    setState: (state) => engine.setState(state),
    fetch: (request) => engine.handle(request),
  };
}
