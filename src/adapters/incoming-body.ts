import type { IncomingMessage } from 'node:http';

/**
 * A Node request's body as the bytes Node's HTTP parser delivered: the one chunk a small body comes
 * in, as it came, or the chunks joined once. `@hono/node-server`'s `arrayBuffer()` reads the same
 * chunks and then copies them into a new `ArrayBuffer` (a new backing store a request, which the
 * collector tracks and frees); on the bench's Omeda cancel, reading through it cost about a tenth of
 * the server's CPU per request (docs/development.md, "The body as Node read it").
 *
 * It settles once: with the bytes at the end of the body, or rejected when the body breaks off (the
 * client closed the connection mid-upload: Node's `aborted` error, or a close before the end).
 *
 * @see https://nodejs.org/docs/latest-v20.x/api/http.html#class-httpincomingmessage
 */
export function readIncomingBody(incoming: IncomingMessage): Promise<Uint8Array> {
  // Read already (by someone else, or a second call): the bytes are gone, which is the mock's own error.
  if (incoming.readableDidRead || incoming.readableEnded) return Promise.reject(new TypeError('Body is unusable'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
    };
    const onEnd = () => {
      settle();
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      settle();
      reject(error);
    };
    const onClose = () => {
      settle();
      reject(incoming.errored ?? new Error('aborted'));
    };
    function settle(): void {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
      incoming.off('close', onClose);
    }
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
    incoming.on('close', onClose);
  });
}
