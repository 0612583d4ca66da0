import { connect } from 'node:net';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { REQUEST_LIMITS } from '../src/limits/request-limits.ts';
import { type RunningServer, startServer } from '../src/server.ts';
import { BILLION_LAUGHS, TOO_DEEP, XXE_ENVELOPE } from './support/sfmc-envelopes.ts';

let server: RunningServer;
beforeAll(async () => {
  // A short headers timeout for the trickle test; the whole-request timeout stays long enough for the
  // megabyte bodies below to arrive on a loaded machine (it would otherwise turn them into a 408).
  server = await startServer({ port: 0, strict: true, timeouts: { headersMs: 300, requestMs: 10_000, keepAliveMs: 300 } });
});
afterAll(() => server.close());

const OMEDA = '/webservices/rest/brand/ABC/omail/deployment/cancel/*';

/** Writes raw bytes on a socket and collects everything the server sends until it closes. */
function raw(chunks: readonly string[], gapMs = 0): Promise<{ text: string; closed: boolean }> {
  return new Promise((resolve) => {
    const socket = connect(server.port, '127.0.0.1');
    let text = '';
    socket.on('data', (data) => {
      text += data.toString('latin1');
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ text, closed: true }));
    let index = 0;
    const next = () => {
      if (socket.destroyed || index >= chunks.length) return;
      socket.write(chunks[index++] as string);
      if (gapMs > 0) setTimeout(next, gapMs);
      else next();
    };
    socket.on('connect', next);
  });
}

it('answers 413 payload-too-large to a Content-Length over 1 MiB before the body is sent', async () => {
  const declared = REQUEST_LIMITS.maxBodyBytes + 1;
  const answer = await raw([
    `POST ${OMEDA} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${declared}\r\nConnection: close\r\n\r\n`,
  ]);
  expect(answer.text).toMatch(/^HTTP\/1\.1 413/);
  expect(answer.text).toContain('urn:esp-cancel-mock:problem:payload-too-large');
});

it('answers 413 to a chunked body that passes 1 MiB while it streams', async () => {
  const chunk = 'x'.repeat(256 * 1024);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < 5; i++) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
  const response = await fetch(`${server.url}${OMEDA}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-omeda-appid': 'my-app' },
    body,
    duplex: 'half',
  } as RequestInit);
  expect(response.status).toBe(413);
  expect(((await response.json()) as { code: string }).code).toBe('payload-too-large');
});

it('answers a body of exactly 1 MiB as the vendor (not 413)', async () => {
  const padding = 'x'.repeat(REQUEST_LIMITS.maxBodyBytes - 40);
  const body = JSON.stringify({ UserId: 'omailAccount1', TrackId: padding }).slice(0, REQUEST_LIMITS.maxBodyBytes);
  const response = await fetch(`${server.url}${OMEDA}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-omeda-appid': 'my-app' },
    body,
  });
  expect(response.status).not.toBe(413);
  expect(response.headers.get('content-type')).not.toBe('application/problem+json');
});

it('answers 414 uri-too-long to a request target over 8 KiB', async () => {
  const response = await fetch(`${server.url}/api/v1/email/${'1'.repeat(REQUEST_LIMITS.maxUrlLength)}/cancel`, { method: 'POST' });
  expect(response.status).toBe(414);
  expect(((await response.json()) as { code: string }).code).toBe('uri-too-long');
});

it.each([
  ['GET', '/__admin/state'],
  ['GET', '/__admin/health'],
  ['POST', '/__admin/reset'],
  ['HEAD', '/__admin/requests'],
  ['GET', '/__admin/sessions'],
  ['GET', '/__admin/ui'],
  ['GET', '/__session/long-1/__admin/state'],
])('answers 414 uri-too-long as problem+json to %s %s with a request target over 8 KiB, as on vendor paths', async (method, path) => {
  const response = await fetch(`${server.url}${path}?x=${'a'.repeat(REQUEST_LIMITS.maxUrlLength)}`, { method });
  expect(response.status).toBe(414);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  if (method !== 'HEAD') expect(((await response.json()) as { code: string }).code).toBe('uri-too-long');
});

it('creates no session for a session admin request whose target is over 8 KiB', async () => {
  await fetch(`${server.url}/__session/long-2/__admin/state?x=${'a'.repeat(REQUEST_LIMITS.maxUrlLength)}`);
  const { sessions } = (await (await fetch(`${server.url}/__admin/sessions`)).json()) as { sessions: Array<{ id: string }> };
  expect(sessions.map((session) => session.id)).not.toContain('long-2');
});

it('answers an admin request target of exactly 8 KiB as usual (not 414)', async () => {
  const path = '/__admin/state?x=';
  const response = await fetch(`${server.url}${path}${'a'.repeat(REQUEST_LIMITS.maxUrlLength - path.length)}`);
  expect(response.status).toBe(200);
});

it('answers 431 header-fields-too-large as problem+json to a header section over 16 KiB', async () => {
  const answer = await raw([`GET /__admin HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(REQUEST_LIMITS.maxHeaderBytes + 10)}\r\n\r\n`]);
  expect(answer.text).toMatch(/^HTTP\/1\.1 431/);
  expect(answer.text).toContain('header-fields-too-large');
});

