import { getRequestListener } from '@hono/node-server';
import { createHonoApp } from './adapters/hono.ts';
import { checkMockConfig } from './config/mock-config.ts';
import { createEngine, type MockEngine, type MockState } from './engine/create-engine.ts';
import { createStateSaver, loadStateFile, type StateSaver } from './persistence/state-file.ts';
import type { RunningServer, StartServerOptions } from './server.ts';
import type { ServerSocket } from './server-socket.ts';
import { createSessionDispatch } from './session/session-dispatch.ts';
import type { SessionInfo } from './session/session-registry.ts';
import { selectModules } from './vendors.ts';

/** What answers the server's requests, built and seeded (and loaded from `stateFile`), not yet listening. */
export interface PreparedServer {
  readonly engine: MockEngine;
  readonly dispatch: ReturnType<typeof createSessionDispatch>;
  readonly app: ReturnType<typeof createHonoApp>;
  readonly host: string;
  readonly saver: StateSaver | undefined;
}

/** Builds the engine, its sessions and the Hono app, seeds the store and loads `stateFile`. */
export async function prepareServer(options: StartServerOptions): Promise<PreparedServer> {
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
  return { engine, dispatch, app, host: options.host ?? '127.0.0.1', saver };
}

/**
 * Hands the socket's requests (waiting ones first) to the Hono app through @hono/node-server's
 * listener, as its `serve()` would, and returns the running server.
 */
export function answerOn(socket: ServerSocket, prepared: PreparedServer): RunningServer {
  const { server, eventStreams } = socket;
  const { saver } = prepared;
  socket.answerWith(getRequestListener(prepared.app.fetch, { hostname: prepared.host }));
  const requestTimeout = server.requestTimeout;
  return {
    url: socket.url,
    port: socket.port,
    engine: prepared.engine,
    sessions: prepared.dispatch.sessions,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // A keep-alive connection whose in-flight request finishes after close() becomes idle later:
        // keep closing idle connections until the server is closed, so shutdown never waits out keep-alive.
        const idle = setInterval(() => server.closeIdleConnections(), 50);
        // Node stops checking its header and request timeouts once close() is called, so a client that
        // connects and stays silent (or sends half a request) would hold shutdown open for ever. Past
        // the request timeout, every connection still open is cut: shutdown is bounded by the limits.
        const deadline = setTimeout(() => server.closeAllConnections(), requestTimeout);
        // Open journal streams (the dashboard's live traffic) never finish by themselves.
        eventStreams.endAll();
        server.close((error) => {
          clearInterval(idle);
          clearTimeout(deadline);
          if (error) reject(error);
          else resolve();
        });
        server.closeIdleConnections();
      }).then(() => saver?.flush()),
  };
}

/**
 * The CLI's start: the socket already listens (requests wait in it); this builds what answers them
 * and hands them over. Same steps and errors as `startServer` after its host check. `beforeAnswering`
 * runs once all is built, before the first request is handed over (the CLI bounds the heap there, so
 * that a state write waiting in the socket is held like any later one).
 */
export async function startServerOnSocket(
  socket: ServerSocket,
  options: StartServerOptions,
  beforeAnswering: () => void = () => {},
): Promise<RunningServer> {
  const prepared = await prepareServer(options);
  beforeAnswering();
  return answerOn(socket, prepared);
}

function logEviction(session: SessionInfo, maxSessions: number): void {
  console.log(
    `[esp-cancel-mock] session ${session.id} dropped: the least recently used of ${maxSessions} (--max-sessions); last used ${session.lastUsed}, ${session.requests} requests`,
  );
}
