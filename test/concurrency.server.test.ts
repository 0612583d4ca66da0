import { useServerTarget } from './support/server-target.ts';
import { defineConcurrencyCases } from './concurrency.cases.ts';

defineConcurrencyCases(useServerTarget());
