import { type SetupServer, setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { JournalEntry } from '../../src/index.ts';
import { createDriftCheck, type DriftCheck } from '../../src/msw.ts';
import type { DriftReport } from '../../src/proxy/drift-report.ts';
import { type RunningProxy, startProxy } from '../../src/proxy/start-proxy.ts';
import { ALL_VENDORS } from '../../src/vendors.ts';

/** The validating proxy reached one way or the other; the drift suites are written once against this. */
export interface ProxyUnderTest {
  readonly transport: 'server' | 'msw';
  /** The URL the app addresses for a path of `upstream`: the proxy's, or (in-process) the upstream's own. */
  url(upstream: string, path: string): string;
  /** The exchanges checked on the way to `upstream`, redacted, newest last. */
  journal(upstream: string): readonly JournalEntry[];
  report(upstream: string): DriftReport;
}

/**
 * The timeouts in front of the silent upstream: short, so its case ends quickly. Every other upstream
 * keeps the defaults (seconds), so a loaded machine's slow answer is never taken for a timeout.
 */
export const SILENT_UPSTREAM_LIMITS = { timeoutMs: 500, connectTimeoutMs: 500 };

/**
 * `startProxy` on port 0, one per upstream (each the target of every vendor), started after the
 * upstreams; the one in front of `silent()` with the short timeouts.
 */
export function useServerProxy(upstreams: () => readonly string[], silent: () => string): ProxyUnderTest {
  const proxies = new Map<string, RunningProxy>();
  beforeAll(async () => {
    for (const upstream of upstreams()) {
      const target = new URL(upstream);
      const targets = new Map(ALL_VENDORS.map((vendor) => [vendor, target]));
      const limits = upstream === silent() ? { upstream: SILENT_UPSTREAM_LIMITS } : {};
      proxies.set(upstream, await startProxy({ port: 0, targets, ...limits }));
    }
  });
  afterAll(async () => {
    for (const proxy of proxies.values()) await proxy.close();
  });
  const proxyOf = (upstream: string): RunningProxy => {
    const proxy = proxies.get(upstream);
    if (!proxy) throw new Error(`no proxy in front of ${upstream}`);
    return proxy;
  };
  return {
    transport: 'server',
    url: (upstream, path) => `${proxyOf(upstream).url}${path}`,
    journal: (upstream) => proxyOf(upstream).proxy.journal.entries(),
    report: (upstream) => proxyOf(upstream).proxy.report(),
  };
}

/**
 * `createDriftCheck` under `setupServer` (`onUnhandledRequest: 'error'`): the app calls the upstream
 * itself. The silent upstream's origin has a check of its own, with the short timeouts.
 */
export function useMswProxy(silent: () => string): ProxyUnderTest {
  let checks: { silent: DriftCheck | undefined; other: DriftCheck } | undefined;
  let server: SetupServer | undefined;
  beforeAll(() => {
    checks = {
      silent: silent() ? createDriftCheck({ origins: [silent()], upstream: SILENT_UPSTREAM_LIMITS }) : undefined,
      other: createDriftCheck({ origins: 'any' }),
    };
    const started = setupServer(...(checks.silent?.handlers ?? []), ...checks.other.handlers);
    started.listen({ onUnhandledRequest: 'error' });
    server = started;
  });
  afterEach(() => server?.resetHandlers());
  afterAll(() => server?.close());
  const checkOf = (upstream: string): DriftCheck => {
    if (!checks) throw new Error('drift checks not created');
    return (upstream === silent() ? checks.silent : undefined) ?? checks.other;
  };
  return {
    transport: 'msw',
    url: (upstream, path) => `${upstream}${path}`,
    journal: (upstream) => checkOf(upstream).journal.entries(),
    report: (upstream) => checkOf(upstream).report(),
  };
}
