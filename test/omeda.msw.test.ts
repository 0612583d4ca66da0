import { defineOmedaCases } from './omeda.cases.ts';
import { useMswTarget } from './support/msw-target.ts';

defineOmedaCases(useMswTarget());
