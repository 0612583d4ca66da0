import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/server.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, vendors: ['omeda', 'sfmc'] });
});
afterAll(() => server.close());

const force = (body: unknown) =>
  fetch(`${server.url}/__admin/force`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

it('echoes a queued force as vendor.operationId, the spelling it was given', async () => {
  const response = await force({ operationId: 'omeda.cancelDeployment', status: 404 });
  expect(await response.json()).toMatchObject({ queued: [{ operationId: 'omeda.cancelDeployment', status: 404 }] });
  await fetch(`${server.url}/__admin/force`, { method: 'DELETE' });
});

it('echoes a force given by its bare operationId as vendor.operationId too', async () => {
  await force({ operationId: 'perform', status: 500 });
  const listed = (await (await fetch(`${server.url}/__admin/force`)).json()) as { queued: { operationId: string }[] };
  expect(listed.queued.map((item) => item.operationId)).toEqual(['sfmc.perform']);
  await fetch(`${server.url}/__admin/force`, { method: 'DELETE' });
});

it('journals the forced exchange under the same vendor.operationId', async () => {
  await fetch(`${server.url}/__admin/requests`, { method: 'DELETE' });
  await force({ operationId: 'omeda.cancelDeployment', status: 404 });
  const answer = await fetch(`${server.url}/webservices/rest/brand/ABC/omail/deployment/cancel/*`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-omeda-appid': 'my-app' },
    body: JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' }),
  });
  expect(answer.status).toBe(404);
  const { requests } = (await (await fetch(`${server.url}/__admin/requests`)).json()) as {
    requests: { operationId: string; forced: { by: string } | null }[];
  };
  expect(requests.map((entry) => [entry.operationId, entry.forced?.by])).toEqual([['omeda.cancelDeployment', 'queue']]);
});
