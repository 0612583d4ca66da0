import type { Server } from 'node:http';
import { type ServerType, serve } from '@hono/node-server';
import { ADMIN_PREFIX } from '../admin/admin-api.ts';
import { isLoopbackHost } from '../admin/admin-host.ts';
import { createProblem, toProblemResponse } from '../errors/mock-errors.ts';
import { startupError } from '../errors/startup-error.ts';
import { answerClientErrors, type ServerTimeouts, toServerOptions } from '../limits/server-limits.ts';
import { createProxy, type ProxyOptions, type ValidatingProxy } from './create-proxy.ts';
import { forwardOverHttp } from './forward-over-http.ts';
import { handleProxyAdminRequest } from './proxy-admin.ts';
import type { ProxyTargets } from './proxy-targets.ts';

export interface StartProxyOptions extends Omit<ProxyOptions, 'targets' | 'forward'> {
  readonly targets: ProxyTargets;
  /** Default 4010, like `serve`; 0 picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1: loopback only. Any other host requires `adminToken`. */
  readonly host?: string;
  readonly adminToken?: string;
  readonly timeouts?: ServerTimeouts;
}

export interface RunningProxy {
  /** `http://127.0.0.1:4010`: the base URL the app uses instead of each vendor's. */
  readonly url: string;
  readonly port: number;
  readonly proxy: ValidatingProxy;
  /** Stops accepting connections and resolves once in-flight exchanges are answered. */
  close(): Promise<void>;
}

/**
 * Starts the validating proxy on one port: each vendor's native paths forwarded to its `--target`,
 * the proxy's admin API under `/__admin`. Client limits (header size, timeouts, bytes that are not
 * HTTP) are the mock server's own.
 *
 * @see ../server.ts
 */
export async function startProxy(options: StartProxyOptions): Promise<RunningProxy> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host) && !options.adminToken)
    throw startupError(`host ${host} is reachable from other machines, so the admin API needs a token.`, 'Pass --admin-token <secret>.');
  const proxy = createProxy({ ...options, forward: forwardOverHttp });
  await proxy.engine.ready;
  const fetch = async (request: Request): Promise<Response> => {
    try {
      const { pathname } = new URL(request.url);
      if (pathname === ADMIN_PREFIX || pathname.startsWith(`${ADMIN_PREFIX}/`))
        return handleProxyAdminRequest(proxy, request, options.adminToken);
      return await proxy.handle(request);
    } catch (error) {
      console.error('[esp-cancel-mock] internal error in the proxy', error);
      return toProblemResponse(createProblem('internal-mock-error', (error as Error).message ?? String(error)));
    }
  };
  const server = await new Promise<ServerType>((resolve, reject) => {
    const started = serve({ fetch, port: options.port ?? 4010, hostname: host, serverOptions: toServerOptions(options.timeouts) }, () =>
      resolve(started),
    );
    started.once('error', reject);
  });
  answerClientErrors(server as Server);
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 4010);
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    proxy,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      }),
  };
}
