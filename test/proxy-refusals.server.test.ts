import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningProxy, startProxy } from '../src/server.ts';

// The upstream is never reached: both requests are refused before anything is forwarded.
let proxy: RunningProxy;
beforeAll(async () => {
  proxy = await startProxy({ port: 0, targets: new Map([['omeda', new URL('http://127.0.0.1:1')]]) });
});
afterAll(() => proxy.close());

it('counts a path no --target serves as a request violation, not drift and not an upstream failure', async () => {
  const response = await fetch(`${proxy.url}/api/v1/email/7131002087805116277/cancel`, { method: 'POST' });
  expect(response.status).toBe(404);
  expect(((await response.json()) as { code: string }).code).toBe('unknown-route');
  expect(proxy.proxy.report()).toMatchObject({ exchanges: 1, drift: 0, requestViolations: 1, upstreamFailures: 0 });
});

it('names the vendor of a documented request it has no --target for, rather than calling the route unknown', async () => {
  const response = await fetch(`${proxy.url}/v3.5/mailing/cancel?orgid=2&mid=123`, { method: 'POST' });
  expect(response.status).toBe(404);
  const detail = 'no --target for momentum: this proxy serves omeda; add --target momentum=<url>';
  expect(await response.json()).toMatchObject({ code: 'unknown-route', detail });
  const entry = proxy.proxy.journal.entries().at(-1);
  expect(entry?.vendor).toBe('momentum');
  expect(entry?.validation.request).toEqual([{ location: 'path', pointer: '/', keyword: 'no-target', message: detail }]);
  // A path no vendor documents is still an unknown route, under another vendor's path prefix too.
  for (const path of ['/nowhere', '/v3.5/nowhere']) {
    const nowhere = await fetch(`${proxy.url}${path}`, { method: 'POST' });
    expect(((await nowhere.json()) as { detail: string }).detail).toBe(`no --target of this proxy (omeda) serves POST ${path}`);
  }
});

it('counts a body over the limit as an exchange only: not read whole, so neither checked nor forwarded', async () => {
  const before = proxy.proxy.report();
  const response = await fetch(`${proxy.url}/webservices/rest/brand/ABC/omail/deployment/cancel/*`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-omeda-appid': 'my-app' },
    body: `{"UserId":"${'x'.repeat(1024 * 1024)}"}`,
  });
  expect(response.status).toBe(413);
  expect(proxy.proxy.report()).toMatchObject({
    exchanges: before.exchanges + 1,
    drift: 0,
    requestViolations: before.requestViolations,
    upstreamFailures: before.upstreamFailures,
  });
});
