import { defineProxyDriftCases } from './proxy-drift.cases.ts';
import { useBrokenUpstreams, useDriftingUpstream } from './support/drifting-upstream.ts';
import { useMswProxy } from './support/proxy-under-test.ts';

defineProxyDriftCases(useMswProxy(), useDriftingUpstream(), useBrokenUpstreams());
