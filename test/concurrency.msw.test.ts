import { useMswTarget } from './support/msw-target.ts';
import { defineConcurrencyCases } from './concurrency.cases.ts';

defineConcurrencyCases(useMswTarget());
