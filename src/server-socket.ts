import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { trackEventStreams } from './admin/event-stream-connections.ts';
import { guardRequestFraming } from './limits/request-framing.ts';
import { answerClientErrors, type ServerTimeouts, toServerOptions } from './limits/server-limits.ts';
import { answerServerWideRequests } from './limits/server-wide-answers.ts';
import { keepTickObjectShape } from './tick-object-shape.ts';

type RequestListener = (incoming: IncomingMessage, outgoing: ServerResponse) => void;

/**
 * The server's listening socket: a `node:http` server with the mock's limits (timeouts, header size,
 * client-error answers, the request framing guard) and its journal streams tracked, whose request
 * listener is handed over later. A request that arrives before then waits, unread, and is passed on
 * in arrival order once the listener is there. It loads nothing of the mock itself, so the CLI can
 * listen before it builds the engine (see src/cli/serve-command.ts).
 */
export interface ServerSocket {
  readonly server: Server;
  /** The port it listens on (the one picked, for port 0). */
  readonly port: number;
  /** `http://127.0.0.1:4010`: the host as given, an IPv6 address in brackets. */
  readonly url: string;
  /** Ends the open journal streams (they never finish by themselves). */
  readonly eventStreams: { endAll(): void };
  /** The listener every request goes to from now on, waiting ones first. */
  answerWith(listener: RequestListener): void;
}

export interface ServerSocketOptions {
  readonly port: number;
  readonly host: string;
  readonly timeouts?: ServerTimeouts;
}

/** Creates the server and resolves once it listens; rejects with the listen error (`EADDRINUSE`…). */
export async function openServerSocket(options: ServerSocketOptions): Promise<ServerSocket> {
  keepTickObjectShape();
  let listener: RequestListener | undefined;
  let handOver: (listener: RequestListener) => void = () => {};
  const handedOver = new Promise<RequestListener>((resolve) => {
    handOver = resolve;
  });
  const server = createServer(toServerOptions(options.timeouts), (incoming, outgoing) => {
    if (listener) listener(incoming, outgoing);
    else void handedOver.then((next) => next(incoming, outgoing));
  });
  const eventStreams = trackEventStreams(server);
  guardRequestFraming(server);
  answerServerWideRequests(server);
  answerClientErrors(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const urlHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    server,
    port,
    url: `http://${urlHost}:${port}`,
    eventStreams,
    answerWith(next) {
      listener = next;
      handOver(next);
    },
  };
}
