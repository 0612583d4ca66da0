import type { IncomingMessage } from 'node:http';
import { Hono } from 'hono';
import { DASHBOARD_PATH, serveDashboard } from '../admin/dashboard-routes.ts';
import type { MockEngine } from '../engine/create-engine.ts';
import { createProblem, toProblemResponse } from '../errors/mock-errors.ts';
import { createSessionDispatch, type SessionDispatch, type SessionDispatchOptions } from '../session/session-dispatch.ts';
import { toHeaderRecord } from './incoming-headers.ts';

export interface HonoAppOptions extends SessionDispatchOptions {}

/**
 * The engine as a Hono app: every request but the dashboard's pages goes to the session layer (admin
 * API, sessions, vendor paths). Hono hands over a Fetch `Request` and takes a `Response`; the one translation is the
 * engine's drop marker (`Response.error()`), which becomes a destroyed socket.
 */
export function createHonoApp(
  engine: MockEngine,
  options: HonoAppOptions = {},
  dispatch: SessionDispatch = createSessionDispatch(engine, options),
): Hono<{ Bindings: { incoming?: IncomingMessage } }> {
  const app = new Hono<{ Bindings: { incoming?: IncomingMessage } }>();
  // The dashboard's pages (open: they hold no data) and a browser's `GET /`; anything else falls through.
  app.on('GET', ['/', DASHBOARD_PATH, `${DASHBOARD_PATH}/*`], async (c, next) => (await serveDashboard(c.req.raw)) ?? next());
  app.all('*', (c) => {
    const incoming = c.env?.incoming;
    // The headers as a record, read from Node's raw lines (see toHeaderRecord).
    return dispatch.fetch(c.req.raw, incoming ? { headers: toHeaderRecord(incoming) } : {}).then((response) => {
      // `status` 0 is only ever `Response.error()`; reading `type` instead would make @hono/node-server
      // build a full Fetch Response on every request.
      if (response.status !== 0) return response;
      incoming?.socket.destroy();
      return new Response(null, { status: 500 });
    });
  });
  app.onError((error) => {
    console.error('[esp-cancel-mock] internal error', error);
    return toProblemResponse(createProblem('internal-mock-error', error.message));
  });
  return app;
}
