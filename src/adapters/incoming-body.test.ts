import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { readIncomingBody } from './incoming-body.ts';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server that hands each request to `read`, and the port it listens on. */
function serve(read: (incoming: IncomingMessage) => Promise<unknown>): Promise<{ port: number; settled: Promise<unknown>[] }> {
  const settled: Promise<unknown>[] = [];
  server = createServer((incoming, outgoing) => {
    const outcome = read(incoming).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    settled.push(outcome);
    void outcome.then(() => outgoing.end());
  });
  return new Promise((resolve) => {
    server?.listen(0, '127.0.0.1', () => {
      const address = server?.address();
      resolve({ port: typeof address === 'object' && address ? address.port : 0, settled });
    });
  });
}

/** Sends raw bytes on a new connection, `gapMs` apart, and leaves it open. */
async function send(port: number, parts: readonly (string | Uint8Array)[], gapMs = 0) {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  await new Promise((resolve) => socket.once('connect', resolve));
  for (const part of parts) {
    socket.write(part);
    if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
  return socket;
}

/** The first request's outcome, once it has settled. */
async function firstOutcome(settled: Promise<unknown>[]): Promise<unknown> {
  while (settled.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  return settled[0];
}

it('gives the bytes as sent, joined, for a body that arrives in several chunks', async () => {
  const { port, settled } = await serve(readIncomingBody);
  // A UTF-16 byte order mark and bytes that are not UTF-8: the body must come back as bytes, untouched.
  const body = Uint8Array.from([0xff, 0xfe, 0x7b, 0x00, 0xe9, 0x00, 0x80, 0x7d, 0x00]);
  const socket = await send(
    port,
    [`POST / HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\n\r\n`, body.slice(0, 3), body.slice(3, 7), body.slice(7)],
    20,
  );
  const outcome = (await firstOutcome(settled)) as { value: Uint8Array };
  socket.destroy();
  expect([...outcome.value]).toEqual([...body]);
});

it('gives no bytes for a request without a body', async () => {
  const { port, settled } = await serve(readIncomingBody);
  const socket = await send(port, ['POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n']);
  const outcome = (await firstOutcome(settled)) as { value: Uint8Array };
  socket.destroy();
  expect(outcome.value.byteLength).toBe(0);
});

it("rejects with the connection's error, not the mock's own, when the client closes the connection mid-body", async () => {
  const { port, settled } = await serve(readIncomingBody);
  const socket = await send(port, ['POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{"UserId":'], 20);
  socket.destroy();
  const outcome = (await firstOutcome(settled)) as { error: unknown };
  expect(outcome.error).toBeInstanceOf(Error);
  expect(outcome.error).not.toBeInstanceOf(TypeError);
});

it("refuses a second read of the same body as the mock's own error", async () => {
  const { port, settled } = await serve(async (incoming) => {
    await readIncomingBody(incoming);
    return readIncomingBody(incoming);
  });
  const socket = await send(port, ['POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}']);
  const outcome = (await firstOutcome(settled)) as { error: unknown };
  socket.destroy();
  expect(outcome.error).toBeInstanceOf(TypeError);
});
