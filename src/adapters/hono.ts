// The declaration file imports node:http; the directive has a consumer's type checker load @types/node
// even where its tsconfig names no `types`, TypeScript 6's default.
/// <reference types="node" preserve="true" />
import type { IncomingMessage } from 'node:http';
import { Hono } from 'hono';
import { DASHBOARD_PATH, serveDashboard } from '../admin/dashboard-routes.ts';
import type { MockEngine } from '../engine/create-engine.ts';
import { createProblem, toProblemResponse } from '../errors/mock-errors.ts';
import { createSessionDispatch, type SessionDispatch, type SessionDispatchOptions } from '../session/session-dispatch.ts';
import { readIncomingBody } from './incoming-body.ts';
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
  const app = new Hono<{ Bindings: { incoming?: IncomingMessage } }>({ getPath: readPath });
  // The dashboard's pages (open: they hold no data) and a browser's `GET /`; anything else falls through.
  app.on('GET', ['/', DASHBOARD_PATH, `${DASHBOARD_PATH}/*`], async (c, next) => (await serveDashboard(c.req.raw)) ?? next());
  app.all('*', (c) => {
    const incoming = c.env?.incoming;
    // The headers as a record, read from Node's raw lines (see toHeaderRecord), and the body as Node's chunks.
    const fromNode = incoming ? { headers: toHeaderRecord(incoming), readBody: () => readIncomingBody(incoming) } : {};
    return dispatch.fetch(c.req.raw, fromNode).then((response) => {
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

/** Hono's own reading of the path it routes on, for the paths it decodes. */
const readPathAsHono = new Hono().getPath;

/**
 * The path Hono routes on, exactly as its own `getPath` reads it: from the first `/` after the scheme's
 * `:` and three more characters, up to the first `?` or `#`; a path with a `%` before those is left to
 * Hono (it percent-decodes it). Hono walks the URL a character at a time in JavaScript on every request;
 * the string's own `indexOf` finds the same ends for a fraction of the instructions.
 */
export function readPath(request: Request): string {
  const url = request.url;
  const start = url.indexOf('/', url.indexOf(':') + 4);
  if (start === -1) return readPathAsHono(request);
  const query = url.indexOf('?', start);
  const hash = url.indexOf('#', start);
  const end = query === -1 ? (hash === -1 ? url.length : hash) : hash === -1 ? query : Math.min(query, hash);
  const percent = url.indexOf('%', start);
  if (percent !== -1 && percent < end) return readPathAsHono(request);
  return url.slice(start, end);
}
