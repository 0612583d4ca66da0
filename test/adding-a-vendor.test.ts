import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { setupServer } from 'msw/node';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { defineVendor, recordsOf } from '../handlers/kit/index.ts';
import { toMswHandlers } from '../src/adapters/msw.ts';
import { createEngine } from '../src/engine/create-engine.ts';
import { createHonoApp } from '../src/server.ts';
import { VENDOR_MODULES } from '../src/vendors.ts';
import type { components, operations } from './fixtures/adding-a-vendor/generated/acme.d.ts';
import { acmeConfigSchema } from './fixtures/adding-a-vendor/handlers/acme/auth.ts';
import { acme } from './fixtures/adding-a-vendor/handlers/acme/module.ts';

/**
 * docs/adding-a-vendor.md, followed once: `test/fixtures/adding-a-vendor/` holds a fifth vendor (a spec,
 * its generated types, a handlers folder importing only the kit). Registered the way the recipe's one
 * line does, it is served beside the four real vendors, over HTTP and through MSW.
 */
const registry = { ...VENDOR_MODULES, acme };
const engine = createEngine({ modules: Object.values(registry), strict: true });
const msw = setupServer(...toMswHandlers(engine, 'spec'));
let server: Server | undefined;
let serverUrl = '';

beforeAll(async () => {
  // Unhandled requests are errors, except the HTTP transport's own, which go to the real server.
  msw.listen({
    onUnhandledRequest: (request, print) => {
      if (new URL(request.url).origin !== serverUrl) print.error();
    },
  });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: createHonoApp(engine).fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      serverUrl = `http://127.0.0.1:${info.port}`;
      resolve();
    }) as Server;
  });
});
beforeEach(() => engine.controls.reset());
afterAll(async () => {
  msw.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** The two transports: the real server over HTTP, and MSW intercepting the vendor's own host. */
const transports = [
  ['HTTP', () => serverUrl],
  ['MSW', () => 'https://api.acme-mail.example'],
] as const;

const cancel = (base: string, id: string, headers: Record<string, string> = { 'x-acme-key': 'key-1' }) =>
  fetch(`${base}/acme/v1/sends/${id}/cancel`, { method: 'POST', headers });

it.each(transports)('cancels the scheduled send once, then answers 409 not_cancellable (%s)', async (_name, base) => {
  const first = await cancel(base(), '1001');
  expect(first.status).toBe(200);
  expect(await first.json()).toEqual({ id: '1001', status: 'cancelled' });
  const second = await cancel(base(), '1001');
  expect(second.status).toBe(409);
  expect(await second.json()).toEqual({ error: { code: 'not_cancellable', message: 'Send 1001 is cancelled.' } });
});

it.each(transports)('answers every documented outcome from the default dataset (%s)', async (_name, base) => {
  const answers = await Promise.all([
    cancel(base(), '1002'),
    cancel(base(), '9999'),
    cancel(base(), 'abc'),
    cancel(base(), '1001', {}),
    fetch(`${base()}/acme/v1/nothing-here`),
  ]);
  expect(answers.map((answer) => answer.status)).toEqual([409, 404, 400, 401, 404]);
  expect(await answers[2]?.json()).toEqual({ error: { code: 'invalid_id', message: "Send id 'abc' is not a number." } });
});

it.each(transports)('forces a documented answer with Prefer, as for every vendor (%s)', async (_name, base) => {
  const forced = await cancel(base(), '1001', { 'x-acme-key': 'key-1', prefer: 'code=404, example=notFound' });
  expect(forced.status).toBe(404);
  expect(await forced.json()).toEqual({ error: { code: 'not_found', message: 'No send 9999.' } });
});

it('drives the new vendor through the same controls: force, state, reset', async () => {
  engine.controls.force('acme.cancelSend', 409, { example: 'notCancellable' });
  expect((await cancel(serverUrl, '1001')).status).toBe(409);
  expect((await cancel(serverUrl, '1001')).status).toBe(200);
  expect((await engine.controls.getState()).acme?.sends).toContainEqual({ id: '1001', status: 'cancelled' });
  await engine.controls.reset();
  expect((await engine.controls.getState()).acme?.sends).toContainEqual({ id: '1001', status: 'scheduled' });
});

it("serves the new vendor's own spec at /__admin/openapi, with its servers pointing at this server", async () => {
  const yaml = await fetch(`${serverUrl}/__admin/openapi/acme.yaml`);
  expect(yaml.status).toBe(200);
  const text = await yaml.text();
  expect(text).toContain('x-vendor-path-prefixes');
  expect(text).toContain(`url: ${serverUrl}`);
  const json = (await (await fetch(`${serverUrl}/__admin/openapi/acme.json`)).json()) as { servers: Array<{ url: string }> };
  expect(json.servers.map((server) => server.url)).toEqual([serverUrl]);
});

it('keeps the four real vendors answering beside it', async () => {
  const omeda = await fetch(`${serverUrl}/webservices/rest/brand/ABC/omail/deployment/cancel/*`, {
    method: 'POST',
    headers: { 'x-omeda-appid': 'my-app', 'content-type': 'application/json' },
    body: JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' }),
  });
  expect(omeda.status).toBe(200);
  expect(engine.vendors).toEqual(['momentum', 'omeda', 'sfmc', 'voltmx', 'acme']);
});

it('has the generated types the recipe says `npm run generate` writes', async () => {
  const fixture = join(import.meta.dirname, 'fixtures', 'adding-a-vendor');
  const ast = await openapiTS(new URL(`file://${join(fixture, 'openapi', 'acme.yaml')}`), { alphabetize: true });
  const checkedIn = readFileSync(join(fixture, 'generated', 'acme.d.ts'), 'utf8');
  expect(checkedIn.slice(checkedIn.indexOf('\n\n') + 2)).toBe(astToString(ast));
});

it('does not compile a vendor module that misses a handler of its generated operations', () => {
  const collections = { sends: recordsOf<components['schemas']['Send']>('Send', (send) => send.id) };
  const incomplete = () =>
    defineVendor<operations>()({
      name: 'acme',
      collections,
      seed: () => ({ sends: [] }),
      defaultConfig: {},
      // @ts-expect-error cancelSend is an operation of the generated types, so the handler is required.
      operations: {},
      invalidRequest: () => ({ status: 400 }),
    });
  // The check is tsc's (npm run lint): an unused @ts-expect-error fails it.
  expect(typeof incomplete).toBe('function');
});

it("checks the new vendor's settings with the schema the recipe declares beside its config type", () => {
  const check = new Ajv2020({ strict: true }).compile(acmeConfigSchema);
  expect(check({ apiKeys: ['key-1'] })).toBe(true);
  expect(check({ apiKeys: null })).toBe(true);
  expect(Object.keys(acmeConfigSchema.properties ?? {})).toEqual(Object.keys(acme.defaultConfig as object));
  expect(check({ apiKey: ['key-1'] })).toBe(false);
  expect(check({ apiKeys: [''] })).toBe(false);
});
