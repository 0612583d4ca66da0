import type { EngineControls, MockState } from '../engine/engine-controls.ts';
import { createProblem, toProblemResponse } from '../errors/mock-errors.ts';
import { UsageError } from '../errors/usage-error.ts';
import { parseFaultPlan } from '../faults/fault-plan.ts';
import { checkTargetLength, isBrokenOff, REQUEST_LIMITS, readBoundedBody } from '../limits/request-limits.ts';
import { toAnswerFor, toRoutingMethod } from '../routing/head-method.ts';
import { traceStateWrite } from '../store/state-write-channel.ts';
import { readClockBody, readFaultsBody, readForceBody } from './admin-bodies.ts';
import { checkAdminToken } from './admin-token.ts';
import { toJournalResponse } from './journal-response.ts';
import { toJournalStreamResponse } from './journal-stream.ts';
import { renderServedSpec } from './served-spec.ts';
import { readServerVersion, SERVER_NAME } from './server-identity.ts';

/** The admin API's own prefix; vendor paths never start with it. */
export const ADMIN_PREFIX = '/__admin';

/**
 * The admin API over Fetch: the engine's controls (the same ones the in-process mock object holds), as
 * JSON. Request bodies are checked with ajv (`admin-bodies.ts`); every misuse is a `UsageError`, answered
 * as a `bad-admin-request` problem. Mounted by the server adapter; MSW users call the mock object instead.
 *
 * - `GET /__admin` — what this mock serves
 * - `POST /__admin/reset` — back to the default dataset
 * - `GET|PUT /__admin/state` — the store, round-tripping
 * - `GET|DELETE /__admin/requests` — the journal (`?after=<id>&limit=<n>` pages it; the answer is streamed
 *   and says how many exchanges the ring buffer `dropped` since the last clear)
 * - `GET /__admin/requests/stream` — the journal as server-sent events, live (the dashboard reads it)
 * - `GET|POST|DELETE /__admin/force` — queued forced outcomes
 * - `GET|PUT /__admin/clock` — the mock's clock (`{"now": "…"}` pins it, `{"now": null}` releases it)
 * - `GET|POST|DELETE /__admin/faults` — injected latency and faults (`{"plan": {…}, "seed": 42}` or a bare plan)
 * - `GET /__admin/health` — `{"status":"ok","name","version","vendors"}` for readiness checks
 * - `GET /__admin/openapi/<vendor>.yaml|json` — a served vendor's spec, `servers` pointing at this server
 *
 * With `adminToken` set (the server bound to a non-loopback host), every admin request but the health
 * check needs `Authorization: Bearer <token>`: the health answer says nothing a caller could misuse, and
 * container and CI readiness probes cannot carry secrets.
 *
 * In a session, `at` gives the admin path with the `/__session/<id>` prefix taken off and the
 * session's base URL (what the served specs' `servers` point at), so `/__session/w1/__admin/reset`
 * acts on session `w1` as `/__admin/reset`. `at.headers` is the request's header record when the
 * adapter has one (see `HandleOptions.headers`).
 *
 * Every `GET` route answers `HEAD` too, with the same status and headers and no body (RFC 9110
 * §9.3.2). A request target over 8 KiB (as sent, a session prefix included) is 414 `uri-too-long`,
 * as on vendor paths, before anything else is read.
 *
 * @see https://docs.docker.com/reference/dockerfile/#healthcheck
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-9.3.2
 * @see ../../docs/reference/limits.md
 */
export async function handleAdminRequest(
  engine: { readonly controls: EngineControls },
  request: Request,
  adminToken?: string,
  at: { readonly pathname?: string; readonly baseUrl?: string; readonly headers?: Readonly<Record<string, string>> } = {},
): Promise<Response> {
  return toAnswerFor(request, await answerAdminRequest(engine, request, adminToken, at));
}

