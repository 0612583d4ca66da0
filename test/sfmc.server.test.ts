import { defineSfmcCases } from './sfmc.cases.ts';
import { useServerTarget } from './support/server-target.ts';

defineSfmcCases(useServerTarget());
