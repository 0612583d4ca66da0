import { defineConcurrencyCases } from './concurrency.cases.ts';
import { useServerTarget } from './support/server-target.ts';

defineConcurrencyCases(useServerTarget());
