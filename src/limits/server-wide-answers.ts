import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { createProblem, type MockProblem } from '../errors/mock-errors.ts';

/**
 * The methods some path of the mock answers (vendor operations and the admin API). Written out, since
 * the socket answers before the specs are loaded; `server-wide-answers.test.ts` holds it equal to the
 * methods of the specs and of the admin API's reference.
 */
export const SERVED_METHODS = 'GET, HEAD, POST, PUT, DELETE';

/**
 * Answers the requests that address the server rather than a path, which Node's parser hands to
 * events of their own, with a mock answer instead of Node's bare 417 or a closed socket:
 * - `CONNECT` (RFC 9110 §9.3.6): 405 `method-not-allowed`; the mock is not a proxy (a client's
 *   `HTTPS_PROXY` pointing at it is the usual cause).
 * - An `Expect` other than `100-continue` (RFC 9110 §10.1.1): 417 `expectation-failed`.
 *
 * `OPTIONS *` is answered by {@link answerAsteriskOptions}, from the framing check.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-9.3.6
 */
export function answerServerWideRequests(server: Server): void {
  server.on('checkExpectation', (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const detail = `the mock meets no expectation but 100-continue, got Expect: ${String(incoming.headers.expect).slice(0, 80)}`;
    sendProblem(incoming, outgoing, createProblem('expectation-failed', detail));
  });
  server.on('connect', (_incoming: IncomingMessage, socket: Duplex) => {
    const problem = createProblem(
      'method-not-allowed',
      'esp-cancel-mock is not a proxy: send requests to its base URL instead of through it',
    );
    const body = JSON.stringify(problem);
    socket.on('error', () => undefined);
    socket.end(
      `HTTP/1.1 405 Method Not Allowed\r\nallow: ${SERVED_METHODS}\r\ncontent-type: application/problem+json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
}

/** Answers a request the server refuses before it reaches the app: the problem, then the connection closed. */
export function sendProblem(incoming: IncomingMessage, outgoing: ServerResponse, problem: MockProblem): void {
  const body = JSON.stringify(problem);
  incoming.resume();
  outgoing.writeHead(problem.status, {
    'content-type': 'application/problem+json',
    'content-length': Buffer.byteLength(body),
    connection: 'close',
  });
  outgoing.end(body);
}

/**
 * `OPTIONS *` asks what the server supports in general (RFC 9110 §9.3.7): 200, the methods the mock
 * serves in `Allow`, no body. (Its target builds no URL, so it never reaches the Fetch adapter.)
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-9.3.7
 */
export function answerAsteriskOptions(incoming: IncomingMessage, outgoing: ServerResponse): void {
  incoming.resume();
  outgoing.writeHead(200, { allow: SERVED_METHODS, 'content-length': 0 });
  outgoing.end();
}
