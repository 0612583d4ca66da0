import { defineProxyDriftCases } from './proxy-drift.cases.ts';
import { useBrokenUpstreams, useDriftingUpstream } from './support/drifting-upstream.ts';
import { useMswProxy } from './support/proxy-under-test.ts';

const broken = useBrokenUpstreams();
defineProxyDriftCases(
  useMswProxy(() => broken.silent),
  useDriftingUpstream(),
  broken,
);
