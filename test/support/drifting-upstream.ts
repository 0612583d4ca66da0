import { createServer, type Server, type Socket } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createMock } from '../../src/msw.ts';

const WARM_OMEDA = '/webservices/rest/brand/ABC/omail/deployment/cancel/*';

/** How the upstream departs from its spec: another status, another media type, an edited body. */
export interface Drift {
  readonly status?: number;
  readonly contentType?: string;
  readonly edit?: (body: string) => string;
}

/** A request as the upstream received it (to show the proxy forwarded it unchanged). */
export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** An answer as the upstream sent it (to show the proxy returned it unchanged). */
export interface SentAnswer {
  readonly status: number;
  readonly contentType: string | null;
  readonly body: string;
}

export interface DriftingUpstream {
  readonly url: string;
  /** The drift applied to every answer from now on (none: the mock's own, documented answer). */
  drift(drift?: Drift): void;
  received(): readonly ReceivedRequest[];
  sent(): readonly SentAnswer[];
}

/**
 * A small vendor upstream on loopback port 0 that drifts on demand: it answers every request with an
 * in-process mock's documented answer, then applies the drift. Reset (dataset, clock, drift, received
 * list) before each test.
 */
export function useDriftingUpstream(): DriftingUpstream {
  const mock = createMock({ strict: false });
  let current: Drift = {};
  let received: ReceivedRequest[] = [];
  let sent: SentAnswer[] = [];
  let url = '';
  let close: (() => void) | undefined;
  beforeAll(async () => {
    await new Promise<void>((resolve) => {
      const server = serve(
        {
          port: 0,
          hostname: '127.0.0.1',
          fetch: async (request) => {
            const body = await request.clone().text();
            received.push({ method: request.method, url: request.url, headers: Object.fromEntries(request.headers), body });
            const answer = await mock.fetch(request);
            const headers = new Headers(answer.headers);
            if (current.contentType) headers.set('content-type', current.contentType);
            const text = await answer.text();
            const drifted = current.edit ? current.edit(text) : text;
            const status = current.status ?? answer.status;
            sent.push({ status, contentType: headers.get('content-type'), body: drifted });
            return new Response(drifted, { status, headers });
          },
        },
        (info) => {
          url = `http://127.0.0.1:${info.port}`;
          resolve();
        },
      );
      close = () => server.close();
    });
    // One answer per vendor first, so the first answer a test waits for is not a cold start.
    for (const path of ['/v3.5/mailing/cancel?orgid=2&mid=123', '/Service.asmx', '/api/v1/email/1/cancel', WARM_OMEDA]) {
      await (await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: '<x/>' })).text();
    }
  });
  afterAll(() => close?.());
  beforeEach(async () => {
    current = {};
    received = [];
    sent = [];
    await mock.reset();
    mock.clock.set('2026-01-15T09:00:00.000Z');
  });
  return {
    get url() {
      return url;
    },
    drift: (drift = {}) => {
      current = drift;
    },
    received: () => received,
    sent: () => sent,
  };
}

/** Upstreams that fail at the HTTP level: one that answers bytes that are not HTTP, one that never answers. */
export function useBrokenUpstreams(): { readonly garbage: string; readonly silent: string; readonly down: string } {
  const servers: Server[] = [];
  const sockets = new Set<Socket>();
  const urls = { garbage: '', silent: '', down: '' };
  const listen = (onSocket: (socket: Socket) => void) =>
    new Promise<string>((resolve) => {
      const server = createServer((socket) => {
        sockets.add(socket);
        socket.on('error', () => undefined);
        onSocket(socket);
      });
      servers.push(server);
      server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`));
    });
  beforeAll(async () => {
    urls.garbage = await listen((socket) => socket.end('THIS IS NOT HTTP\r\n\r\n'));
    urls.silent = await listen(() => undefined);
    // A port that was free a moment ago and is closed now: nothing listens there.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    urls.down = `http://127.0.0.1:${(closed.address() as { port: number }).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
  });
  afterAll(() => {
    for (const socket of sockets) socket.destroy();
    for (const server of servers) server.close();
  });
  return urls;
}
