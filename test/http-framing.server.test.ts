import { connect } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/server.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0 });
});
afterAll(() => server.close());

/** Sends raw bytes in one write and reads until the server closes, or (unless `untilClose`) one answer ends. */
function exchangeRaw(text: string, untilClose = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => socket.write(text));
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      data += chunk;
      const split = data.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(data)?.[1];
      if (!untilClose && split !== -1 && length !== undefined && data.length >= split + 4 + Number(length)) socket.end();
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(data));
  });
}

/** Sends raw bytes and reads the whole answer (the server closes or the answer ends). */
async function sendRaw(text: string): Promise<{ status: number; headers: string; body: string }> {
  const data = await exchangeRaw(text);
  const split = data.indexOf('\r\n\r\n');
  return { status: Number(data.slice(9, 12)), headers: data.slice(0, split), body: data.slice(split + 4) };
}

it.each([
  ['a Host WHATWG URL cannot parse (xn--)', 'GET /v3.5/mailing/cancel HTTP/1.1\r\nHost: xn--\r\n\r\n'],
  ['a Host with a slash', 'GET /v3.5/mailing/cancel HTTP/1.1\r\nHost: a/b\r\n\r\n'],
  ['a Host with userinfo', 'GET /v3.5/mailing/cancel HTTP/1.1\r\nHost: a@b\r\n\r\n'],
  ['a percent-encoded Host', 'GET /v3.5/mailing/cancel HTTP/1.1\r\nHost: %41\r\n\r\n'],
  ['two Host header fields', 'GET /v3.5/mailing/cancel HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: example.com\r\n\r\n'],
  ['an HTTP/1.1 request without Host', 'GET /v3.5/mailing/cancel HTTP/1.1\r\n\r\n'],
  ['GET *', 'GET * HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'],
  ['a backslash in the path', 'GET /v3.5\\mailing/cancel HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'],
])('answers %s with 400 malformed-http as problem+json', async (_name, request) => {
  const answer = await sendRaw(request);
  expect(answer.status).toBe(400);
  expect(answer.headers).toMatch(/content-type: application\/problem\+json/i);
  expect(JSON.parse(answer.body)).toMatchObject({ status: 400, code: 'malformed-http' });
});

