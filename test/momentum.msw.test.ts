import { defineMomentumCases } from './momentum.cases.ts';
import { useMswTarget } from './support/msw-target.ts';

defineMomentumCases(useMswTarget());
