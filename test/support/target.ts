import type { ForceOptions, JournalEntry, MockState } from '../../src/index.ts';

/**
 * One way of reaching the mock. Every behaviour suite (`test/<vendor>.cases.ts`) is written once
 * against this interface and run twice: over real HTTP against the Hono server, and through MSW.
 */
export interface Target {
  readonly transport: 'server' | 'msw';
  /** Requests pass the validating proxy or drift check on their way (cases it cannot carry yet skip). */
  readonly throughProxy?: boolean;
  /** An absolute URL for a vendor path: the server's own origin, or the vendor host MSW intercepts. */
  url(host: VendorHost, path: string): string;
  /** The origin `url(host, …)` uses (for bodies that echo it, like Omeda's lookup `Url`). */
  origin(host: VendorHost): string;
  reset(): Promise<void>;
  force(operationId: string, status: number, options?: ForceOptions): Promise<void>;
  journal(): Promise<readonly JournalEntry[]>;
  /** Pins the mock's clock (`null`: real time again). */
  setClock(instant: string | null): Promise<void>;
  getState(): Promise<MockState>;
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
