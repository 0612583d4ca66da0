import { bypass, type HttpHandler, http } from 'msw';
import type { JournalEntry, RequestJournal } from '../journal/request-journal.ts';
import { createOriginMatcher, type OriginPolicy } from '../routing/origin-policy.ts';
import { selectModules } from '../vendors.ts';
import { createProxy, type ExchangeVerdictLine } from './create-proxy.ts';
import type { DriftReport } from './drift-report.ts';
import { createFetchForwarder } from './forward-with-fetch.ts';
import type { UpstreamLimits } from './upstream-exchange.ts';

export interface DriftCheckOptions {
  /** Vendors whose traffic is checked (default: all; an empty list is refused). */
  readonly vendors?: readonly string[];
  /** Which origins to check: `spec` (default, the vendors' documented hosts), `any`, or a list. */
  readonly origins?: OriginPolicy;
  readonly upstream?: Partial<UpstreamLimits>;
  readonly journalCapacity?: number;
  readonly onExchange?: (entry: JournalEntry, verdict: ExchangeVerdictLine) => void;
}

/** The proxy's checks in-process: MSW handlers that let vendor requests through and judge the answers. */
export interface DriftCheck {
  /** Pass to `setupServer(...check.handlers)`. */
  readonly handlers: HttpHandler[];
  /** Redacted exchanges with their violations. */
  readonly journal: RequestJournal;
  report(): DriftReport;
}

/**
 * The validating proxy as MSW request handlers, for a test suite that runs against a vendor sandbox:
 * each vendor request goes to the real network (MSW's `bypass`), unchanged, and comes back
 * unchanged, while both are checked against the spec. Requests that are not a vendor's are not
 * matched, so `onUnhandledRequest` still applies to them.
 *
 * @example
 * const check = createDriftCheck();
 * const server = setupServer(...check.handlers);
 * afterAll(() => expect(check.report().drift).toBe(0));
 * @see https://mswjs.io/docs/api/bypass
 */
export function createDriftCheck(options: DriftCheckOptions = {}): DriftCheck {
  const vendors = selectModules(options.vendors).map((module) => module.name);
  const proxy = createProxy({
    targets: 'same-origin',
    vendorNames: vendors,
    forward: createFetchForwarder((request) => bypass(request)),
    ...(options.upstream ? { upstream: options.upstream } : {}),
    ...(options.journalCapacity === undefined ? {} : { journalCapacity: options.journalCapacity }),
    ...(options.onExchange ? { onExchange: options.onExchange } : {}),
  });
  const matchers = new Map(
    [...proxy.engine.servers].map(([vendor, servers]) => [vendor, createOriginMatcher(options.origins ?? 'spec', servers)]),
  );
  const claims = ({ request }: { request: Request }): boolean => {
    const vendor = proxy.engine.owner(request);
    return vendor !== undefined && (matchers.get(vendor)?.(new URL(request.url).origin) ?? false);
  };
  return {
    handlers: [http.all(claims, ({ request }) => proxy.handle(request))],
    journal: proxy.journal,
    report: () => proxy.report(),
  };
}
