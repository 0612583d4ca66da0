import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createMock } from '../src/msw.ts';
import { type RunningServer, startServer } from '../src/server.ts';
import { VENDOR_HOSTS } from './support/target.ts';

/** An allow-listed gateway, served both ways: over HTTP and through MSW. */
const CONFIG = { voltmx: { users: [{ userid: 'admin', password: 'secret' }], tokens: ['listed-token'] } };
const CANCEL = '/api/v1/email/7131002087805116277/cancel';
const LOGIN = '/authService/accounts/login';

let server: RunningServer;
// Volt MX's templated host matches any origin, so MSW is held to the vendor host: the server's own
// URL must reach the server.
const mock = createMock({ strict: true, vendors: ['voltmx'], config: CONFIG, origins: [VENDOR_HOSTS.voltmx] });
const interceptor = setupServer(...mock.handlers);
const bases = {} as Record<'server' | 'msw', string>;

beforeAll(async () => {
  server = await startServer({ port: 0, strict: true, vendors: ['voltmx'], config: CONFIG });
  bases.server = server.url;
  bases.msw = VENDOR_HOSTS.voltmx;
  interceptor.listen({
    onUnhandledRequest(request, print) {
      if (!request.url.startsWith(server.url)) print.error();
    },
  });
});
afterAll(async () => {
  interceptor.close();
  await server.close();
});
beforeEach(async () => {
  await Promise.all([mock.reset(), fetch(`${server.url}/__admin/reset`, { method: 'POST' })]);
});

const post = (transport: 'server' | 'msw', path: string, headers: Record<string, string>, body?: string) =>
  fetch(`${bases[transport]}${path}`, { method: 'POST', headers, ...(body === undefined ? {} : { body }) });

const TRANSPORTS = ['server', 'msw'] as const;
const CASES = [
  ['a listed claims token', { 'x-voltmx-authorization': 'listed-token' }, 200],
  ['a listed token as AccessToken', { accesstoken: 'listed-token', accesssecret: 's' }, 200],
  ['a listed Basic user', { authorization: `Basic ${btoa('admin:secret')}` }, 200],
  ['an unlisted claims token', { 'x-kony-authorization': 'other' }, 401],
  ['a listed user with a wrong password', { authorization: `Basic ${btoa('admin:wrong')}` }, 401],
  ['an unlisted AccessToken', { accesstoken: 'other', accesssecret: 's' }, 401],
] as const;

it.each(TRANSPORTS.flatMap((transport) => CASES.map(([name, headers, status]) => [transport, name, headers, status] as const)))(
  'with an allow-list, over %s, answers a cancel with %s with %i',
  async (transport, _, headers, status) => {
    const response = await post(transport, CANCEL, headers);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8');
  },
);

it.each(TRANSPORTS)('with an allow-list, over %s, accepts the claims token its own login issued', async (transport) => {
  const login = await post(
    transport,
    LOGIN,
    { 'content-type': 'application/json' },
    JSON.stringify({ userid: 'admin', password: 'secret' }),
  );
  expect(login.status).toBe(200);
  const { claims_token } = (await login.json()) as { claims_token: { value: string } };
  expect((await post(transport, CANCEL, { 'x-voltmx-authorization': claims_token.value })).status).toBe(200);
});

it.each(TRANSPORTS)('with an allow-list, over %s, refuses a login by an unlisted user with 401', async (transport) => {
  const login = await post(transport, LOGIN, { 'content-type': 'application/x-www-form-urlencoded' }, 'userid=admin&password=wrong');
  expect(login.status).toBe(401);
  expect(await login.json()).toEqual({ id: '', message: 'Unauthorized request' });
});

it.each(TRANSPORTS)('over %s, stops accepting an issued claims token once it expires on the mock clock', async (transport) => {
  const base = bases[transport];
  const setClock = (now: string) =>
    transport === 'msw'
      ? mock.clock.set(now)
      : fetch(`${base}/__admin/clock`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now }) });
  await setClock('2026-01-15T09:00:00Z');
  const login = await post(
    transport,
    LOGIN,
    { 'content-type': 'application/json' },
    JSON.stringify({ userid: 'admin', password: 'secret' }),
  );
  const { claims_token } = (await login.json()) as { claims_token: { value: string } };
  await setClock('2026-01-15T10:00:00Z');
  expect((await post(transport, CANCEL, { 'x-voltmx-authorization': claims_token.value })).status).toBe(401);
});
