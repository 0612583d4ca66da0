import type { IncomingMessage, ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { openServerSocket, type ServerSocket } from './server-socket.ts';

let socket: ServerSocket | undefined;
afterEach(async () => {
  socket?.server.closeAllConnections();
  await new Promise((done) => socket?.server.close(done) ?? done(undefined));
  socket = undefined;
});

/** Resolves once the server has received `count` requests (whatever answers them). */
function received(count: number): Promise<void> {
  let seen = 0;
  return new Promise((resolve) => {
    socket?.server.on('request', () => {
      seen += 1;
      if (seen === count) resolve();
    });
  });
}

/** Answers with the method, the path and the body it read, and records the order it was called in. */
function echo(calls: string[]) {
  return (incoming: IncomingMessage, outgoing: ServerResponse) => {
    let body = '';
    incoming.setEncoding('utf8');
    incoming.on('data', (chunk: string) => {
      body += chunk;
    });
    incoming.on('end', () => {
      calls.push(incoming.url ?? '');
      outgoing.end(`${incoming.method} ${incoming.url} ${body}`);
    });
  };
}

/** A raw HTTP/1.1 exchange, for requests `fetch` cannot send. */
function rawExchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = '';
    const client = connect(port, '127.0.0.1', () => client.write(request));
    client.setEncoding('utf8');
    client.on('data', (chunk: string) => {
      answer += chunk;
    });
    client.on('end', () => resolve(answer));
    client.on('error', reject);
  });
}

it('holds requests that arrive before the listener is handed over and answers them, in arrival order, once it is', async () => {
  socket = await openServerSocket({ port: 0, host: '127.0.0.1' });
  const bothArrived = received(2);
  const first = fetch(`${socket.url}/first`, { method: 'POST', body: 'one' });
  await received(1);
  const second = fetch(`${socket.url}/second`, { method: 'POST', body: 'two' });
  await bothArrived;
  const calls: string[] = [];
  socket.answerWith(echo(calls));
  expect(await (await first).text()).toBe('POST /first one');
  expect(await (await second).text()).toBe('POST /second two');
  expect(calls).toEqual(['/first', '/second']);
});

it('sends requests that arrive after the hand-over straight to the listener', async () => {
  socket = await openServerSocket({ port: 0, host: '127.0.0.1' });
  const calls: string[] = [];
  socket.answerWith(echo(calls));
  const response = await fetch(`${socket.url}/later?x=1`);
  expect(await response.text()).toBe('GET /later?x=1 ');
  expect(calls).toEqual(['/later?x=1']);
});

it('refuses a badly framed request with its problem before any listener is handed over', async () => {
  socket = await openServerSocket({ port: 0, host: '127.0.0.1' });
  const answer = await rawExchange(socket.port, 'GET /x HTTP/1.1\r\nConnection: close\r\n\r\n');
  expect(answer).toMatch(/^HTTP\/1\.1 400 /);
  expect(answer).toContain('application/problem+json');
  expect(answer).toContain('an HTTP/1.1 request needs a Host header field');
});

it('rejects with the listen error when the port is taken', async () => {
  socket = await openServerSocket({ port: 0, host: '127.0.0.1' });
  await expect(openServerSocket({ port: socket.port, host: '127.0.0.1' })).rejects.toMatchObject({ code: 'EADDRINUSE' });
});
