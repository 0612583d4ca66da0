import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { JournalEntry } from '../../src/index.ts';
import type { DriftReport } from '../../src/proxy/drift-report.ts';
import { type RunningProxy, startProxy } from '../../src/proxy/start-proxy.ts';
import { type RunningServer, startServer } from '../../src/server.ts';
import { adminControls } from './server-target.ts';
import type { Target } from './target.ts';

export interface ProxyTarget extends Target {
  /** The proxy's summary of everything sent through it so far. */
  report(): DriftReport;
  /** The proxy's own (redacted) journal. */
  proxyJournal(): readonly JournalEntry[];
}

/**
 * The vendor suites through the validating proxy: a strict mock server on port 0 is the upstream of
 * every vendor, the proxy (port 0) is what requests are addressed to. Admin calls (reset, force,
 * clock, state, journal) go to the upstream mock, which the proxy fronts as it would a vendor. Bodies
 * that echo an origin echo the upstream's, since the proxy forwards `Host` as the upstream's.
 */
export function useProxyTarget(): ProxyTarget {
  let upstream: RunningServer | undefined;
  let proxy: RunningProxy | undefined;
  beforeAll(async () => {
    upstream = await startServer({ port: 0, strict: true });
    const url = new URL(upstream.url);
    proxy = await startProxy({ port: 0, targets: new Map(upstream.engine.vendors.map((vendor) => [vendor, url])) });
  });
  afterAll(async () => {
    await proxy?.close();
    await upstream?.close();
  });
  const started = () => {
    if (!upstream || !proxy) throw new Error('proxy not started');
    return { upstream, proxy };
  };
  const target: ProxyTarget = {
    transport: 'server',
    url: (_host, path) => `${started().proxy.url}${path}`,
    origin: () => started().upstream.url,
    ...adminControls(() => started().upstream.url),
    report: () => started().proxy.proxy.report(),
    proxyJournal: () => started().proxy.proxy.journal.entries(),
  };
  beforeEach(() => target.reset());
  return target;
}
