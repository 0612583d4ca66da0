import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** The admin path of the journal's event stream (also under a session prefix). */
export const STREAM_PATH = '/__admin/requests/stream';

/**
 * Keeps the server's open journal streams (`GET /__admin/requests/stream`, also under a session
 * prefix) so that shutdown can end them: a stream never finishes by itself, and `server.close()`
 * waits for every answer in flight.
 *
 * @see https://nodejs.org/docs/latest-v20.x/api/http.html#serverclosecallback
 */
export function trackEventStreams(server: Server): { endAll(): void } {
  const open = new Set<ServerResponse>();
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    // A cheap test first: vendor requests, the hot path, are never kept.
    if (!request.url?.includes(STREAM_PATH)) return;
    open.add(response);
    response.once('close', () => open.delete(response));
  });
  return {
    endAll() {
      // Only answers on the stream path are kept, and the others (a 401, a 400) finished long ago.
      for (const response of open) response.destroy();
    },
  };
}
