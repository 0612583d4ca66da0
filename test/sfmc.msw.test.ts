import { defineSfmcCases } from './sfmc.cases.ts';
import { useMswTarget } from './support/msw-target.ts';

defineSfmcCases(useMswTarget());
