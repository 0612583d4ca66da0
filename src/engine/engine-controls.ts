import type { MockClock } from '../clock/mock-clock.ts';
import { UsageError } from '../errors/usage-error.ts';
import type { FaultPlan } from '../faults/fault-plan.ts';
import { toDocumentedResponse } from '../force/documented-response.ts';
import type { ForceTimes, QueuedForce } from '../force/force-queue.ts';
import type { RequestJournal } from '../journal/request-journal.ts';
import type { LoadedSpec } from '../spec/load-specs.ts';
import { checkSnapshot, prepareRestore, snapshotStore } from '../store/vendor-store.ts';
import type { AjvPair } from '../validate/create-ajv.ts';
import type { CompiledOperation, CompiledVendor } from './compile-vendor.ts';
import type { EngineState } from './engine-state.ts';

/** The whole store: vendor → collection → records. `GET /__admin/state` returns it; `PUT` takes it. */
export type MockState = Record<string, Record<string, unknown[]>>;

export interface ForceOptions {
  /** How many requests it applies to (default 1), or `'always'` until reset. */
  readonly times?: ForceTimes;
  /** A named example of that status (`Prefer: example=`). */
  readonly example?: string;
}

/** A refused state write: which records break which schema. Nothing was applied. */
export class MockStateError extends UsageError {
  override name = 'MockStateError';

  constructor(problems: readonly string[]) {
    super('state-refused', `[esp-cancel-mock] state refused: ${problems.join(' | ')}`, problems);
  }
}

/**
 * The controls of one mock: what a test or an operator changes between requests. The admin API, the
 * in-process `Mock` and the test targets all drive a mock through this part only.
 *
 * @see ../../docs/reference/admin-api.md
 */
export interface EngineControls {
  readonly vendors: readonly string[];
  /** Each vendor's spec as this mock loaded it (its own `specDirectory` included): what `/__admin/openapi/<vendor>` serves. */
  readonly specs: ReadonlyMap<string, LoadedSpec>;
  readonly strict: boolean;
  readonly journal: RequestJournal;
  readonly clock: MockClock;
  /** Queues a documented outcome for an operation; throws a `UsageError` if the status or example is not documented. */
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
}

/** `omeda.cancelDeployment` or a bare `cancelDeployment` (the first vendor that has it). */
export function findOperation(vendors: readonly CompiledVendor[], qualifiedId: string): CompiledOperation | undefined {
  const dot = qualifiedId.indexOf('.');
  const vendorName = dot === -1 ? undefined : qualifiedId.slice(0, dot);
  const operationId = dot === -1 ? qualifiedId : qualifiedId.slice(dot + 1);
  for (const vendor of vendors) {
    const operation = vendorName === undefined || vendor.name === vendorName ? vendor.operations.get(operationId) : undefined;
    if (operation) return operation;
  }
  return undefined;
}

/** Every key names an operation and every fixed status is documented for each operation it covers. */
export function checkFaultPlan(vendors: readonly CompiledVendor[], plan: FaultPlan): void {
  for (const [key, rule] of Object.entries(plan)) {
    const operations =
      key === '*'
        ? vendors.flatMap((vendor) => [...vendor.operations.values()])
        : [findOperation(vendors, key)].filter((op) => op !== undefined);
    if (operations.length === 0)
      throw new UsageError(
        'bad-fault-plan',
        `[esp-cancel-mock] faults: unknown operation '${key}'. Use vendor.operationId, operationId or *.`,
      );
    if (typeof rule.status === 'number') {
      for (const operation of operations) {
        const documented = toDocumentedResponse(
          operation.vendor.spec.document,
          operation.route.operation,
          operation.qualifiedId,
          rule.status,
          rule.example,
        );
        if (!documented.ok)
          throw new UsageError(
            'bad-fault-plan',
            `[esp-cancel-mock] faults: ${key}: ${documented.message}. Use a documented status, or "error".`,
          );
      }
    }
  }
}

