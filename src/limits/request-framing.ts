import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createProblem, type MockProblem } from '../errors/mock-errors.ts';
import { answerAsteriskOptions, sendProblem } from './server-wide-answers.ts';

type RequestListener = (incoming: IncomingMessage, outgoing: ServerResponse) => void;

/** `uri-host [ ":" port ]` (RFC 3986 §3.2.2): a reg-name of unreserved and sub-delims, or an IP literal. */
const HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-._~!$&'()*+,;=]+)(?::[0-9]{1,5})?$/;

/** The last Host value found valid: clients send the same one on every request, so it is checked once. */
let lastValidHost: string | undefined;

/**
 * What the HTTP/1.1 request line and Host say, checked before the request becomes a Fetch `Request`:
 * one Host field with a valid value (RFC 9112 §3.2: otherwise 400), an origin-form or absolute-form
 * target (`*` is for OPTIONS only, §3.2.4), no backslash in the path. A refusal is a `malformed-http`
 * problem, like every other mock error, instead of @hono/node-server's bare 400 (or a 500 for a host
 * WHATWG URL cannot parse, such as `xn--`). An HTTP/1.0 request without Host is given the address it
 * arrived on, port included, so answers that echo the origin (Omeda's `Url`) stay usable.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9112#section-3.2
 */
export function checkRequestFraming(incoming: IncomingMessage): MockProblem | undefined {
  let hostLines = 0;
  for (let index = 0; index < incoming.rawHeaders.length; index += 2) {
    const name = incoming.rawHeaders[index] as string;
    if (name.length === 4 && name.toLowerCase() === 'host') hostLines += 1;
  }
  if (hostLines > 1) return refuse('the request has more than one Host header field (RFC 9112 §3.2)');
  if (hostLines === 0) {
    if (incoming.httpVersion !== '1.0') return refuse('an HTTP/1.1 request needs a Host header field (RFC 9112 §3.2)');
    const { localAddress, localPort } = incoming.socket;
    if (localAddress) incoming.headers.host = `${localAddress.includes(':') ? `[${localAddress}]` : localAddress}:${localPort}`;
  } else {
    const host = incoming.headers.host ?? '';
    if (host !== lastValidHost) {
      if (!HOST.test(host) || !URL.canParse(`http://${host}/`))
        return refuse(`the Host header field '${host.slice(0, 80)}' is not a valid host`);
      lastValidHost = host;
    }
  }
  const target = incoming.url ?? '';
  if (target === '*')
    return incoming.method === 'OPTIONS' ? undefined : refuse(`the asterisk-form target is for OPTIONS only, not ${incoming.method}`);
  if (!target.startsWith('/') && !/^https?:\/\//i.test(target))
    return refuse(`the request target '${target.slice(0, 80)}' is neither a path nor an absolute URL`);
  const query = target.indexOf('?');
  const path = query === -1 ? target : target.slice(0, query);
  if (path.includes('\\')) return refuse('the request path has a backslash');
  return undefined;
}

/** Runs {@link checkRequestFraming} in front of the server's own request listeners. */
export function guardRequestFraming(server: Server): void {
  const listeners = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const problem = checkRequestFraming(incoming);
    // Past the check, `*` is an `OPTIONS *`: a question to the server, not to a path.
    if (!problem && incoming.url === '*') return answerAsteriskOptions(incoming, outgoing);
    if (!problem) {
      for (const listener of listeners) listener.call(server, incoming, outgoing);
      return;
    }
    sendProblem(incoming, outgoing, problem);
  });
}

function refuse(detail: string): MockProblem {
  return createProblem('malformed-http', detail);
}
