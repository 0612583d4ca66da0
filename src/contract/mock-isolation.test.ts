import { expect, it } from 'vitest';
import { handleAdminRequest } from '../admin/admin-api.ts';
import { createEngine } from '../engine/create-engine.ts';
import { selectModules } from '../vendors.ts';
import type { Probe } from './derive-probes.ts';
import { isolateOnMock } from './mock-isolation.ts';

const BASE = 'http://mock.test';
const CANCEL = `${BASE}/webservices/rest/brand/ABC/omail/deployment/cancel/*`;

/** A mock without sessions: its admin API alone (the session routes are not there, so they answer 404). */
function mockWithoutSessions() {
  const engine = createEngine({ modules: selectModules(['omeda']) });
  const fetcher = (async (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    return new URL(request.url).pathname.startsWith('/__admin') ? handleAdminRequest(engine, request) : engine.handle(request);
  }) as typeof fetch;
  return { engine, fetcher };
}

const cancel = (fetcher: typeof fetch) =>
  fetcher(CANCEL, {
    method: 'POST',
    headers: { 'x-omeda-appid': 'my-app', 'content-type': 'application/json' },
    body: JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' }),
  });

it('puts the records back before each changing probe and at the end on a mock without sessions', async () => {
  const { engine, fetcher } = mockWithoutSessions();
  await engine.ready;
  const before = await engine.getState();
  const isolation = await isolateOnMock(BASE, undefined, fetcher);
  expect(isolation.description).toMatch(/no sessions/);
  expect(isolation.headers({ mutating: true } as Probe)).toEqual({});

  expect((await cancel(fetcher)).status).toBe(200);
  expect(await engine.getState()).not.toEqual(before);
  await isolation.beforeProbe({ mutating: true } as Probe);
  expect(await engine.getState()).toEqual(before);
  // The probe's cancel succeeds again because the record was put back.
  expect((await cancel(fetcher)).status).toBe(200);

  expect(await isolation.finish()).toBeUndefined();
  expect(await engine.getState()).toEqual(before);
  expect(engine.journal.entries()).toEqual([]);
});

it('keeps a journal that held exchanges before verify, and says that the probes were added to it', async () => {
  const { engine, fetcher } = mockWithoutSessions();
  expect((await cancel(fetcher)).status).toBe(200);
  const isolation = await isolateOnMock(BASE, undefined, fetcher);
  expect(await isolation.finish()).toMatch(/journal held 1 exchanges before verify/);
  expect(engine.journal.entries()).toHaveLength(1);
});

it('warns that the probes ran on the dataset when the admin API refuses', async () => {
  const refusing = (async () => new Response('{}', { status: 401 })) as unknown as typeof fetch;
  const isolation = await isolateOnMock(BASE, undefined, refusing);
  expect(await isolation.finish()).toMatch(/admin API answered 401 \(pass --admin-token\)/);
});
