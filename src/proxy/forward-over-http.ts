import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Forwarder, UpstreamFailure, UpstreamResult } from './upstream-exchange.ts';

/**
 * The server's forwarder, on `node:http`/`node:https` rather than `fetch`: the request goes out with
 * exactly the client's headers (fetch adds its own `accept`, `user-agent`, `accept-encoding`), and the
 * answer comes back as the upstream's bytes (fetch would decompress them). Connect and answer
 * timeouts are separate, the answer is counted while it streams, and bytes that are not HTTP fail as
 * `invalid-response`.
 *
 * @see https://nodejs.org/docs/latest-v20.x/api/http.html#httprequesturl-options-callback
 */
export const forwardOverHttp: Forwarder = (upstream, limits) =>
  new Promise<UpstreamResult>((resolve) => {
    let settled = false;
    const finish = (result: UpstreamResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(answerTimer);
      clearTimeout(connectTimer);
      resolve(result);
      if (!result.ok) outgoing.destroy();
    };
    const fail = (failure: UpstreamFailure, message: string) => finish({ ok: false, failure, message });
    const send = upstream.url.protocol === 'https:' ? httpsRequest : httpRequest;
    const outgoing = send(upstream.url, {
      method: upstream.method,
      headers: { ...upstream.headers, 'content-length': String(upstream.body.byteLength) },
      // One connection per exchange: an upstream that breaks a connection cannot break the next exchange.
      agent: false,
    });
    const connectTimer = setTimeout(
      () => fail('timeout', `no connection to ${upstream.url.origin} within ${limits.connectTimeoutMs} ms`),
      limits.connectTimeoutMs,
    );
    const answerTimer = setTimeout(
      () => fail('timeout', `${upstream.url.origin} did not answer within ${limits.timeoutMs} ms`),
      limits.timeoutMs,
    );
    outgoing.once('socket', (socket) => {
      if (!socket.connecting) clearTimeout(connectTimer);
      else socket.once('connect', () => clearTimeout(connectTimer));
      socket.once('secureConnect', () => clearTimeout(connectTimer));
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? '';
      if (code.startsWith('HPE_') || code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE')
        fail('invalid-response', `${upstream.url.origin} sent an answer that is not valid HTTP (${code || error.message})`);
      else fail('unreachable', `cannot reach ${upstream.url.origin}: ${code ? `${code} ` : ''}${error.message}`);
    });
    outgoing.on('response', (incoming: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let total = 0;
      incoming.on('data', (chunk: Buffer) => {
        total += chunk.byteLength;
        if (total > limits.maxBodyBytes) {
          fail('too-large', `${upstream.url.origin} answered more than ${limits.maxBodyBytes} bytes`);
          return;
        }
        chunks.push(chunk);
      });
      incoming.on('error', (error) => fail('invalid-response', `${upstream.url.origin} broke off its answer: ${error.message}`));
      incoming.on('aborted', () => fail('invalid-response', `${upstream.url.origin} broke off its answer`));
      incoming.on('end', () =>
        finish({ ok: true, status: incoming.statusCode ?? 0, headers: toHeaderRecord(incoming.rawHeaders), body: Buffer.concat(chunks) }),
      );
    });
    outgoing.end(upstream.body);
  });

/** Raw header pairs → lower-case record; repeats joined (`set-cookie` by newline, so each survives). */
function toHeaderRecord(raw: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let index = 0; index + 1 < raw.length; index += 2) {
    const name = (raw[index] as string).toLowerCase();
    const value = raw[index + 1] as string;
    const previous = headers[name];
    headers[name] = previous === undefined ? value : `${previous}${name === 'set-cookie' ? '\n' : ', '}${value}`;
  }
  return headers;
}
