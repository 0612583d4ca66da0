import { defineIsolationCase } from './isolation-case.ts';

defineIsolationCase('isolation-a.test.ts');
