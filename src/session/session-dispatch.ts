import { ADMIN_PREFIX, handleAdminRequest, isOpenAdminRoute, refuseLongTarget } from '../admin/admin-api.ts';
import { checkAdminToken } from '../admin/admin-token.ts';
import type { HandleOptions, MockEngine, MockState } from '../engine/create-engine.ts';
import { createProblem, toProblemResponse } from '../errors/mock-errors.ts';
import type { JournalEntry } from '../journal/request-journal.ts';
import { toAnswerFor } from '../routing/head-method.ts';
import { readSessionTarget } from './session-id.ts';
import { createSessionRegistry, type SessionInfo, type SessionRegistry } from './session-registry.ts';
import { handleSessionsRequest, isSessionsPath } from './sessions-admin.ts';

/**
 * The session layer's settings: admin token, bound, starting data, eviction and exchange callbacks.
 * @see ../../docs/guides/sessions.md
 */
export interface SessionDispatchOptions {
  /** Required as `Authorization: Bearer <token>` on every admin request (sessions' too) when set. */
  readonly adminToken?: string;
  /** Live sessions kept before the least recently used is dropped (default `DEFAULT_MAX_SESSIONS`). */
  readonly maxSessions?: number;
  /** What a new session starts from and its reset restores (default: the default dataset). */
  readonly startingState?: () => MockState | undefined;
  /** Told about each session dropped because the bound was reached. */
  readonly onEvict?: (session: SessionInfo, maxSessions: number) => void;
  /** Called after each exchange of a named session is journaled, with the session's id. */
  readonly onSessionExchange?: (entry: JournalEntry, session: string) => void;
}

/**
 * The server's one entry: every request, in the default session or a named one.
 * @see ../../docs/guides/sessions.md
 */
export interface SessionDispatch {
  /**
   * `headers`: the request's headers as a record, when the adapter has them already; `readBody`: the
   * body's bytes, for a vendor request (see `HandleOptions`).
   */
  fetch(request: Request, options?: Pick<HandleOptions, 'headers' | 'readBody'>): Promise<Response>;
  readonly sessions: SessionRegistry;
}

/**
 * Puts the session layer in front of an engine: a request with the `/__session/<id>` prefix or the
 * `x-mock-session` header runs in that session's own engine (created on first use with
 * `engine.createSession()`, so specs and validators are shared and only state is new); any other
 * request runs in the default session, `engine` itself. Admin paths go to that session's admin API.
 *
 * @see ../../docs/guides/sessions.md
 */
export function createSessionDispatch(engine: MockEngine, options: SessionDispatchOptions = {}): SessionDispatch {
  const { adminToken, onSessionExchange } = options;
  const sessions = createSessionRegistry({
    create: (id) => {
      const startingState = options.startingState?.();
      return engine.createSession({
        ...(startingState ? { startingState } : {}),
        ...(onSessionExchange ? { onExchange: (entry: JournalEntry) => onSessionExchange(entry, id) } : {}),
      });
    },
    ...(options.maxSessions === undefined ? {} : { maxSessions: options.maxSessions }),
    ...(options.onEvict ? { onEvict: options.onEvict } : {}),
  });
  return {
    sessions,
    // No `async`: the engine's promise is handed back as it is, without another one around it.
    fetch(request, options = {}) {
      try {
        const answer = route(request, options);
        // HEAD: every answer without its body, this layer's own refusals included (see head-method.ts).
        return request.method === 'HEAD' ? answer.then((response) => toAnswerFor(request, response)) : answer;
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };

  function route(request: Request, { headers, readBody }: Pick<HandleOptions, 'headers' | 'readBody'>): Promise<Response> {
    const target = readSessionTarget(request, headers);
    if (target.kind === 'invalid') return Promise.resolve(toProblemResponse(createProblem('invalid-session-id', target.detail)));
    const { pathname } = target;
    const admin = pathname === ADMIN_PREFIX || pathname.startsWith(`${ADMIN_PREFIX}/`);
    if (admin && isSessionsPath(pathname)) return Promise.resolve(handleSessionsRequest(sessions, request, pathname, adminToken));
    if (target.kind === 'default') {
      return admin ? handleAdminRequest(engine, request, adminToken, { pathname, headers }) : engine.handle(request, { headers, readBody });
    }
    // A refused admin request creates no session and touches none: an oversized target (414, as on
    // vendor paths) before the token.
    const refused = admin
      ? (refuseLongTarget(request) ?? (isOpenAdminRoute(request.method, pathname) ? undefined : checkAdminToken(request, adminToken)))
      : undefined;
    if (refused) return Promise.resolve(refused);
    const session = sessions.use(target.id);
    if (admin) return handleAdminRequest(session, request, undefined, { pathname, baseUrl: target.baseUrl, headers });
    return session.handle(request, { ...(target.url ? { url: target.url } : {}), baseUrl: target.baseUrl, headers, readBody });
  }
}
