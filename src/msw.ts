import type { RequestHandler } from 'msw';
import { toMswHandlers } from './adapters/msw.ts';
import { checkMockConfig, type MockConfig, MockConfigError } from './config/mock-config.ts';
import { createEngine, type MockOptions } from './engine/create-engine.ts';
import { type EngineControls, type ForceOptions, type MockState, MockStateError } from './engine/engine-controls.ts';
import type { FaultPlan, FaultRule } from './faults/fault-plan.ts';
import type { ForceTimes, QueuedForce } from './force/force-queue.ts';
import type { JournalEntry, RequestJournal } from './journal/request-journal.ts';
import type { OriginPolicy } from './routing/origin-policy.ts';
import type { OperationId } from './vendor/operation-ids.ts';
import { selectModules } from './vendors.ts';

export { MswCopyMismatchError } from './adapters/msw-copy-guard.ts';
export { ContractViolationError, type ExpectContractOptions, expectContract } from './contract/expect-contract.ts';
// Misuse (an empty vendor list, an unknown vendor, an undocumented forced status) throws it, with a `code`.
export { UsageError, type UsageErrorCode } from './errors/usage-error.ts';
export type { DriftReport, OperationSummary } from './proxy/drift-report.ts';
export { createDriftCheck, type DriftCheck, type DriftCheckOptions } from './proxy/msw-drift-check.ts';
export type { VendorConfigs } from './vendors.ts';
export type {
  FaultPlan,
  FaultRule,
  ForceOptions,
  ForceTimes,
  JournalEntry,
  MockOptions,
  MockState,
  OriginPolicy,
  QueuedForce,
  RequestJournal,
};
export { type MockConfig, MockConfigError, MockStateError, type OperationId };

/** `createMock`'s options: the shared `MockOptions` (strict mode defaults to on in-process), plus origins. */
export interface CreateMockOptions extends MockOptions {
  /** Which origins to intercept: `spec` (default, the vendors' documented hosts), `any`, or a list. */
  readonly origins?: OriginPolicy;
  /**
   * Per-vendor settings, e.g. `{ omeda: { appIds: ['my-app'] } }`: typed, and checked when the mock is
   * created (an unknown vendor or key, or a wrong type, throws `MockConfigError` naming its path).
   */
  readonly config?: MockConfig;
}

/** An in-process mock: MSW handlers plus the admin operations, on a store of its own. */
export interface Mock {
  /**
   * Pass to `setupServer(...mock.handlers)` or `server.use(...mock.handlers)`. Built with the app's own
   * msw (a peer dependency); run by another copy of msw, they throw `MswCopyMismatchError`.
   */
  readonly handlers: RequestHandler[];
  readonly vendors: readonly string[];
  readonly journal: RequestJournal;
  readonly clock: EngineControls['clock'];
  /** Resolves once the default dataset is loaded (requests wait for it by themselves). */
  readonly ready: Promise<void>;
  /**
   * Queues a documented answer of `vendor.operationId` (`'omeda.cancelDeployment'`) for the next
   * request(s); an undocumented status or example throws.
   */
  force(operationId: OperationId, status: number, options?: ForceOptions): void;
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
    ...options,
    modules: selectModules(options.vendors),
    strict: options.strict ?? true,
    ...(options.config === undefined ? {} : { config: checkMockConfig(options.config) }),
  });
  const { controls, serving } = engine;
  return {
    handlers: toMswHandlers(engine, options.origins ?? 'spec'),
    vendors: controls.vendors,
    journal: controls.journal,
    clock: controls.clock,
    ready: serving.ready,
    force: controls.force,
    faults(plan, seed) {
      if (plan) controls.setFaults(plan, seed);
      return controls.faults();
    },
    reset: controls.reset,
    getState: controls.getState,
    setState: controls.setState,
    fetch: serving.handle,
  };
}
