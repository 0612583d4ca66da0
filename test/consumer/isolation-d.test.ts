import { defineIsolationCase } from './isolation-case.ts';

defineIsolationCase('isolation-d.test.ts');
