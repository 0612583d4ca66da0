import { Hono } from 'hono';
import { ADMIN_PREFIX, handleAdminRequest } from '../admin/admin-api.ts';
import type { MockEngine } from '../engine/create-engine.ts';
import { createProblem, toProblemResponse } from '../errors/mock-errors.ts';

/**
 * The engine as a Hono app: the admin API under `/__admin`, every other request to the engine. Hono
 * hands over a Fetch `Request` and takes a `Response`, so there is nothing else to translate.
 */
export function createHonoApp(engine: MockEngine): Hono {
  const app = new Hono();
  app.all(ADMIN_PREFIX, (c) => handleAdminRequest(engine, c.req.raw));
  app.all(`${ADMIN_PREFIX}/*`, (c) => handleAdminRequest(engine, c.req.raw));
  app.all('*', (c) => engine.handle(c.req.raw));
  app.onError((error) => {
    console.error('[esp-cancel-mock] internal error', error);
    return toProblemResponse(createProblem('internal-mock-error', error.message));
  });
  return app;
}
