import { defineCancelCases } from './cancel-in-session.mjs';

defineCancelCases('worker-1');
