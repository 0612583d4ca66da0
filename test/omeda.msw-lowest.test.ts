import { vi } from 'vitest';
import { defineOmedaCases } from './omeda.cases.ts';
import { useMswTarget } from './support/msw-target.ts';

// The whole Omeda suite through msw 2.10.0, the lowest version of the peer range (`^2.10.0`): the
// mock's handlers and `setupServer` both come from that copy, as in an app that has it.
vi.mock('msw', () => import('msw-lowest'));
vi.mock('msw/node', () => import('msw-lowest/node'));

defineOmedaCases(useMswTarget());
