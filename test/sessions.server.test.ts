import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { type RunningServer, type StartServerOptions, startServer } from '../src/server.ts';

const CANCEL = '/webservices/rest/brand/ABC/omail/deployment/cancel/*';
const CANCEL_BODY = JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' });
const OMEDA_HEADERS = { 'x-omeda-appid': 'my-app', 'content-type': 'application/json' };

let server: RunningServer;
const extraServers: RunningServer[] = [];

beforeAll(async () => {
  server = await startServer({ port: 0 });
});
afterAll(() => server.close());
afterEach(async () => {
  for (const session of server.sessions.list()) server.sessions.drop(session.id);
  await fetch(`${server.url}/__admin/reset`, { method: 'POST' });
  await Promise.all(extraServers.splice(0).map((extra) => extra.close()));
});

/** Another server for one test (closed after it). */
async function startExtra(options: StartServerOptions): Promise<RunningServer> {
  const extra = await startServer({ port: 0, ...options });
  extraServers.push(extra);
  return extra;
}

/** Cancels Omeda's documented deployment FOO0102003002 under `base` (a server or session base URL). */
function cancel(base: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}${CANCEL}`, { method: 'POST', headers: { ...OMEDA_HEADERS, ...headers }, body: CANCEL_BODY });
}

function admin(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/__admin${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const session = (id: string): string => `${server.url}/__session/${id}`;

it('lets two sessions cancel the same deployment, each with 200, and leaves the default session untouched', async () => {
  expect((await cancel(session('w1'))).status).toBe(200);
  expect((await cancel(session('w2'))).status).toBe(200);
  expect((await cancel(session('w1'))).status).toBe(400);
  expect((await cancel(server.url)).status).toBe(200);
});

it('reaches the same session by the path prefix and by the x-mock-session header', async () => {
  expect((await cancel(session('both'))).status).toBe(200);
  const again = await cancel(server.url, { 'x-mock-session': 'both' });
  expect(again.status).toBe(400);
  expect(await again.json()).toMatchObject({ Errors: [{ Error: "Deployment 'FOO0102003002' has been previously cancelled." }] });
  expect((await cancel(server.url)).status).toBe(200);
});

it('answers the session admin API by prefix and by header alike', async () => {
  await cancel(session('h1'));
  const byHeader = await admin(server.url, 'GET', '/requests', undefined, { 'x-mock-session': 'h1' });
  const byPrefix = await admin(session('h1'), 'GET', '/requests');
  expect(((await byHeader.json()) as { requests: unknown[] }).requests).toHaveLength(1);
  expect(((await byPrefix.json()) as { requests: unknown[] }).requests).toHaveLength(1);
});

it('resets one session without touching another or the default session', async () => {
  await cancel(session('a'));
  await cancel(session('b'));
  await cancel(server.url);
  expect((await admin(session('a'), 'POST', '/reset')).status).toBe(200);
  expect((await cancel(session('a'))).status).toBe(200);
  expect((await cancel(session('b'))).status).toBe(400);
  expect((await cancel(server.url)).status).toBe(400);
});

it('applies a forced outcome only in the session that queued it', async () => {
  const queued = await admin(session('a'), 'POST', '/force', { operationId: 'omeda.cancelDeployment', status: 404 });
  expect(queued.status).toBe(201);
  expect((await cancel(session('b'))).status).toBe(200);
  expect((await cancel(server.url)).status).toBe(200);
  expect((await cancel(session('a'))).status).toBe(404);
  expect(((await (await admin(server.url, 'GET', '/force')).json()) as { queued: unknown[] }).queued).toEqual([]);
});

it('pins the clock of one session only', async () => {
  await admin(session('a'), 'PUT', '/clock', { now: '2030-01-01T00:00:00.000Z' });
  expect(await (await admin(session('a'), 'GET', '/clock')).json()).toEqual({ now: '2030-01-01T00:00:00.000Z', pinned: true });
  expect(await (await admin(session('b'), 'GET', '/clock')).json()).toMatchObject({ pinned: false });
  expect(await (await admin(server.url, 'GET', '/clock')).json()).toMatchObject({ pinned: false });
});

it('sets faults in one session only', async () => {
  const set = await admin(session('a'), 'POST', '/faults', { plan: { 'omeda.cancelDeployment': { status: 403 } }, seed: 1 });
  expect(set.status).toBe(200);
  expect((await cancel(session('a'))).status).toBe(403);
  expect((await cancel(session('b'))).status).toBe(200);
  expect((await cancel(server.url)).status).toBe(200);
  expect(await (await admin(server.url, 'GET', '/faults')).json()).toMatchObject({ plan: {} });
});

it("keeps only a session's own exchanges in its journal", async () => {
  await cancel(session('a'));
  await cancel(session('a'));
  await cancel(session('b'));
  await cancel(server.url);
  const journal = async (base: string) => ((await (await admin(base, 'GET', '/requests')).json()) as { requests: JournalLike[] }).requests;
  const a = await journal(session('a'));
  expect(a.map((entry) => entry.response.status)).toEqual([200, 400]);
  expect(a.every((entry) => entry.request.url.startsWith(`${session('a')}/`))).toBe(true);
  expect((await journal(session('b'))).map((entry) => entry.response.status)).toEqual([200]);
  expect((await journal(server.url)).map((entry) => entry.request.url)).toEqual([`${server.url}${CANCEL}`]);
});

interface JournalLike {
  readonly request: { readonly url: string };
  readonly response: { readonly status: number };
}

it('starts a session from the default dataset even after the default session changed', async () => {
  await cancel(server.url);
  expect((await cancel(session('fresh'))).status).toBe(200);
});

it.each([
  ['a 65-character id', `/__session/${'x'.repeat(65)}${CANCEL}`],
  ['an empty id', `/__session/${CANCEL}`],
  ['an id with a percent-encoded slash', `/__session/a%2Fb${CANCEL}`],
  ['an id with a space', `/__session/a%20b${CANCEL}`],
  ['an id with a colon', `/__session/a:b${CANCEL}`],
  ['the bare prefix', '/__session'],
])('answers 400 invalid-session-id problem+json for %s in the path', async (_, path) => {
  const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: OMEDA_HEADERS, body: CANCEL_BODY });
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(await response.json()).toMatchObject({ code: 'invalid-session-id', type: 'urn:esp-cancel-mock:problem:invalid-session-id' });
  expect(server.sessions.size).toBe(0);
});

it.each([
  ['an empty header', ''],
  ['a 65-character id', 'y'.repeat(65)],
  ['an id with a slash', 'a/b'],
  ['the id ..', '..'],
])('answers 400 invalid-session-id for %s in x-mock-session', async (_, id) => {
  const response = await cancel(server.url, { 'x-mock-session': id });
  expect(response.status).toBe(400);
  expect(await response.json()).toMatchObject({ code: 'invalid-session-id' });
  expect(server.sessions.size).toBe(0);
});

it('answers 400 when the path and the header name different sessions', async () => {
  const response = await cancel(session('one'), { 'x-mock-session': 'two' });
  expect(response.status).toBe(400);
  expect(((await response.json()) as { detail: string }).detail).toContain("'one'");
});

it('takes a 64-character id of every allowed character class', async () => {
  const id = `Az09._-${'q'.repeat(57)}`;
  expect((await cancel(session(id))).status).toBe(200);
  expect(server.sessions.list().map((listed) => listed.id)).toEqual([id]);
});

it('treats /__sessionx as an ordinary (unknown) path, not a session', async () => {
  const response = await fetch(`${server.url}/__sessionx${CANCEL}`, { method: 'POST', headers: OMEDA_HEADERS, body: CANCEL_BODY });
  expect(response.status).toBe(404);
  expect(await response.json()).toMatchObject({ code: 'unknown-route' });
});

it('lists sessions with id, created, last used and request count, and drops one by DELETE', async () => {
  await cancel(session('listed'));
  await admin(session('listed'), 'GET', '/requests');
  const listing = (await (await admin(server.url, 'GET', '/sessions')).json()) as {
    sessions: Array<{ id: string; created: string; lastUsed: string; requests: number }>;
    count: number;
    maxSessions: number;
  };
  expect(listing).toMatchObject({ count: 1, maxSessions: 256, sessions: [{ id: 'listed', requests: 2 }] });
  const [listed] = listing.sessions;
  expect(Date.parse(listed?.created ?? '')).toBeLessThanOrEqual(Date.parse(listed?.lastUsed ?? ''));
  expect((await admin(server.url, 'DELETE', '/sessions/listed')).status).toBe(204);
  expect(server.sessions.size).toBe(0);
  const missing = await admin(server.url, 'DELETE', '/sessions/listed');
  expect(missing.status).toBe(404);
  expect(await missing.json()).toMatchObject({ code: 'session-not-found' });
  // A dropped session starts again from the starting data on its next request.
  expect((await cancel(session('listed'))).status).toBe(200);
});

it('drops the least recently used session at the bound and says which', async () => {
  const evicted: string[] = [];
  const small = await startExtra({ maxSessions: 2, onSessionEvicted: (info, max) => evicted.push(`${info.id}/${max}`) });
  const at = (id: string) => `${small.url}/__session/${id}`;
  await cancel(at('a'));
  await cancel(at('b'));
  await cancel(at('a'));
  await cancel(at('c'));
  expect(evicted).toEqual(['b/2']);
  expect(small.sessions.list().map((listed) => listed.id)).toEqual(['a', 'c']);
  expect((await cancel(at('a'))).status).toBe(400);
  // b comes back new, from the starting data, and evicts the least recently used (c).
  expect((await cancel(at('b'))).status).toBe(200);
  expect(evicted).toEqual(['b/2', 'c/2']);
});

it('logs an eviction by default', async () => {
  const lines: string[] = [];
  const original = console.log;
  console.log = (line: string) => lines.push(line);
  try {
    const small = await startExtra({ maxSessions: 1 });
    await cancel(`${small.url}/__session/first`);
    await cancel(`${small.url}/__session/second`);
  } finally {
    console.log = original;
  }
  expect(lines).toEqual([
    expect.stringMatching(/^\[esp-cancel-mock\] session first dropped: the least recently used of 1 \(--max-sessions\)/),
  ]);
});

it('guards the sessions routes and every session admin route with the admin token', async () => {
  const guarded = await startExtra({ adminToken: 's3cret' });
  const bearer = { authorization: 'Bearer s3cret' };
  expect((await admin(guarded.url, 'GET', '/sessions')).status).toBe(401);
  expect((await admin(`${guarded.url}/__session/g`, 'POST', '/reset')).status).toBe(401);
  expect((await admin(guarded.url, 'GET', '/requests', undefined, { 'x-mock-session': 'g' })).status).toBe(401);
  expect(guarded.sessions.size).toBe(0);
  // The health check stays open in a session too (readiness probes carry no secrets).
  expect((await admin(`${guarded.url}/__session/g`, 'GET', '/health')).status).toBe(200);
  // Vendor paths never need the token, in a session or not.
  expect((await cancel(`${guarded.url}/__session/g`)).status).toBe(200);
  expect((await admin(guarded.url, 'DELETE', '/sessions/g')).status).toBe(401);
  expect((await admin(`${guarded.url}/__session/g`, 'POST', '/reset', undefined, bearer)).status).toBe(200);
  expect((await admin(guarded.url, 'GET', '/sessions', undefined, bearer)).status).toBe(200);
  expect((await admin(guarded.url, 'DELETE', '/sessions/g', undefined, bearer)).status).toBe(204);
});

it('gives exactly one success to 50 concurrent cancels of one deployment inside one session', async () => {
  const statuses = await Promise.all(Array.from({ length: 50 }, () => cancel(session('race')).then((response) => response.status)));
  expect(statuses.filter((status) => status === 200)).toHaveLength(1);
  expect(statuses.filter((status) => status === 400)).toHaveLength(49);
});

it('gives exactly one success per session to 50 concurrent cancels in each of 10 sessions', async () => {
  const ids = Array.from({ length: 10 }, (_, index) => `race${index}`);
  const results = await Promise.all(
    ids.flatMap((id) =>
      Array.from({ length: 50 }, (_, index) =>
        (index % 2 === 0 ? cancel(session(id)) : cancel(server.url, { 'x-mock-session': id })).then((response) => ({
          id,
          status: response.status,
        })),
      ),
    ),
  );
  for (const id of ids) expect(results.filter((result) => result.id === id && result.status === 200)).toHaveLength(1);
  expect((await cancel(server.url)).status).toBe(200);
});

it('keeps the session in the URLs it hands out: SFMC instance URLs, Omeda lookup Url, WSDL address', async () => {
  const base = session('urls');
  const token = await fetch(`${base}/v2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'id', client_secret: 'secret' }),
  });
  expect(await token.json()).toMatchObject({ soap_instance_url: `${base}/`, rest_instance_url: `${base}/` });
  const cancelled = (await (await cancel(base)).json()) as { ResponseInfo: Array<{ Url: string }> };
  const lookupUrl = cancelled.ResponseInfo[0]?.Url ?? '';
  expect(lookupUrl).toBe(`${base}/webservices/rest/brand/ABC/omail/deployment/lookup/FOO0102003002/*`);
  const lookup = await fetch(lookupUrl, { headers: { 'x-omeda-appid': 'my-app' } });
  expect(await lookup.json()).toMatchObject({ Status: 'Cancelled' });
  expect(await (await fetch(`${server.url}/__session/urls/Service.asmx?wsdl`)).text()).toContain(`location="${base}/Service.asmx"`);
  // The header form hands out the same session URLs, so a client that follows them stays in it.
  const byHeader = await fetch(`${server.url}/Service.asmx?wsdl`, { headers: { 'x-mock-session': 'urls' } });
  expect(await byHeader.text()).toContain(`location="${base}/Service.asmx"`);
  expect(await (await fetch(`${server.url}/Service.asmx?wsdl`)).text()).toContain(`location="${server.url}/Service.asmx"`);
  // The served spec's servers point into the session too, so a generated client stays in it.
  const spec = (await (await admin(base, 'GET', '/openapi/omeda.json')).json()) as { servers: Array<{ url: string }> };
  expect(spec.servers.map((entry) => entry.url)).toEqual([base]);
});

