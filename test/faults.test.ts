import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { FaultPlan } from '../src/faults/fault-plan.ts';
import { createMock } from '../src/msw.ts';
import { type RunningServer, startServer } from '../src/server.ts';
import { VENDOR_HOSTS } from './support/target.ts';

/** Both transports, each with a way to set the one fault declaration. */
const mock = createMock({ strict: true });
const msw = setupServer(...mock.handlers);
let server: RunningServer;
beforeAll(async () => {
  msw.listen({ onUnhandledRequest: 'bypass' });
  server = await startServer({ port: 0, strict: true });
});
afterAll(async () => {
  msw.close();
  await server.close();
});
beforeEach(async () => {
  mock.faults({});
  await mock.reset();
  await fetch(`${server.url}/__admin/faults`, { method: 'DELETE' });
  await fetch(`${server.url}/__admin/reset`, { method: 'POST' });
});

interface Transport {
  readonly name: 'server' | 'msw';
  readonly omeda: () => string;
  setFaults(plan: FaultPlan, seed?: number): Promise<number>;
  /** What the journal says of each exchange: its status and how it was forced. */
  journal(): Promise<Array<{ status: number; forced: unknown }>>;
}
const TRANSPORTS: readonly Transport[] = [
  {
    name: 'server',
    omeda: () => `${server.url}/webservices/rest/brand/ABC/omail/deployment/cancel/*`,
    async setFaults(plan, seed) {
      const response = await fetch(`${server.url}/__admin/faults`, { method: 'POST', body: JSON.stringify({ plan, seed }) });
      if (!response.ok) throw new Error(await response.text());
      return ((await response.json()) as { seed: number }).seed;
    },
    async journal() {
      const { requests } = (await (await fetch(`${server.url}/__admin/requests`)).json()) as {
        requests: Array<{ response: { status: number }; forced: unknown }>;
      };
      return requests.map((entry) => ({ status: entry.response.status, forced: entry.forced }));
    },
  },
  {
    name: 'msw',
    omeda: () => `${VENDOR_HOSTS.omeda}/webservices/rest/brand/ABC/omail/deployment/cancel/*`,
    setFaults: async (plan, seed) => mock.faults(plan, seed).seed,
    journal: async () => mock.journal.entries().map((entry) => ({ status: entry.response.status, forced: entry.forced })),
  },
];

const cancelOmeda = (t: Transport) =>
  fetch(t.omeda(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-omeda-appid': 'my-app' },
    body: JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' }),
  });

/** How long the last journalled exchange took, as the journal says. */
const lastDurationMs = async (t: Transport) => {
  const journal =
    t.name === 'msw'
      ? mock.journal.entries()
      : ((await (await fetch(`${server.url}/__admin/requests`)).json()) as { requests: ReturnType<typeof mock.journal.entries> }).requests;
  return journal.at(-1)?.durationMs;
};

it.each(TRANSPORTS)('answers the forced documented error of a fault with probability 1 over $name', async (t) => {
  await t.setFaults({ 'omeda.cancelDeployment': { status: 404 } });
  const response = await cancelOmeda(t);
  expect(response.status).toBe(404);
  expect(response.headers.get('content-type')).toBe('application/json');
  expect(((await response.json()) as { Errors: unknown[] }).Errors.length).toBeGreaterThan(0);
});

it.each(TRANSPORTS)('drops the connection (server) or raises a network error (MSW) for a drop fault over $name', async (t) => {
  await t.setFaults({ '*': { drop: true } });
  await expect(cancelOmeda(t)).rejects.toThrow(TypeError);
  await t.setFaults({});
  expect((await cancelOmeda(t)).status).toBe(200);
});

it.each(TRANSPORTS)('journals a dropped answer with status 0 and forced.by "fault", as every injected fault, over $name', async (t) => {
  await t.setFaults({ 'omeda.cancelDeployment': { drop: true } });
  await expect(cancelOmeda(t)).rejects.toThrow(TypeError);
  await t.setFaults({ 'omeda.cancelDeployment': { status: 404 } });
  await cancelOmeda(t);
  expect(await t.journal()).toEqual([
    { status: 0, forced: { status: 0, by: 'fault' } },
    { status: 404, forced: { status: 404, by: 'fault' } },
  ]);
});

it.each(TRANSPORTS)('replays the same faults for the same seed over $name', async (t) => {
  const run = async () => {
    await (t.name === 'msw' ? mock.reset() : fetch(`${server.url}/__admin/reset`, { method: 'POST' }));
    await t.setFaults({ 'omeda.cancelDeployment': { status: 'error', probability: 0.5 } }, 1234);
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await cancelOmeda(t)).status);
    return statuses;
  };
  const first = await run();
  expect(await run()).toEqual(first);
  expect(new Set(first).size).toBeGreaterThan(1);
  expect(first.every((status) => [200, 400, 403, 404].includes(status))).toBe(true);
});

it.each(TRANSPORTS)('refuses a fault that forces a status the operation does not document over $name', async (t) => {
  await expect(t.setFaults({ 'omeda.cancelDeployment': { status: 418 } })).rejects.toThrow(/418 is not documented/);
});

it.each(TRANSPORTS)('journals a delayed answer with at least the injected delay over $name', async (t) => {
  await t.setFaults({ 'omeda.cancelDeployment': { delayMs: 30 } });
  expect((await cancelOmeda(t)).status).toBe(200);
  expect(await lastDurationMs(t)).toBeGreaterThanOrEqual(29);
});

it.each(TRANSPORTS)('delays the fault of an operation by the * delay over $name', async (t) => {
  await t.setFaults({ '*': { delayMs: 40 }, 'omeda.cancelDeployment': { status: 404 } });
  expect((await cancelOmeda(t)).status).toBe(404);
  expect(await lastDurationMs(t)).toBeGreaterThanOrEqual(39);
});

it('keeps the fault plan a reset leaves alone and reads it back from GET /__admin/faults', async () => {
  await TRANSPORTS[0]?.setFaults({ '*': { delayMs: [1, 2] } }, 7);
  await fetch(`${server.url}/__admin/reset`, { method: 'POST' });
  expect(await (await fetch(`${server.url}/__admin/faults`)).json()).toEqual({ plan: { '*': { delayMs: [1, 2] } }, seed: 7 });
});

it('refuses a malformed fault plan with a bad-admin-request problem', async () => {
  const response = await fetch(`${server.url}/__admin/faults`, { method: 'POST', body: JSON.stringify({ '*': { delayMs: -1 } }) });
  expect(response.status).toBe(400);
  expect(((await response.json()) as { detail: string }).detail).toContain('delayMs');
});
