import { defineIsolationCase } from './isolation-case.ts';

defineIsolationCase('isolation-b.test.ts');
