import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { JournalEntry } from '../src/index.ts';
import { type RunningServer, startServer } from '../src/server.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0 });
});
afterAll(() => server.close());
beforeEach(async () => {
  await fetch(`${server.url}/__admin/reset`, { method: 'POST' });
});

const admin = (method: string, path: string, body?: string) =>
  fetch(`${server.url}/__admin${path}`, {
    method,
    ...(body === undefined ? {} : { body, headers: { 'content-type': 'application/json' } }),
  });

const journalPage = async (query: string) =>
  (await (await admin('GET', `/requests${query}`)).json()) as { requests: JournalEntry[]; next: number | null };

it('pages the journal with after and limit, next naming the after of the following page', async () => {
  for (let index = 0; index < 5; index += 1) await fetch(`${server.url}/nowhere/${index}`);
  const all = await journalPage('');
  expect(all.requests.map((entry) => new URL(entry.request.url).pathname)).toEqual([0, 1, 2, 3, 4].map((index) => `/nowhere/${index}`));
  expect(all.next).toBeNull();
  const first = await journalPage('?limit=2');
  expect(first.requests.map((entry) => entry.id)).toEqual(all.requests.slice(0, 2).map((entry) => entry.id));
  expect(first.next).toBe(all.requests[1]?.id);
  const rest = await journalPage(`?after=${first.next}&limit=10`);
  expect(rest.requests.map((entry) => entry.id)).toEqual(all.requests.slice(2).map((entry) => entry.id));
  expect(rest.next).toBeNull();
});

it.each(['?limit=-1', '?limit=abc', '?after=1e3', '?after=99999999999999999999'])(
  'answers a journal query of %s with 400 bad-admin-request',
  async (query) => {
    const response = await admin('GET', `/requests${query}`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { type: string }).type).toMatch(/bad-admin-request$/);
  },
);

it.each([
  '10000-01-01T00:00:00Z',
  '+010000-01-01T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '1',
  '2030-01-15',
  'Tue, 15 Jan 2030 15:00:00 GMT',
  '2026-02-30T00:00:00Z',
  '2100-02-29T00:00:00Z',
  '2030-13-01T00:00:00Z',
  '2030-01-15T24:00:00Z',
  '2030-01-15T15:60:00Z',
  '2030-12-31T23:59:60Z',
  '2030-01-15T15:00:00+24:00',
])('refuses to pin the clock to %s with 400 bad-admin-request, and cancels still answer 200', async (now) => {
  const response = await admin('PUT', '/clock', JSON.stringify({ now }));
  expect(response.status).toBe(400);
  expect(((await response.json()) as { type: string }).type).toMatch(/bad-admin-request$/);
  expect(((await (await admin('GET', '/clock')).json()) as { pinned: boolean }).pinned).toBe(false);
  const cancel = await fetch(`${server.url}/webservices/rest/brand/FOO/omail/deployment/cancel/*`, {
    method: 'POST',
    headers: { 'x-omeda-appid': 'my-app', 'content-type': 'application/json' },
    body: JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' }),
  });
  expect(cancel.status).toBe(200);
});

it('pins the clock to an RFC 3339 instant with an offset, to leap days and to the year 9999', async () => {
  for (const now of ['2030-01-15T16:00:00+01:00', '9999-12-31T23:59:59.999Z', '2000-02-29T00:00:00Z', '0000-02-29T12:00:00Z']) {
    const response = await admin('PUT', '/clock', JSON.stringify({ now }));
    expect(response.status).toBe(200);
  }
  await admin('PUT', '/clock', JSON.stringify({ now: null }));
});

it.each(['{"__proto__":{"drop":true}}', '{"constructor":{"drop":true}}', '{"plan":{"__proto__":{"drop":true}}}'])(
  'refuses the fault plan %s with 400 bad-admin-request and keeps the plan in force',
  async (plan) => {
    await admin('POST', '/faults', JSON.stringify({ plan: { 'omeda.cancelDeployment': { delayMs: 1 } }, seed: 7 }));
    const response = await admin('POST', '/faults', plan);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { type: string }).type).toMatch(/bad-admin-request$/);
    expect(await (await admin('GET', '/faults')).json()).toEqual({ plan: { 'omeda.cancelDeployment': { delayMs: 1 } }, seed: 7 });
    await admin('DELETE', '/faults');
  },
);

it.each([4_294_967_296, -1, 1.5])('refuses a fault seed of %s with 400, as the CLI does', async (seed) => {
  const response = await admin('POST', '/faults', JSON.stringify({ plan: {}, seed }));
  expect(response.status).toBe(400);
  expect(((await response.json()) as { detail: string }).detail).toMatch(/seed must be a whole number from 0 to 4294967295/);
});

it.each([
  ['a misspelt field', '{"operationId":"omeda.cancelDeployment","status":404,"time":3}', 'time'],
  [
    'a misspelt field in a list',
    '[{"operationId":"omeda.cancelDeployment","status":404},{"operationId":"sfmc.perform","status":500,"exampel":"x"}]',
    'exampel',
  ],
])('refuses a force with %s, naming it, and queues nothing', async (_name, body, field) => {
  const response = await admin('POST', '/force', body);
  expect(response.status).toBe(400);
  const problem = (await response.json()) as { type: string; detail: string };
  expect(problem.type).toMatch(/bad-admin-request$/);
  expect(problem.detail).toBe(`unknown field ${field}: a force takes operationId, status, times and example`);
  expect(await (await admin('GET', '/force')).json()).toEqual({ queued: [] });
});
