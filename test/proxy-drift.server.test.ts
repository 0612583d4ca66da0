import { defineProxyDriftCases } from './proxy-drift.cases.ts';
import { useBrokenUpstreams, useDriftingUpstream } from './support/drifting-upstream.ts';
import { useServerProxy } from './support/proxy-under-test.ts';

const upstream = useDriftingUpstream();
const broken = useBrokenUpstreams();
defineProxyDriftCases(
  useServerProxy(
    () => [upstream.url, broken.garbage, broken.silent, broken.down],
    () => broken.silent,
  ),
  upstream,
  broken,
);
