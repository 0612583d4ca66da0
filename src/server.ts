import { createHonoApp } from './adapters/hono.ts';
import { requireAdminTokenOffLoopback } from './admin/admin-host.ts';
import type { MockConfig } from './config/mock-config.ts';
import type { MockEngine, MockOptions } from './engine/create-engine.ts';
import type { JournalEntry } from './journal/request-journal.ts';
import type { ServerTimeouts } from './limits/server-limits.ts';
import { openServerSocket } from './server-socket.ts';
import { answerOn, prepareServer } from './server-start.ts';
import type { SessionInfo, SessionRegistry } from './session/session-registry.ts';

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
// Misuse (an empty vendor list, a public host without an admin token) throws it, with a `code`.
export { UsageError, type UsageErrorCode } from './errors/usage-error.ts';
export type { DriftReport, OperationSummary } from './proxy/drift-report.ts';
export { type ProxyTargets, parseTargets } from './proxy/proxy-targets.ts';
export { type RunningProxy, type StartProxyOptions, startProxy } from './proxy/start-proxy.ts';
export type { OperationId } from './vendor/operation-ids.ts';
export { createHonoApp };

/** Starts the standalone server: all selected vendors on one port at their native paths. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  requireAdminTokenOffLoopback(host, options.adminToken);
  const prepared = await prepareServer(options);
  const socket = await openServerSocket({ port: options.port ?? 4010, host, ...(options.timeouts ? { timeouts: options.timeouts } : {}) });
  return answerOn(socket, prepared);
}