/** Checks a forced outcome against the spec before anything is queued. */
function prepareForce(vendors: readonly CompiledVendor[], operationId: string, status: number, options: ForceOptions) {
  const operation = findOperation(vendors, operationId);
  if (!operation) {
    const known = vendors.flatMap((vendor) => [...vendor.operations.keys()].map((id) => `${vendor.name}.${id}`));
    throw new UsageError(
      'unknown-operation',
      `[esp-cancel-mock] force: unknown operation '${operationId}'. Use one of: ${known.join(', ')}.`,
    );
  }
  const documented = toDocumentedResponse(
    operation.vendor.spec.document,
    operation.route.operation,
    operation.qualifiedId,
    status,
    options.example,
  );
  if (!documented.ok)
    throw new UsageError(
      'undocumented-status',
      `[esp-cancel-mock] force: ${documented.message}. Force a documented status (see the spec).`,
    );
  const times = options.times ?? 1;
  if (times !== 'always' && (!Number.isInteger(times) || times < 1)) {
    throw new UsageError(
      'bad-force',
      `[esp-cancel-mock] force: times must be a whole number ≥ 1 or 'always', got ${String(times)}. Pass a count or "always".`,
    );
  }
  return {
    operationId: `${operation.vendor.name}.${operation.operationId}`,
    force: { status, ...(options.example ? { example: options.example } : {}) },
    times,
  };
}

/** What the controls need besides the engine state: the record schemas and how to reseed. */
export interface ControlsDependencies {
  readonly ajv: AjvPair;
  /** Loads the default dataset (inside the serial queue). */
  seed(): Promise<void>;
}

/**
 * The controls over one engine state.
 *
 * @see EngineControls
 */
export function createEngineControls(state: EngineState, dependencies: ControlsDependencies): EngineControls {
  const { vendors } = state;
  const storeOf = (name: string) => state.stores.get(name) as Parameters<typeof snapshotStore>[0];
  return {
    vendors: vendors.map((vendor) => vendor.name),
    specs: new Map(vendors.map((vendor) => [vendor.name, vendor.spec])),
    strict: state.strict,
    journal: state.journal,
    clock: state.clock,
    force(operationId, status, options = {}) {
      const item = prepareForce(vendors, operationId, status, options);
      state.force.push(item.operationId, item.force, item.times);
    },
    forceMany(items) {
      const prepared = items.map((item) => prepareForce(vendors, item.operationId, item.status, item));
      const before = state.force.list().length;
      for (const item of prepared) state.force.push(item.operationId, item.force, item.times);
      return state.force.list().slice(before);
    },
    forced: () => state.force.list(),
    clearForced: () => state.force.clear(),
    setFaults(plan, seed) {
      checkFaultPlan(vendors, plan);
      state.faults.set(plan, seed);
    },
    faults: () => ({ plan: state.faults.plan, seed: state.faults.seed }),
    async reset() {
      state.force.clear();
      state.journal.clear();
      state.clock.set(null);
      await dependencies.seed();
      state.onStoreChange?.();
    },
    getState: () => state.serial.run(() => Object.fromEntries(vendors.map((vendor) => [vendor.name, snapshotStore(storeOf(vendor.name))]))),
    setState(next) {
      const problems: string[] = [];
      if (typeof next !== 'object' || next === null || Array.isArray(next)) problems.push('expected an object of vendors');
      else {
        for (const [name, snapshot] of Object.entries(next)) {
          const vendor = state.vendorByName.get(name);
          if (!vendor) problems.push(`${name}: not a vendor this mock serves (${vendors.map((v) => v.name).join(', ')})`);
          else problems.push(...checkSnapshot(dependencies.ajv, name, vendor.module.collections, snapshot));
        }
      }
      if (problems.length > 0) return Promise.reject(new MockStateError(problems));
      // Every vendor's collections are built first and swapped in together: all or nothing.
      return state.serial.run(async () => {
        const commits: Array<() => void> = [];
        for (const [name, snapshot] of Object.entries(next)) {
          const store = storeOf(name);
          commits.push(await prepareRestore(store, { ...snapshotStore(store), ...snapshot }));
        }
        for (const commit of commits) commit();
        state.onStoreChange?.();
      });
    },
  };
}