it('answers 400 malformed-http to bytes that are not HTTP and keeps serving', async () => {
  const answer = await raw(['\u0000\u0001GARBAGE \r\n\r\n']);
  expect(answer.text).toMatch(/^HTTP\/1\.1 400/);
  expect((await fetch(`${server.url}/__admin`)).status).toBe(200);
});

/** Resolves once the session `id` has counted a request (sessions count a request when it arrives). */
async function untilArrived(id: string): Promise<void> {
  for (;;) {
    const { sessions } = (await (await fetch(`${server.url}/__admin/sessions`)).json()) as { sessions: { id: string; requests: number }[] };
    if (sessions.some((session) => session.id === id && session.requests > 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

it.each([
  ['Omeda JSON', 'POST', OMEDA, 'application/json', '{"UserId":'],
  ['an SFMC envelope', 'POST', '/Service.asmx', 'text/xml; charset=utf-8', '<?xml version="1.0"?><soap:Envelope'],
  ['an admin state document', 'PUT', '/__admin/state', 'application/json', '{"omeda":'],
])(
  'journals nothing and logs no error when the client hangs up in the middle of %s, and keeps serving',
  async (_, method, path, type, start) => {
    const logged = vi.spyOn(console, 'error');
    try {
      const id = `broken-${path.length}`;
      const socket = connect(server.port, '127.0.0.1');
      socket.on('error', () => undefined);
      socket.write(
        `${method} ${path} HTTP/1.1\r\nHost: x\r\nx-mock-session: ${id}\r\nx-omeda-appid: a\r\nSOAPAction: Perform\r\nContent-Type: ${type}\r\nContent-Length: 500\r\n\r\n${start}`,
      );
      await untilArrived(id);
      socket.destroy();
      const next = await fetch(`${server.url}${OMEDA}`, {
        method: 'POST',
        headers: { 'x-mock-session': id, 'x-omeda-appid': 'a', 'content-type': 'application/json' },
        body: JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' }),
      });
      expect(next.status).toBe(200);
      const journal = (await (await fetch(`${server.url}/__session/${id}/__admin/requests`)).json()) as {
        requests: { request: { url: string } }[];
      };
      expect(journal.requests.map((entry) => new URL(entry.request.url).pathname)).toEqual([OMEDA]);
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  },
);

it('cuts off a client that trickles its headers slower than the headers timeout', async () => {
  const trickle = Array.from({ length: 40 }, (_, i) => `X-Slow-${i}: 1\r\n`);
  const answer = await raw([`GET /__admin HTTP/1.1\r\nHost: x\r\n`, ...trickle], 100);
  expect(answer.closed).toBe(true);
  expect(answer.text).toMatch(/^HTTP\/1\.1 408|^$/);
});

it.each([
  ['an XXE DTD that names a local file', XXE_ENVELOPE],
  ['a billion-laughs entity bomb', BILLION_LAUGHS],
  ['elements nested deeper than the limit', TOO_DEEP],
  [
    'more elements than the limit',
    `<Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/"><Body>${'<a/>'.repeat(20_000)}</Body></Envelope>`,
  ],
  [
    'nesting 50,000 deep',
    `<Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/"><Body>${'<a>'.repeat(50_000)}${'</a>'.repeat(50_000)}</Body></Envelope>`,
  ],
])('refuses %s with the SOAP client fault and never reads the file', async (_name, envelope) => {
  const response = await fetch(`${server.url}/Service.asmx`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml', soapaction: 'Perform' },
    body: envelope,
  });
  const text = await response.text();
  expect(response.status).toBe(500);
  expect(text).toContain('soap:Client');
  expect(text).not.toContain('root:');
});

it.each([
  [
    'omeda',
    'POST',
    OMEDA,
    { 'content-type': 'application/json', 'x-omeda-appid': 'my-app' },
    '{"UserId":"file:///etc/passwd","TrackId":"http://127.0.0.1:1/x"}',
  ],
  ['voltmx', 'POST', '/api/v1/email/..%2F..%2Fetc%2Fpasswd/cancel', { 'x-voltmx-authorization': 't' }, undefined],
  ['momentum', 'PUT', '/v3.5/mailing/cancel?orgid=2&mid=$(cat%20/etc/passwd)', { authorization: `Basic ${btoa('a:b')}` }, undefined],
  [
    'omeda JSON prototype keys',
    'POST',
    OMEDA,
    { 'content-type': 'application/json', 'x-omeda-appid': 'my-app' },
    '{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}}}',
  ],
])('treats %s paths, URLs and code in a request as plain data', async (_name, method, path, headers, body) => {
  const response = await fetch(`${server.url}${path}`, { method, headers, ...(body ? { body } : {}) });
  const text = await response.text();
  expect(text).not.toContain('root:');
  expect(response.headers.get('content-type')).not.toBe('application/problem+json');
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect((await fetch(`${server.url}/__admin`)).status).toBe(200);
});
