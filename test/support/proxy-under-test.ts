import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { JournalEntry } from '../../src/index.ts';
import { createDriftCheck } from '../../src/msw.ts';
import type { DriftReport } from '../../src/proxy/drift-report.ts';
import { type RunningProxy, startProxy } from '../../src/proxy/start-proxy.ts';
import { ALL_VENDORS } from '../../src/vendor/select-modules.ts';

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
 * Upstream limits short enough that the silent-upstream cases end quickly, long enough for a loaded
 * machine's first answer (the upstreams are warmed up before the tests).
 */
export const TEST_UPSTREAM_LIMITS = { timeoutMs: 1_000, connectTimeoutMs: 1_000 };

/** `startProxy` on port 0, one per upstream (each the target of every vendor), started after the upstreams. */
export function useServerProxy(upstreams: () => readonly string[]): ProxyUnderTest {
  const proxies = new Map<string, RunningProxy>();
  beforeAll(async () => {
    for (const upstream of upstreams()) {
      const target = new URL(upstream);
      const targets = new Map(ALL_VENDORS.map((vendor) => [vendor, target]));
      proxies.set(upstream, await startProxy({ port: 0, targets, upstream: TEST_UPSTREAM_LIMITS }));
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

/** `createDriftCheck` under `setupServer` (`onUnhandledRequest: 'error'`): the app calls the upstream itself. */
export function useMswProxy(): ProxyUnderTest {
  const check = createDriftCheck({ origins: 'any', upstream: TEST_UPSTREAM_LIMITS });
  const server = setupServer(...check.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return {
    transport: 'msw',
    url: (upstream, path) => `${upstream}${path}`,
    journal: () => check.journal.entries(),
    report: () => check.report(),
  };
}
