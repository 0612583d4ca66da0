/**
 * esp-cancel-mock for vitest: one standalone server for the whole run, each test file in a session of
 * its own. `mockServerSetup()` is a `globalSetup` that starts the server (loaded only there, never in a
 * test worker); `useMockSession()` gives a test file its session's base URL and resets it before each
 * test. This entry loads neither MSW nor, in test files, the Node server.
 *
 * @see docs/guides/sessions.md
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeEach, inject } from 'vitest';
import type { ForceOptions, MockState } from './engine/create-engine.ts';
import type { JournalEntry } from './journal/request-journal.ts';
import type { StartServerOptions } from './server.ts';
import { SESSION_PREFIX } from './session/session-id.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server's base URL, provided by `mockServerSetup()`. */
    espCancelMockUrl: string;
  }
}

/** Where a session finds the server when no `globalSetup` provided it (a server started by CI). */
export const MOCK_URL_ENV = 'ESP_CANCEL_MOCK_URL';

/** The part of vitest's `TestProject` a global setup uses. */
export interface ProvidingProject {
  provide(key: 'espCancelMockUrl', value: string): void;
}

/**
 * A vitest `globalSetup` that starts one server for the whole run (port 0 unless given), provides its
 * URL to every test file, and closes it at the end.
 *
 * @example
 * // test/mock-server.ts, listed in vitest.config.ts as test.globalSetup
 * import { mockServerSetup } from 'esp-cancel-mock/vitest';
 * export default mockServerSetup({ strict: true });
 */
export function mockServerSetup(options: StartServerOptions = {}): (project: ProvidingProject) => Promise<() => Promise<void>> {
  return async (project) => {
    // Loaded here only: test workers import this entry for useMockSession and never load the server.
    const { startServer } = await import('./server.ts');
    const server = await startServer({ port: 0, ...options });
    project.provide('espCancelMockUrl', server.url);
    process.env[MOCK_URL_ENV] = server.url;
    return () => server.close();
  };
}

export interface MockSessionOptions {
  /** The session id (default: a fresh one per call, so per test file). */
  readonly id?: string;
  /** The server's base URL (default: what `mockServerSetup` provided, else `$ESP_CANCEL_MOCK_URL`). */
  readonly serverUrl?: string;
  /** Sent as `Authorization: Bearer <token>` on admin requests (a server started with `--admin-token`). */
  readonly adminToken?: string;
}

/** One session of a running server, driven over HTTP. */
export interface MockSession {
  readonly id: string;
  /** `http://127.0.0.1:<port>/__session/<id>`: the base URL to give the app under test. */
  readonly url: string;
  readonly serverUrl: string;
  /** A request to the session's admin API (`admin('/requests')`). */
  admin(path: string, init?: RequestInit): Promise<Response>;
  /** Back to the server's starting data; clears the session's journal and queued forces. */
  reset(): Promise<void>;
  force(operationId: string, status: number, options?: ForceOptions): Promise<void>;
  /** The session's journal. */
  requests(): Promise<JournalEntry[]>;
  /** Pins the session's clock (`null`: real time again). */
  setClock(instant: string | null): Promise<void>;
  getState(): Promise<MockState>;
  setState(state: MockState): Promise<void>;
  /** Drops the session on the server (its next request would start it again). */
  drop(): Promise<void>;
}

/**
 * A session of the server, without test hooks: use it where one file needs several sessions.
 * Nothing is sent until the first request; the session is created then.
 */
export function createMockSession(options: MockSessionOptions = {}): MockSession {
  const serverUrl = (options.serverUrl ?? providedUrl() ?? process.env[MOCK_URL_ENV])?.replace(/\/+$/, '');
  if (!serverUrl) {
    throw new Error(
      `[esp-cancel-mock] no server URL for the session. Add mockServerSetup() from 'esp-cancel-mock/vitest' as a vitest globalSetup, set ${MOCK_URL_ENV}, or pass serverUrl.`,
    );
  }
  const id = options.id ?? `vitest-${process.env.VITEST_POOL_ID ?? '0'}-${randomUUID().slice(0, 8)}`;
  const url = `${serverUrl}${SESSION_PREFIX}/${id}`;
  const auth: Record<string, string> = options.adminToken ? { authorization: `Bearer ${options.adminToken}` } : {};
  const admin = (path: string, init: RequestInit = {}) =>
    fetch(`${url}/__admin${path}`, { ...init, headers: { ...auth, ...(init.headers as Record<string, string> | undefined) } });
  const send = async (path: string, method: string, body?: unknown): Promise<Response> => {
    const response = await admin(path, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    if (!response.ok)
      throw new Error(`[esp-cancel-mock] ${method} ${url}/__admin${path} answered ${response.status}: ${await response.text()}`);
    return response;
  };
  return {
    id,
    url,
    serverUrl,
    admin,
    reset: async () => void (await send('/reset', 'POST')),
    force: async (operationId, status, forceOptions = {}) => void (await send('/force', 'POST', { operationId, status, ...forceOptions })),
    requests: async () => ((await (await send('/requests', 'GET')).json()) as { requests: JournalEntry[] }).requests,
    setClock: async (instant) => void (await send('/clock', 'PUT', { now: instant })),
    getState: async () => (await (await send('/state', 'GET')).json()) as MockState,
    setState: async (state) => void (await send('/state', 'PUT', state)),
    async drop() {
      const response = await fetch(`${serverUrl}/__admin/sessions/${id}`, { method: 'DELETE', headers: auth });
      if (!response.ok && response.status !== 404) throw new Error(`[esp-cancel-mock] dropping session ${id} answered ${response.status}`);
    },
  };
}

/**
 * The calling test file's own session: reset to the server's starting data before each test, dropped
 * after the file. Call it at the top of a test file.
 *
 * @example
 * const mock = useMockSession();
 * it('cancels', async () => {
 *   const app = createApp({ omedaBaseUrl: mock.url });
 *   ...
 * });
 */
export function useMockSession(options: MockSessionOptions = {}): MockSession {
  const session = createMockSession(options);
  beforeEach(() => session.reset());
  afterAll(() => session.drop());
  return session;
}

function providedUrl(): string | undefined {
  try {
    return inject('espCancelMockUrl');
  } catch {
    // Outside a vitest worker (or an older vitest without inject): fall back to the environment.
    return undefined;
  }
}
