import { defineSfmcClientCases } from './sfmc-clients.cases.ts';
import { useServerTarget } from './support/server-target.ts';

defineSfmcClientCases(useServerTarget());
