import { defineMomentumCases } from './momentum.cases.ts';
import { useServerTarget } from './support/server-target.ts';

defineMomentumCases(useServerTarget());
