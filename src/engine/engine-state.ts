import type { Collection } from '@msw/data';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { MockClock } from '../clock/mock-clock.ts';
import type { FaultInjector } from '../faults/fault-injector.ts';
import type { ForceQueue } from '../force/force-queue.ts';
import type { JournalEntry, RequestJournal } from '../journal/request-journal.ts';
import type { Route } from '../routing/build-routes.ts';
import type { CompiledVendor } from './compile-vendor.ts';
import type { SerialQueue } from './serial-queue.ts';

/** One vendor's records: a `@msw/data` collection per declared collection. */
export type VendorRecords = Record<string, Collection<StandardSchemaV1>>;

/**
 * Everything one mock (or one session of a server) works with: the compiled vendors and routes,
 * shared by every session of a process, and what it owns alone — stores, queue of forced outcomes,
 * journal, clock and faults.
 */
export interface EngineState {
  readonly vendors: readonly CompiledVendor[];
  readonly vendorByName: ReadonlyMap<string, CompiledVendor>;
  readonly routes: readonly Route[];
  readonly strict: boolean;
  /** Each vendor's records, by vendor name: this state's own. */
  readonly stores: ReadonlyMap<string, VendorRecords>;
  readonly force: ForceQueue;
  readonly journal: RequestJournal;
  readonly clock: MockClock;
  readonly serial: SerialQueue;
  readonly faults: FaultInjector;
  readonly limits: { readonly maxBodyBytes: number; readonly maxUrlLength: number };
  /** Called after each exchange is journaled (the CLI's one-line request log). */
  readonly onExchange?: (entry: JournalEntry) => void;
  /** Called after a handler ran (it may have changed the store): `--state-file` saves on it. */
  readonly onStoreChange?: () => void;
}
