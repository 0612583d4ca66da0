import type { Server } from 'node:http';
import { type ServerType, serve } from '@hono/node-server';
import { createHonoApp } from './adapters/hono.ts';
import { isLoopbackHost } from './admin/admin-token.ts';
import { trackEventStreams } from './admin/event-stream-connections.ts';
import { checkMockConfig, type MockConfig } from './config/mock-config.ts';
import { createEngine, type MockEngine, type MockOptions, type MockState } from './engine/create-engine.ts';
import { startupError } from './errors/startup-error.ts';
import type { JournalEntry } from './journal/request-journal.ts';
import { guardRequestFraming } from './limits/request-framing.ts';
import { answerClientErrors, type ServerTimeouts, toServerOptions } from './limits/server-limits.ts';
import { createStateSaver, loadStateFile, type StateSaver } from './persistence/state-file.ts';
import { createSessionDispatch } from './session/session-dispatch.ts';
import type { SessionInfo, SessionRegistry } from './session/session-registry.ts';
import { selectModules } from './vendors.ts';

/** `startServer`'s options: the shared `MockOptions` (strict mode defaults to off), plus the server's own. */
export interface StartServerOptions extends MockOptions {
  /** Default 4010 (Prism's); 0 picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1: loopback only. Any other host requires `adminToken`. */
  readonly host?: string;
  /** Per-vendor settings, typed and checked at start (`MockConfigError` naming the path). */
  readonly config?: MockConfig;
  /** Called after each exchange is journaled; `session` is the named session's id (none: the default). */
  readonly onExchange?: (entry: JournalEntry, session?: string) => void;
  /** Every admin request must send `Authorization: Bearer <adminToken>`. Required off loopback. */
  readonly adminToken?: string;
  readonly timeouts?: ServerTimeouts;
  /**
   * Load the store from this JSON file at start and save it there (atomically) after changes. Only
   * the default session is saved; named sessions start from what was loaded and are never written.
   */
  readonly stateFile?: string;
  /** Live sessions kept before the least recently used is dropped (default `DEFAULT_MAX_SESSIONS`, 256). */
  readonly maxSessions?: number;
  /** Told about each session dropped at the bound (default: one log line saying which). */
  readonly onSessionEvicted?: (session: SessionInfo, maxSessions: number) => void;
}

export interface RunningServer {
  /** `http://127.0.0.1:4010` — the base URL every vendor path hangs off. */
  readonly url: string;
  readonly port: number;
  /** The default session's engine (requests without a session). */
  readonly engine: MockEngine;
  /** The named sessions (`/__session/<id>`, `x-mock-session: <id>`). */
  readonly sessions: SessionRegistry;
  /** Stops accepting connections and resolves once in-flight requests are answered (and state saved). */
  close(): Promise<void>;
}

export { type MockConfig, MockConfigError } from './config/mock-config.ts';
export type { DriftReport, OperationSummary } from './proxy/drift-report.ts';
export { type ProxyTargets, parseTargets } from './proxy/proxy-targets.ts';
export { type RunningProxy, type StartProxyOptions, startProxy } from './proxy/start-proxy.ts';
export type { OperationId } from './vendor/operation-ids.ts';
export { createHonoApp };

/** Starts the standalone server: all selected vendors on one port at their native paths. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host) && !options.adminToken)
    throw startupError(`host ${host} is reachable from other machines, so the admin API needs a token.`, 'Pass --admin-token <secret>.');
  let saver: StateSaver | undefined;
  const engine = createEngine({
    ...options,
    modules: selectModules(options.vendors),
    strict: options.strict ?? false,
    ...(options.config === undefined ? {} : { config: checkMockConfig(options.config) }),
    ...(options.stateFile ? { onStoreChange: () => saver?.schedule() } : {}),
  });
  // What sessions start from: the default dataset, or what --state-file loaded (taken once, at start).
  let startingState: MockState | undefined;
  const { onExchange } = options;
  const dispatch = createSessionDispatch(engine, {
    ...(options.adminToken ? { adminToken: options.adminToken } : {}),
    ...(options.maxSessions === undefined ? {} : { maxSessions: options.maxSessions }),
    startingState: () => startingState,
    onEvict: options.onSessionEvicted ?? logEviction,
    ...(onExchange ? { onSessionExchange: onExchange } : {}),
  });
  const app = createHonoApp(engine, {}, dispatch);
  await engine.ready;
  if (options.stateFile) {
    if (await loadStateFile(engine, options.stateFile)) startingState = await engine.getState();
    saver = createStateSaver(engine, options.stateFile);
    saver.schedule();
  }
  const serverOptions = toServerOptions(options.timeouts);
  const server = await new Promise<ServerType>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: options.port ?? 4010, hostname: host, serverOptions }, () => resolve(started));
    started.once('error', reject);
  });
  answerClientErrors(server as Server);
  const eventStreams = trackEventStreams(server as Server);
  guardRequestFraming(server as Server);
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 4010);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    engine,
    sessions: dispatch.sessions,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // A keep-alive connection whose in-flight request finishes after close() becomes idle later:
        // keep closing idle connections until the server is closed, so shutdown never waits out keep-alive.
        const idle = setInterval(() => 'closeIdleConnections' in server && server.closeIdleConnections(), 50);
        // Node stops checking its header and request timeouts once close() is called, so a client that
        // connects and stays silent (or sends half a request) would hold shutdown open for ever. Past
        // the request timeout, every connection still open is cut: shutdown is bounded by the limits.
        const deadline = setTimeout(() => 'closeAllConnections' in server && server.closeAllConnections(), serverOptions.requestTimeout);
        // Open journal streams (the dashboard's live traffic) never finish by themselves.
        eventStreams.endAll();
        server.close((error) => {
          clearInterval(idle);
          clearTimeout(deadline);
          if (error) reject(error);
          else resolve();
        });
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      }).then(() => saver?.flush()),
  };
}

function logEviction(session: SessionInfo, maxSessions: number): void {
  console.log(
    `[esp-cancel-mock] session ${session.id} dropped: the least recently used of ${maxSessions} (--max-sessions); last used ${session.lastUsed}, ${session.requests} requests`,
  );
}
