import { defineOmedaCases } from './omeda.cases.ts';
import { useServerTarget } from './support/server-target.ts';

defineOmedaCases(useServerTarget());
