import { defineProxyClientCases } from './proxy-clients.cases.ts';
import { useDriftingUpstream } from './support/drifting-upstream.ts';
import { useMswProxy } from './support/proxy-under-test.ts';

defineProxyClientCases(
  useMswProxy(() => ''),
  useDriftingUpstream(),
);
