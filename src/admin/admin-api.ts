import { type MockEngine, MockStateError } from '../engine/create-engine.ts';
import { createProblem, toProblemResponse } from '../errors/mock-errors.ts';
import { FaultPlanError, parseFaultPlan } from '../faults/fault-plan.ts';
import { REQUEST_LIMITS, readBoundedBody } from '../limits/request-limits.ts';
import { checkAdminToken } from './admin-token.ts';
import { toJournalResponse } from './journal-response.ts';
import { toJournalStreamResponse } from './journal-stream.ts';
import { renderServedSpec } from './served-spec.ts';
import { readServerVersion, SERVER_NAME } from './server-identity.ts';

/** The admin API's own prefix; vendor paths never start with it. */
export const ADMIN_PREFIX = '/__admin';

/**
 * The admin API over Fetch (DESIGN.md "Public interface"): the same operations as the in-process mock
 * object. Mounted by the server adapter; MSW users call the mock object instead.
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
 * @see https://docs.docker.com/reference/dockerfile/#healthcheck
 */
export async function handleAdminRequest(engine: MockEngine, request: Request, adminToken?: string): Promise<Response> {
  const url = new URL(request.url);
  const route = `${request.method} ${url.pathname.replace(/\/+$/, '')}`;
  if (route === `GET ${ADMIN_PREFIX}/health` || route === `HEAD ${ADMIN_PREFIX}/health`)
    return json(200, { status: 'ok', name: SERVER_NAME, version: readServerVersion(), vendors: engine.vendors });
  const refused = checkAdminToken(request, adminToken);
  if (refused) return refused;
  const spec = /^GET \/__admin\/openapi\/([^/]+)\.(yaml|json)$/.exec(route);
  if (spec) return servedSpec(engine, spec[1] as string, spec[2] as 'yaml' | 'json', url.origin);
  try {
    switch (route) {
      case `GET ${ADMIN_PREFIX}`:
        return json(200, {
          vendors: engine.vendors,
          strict: engine.strict,
          journalCapacity: engine.journal.capacity,
          journalDropped: engine.journal.dropped(),
        });
      case `POST ${ADMIN_PREFIX}/reset`:
        await engine.reset();
        return json(200, { reset: true, vendors: engine.vendors });
      case `GET ${ADMIN_PREFIX}/state`:
        return json(200, await engine.getState());
      case `PUT ${ADMIN_PREFIX}/state`:
        await engine.setState((await readJson(request)) as never);
        return json(200, await engine.getState());
      case `GET ${ADMIN_PREFIX}/requests`: {
        const answer = toJournalResponse(engine.journal, new URL(request.url).searchParams);
        if (answer instanceof Response) return answer;
        throw new AdminRequestError(answer.error);
      }
      case `GET ${ADMIN_PREFIX}/requests/stream`:
        return toJournalStreamResponse(engine.journal, request);
      case `DELETE ${ADMIN_PREFIX}/requests`:
        engine.journal.clear();
        return new Response(null, { status: 204 });
      case `GET ${ADMIN_PREFIX}/force`:
        return json(200, { queued: engine.forced() });
      case `POST ${ADMIN_PREFIX}/force`:
        return json(201, { queued: queueForces(engine, await readJson(request)) });
      case `DELETE ${ADMIN_PREFIX}/force`:
        engine.clearForced();
        return new Response(null, { status: 204 });
      case `GET ${ADMIN_PREFIX}/clock`:
        return json(200, clockBody(engine));
      case `PUT ${ADMIN_PREFIX}/clock`: {
        const body = (await readJson(request)) as { now?: unknown } | null;
        if (body === null || typeof body !== 'object' || !('now' in body) || !(body.now === null || typeof body.now === 'string')) {
          throw new AdminRequestError('expected {"now": "<ISO 8601 instant>"} or {"now": null}');
        }
        engine.clock.set(body.now);
        return json(200, clockBody(engine));
      }
      case `GET ${ADMIN_PREFIX}/faults`:
        return json(200, engine.faults());
      case `POST ${ADMIN_PREFIX}/faults`: {
        const body = (await readJson(request)) as { plan?: unknown; seed?: unknown } | null;
        const wrapped = body !== null && typeof body === 'object' && 'plan' in body;
        const seed = wrapped ? body.seed : undefined;
        if (seed !== undefined && !(Number.isInteger(seed) && (seed as number) >= 0 && (seed as number) < 2 ** 32))
          throw new AdminRequestError('seed must be a whole number from 0 to 4294967295');
        engine.setFaults(parseFaultPlan(wrapped ? body.plan : body), seed as number | undefined);
        return json(200, engine.faults());
      }
      case `DELETE ${ADMIN_PREFIX}/faults`:
        engine.setFaults({});
        return new Response(null, { status: 204 });
      default:
        return toProblemResponse(createProblem('unknown-route', `the admin API has no ${route}; see GET ${ADMIN_PREFIX}`));
    }
  } catch (error) {
    if (error instanceof MockStateError)
      return toProblemResponse(createProblem('bad-admin-request', error.message, { problems: error.problems }));
    if (
      error instanceof AdminRequestError ||
      error instanceof FaultPlanError ||
      error instanceof RangeError ||
      (error as Error).message?.startsWith('[esp-cancel-mock]')
    ) {
      return toProblemResponse(createProblem('bad-admin-request', (error as Error).message));
    }
    throw error;
  }
}

