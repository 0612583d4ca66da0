import { connect, type Socket } from 'node:net';
import { expect, it } from 'vitest';
import { startServer } from '../src/server.ts';

/** Opens a raw connection and sends `text` (possibly nothing), then stays silent. */
function openSilent(port: number, text: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      if (text) socket.write(text);
      resolve(socket);
    });
    socket.on('error', () => undefined);
    socket.once('error', reject);
  });
}

it('closes within its request timeout while clients are connected but silent, half-way through headers or short of their body', async () => {
  const server = await startServer({ port: 0, timeouts: { headersMs: 200, requestMs: 400, keepAliveMs: 100 } });
  const sockets = await Promise.all([
    openSilent(server.port, ''),
    openSilent(server.port, 'POST /webservices/rest/brand/FOO/omail/deployment/cancel/* HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Omeda'),
    openSilent(
      server.port,
      'POST /webservices/rest/brand/FOO/omail/deployment/cancel/* HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"UserId"',
    ),
  ]);
  const closed = Promise.all(sockets.map((socket) => new Promise((resolve) => socket.once('close', resolve))));
  await server.close();
  await closed;
  expect(sockets.every((socket) => socket.destroyed)).toBe(true);
});
