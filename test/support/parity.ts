import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMock } from '../../src/msw.ts';
import { type RunningServer, startServer } from '../../src/server.ts';
import { VENDOR_HOSTS, type VendorHost } from './target.ts';

/** One request sent both ways; `path` includes any query string. */
export interface ParityRequest {
  readonly name: string;
  readonly host: VendorHost;
  readonly method: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** Headers that differ between any two HTTP stacks and say nothing about the contract. */
const TRANSPORT_HEADERS = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

/** Values that are fresh on every answer (GUIDs, instants, Digest nonces) and the origin each transport echoes. */
function normalize(text: string, origins: readonly string[]): string {
  let normalized = text;
  for (const origin of origins) normalized = normalized.replaceAll(origin, '<origin>');
  return normalized
    .replace(/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g, '<uuid>')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<instant>')
    .replace(/\b(nonce|opaque)="[0-9a-f]{32}"/g, '$1="<fresh>"');
}

async function capture(response: Response, origins: readonly string[]) {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!TRANSPORT_HEADERS.has(name)) headers[name] = normalize(value, origins);
  });
  return { status: response.status, headers, body: normalize(await response.text(), origins) };
}

/**
 * The parity check: every request goes to the real server over HTTP and to the vendor's host through
 * MSW, each from the default dataset, and status, headers and body must match (fresh ids and the
 * echoed origin aside). Call once per test file with that vendor's requests.
 */
export function checkParity(requests: readonly ParityRequest[]): void {
  let server: RunningServer;
  // Held to the hosts of VENDOR_HOSTS: a vendor whose spec host is a variable (Volt MX's on-premise
  // `http://{host}:{port}`) would otherwise intercept the requests meant for the real server too.
  const mock = createMock({ strict: true, origins: Object.values(VENDOR_HOSTS) });
  const interceptor = setupServer(...mock.handlers);
  beforeAll(async () => {
    server = await startServer({ port: 0, strict: true });
    interceptor.listen({
      onUnhandledRequest(request, print) {
        if (!request.url.startsWith(server.url)) print.error();
      },
    });
  });
  afterAll(async () => {
    interceptor.close();
    await server.close();
  });

  it.each(requests.map((request) => [request.name, request] as const))(
    'answers %s identically over HTTP and through MSW',
    async (_, request) => {
      await Promise.all([mock.reset(), fetch(`${server.url}/__admin/reset`, { method: 'POST' })]);
      const init = {
        method: request.method,
        headers: { ...request.headers },
        ...(request.body === undefined ? {} : { body: request.body }),
      };
      const origins = [server.url, VENDOR_HOSTS[request.host]];
      const overHttp = await capture(await fetch(`${server.url}${request.path}`, init), origins);
      const throughMsw = await capture(await fetch(`${VENDOR_HOSTS[request.host]}${request.path}`, init), origins);
      expect(throughMsw).toEqual(overHttp);
    },
  );
}
