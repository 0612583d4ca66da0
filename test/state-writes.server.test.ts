import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/server.ts';
import { onStateWrites } from '../src/store/state-write-channel.ts';

// The serve command's heap bound holds the young generation through state writes (src/cli/heap-bounds.ts);
// these prove the admin API announces them, from the first body byte to the answer, however they end.

let server: RunningServer;
let events: string[] = [];
let unsubscribe: () => void;
beforeAll(async () => {
  server = await startServer({ port: 0, vendors: ['omeda'] });
  unsubscribe = onStateWrites({ start: () => events.push('start'), end: () => events.push('end') });
});
afterAll(async () => {
  unsubscribe();
  await server.close();
});
afterEach(async () => {
  for (const session of server.sessions.list()) server.sessions.drop(session.id);
  await fetch(`${server.url}/__admin/reset`, { method: 'POST' });
  events = [];
});

const STATE = JSON.stringify({ omeda: { deployments: [] } });

it('announces a state write before the body of PUT /__admin/state has arrived, and its end before the answer', async () => {
  const encoder = new TextEncoder();
  let send: (chunk: string | null) => void = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      send = (chunk) => (chunk === null ? controller.close() : controller.enqueue(encoder.encode(chunk)));
    },
  });
  send(STATE.slice(0, 5));
  const answer = fetch(`${server.url}/__admin/state`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body,
    duplex: 'half',
  } as RequestInit);
  for (let waited = 0; events.length === 0 && waited < 2_000; waited += 5) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(events).toEqual(['start']);
  send(STATE.slice(5));
  send(null);
  const response = await answer;
  expect(events).toEqual(['start', 'end']);
  expect(response.status).toBe(200);
  expect(((await response.json()) as { omeda: { deployments: unknown[] } }).omeda.deployments).toEqual([]);
});

it.each([
  ['a body that is not JSON', '{"omeda":', 'bad-admin-request'],
  ['a state that breaks the record schemas', JSON.stringify({ omeda: { deployments: [{ TrackId: 1 }] } }), ''],
])('announces the end of a refused PUT /__admin/state with %s', async (_, text, type) => {
  const response = await fetch(`${server.url}/__admin/state`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: text,
  });
  expect(response.status).toBe(400);
  if (type) expect(((await response.json()) as { type: string }).type).toMatch(new RegExp(`${type}$`));
  expect(events).toEqual(['start', 'end']);
});

it("announces a state write to a session's own /__admin/state", async () => {
  const response = await fetch(`${server.url}/__session/w1/__admin/state`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: STATE,
  });
  expect(response.status).toBe(200);
  expect(events).toEqual(['start', 'end']);
});

it('announces no state write for reading the state or resetting it', async () => {
  await fetch(`${server.url}/__admin/state`);
  await fetch(`${server.url}/__admin/reset`, { method: 'POST' });
  expect(events).toEqual([]);
});
