import { expect, it } from 'vitest';
import { createEngine } from '../src/engine/create-engine.ts';
import { createProxy } from '../src/proxy/create-proxy.ts';
import { handleProxyAdminRequest } from '../src/proxy/proxy-admin.ts';
import { createSessionDispatch } from '../src/session/session-dispatch.ts';
import { selectModules } from '../src/vendors.ts';

// In-process, where nothing below the mock drops a HEAD answer's body: a server writes none for HEAD
// and a client reads none, so only here does a body the mock left in show.
const dispatch = createSessionDispatch(createEngine({ modules: selectModules() }));

it.each([
  '/__admin',
  '/__admin/state',
  '/__admin/requests',
  '/__admin/requests/stream',
  '/__admin/clock',
  '/__admin/sessions',
  '/__session/head-check/__admin/state',
  '/webservices/rest/brand/ABC/omail/deployment/lookup/FOO0102003002/*',
])('answers HEAD %s with the status and content type of its GET and no body at all', async (path) => {
  const get = await dispatch.fetch(new Request(`http://127.0.0.1${path}`, { headers: { 'x-omeda-appid': 'my-app' } }));
  const head = await dispatch.fetch(new Request(`http://127.0.0.1${path}`, { method: 'HEAD', headers: { 'x-omeda-appid': 'my-app' } }));
  await get.body?.cancel();
  expect([head.status, head.headers.get('content-type')]).toEqual([get.status, get.headers.get('content-type')]);
  expect(head.body).toBeNull();
});

it("answers HEAD on the proxy's admin API with the status of its GET and no body at all", async () => {
  const proxy = createProxy({ targets: 'same-origin', forward: () => Promise.reject(new Error('nothing is forwarded')) });
  for (const path of ['/__admin/report', '/__admin/requests']) {
    const get = handleProxyAdminRequest(proxy, new Request(`http://127.0.0.1${path}`));
    const head = handleProxyAdminRequest(proxy, new Request(`http://127.0.0.1${path}`, { method: 'HEAD' }));
    expect([path, head.status, head.body]).toEqual([path, get.status, null]);
  }
});