/** The admin API's answer, HEAD answered as GET (`handleAdminRequest` drops its body). */
async function answerAdminRequest(
  engine: { readonly controls: EngineControls },
  request: Request,
  adminToken: string | undefined,
  at: { readonly pathname?: string; readonly baseUrl?: string; readonly headers?: Readonly<Record<string, string>> },
): Promise<Response> {
  const { controls } = engine;
  const tooLong = refuseLongTarget(request);
  if (tooLong) return tooLong;
  const url = at.pathname === undefined || at.baseUrl === undefined ? new URL(request.url) : undefined;
  const pathname = at.pathname ?? (url as URL).pathname;
  const route = `${toRoutingMethod(request.method)} ${pathname.replace(/\/+$/, '')}`;
  if (isOpenAdminRoute(request.method, pathname))
    return json(200, { status: 'ok', name: SERVER_NAME, version: readServerVersion(), vendors: controls.vendors });
  const refused = checkAdminToken(request, adminToken);
  if (refused) return refused;
  const spec = /^GET \/__admin\/openapi\/([^/]+)\.(yaml|json)$/.exec(route);
  if (spec) return servedSpec(controls, spec[1] as string, spec[2] as 'yaml' | 'json', at.baseUrl ?? (url as URL).origin);
  try {
    switch (route) {
      case `GET ${ADMIN_PREFIX}`:
        return json(200, {
          vendors: controls.vendors,
          strict: controls.strict,
          journalCapacity: controls.journal.capacity,
          journalDropped: controls.journal.dropped(),
        });
      case `POST ${ADMIN_PREFIX}/reset`:
        await controls.reset();
        return json(200, { reset: true, vendors: controls.vendors });
      case `GET ${ADMIN_PREFIX}/state`:
        return json(200, await controls.getState());
      case `PUT ${ADMIN_PREFIX}/state`:
        return await traceStateWrite('admin', async () => {
          await controls.setState((await readJson(request, at.headers)) as MockState);
          return json(200, await controls.getState());
        });
      case `GET ${ADMIN_PREFIX}/requests`: {
        const answer = toJournalResponse(controls.journal, new URL(request.url).searchParams);
        if (answer instanceof Response) return answer;
        throw new UsageError('bad-admin-query', answer.error);
      }
      case `GET ${ADMIN_PREFIX}/requests/stream`:
        return toJournalStreamResponse(controls.journal, request);
      case `DELETE ${ADMIN_PREFIX}/requests`:
        controls.journal.clear();
        return new Response(null, { status: 204 });
      case `GET ${ADMIN_PREFIX}/force`:
        return json(200, { queued: controls.forced() });
      case `POST ${ADMIN_PREFIX}/force`:
        return json(201, { queued: controls.forceMany(readForceBody(await readJson(request, at.headers))) });
      case `DELETE ${ADMIN_PREFIX}/force`:
        controls.clearForced();
        return new Response(null, { status: 204 });
      case `GET ${ADMIN_PREFIX}/clock`:
        return json(200, clockBody(controls));
      case `PUT ${ADMIN_PREFIX}/clock`:
        controls.clock.set(readClockBody(await readJson(request, at.headers)));
        return json(200, clockBody(controls));
      case `GET ${ADMIN_PREFIX}/faults`:
        return json(200, controls.faults());
      case `POST ${ADMIN_PREFIX}/faults`: {
        const { plan, seed } = readFaultsBody(await readJson(request, at.headers));
        controls.setFaults(parseFaultPlan(plan), seed);
        return json(200, controls.faults());
      }
      case `DELETE ${ADMIN_PREFIX}/faults`:
        controls.setFaults({});
        return new Response(null, { status: 204 });
      default: {
        const sent = `${request.method} ${pathname.replace(/\/+$/, '')}`;
        return toProblemResponse(createProblem('unknown-route', `the admin API has no ${sent}; see GET ${ADMIN_PREFIX}`));
      }
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const extensions = error.problems.length > 0 ? { problems: error.problems } : {};
    return toProblemResponse(createProblem('bad-admin-request', error.message, extensions));
  }
}

/**
 * The admin routes open without the admin token: the health check (readiness probes carry no secrets).
 * @see https://docs.docker.com/reference/dockerfile/#healthcheck
 */
export function isOpenAdminRoute(method: string, pathname: string): boolean {
  return (method === 'GET' || method === 'HEAD') && pathname.replace(/\/+$/, '') === `${ADMIN_PREFIX}/health`;
}

/**
 * An admin request whose target (path and query, as sent) is over the request target limit: the
 * 414 `uri-too-long` problem vendor paths get, else undefined. The limit is the documented 8 KiB
 * (`REQUEST_LIMITS.maxUrlLength`).
 *
 * @see ../../docs/reference/limits.md
 */
export function refuseLongTarget(request: Request): Response | undefined {
  const problem = checkTargetLength(new URL(request.url), REQUEST_LIMITS.maxUrlLength);
  if (!problem) return undefined;
  // Not awaited: nothing reads the body of a refused request.
  request.body?.cancel().catch(() => undefined);
  return toProblemResponse(problem);
}

/** A served vendor's spec, or a 404 problem naming the ones this server has. */
function servedSpec(controls: EngineControls, vendor: string, format: 'yaml' | 'json', origin: string): Response {
  const loaded = controls.specs.get(vendor);
  if (!loaded) {
    const list = controls.vendors.map((name) => `${ADMIN_PREFIX}/openapi/${name}.${format}`).join(', ');
    return toProblemResponse(createProblem('unknown-route', `this server does not serve '${vendor}'; it has ${list}`));
  }
  const contentType = format === 'json' ? 'application/json' : 'application/yaml';
  return new Response(renderServedSpec(loaded, format, origin), { status: 200, headers: { 'content-type': contentType } });
}

function clockBody(controls: EngineControls): { now: string; pinned: boolean } {
  return { now: controls.clock.now().toISOString(), pinned: controls.clock.pinned() !== null };
}

async function readJson(request: Request, headers: Readonly<Record<string, string>> | undefined): Promise<unknown> {
  // State documents can be large (a benchmark loads 300k records): 64 times the vendor body limit.
  const body = await readBoundedBody(request, REQUEST_LIMITS.maxBodyBytes * 64, headers);
  if (!body.ok && isBrokenOff(body)) throw new UsageError('bad-admin-body', `the admin body broke off before its end (${body.brokenOff})`);
  if (!body.ok) throw new UsageError('bad-admin-body', `the admin body has at least ${body.bytes} bytes; the limit is 64 MiB`);
  const { text } = body;
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError('bad-admin-body', `the admin API takes JSON bodies; could not parse: ${text.slice(0, 80)}`);
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