it('starts sessions from what --state-file loaded and saves only the default session', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'sessions-')), 'state.json');
  const seeded = (await (await admin(server.url, 'GET', '/state')).json()) as { omeda: { deployments: Array<Record<string, unknown>> } };
  const deployments = seeded.omeda.deployments.map((deployment) =>
    deployment.TrackId === 'FOO0102003002' ? { ...deployment, Status: 'Cancelled' } : deployment,
  );
  writeFileSync(file, JSON.stringify({ omeda: { deployments } }));
  const saved = await startServer({ port: 0, stateFile: file });
  expect((await cancel(`${saved.url}/__session/s`)).status).toBe(400);
  await admin(`${saved.url}/__session/s`, 'PUT', '/state', { omeda: { deployments: seeded.omeda.deployments } });
  expect((await cancel(`${saved.url}/__session/s`)).status).toBe(200);
  // A session's reset goes back to what the server started from, not to the default dataset.
  await admin(`${saved.url}/__session/s`, 'POST', '/reset');
  expect((await cancel(`${saved.url}/__session/s`)).status).toBe(400);
  await saved.close();
  const onDisk = JSON.parse(readFileSync(file, 'utf8')) as typeof seeded;
  expect(onDisk.omeda.deployments.find((deployment) => deployment.TrackId === 'FOO0102003002')).toMatchObject({ Status: 'Cancelled' });
});