class AdminRequestError extends Error {}

/** A served vendor's spec, or a 404 problem naming the ones this server has. */
function servedSpec(engine: MockEngine, vendor: string, format: 'yaml' | 'json', origin: string): Response {
  if (!engine.vendors.includes(vendor)) {
    const list = engine.vendors.map((name) => `${ADMIN_PREFIX}/openapi/${name}.${format}`).join(', ');
    return toProblemResponse(createProblem('unknown-route', `this server does not serve '${vendor}'; it has ${list}`));
  }
  const contentType = format === 'json' ? 'application/json' : 'application/yaml';
  return new Response(renderServedSpec(vendor, format, origin), { status: 200, headers: { 'content-type': contentType } });
}

interface ForceBody {
  readonly operationId?: unknown;
  readonly status?: unknown;
  readonly times?: unknown;
  readonly example?: unknown;
}

/** `{operationId, status, times?, example?}` or an array of them; all are checked before any is queued. */
function queueForces(engine: MockEngine, body: unknown): readonly unknown[] {
  const items = (Array.isArray(body) ? body : [body]) as ForceBody[];
  for (const item of items) {
    if (typeof item !== 'object' || item === null || typeof item.operationId !== 'string' || typeof item.status !== 'number') {
      throw new AdminRequestError(
        'expected {"operationId": "omeda.cancelDeployment", "status": 500, "times": 1, "example": "name"} or an array of them',
      );
    }
    if (item.times !== undefined && item.times !== 'always' && typeof item.times !== 'number')
      throw new AdminRequestError('times must be a number or "always"');
    if (item.example !== undefined && typeof item.example !== 'string') throw new AdminRequestError('example must be a string');
  }
  return [
    ...engine.forceMany(
      items.map((item) => ({
        operationId: item.operationId as string,
        status: item.status as number,
        ...(item.times === undefined ? {} : { times: item.times as number | 'always' }),
        ...(item.example === undefined ? {} : { example: item.example as string }),
      })),
    ),
  ];
}

function clockBody(engine: MockEngine): { now: string; pinned: boolean } {
  return { now: engine.clock.now().toISOString(), pinned: engine.clock.pinned() !== null };
}

async function readJson(request: Request): Promise<unknown> {
  // State documents can be large (a benchmark loads 300k records): 64 times the vendor body limit.
  const body = await readBoundedBody(request, REQUEST_LIMITS.maxBodyBytes * 64);
  if (!body.ok) throw new AdminRequestError(`the admin body has at least ${body.bytes} bytes; the limit is 64 MiB`);
  const { text } = body;
  try {
    return JSON.parse(text);
  } catch {
    throw new AdminRequestError(`the admin API takes JSON bodies; could not parse: ${text.slice(0, 80)}`);
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
