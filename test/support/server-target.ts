import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type RunningServer, startServer } from '../../src/server.ts';
import type { Target } from './target.ts';

/**
 * Starts the real Hono server on port 0 (strict mode on) for the calling test file, resets it to the
 * default dataset before each test, and drives the admin API over HTTP. With `session`, every vendor
 * and admin request goes through `/__session/<session>` instead: the same behaviour, inside a session.
 */
export function useServerTarget(options: { readonly session?: string } = {}): Target {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await startServer({ port: 0, strict: true });
  });
  afterAll(() => server?.close());
  const base = (): string => {
    if (!server) throw new Error('server not started');
    return options.session === undefined ? server.url : `${server.url}/__session/${options.session}`;
  };
  const target: Target = {
    transport: 'server',
    url: (_host, path) => `${base()}${path}`,
    origin: () => base(),
    ...adminControls(base),
  };
  beforeEach(() => target.reset());
  return target;
}

/** The admin half of a Target, over HTTP against the mock server at `base()`. */
export function adminControls(base: () => string): Omit<Target, 'transport' | 'url' | 'origin'> {
  const admin = (method: string, path: string, body?: unknown): Promise<Response> =>
    fetch(`${base()}/__admin${path}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
  const ok = async (response: Promise<Response>): Promise<void> => {
    const settled = await response;
    if (!settled.ok) throw new Error(`admin ${settled.status}: ${await settled.text()}`);
  };
  return {
    reset: () => ok(admin('POST', '/reset')),
    force: (operationId, status, options = {}) => ok(admin('POST', '/force', { operationId, status, ...options })),
    journal: async () => ((await (await admin('GET', '/requests')).json()) as { requests: [] }).requests,
    setClock: (instant) => ok(admin('PUT', '/clock', { now: instant })),
    getState: async () => (await admin('GET', '/state')).json(),
    setState: async (state) => (await admin('PUT', '/state', state)).ok,
  };
}
