import { type ServerType, serve } from '@hono/node-server';
import { createHonoApp } from './adapters/hono.ts';
import { createEngine, type MockEngine } from './engine/create-engine.ts';
import type { JournalEntry } from './journal/request-journal.ts';
import { selectModules } from './vendor/select-modules.ts';

export interface StartServerOptions {
  /** Default 4010 (Prism's); 0 picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1: loopback only. */
  readonly host?: string;
  readonly vendors?: readonly string[];
  readonly strict?: boolean;
  readonly config?: Readonly<Record<string, unknown>>;
  readonly journalCapacity?: number;
  readonly onExchange?: (entry: JournalEntry) => void;
}

export interface RunningServer {
  /** `http://127.0.0.1:4010` — the base URL every vendor path hangs off. */
  readonly url: string;
  readonly port: number;
  readonly engine: MockEngine;
  /** Stops accepting connections and resolves once in-flight requests are answered. */
  close(): Promise<void>;
}

export { createHonoApp };

/** Starts the standalone server: all selected vendors on one port at their native paths. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const engine = createEngine({
    modules: selectModules(options.vendors),
    strict: options.strict ?? false,
    ...(options.config ? { config: options.config } : {}),
    ...(options.journalCapacity === undefined ? {} : { journalCapacity: options.journalCapacity }),
    ...(options.onExchange ? { onExchange: options.onExchange } : {}),
  });
  const app = createHonoApp(engine);
  const host = options.host ?? '127.0.0.1';
  await engine.ready;
  const server = await new Promise<ServerType>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: options.port ?? 4010, hostname: host }, () => resolve(started));
    started.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 4010);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    engine,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      }),
  };
}
