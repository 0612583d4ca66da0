import { ADMIN_PREFIX, refuseLongTarget } from '../admin/admin-api.ts';
import { checkAdminToken } from '../admin/admin-token.ts';
import { createProblem, toProblemResponse } from '../errors/mock-errors.ts';
import { toAnswerFor, toRoutingMethod } from '../routing/head-method.ts';
import type { SessionRegistry } from './session-registry.ts';

/**
 * The server-wide admin routes of sessions: `/__admin/sessions` and `/__admin/sessions/<id>`.
 * @see ../../docs/guides/sessions.md
 */
export const SESSIONS_PATH = `${ADMIN_PREFIX}/sessions`;

/**
 * Whether an admin path is one of the sessions routes (answered for the server, not a session).
 * @see ../../docs/guides/sessions.md
 */
export function isSessionsPath(pathname: string): boolean {
  return pathname === SESSIONS_PATH || pathname.startsWith(`${SESSIONS_PATH}/`);
}

/**
 * `GET /__admin/sessions` lists the live sessions (id, created, last used, request count) with the
 * bound (`HEAD` too, without the body); `DELETE /__admin/sessions/<id>` drops one (204, or 404
 * `session-not-found`). Guarded by the admin token like every admin route, and held to the request
 * target limit like the rest of the admin API.
 *
 * @see ../../docs/guides/sessions.md
 */
export function handleSessionsRequest(sessions: SessionRegistry, request: Request, pathname: string, adminToken?: string): Response {
  return toAnswerFor(request, answerSessionsRequest(sessions, request, pathname, adminToken));
}

function answerSessionsRequest(sessions: SessionRegistry, request: Request, pathname: string, adminToken: string | undefined): Response {
  const refused = refuseLongTarget(request) ?? checkAdminToken(request, adminToken);
  if (refused) return refused;
  const path = pathname.replace(/\/+$/, '');
  if (path === SESSIONS_PATH && toRoutingMethod(request.method) === 'GET') {
    const body = { sessions: sessions.list(), count: sessions.size, maxSessions: sessions.maxSessions };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  }
  if (path.startsWith(`${SESSIONS_PATH}/`) && request.method === 'DELETE') {
    const id = path.slice(SESSIONS_PATH.length + 1);
    if (sessions.drop(id)) return new Response(null, { status: 204 });
    return toProblemResponse(createProblem('session-not-found', `no session '${id.slice(0, 80)}' (it may have been evicted)`));
  }
  const route = `${request.method} ${path}`;
  return toProblemResponse(
    createProblem('unknown-route', `the admin API has no ${route}; sessions: GET ${SESSIONS_PATH}, DELETE ${SESSIONS_PATH}/<id>`),
  );
}
