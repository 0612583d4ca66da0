import { defineProxyClientCases } from './proxy-clients.cases.ts';
import { useDriftingUpstream } from './support/drifting-upstream.ts';
import { useServerProxy } from './support/proxy-under-test.ts';

const upstream = useDriftingUpstream();
defineProxyClientCases(
  useServerProxy(
    () => [upstream.url],
    () => '',
  ),
  upstream,
);
