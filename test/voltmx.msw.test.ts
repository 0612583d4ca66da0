import { useMswTarget } from './support/msw-target.ts';
import { defineVoltMxCases } from './voltmx.cases.ts';

defineVoltMxCases(useMswTarget());