it('answers a 20 KB request target with the documented 414 uri-too-long, not 431', async () => {
  const answer = await sendRaw(`GET /v3.5/mailing/cancel?mid=${'1'.repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
  expect(answer.status).toBe(414);
  expect(JSON.parse(answer.body)).toMatchObject({ code: 'uri-too-long' });
});

it('gives Omeda Urls the port the server listens on when an HTTP/1.0 request has no Host', async () => {
  const body = JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' });
  const answer = await sendRaw(
    `POST /webservices/rest/brand/FOO/omail/deployment/cancel/* HTTP/1.0\r\nX-Omeda-AppId: my-app\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
  );
  expect(answer.status).toBe(200);
  const { ResponseInfo } = JSON.parse(answer.body) as { ResponseInfo: Array<{ Url: string }> };
  expect(ResponseInfo[0]?.Url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/webservices/rest/brand/FOO/`));
});

it('reads two Prefer field lines as one RFC 7240 list, the first code winning', async () => {
  const body = JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' });
  const answer = await sendRaw(
    'POST /webservices/rest/brand/ABC/omail/deployment/cancel/* HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n' +
      'X-Omeda-AppId: my-app\r\nContent-Type: application/json\r\n' +
      'Prefer: foo="a, code=abc"; q=1\r\nPrefer: code=404; example=brandNotFound\r\nPrefer: code=403\r\n' +
      `Content-Length: ${body.length}\r\n\r\n${body}`,
  );
  expect(answer.status).toBe(404);
  expect(JSON.parse(answer.body)).toMatchObject({ Errors: [{ Error: 'Brand ABC was not found.' }] });
});

it('answers OPTIONS * with 200 and the methods the mock serves in Allow, and keeps serving', async () => {
  const answer = await sendRaw('OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
  expect(answer.status).toBe(200);
  expect(answer.headers).toMatch(/\r\nallow: GET, HEAD, POST, PUT, DELETE\r\n/i);
  expect(answer.body).toBe('');
  expect((await fetch(`${server.url}/__admin/health`)).status).toBe(200);
});

it('answers an Expect other than 100-continue with 417 expectation-failed as problem+json', async () => {
  const answer = await sendRaw(
    'POST /webservices/rest/brand/ABC/omail/deployment/cancel/* HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 200-ok\r\nContent-Length: 2\r\n\r\n{}',
  );
  expect(answer.status).toBe(417);
  expect(answer.headers).toMatch(/content-type: application\/problem\+json/i);
  expect(JSON.parse(answer.body)).toMatchObject({ status: 417, code: 'expectation-failed' });
});

it('answers CONNECT with 405 method-not-allowed saying the mock is not a proxy, then closes', async () => {
  const answer = await sendRaw('CONNECT ows.omeda.com:443 HTTP/1.1\r\nHost: ows.omeda.com:443\r\n\r\n');
  expect(answer.status).toBe(405);
  expect(answer.headers).toMatch(/\r\nallow: GET, HEAD, POST, PUT, DELETE\r\n/i);
  expect(JSON.parse(answer.body)).toMatchObject({
    status: 405,
    code: 'method-not-allowed',
    detail: expect.stringContaining('not a proxy'),
  });
  expect((await fetch(`${server.url}/__admin/health`)).status).toBe(200);
});

it.each([
  ['bytes that are not HTTP', 'GARBAGE\r\n\r\n', 400],
  ['a 20 KB header', `GET /nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
])('answers pipelined requests before the %s that follow them, in order, then closes', async (_name, after, status) => {
  const session = `pipelined-${status}`;
  const body = JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' });
  const cancel = `POST /__session/${session}/webservices/rest/brand/ABC/omail/deployment/cancel/* HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Omeda-AppId: my-app\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
  const lookup = `GET /__session/${session}/webservices/rest/brand/ABC/omail/deployment/lookup/FOO0102003002/* HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Omeda-AppId: my-app\r\n\r\n`;
  const data = await exchangeRaw(`${cancel}${lookup}${after}`, true);
  const statuses = [...data.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((match) => Number(match[1]));
  expect(statuses).toEqual([200, 200, status]);
  // Both answers are whole before the problem: the cancel's ResponseInfo and the lookup's TrackId.
  const problemAt = data.lastIndexOf(`HTTP/1.1 ${status} `);
  expect(data.indexOf('"ResponseInfo"')).toBeLessThan(problemAt);
  expect(data.indexOf('"DeploymentName"')).toBeLessThan(problemAt);
  await fetch(`${server.url}/__admin/sessions/${session}`, { method: 'DELETE' });
});

it('refuses a connection once however much it sends after the refused bytes while an answer is delayed', async () => {
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);
  process.on('warning', onWarning);
  await fetch(`${server.url}/__admin/faults`, { method: 'POST', body: JSON.stringify({ 'omeda.lookupDeployment': { delayMs: 400 } }) });
  try {
    const lookup =
      'GET /webservices/rest/brand/ABC/omail/deployment/lookup/FOO0102003002/* HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Omeda-AppId: my-app\r\n\r\n';
    const data = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write(`${lookup}GARBAGE\r\n\r\n`);
        // Chunks apart in time, so each reaches the server's parser on its own.
        let chunks = 0;
        const more = setInterval(() => {
          if (socket.destroyed || ++chunks > 20) clearInterval(more);
          else socket.write('MORE GARBAGE\r\n\r\n');
        }, 5);
      });
      let received = '';
      socket.setEncoding('latin1');
      socket.on('data', (chunk: string) => {
        received += chunk;
      });
      socket.on('error', reject);
      socket.on('close', () => resolve(received));
    });
    expect([...data.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((match) => Number(match[1]))).toEqual([200, 400]);
    expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);
  } finally {
    process.off('warning', onWarning);
    await fetch(`${server.url}/__admin/faults`, { method: 'DELETE' });
  }
});
