import { ADMIN_PREFIX, refuseLongTarget } from '../admin/admin-api.ts';
import { checkAdminToken } from '../admin/admin-token.ts';
import { toJournalResponse } from '../admin/journal-response.ts';
import { readServerVersion, SERVER_NAME } from '../admin/server-identity.ts';
import { createProblem, toProblemResponse } from '../errors/mock-errors.ts';
import { toAnswerFor, toRoutingMethod } from '../routing/head-method.ts';
import type { ValidatingProxy } from './create-proxy.ts';

/**
 * The proxy's admin API, under the mock's `/__admin` prefix and with the same token rule:
 *
 * - `GET /__admin` — the vendors proxied and their mode
 * - `GET /__admin/health` — readiness, open even with an admin token (as the mock's)
 * - `GET|DELETE /__admin/requests` — the journal: redacted exchanges with their violations
 * - `GET /__admin/report` — the summary per operation (what the proxy also prints on exit)
 *
 * Every `GET` answers `HEAD` too (no body), and a target over 8 KiB is 414 `uri-too-long`, as on the
 * mock's admin API. The mock's store, force, clock and faults routes have no meaning in front of a real vendor: they
 * answer 404 `unknown-route`, naming what the proxy has.
 *
 * @see ../admin/admin-api.ts
 */
export function handleProxyAdminRequest(proxy: ValidatingProxy, request: Request, adminToken?: string): Response {
  return toAnswerFor(request, answerProxyAdminRequest(proxy, request, adminToken));
}

/** The proxy's admin answer, HEAD answered as GET (`handleProxyAdminRequest` drops its body). */
function answerProxyAdminRequest(proxy: ValidatingProxy, request: Request, adminToken: string | undefined): Response {
  const tooLong = refuseLongTarget(request);
  if (tooLong) return tooLong;
  const path = new URL(request.url).pathname.replace(/\/+$/, '');
  const route = `${toRoutingMethod(request.method)} ${path}`;
  // Open even with a token, as the mock's: it says nothing a caller could misuse.
  if (route === `GET ${ADMIN_PREFIX}/health`)
    return json({ status: 'ok', name: SERVER_NAME, version: readServerVersion(), mode: 'proxy', vendors: proxy.vendors });
  const refused = checkAdminToken(request, adminToken);
  if (refused) return refused;
  switch (route) {
    case `GET ${ADMIN_PREFIX}`:
      return json({ mode: 'proxy', vendors: proxy.vendors, journalCapacity: proxy.journal.capacity });
    case `GET ${ADMIN_PREFIX}/requests`: {
      // Paged and streamed like the mock's journal (`?after=<id>&limit=<n>`).
      const answer = toJournalResponse(proxy.journal, new URL(request.url).searchParams);
      return answer instanceof Response ? answer : toProblemResponse(createProblem('bad-admin-request', answer.error));
    }
    case `DELETE ${ADMIN_PREFIX}/requests`:
      proxy.journal.clear();
      return new Response(null, { status: 204 });
    case `GET ${ADMIN_PREFIX}/report`:
      return json(proxy.report());
    default:
      return toProblemResponse(
        createProblem(
          'unknown-route',
          `the proxy's admin API has no ${request.method} ${path}; it has GET ${ADMIN_PREFIX}/requests and GET ${ADMIN_PREFIX}/report`,
        ),
      );
  }
}

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
}
