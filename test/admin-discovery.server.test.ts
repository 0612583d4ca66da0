import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import packageJson from '../package.json' with { type: 'json' };
import { type RunningServer, startServer } from '../src/server.ts';
import { loadSpec } from '../src/spec/load-specs.ts';

let open: RunningServer;
let guarded: RunningServer;
beforeAll(async () => {
  [open, guarded] = await Promise.all([startServer({ port: 0 }), startServer({ port: 0, vendors: ['omeda'], adminToken: 's3cret' })]);
});
afterAll(() => Promise.all([open.close(), guarded.close()]));

const bearer = { authorization: 'Bearer s3cret' };

it('answers GET /__admin/health with 200, the package name and version', async () => {
  const response = await fetch(`${open.url}/__admin/health`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({
    status: 'ok',
    name: 'esp-cancel-mock',
    version: packageJson.version,
    vendors: ['momentum', 'omeda', 'sfmc', 'voltmx'],
  });
});

it('answers the health check without the admin token when one is set, and still guards the rest of the admin API', async () => {
  const health = await fetch(`${guarded.url}/__admin/health`);
  expect(health.status).toBe(200);
  expect(((await health.json()) as { name: string }).name).toBe('esp-cancel-mock');
  expect((await fetch(`${guarded.url}/__admin/state`)).status).toBe(401);
});

it('serves each vendor spec as YAML with servers pointing at this server and the rest as documented', async () => {
  const response = await fetch(`${open.url}/__admin/openapi/omeda.yaml`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/yaml');
  const text = await response.text();
  const { servers, ...rest } = parse(text) as { servers: Array<{ url: string }> };
  expect(servers.map((server) => server.url)).toEqual([open.url]);
  const { servers: _documented, ...source } = loadSpec('omeda').document;
  expect(rest).toEqual(source);
});

it('serves each vendor spec as JSON, keeping the documented context roots (Volt MX /vpns, /kpns) on this server', async () => {
  const response = await fetch(`${open.url}/__admin/openapi/voltmx.json`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/json');
  const document = (await response.json()) as { openapi: string; servers: Array<{ url: string }> };
  expect(document.openapi).toMatch(/^3\.1/);
  expect(document.servers.map((server) => server.url)).toEqual([open.url, `${open.url}/vpns`, `${open.url}/kpns`]);
});

it('fills server variables before moving a server (SFMC {subdomain} hosts become this server)', async () => {
  const document = (await (await fetch(`${open.url}/__admin/openapi/sfmc.json`)).json()) as { servers: Array<{ url: string }> };
  expect(document.servers.map((server) => server.url)).toEqual([open.url]);
});

it('answers 404 unknown-route naming the served specs for a vendor this server does not serve', async () => {
  const response = await fetch(`${guarded.url}/__admin/openapi/momentum.yaml`, { headers: bearer });
  expect(response.status).toBe(404);
  const problem = (await response.json()) as { code: string; detail: string };
  expect(problem.code).toBe('unknown-route');
  expect(problem.detail).toContain('/__admin/openapi/omeda.yaml');
});

it('serves the specs behind the admin token when one is set', async () => {
  expect((await fetch(`${guarded.url}/__admin/openapi/omeda.json`)).status).toBe(401);
  const response = await fetch(`${guarded.url}/__admin/openapi/omeda.json`, { headers: bearer });
  expect(response.status).toBe(200);
  expect(((await response.json()) as { servers: Array<{ url: string }> }).servers[0]?.url).toBe(guarded.url);
});

it.each([
  '/__admin',
  '/__admin/health',
  '/__admin/state',
  '/__admin/requests',
  '/__admin/requests?limit=1',
  '/__admin/requests/stream',
  '/__admin/force',
  '/__admin/clock',
  '/__admin/faults',
  '/__admin/sessions',
  '/__admin/openapi/omeda.yaml',
  '/__admin/ui',
  '/__session/head-1/__admin/state',
  '/__admin/no-such-route',
])('answers HEAD %s with the GET answer’s status and headers and no body', async (path) => {
  const get = await fetch(`${open.url}${path}`);
  // The journal stream never ends: its headers are all a GET can compare.
  await (path.endsWith('/stream') ? get.body?.cancel() : get.arrayBuffer());
  const head = await fetch(`${open.url}${path}`, { method: 'HEAD' });
  expect(await head.text()).toBe('');
  expect(head.status).toBe(get.status);
  expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
});

it('guards HEAD on the admin API with the admin token, as GET, and leaves the health check open', async () => {
  expect((await fetch(`${guarded.url}/__admin/state`, { method: 'HEAD' })).status).toBe(401);
  expect((await fetch(`${guarded.url}/__admin/state`, { method: 'HEAD', headers: bearer })).status).toBe(200);
  expect((await fetch(`${guarded.url}/__admin/health`, { method: 'HEAD' })).status).toBe(200);
});
