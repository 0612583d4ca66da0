// The declaration file imports node:http; the directive has a consumer's type checker load @types/node
// even where its tsconfig names no `types`, TypeScript 6's default.
/// <reference types="node" preserve="true" />
import { type Server, type ServerOptions, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { createProblem, type MockProblemCode } from '../errors/mock-errors.ts';
import { REQUEST_LIMITS } from './request-limits.ts';

/** How long a client may take; a slow or idle client cannot hold a connection forever. */
export interface ServerTimeouts {
  /** The whole header section must arrive within this (Node's `headersTimeout`). Default 10 s. */
  readonly headersMs?: number;
  /** The whole request must arrive within this (Node's `requestTimeout`). Default 30 s. */
  readonly requestMs?: number;
  /** An idle keep-alive connection is closed after this (Node's `keepAliveTimeout`). Default 5 s. */
  readonly keepAliveMs?: number;
}

/**
 * The `node:http` options that bound a client: header size and the timeouts. Node checks the
 * timeouts every `connectionsCheckingInterval`, so it is set to at most a second.
 *
 * @see https://nodejs.org/docs/latest-v20.x/api/http.html#httpcreateserveroptions-requestlistener
 */
export function toServerOptions(timeouts: ServerTimeouts = {}): ServerOptions {
  const headersTimeout = timeouts.headersMs ?? 10_000;
  const requestTimeout = Math.max(timeouts.requestMs ?? 30_000, headersTimeout);
  return {
    maxHeaderSize: REQUEST_LIMITS.maxHeaderBytes,
    // The Host rules of RFC 9112 §3.2 are checked by `request-framing.ts`, which answers a problem body.
    requireHostHeader: false,
    headersTimeout,
    requestTimeout,
    keepAliveTimeout: timeouts.keepAliveMs ?? 5_000,
    connectionsCheckingInterval: Math.min(1_000, headersTimeout),
  };
}

const CLIENT_ERRORS: Record<string, MockProblemCode> = {
  HPE_HEADER_OVERFLOW: 'header-fields-too-large',
  ERR_HTTP_REQUEST_TIMEOUT: 'request-timeout',
};

/**
 * Node counts the request line in its header limit, so a long URL overflows the header section: when
 * the refused bytes start with a request line longer than the URL limit, the answer is the documented
 * 414, not 431.
 */
function isLongRequestLine(error: NodeJS.ErrnoException): boolean {
  const packet = (error as { rawPacket?: Buffer }).rawPacket;
  if (error.code !== 'HPE_HEADER_OVERFLOW' || !packet) return false;
  const head = packet.toString('latin1', 0, REQUEST_LIMITS.maxUrlLength + 64);
  if (!/^[A-Z]+ /.test(head)) return false;
  const end = head.indexOf('\r\n');
  return end === -1 || end > REQUEST_LIMITS.maxUrlLength;
}

/**
 * The answer Node is still writing on a connection, if any. `_httpMessage` is how Node's own server
 * ties a socket to its in-flight response (`ServerResponse#assignSocket`); it has no public name.
 *
 * @see https://github.com/nodejs/node/blob/v20.x/lib/_http_server.js (assignSocket, socketOnError)
 */
function inFlightAnswer(socket: Duplex): ServerResponse | undefined {
  const answer = (socket as Duplex & { _httpMessage?: unknown })._httpMessage;
  // Only an answer to a request that arrived whole: a timeout refuses the very request still arriving.
  return answer instanceof ServerResponse && !answer.writableFinished && answer.req.complete ? answer : undefined;
}

/**
 * Answers what Node's HTTP parser refuses (oversized headers, timeouts, bytes that are not HTTP) with
 * a problem+json like every other mock error, then closes the connection. When the refused bytes
 * follow a request still being answered on the same connection (pipelining), that answer goes first
 * and the problem after it, in order, as RFC 9112 §9.3.2 asks.
 */
export function answerClientErrors(server: Server): void {
  // Connections whose refusal waits for their answers in flight. Node's parser stays failed, so every
  // further chunk the client sends is another clientError: one refusal a connection, the rest ignored.
  const refusing = new WeakSet<Duplex>();
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || (error.code === 'ECONNRESET' && socket.destroyed)) {
      socket.destroy();
      return;
    }
    if (refusing.has(socket)) return;
    const code = isLongRequestLine(error) ? 'uri-too-long' : (CLIENT_ERRORS[error.code ?? ''] ?? 'malformed-http');
    const problem = createProblem(code, error.message);
    const body = JSON.stringify(problem);
    const refuse = () => {
      if (!socket.writable) return;
      socket.end(
        `HTTP/1.1 ${problem.status} ${problem.title}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    };
    // Node hands the next pipelined answer the socket as the one before finishes: wait for each.
    const afterAnswers = (): void => {
      const pending = inFlightAnswer(socket);
      if (!pending) {
        refuse();
        return;
      }
      refusing.add(socket);
      pending.once('finish', afterAnswers);
      // An answer that never finishes (its client gone) must not keep the socket: close takes it.
      pending.once('close', () => {
        if (!pending.writableFinished) socket.destroy();
      });
    };
    afterAnswers();
  });
}
