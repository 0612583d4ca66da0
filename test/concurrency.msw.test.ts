import { defineConcurrencyCases } from './concurrency.cases.ts';
import { useMswTarget } from './support/msw-target.ts';

defineConcurrencyCases(useMswTarget());
