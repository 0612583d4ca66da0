import type { EngineControls, ForceOptions, JournalEntry, OperationId } from '../../src/index.ts';

/** A control of the engine as a target offers it: the same parameters, always asynchronous (over HTTP it is). */
type AsyncControl<K extends keyof EngineControls> = EngineControls[K] extends (...args: infer A) => infer R
  ? (...args: A) => Promise<Awaited<R>>
  : never;

/**
 * One way of reaching the mock: its vendor URLs and the engine's controls (`EngineControls`), over
 * HTTP or in-process. Every behaviour suite (`test/<vendor>.cases.ts`) is written once
 * against this interface and run twice: over real HTTP against the Hono server, and through MSW.
 */
export interface Target {
  readonly transport: 'server' | 'msw';
  /** An absolute URL for a vendor path: the server's own origin, or the vendor host MSW intercepts. */
  url(host: VendorHost, path: string): string;
  /** The origin `url(host, …)` uses (for bodies that echo it, like Omeda's lookup `Url`). */
  origin(host: VendorHost): string;
  readonly reset: AsyncControl<'reset'>;
  /** `controls.force`, with the operation typed as `vendor.operationId`. */
  force(operationId: OperationId, status: number, options?: ForceOptions): Promise<void>;
  /** The journal's entries (`controls.journal.entries()`). */
  journal(): Promise<readonly JournalEntry[]>;
  /** Pins the mock's clock (`null`: real time again), as `controls.clock.set`. */
  setClock(instant: string | null): Promise<void>;
  readonly getState: AsyncControl<'getState'>;
  /** Resolves `true` when the state was taken, `false` when it was refused. */
  setState(state: unknown): Promise<boolean>;
}

/**
 * The hosts requests are addressed to. Under MSW they are real vendor hosts (the point of in-process
 * interception); against the server every one is the server's origin.
 */
export const VENDOR_HOSTS = {
  momentum: 'http://api.mc.messagesystems.com',
  omeda: 'https://ows.omeda.com',
  'omeda-staging': 'https://ows.omedastaging.com',
  /** Volt MX is on-premise (`http://{host}:{port}`): MSW answers its paths on any origin. */
  voltmx: 'http://voltmx.example:8080',
  sfmc: 'https://mc563885gzs27c5t9-63k636ttgm.soap.marketingcloudapis.com',
  'sfmc-auth': 'https://mc563885gzs27c5t9-63k636ttgm.auth.marketingcloudapis.com',
} as const;

export type VendorHost = keyof typeof VENDOR_HOSTS;
