import { defineIsolationCase } from './isolation-case.ts';

defineIsolationCase('isolation-c.test.ts');
