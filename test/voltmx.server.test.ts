import { useServerTarget } from './support/server-target.ts';
import { defineVoltMxCases } from './voltmx.cases.ts';

defineVoltMxCases(useServerTarget());
