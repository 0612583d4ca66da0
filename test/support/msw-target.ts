import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createMock, MockStateError } from '../../src/msw.ts';
import { type Target, VENDOR_HOSTS } from './target.ts';

/**
 * Intercepts the vendors' real hosts in-process with `createMock()` (strict mode on) under
 * `setupServer` with `onUnhandledRequest: 'error'`, and drives the mock object directly.
 */
export function useMswTarget(): Target {
  const mock = createMock({ strict: true });
  const server = setupServer(...mock.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  const target: Target = {
    transport: 'msw',
    url: (host, path) => `${VENDOR_HOSTS[host]}${path}`,
    origin: (host) => VENDOR_HOSTS[host],
    reset: () => mock.reset(),
    force: async (operationId, status, options) => mock.force(operationId, status, options),
    journal: async () => mock.journal.entries(),
    setClock: async (instant) => mock.clock.set(instant),
    getState: () => mock.getState(),
    setState: (state) =>
      mock.setState(state as never).then(
        () => true,
        (error: unknown) => {
          if (error instanceof MockStateError) return false;
          throw error;
        },
      ),
  };
  beforeEach(() => target.reset());
  return target;
}
