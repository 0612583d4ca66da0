import { defineSfmcClientCases } from './sfmc-clients.cases.ts';
import { useMswTarget } from './support/msw-target.ts';

defineSfmcClientCases(useMswTarget());
