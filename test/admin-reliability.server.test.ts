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
