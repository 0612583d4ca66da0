import DigestClient from 'digest-fetch';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMock } from '../src/msw.ts';
import { type RunningServer, startServer } from '../src/server.ts';
import { digestAuthorization, readChallenge } from './support/digest-client.ts';

const config = { momentum: { credentials: [{ username: 'integration', password: 'secret' }] } };
const basic = (pair: string) => ({ authorization: `Basic ${Buffer.from(pair).toString('base64')}` });
const PATH = '/v3.5/mailing/cancel?orgid=2&mid=123';

let server: RunningServer;
const mock = createMock({ strict: true, config });
beforeAll(async () => {
  server = await startServer({ port: 0, strict: true, config });
});
afterAll(() => server.close());

/** Both transports, each configured with the same allow-list. */
const transports = [
  ['server', (headers: Record<string, string>) => fetch(`${server.url}${PATH}`, { method: 'PUT', headers })],
  [
    'msw',
    (headers: Record<string, string>) => mock.fetch(new Request(`http://api.mc.messagesystems.com${PATH}`, { method: 'PUT', headers })),
  ],
] as const;

it.each(transports)('accepts listed credentials over %s', async (_, send) => {
  const response = await send(basic('integration:secret'));
  expect([response.status, await response.text()]).toEqual([200, '0']);
});

it.each(transports)('answers unlisted credentials over %s with 401 and the Basic and Digest challenges', async (_, send) => {
  for (const pair of ['integration:wrong', 'someone:secret']) {
    const response = await send(basic(pair));
    expect(response.status).toBe(401);
    expect(readChallenge(response.headers.get('www-authenticate')).stale).toBe(false);
    expect(await response.json()).toEqual({ message: 'Unauthorized', name: 'UNAUTHORIZED' });
  }
});

it.each(transports)('accepts a Digest response only when it is computed from a listed password, over %s', async (_, send) => {
  for (const [username, password, status] of [
    ['integration', 'wrong', 401],
    ['someone', 'secret', 401],
    ['integration', 'secret', 200],
  ] as const) {
    const challenge = readChallenge((await send({})).headers.get('www-authenticate'));
    const authorization = digestAuthorization({ username, password, method: 'PUT', uri: PATH, challenge, nc: 1 });
    expect((await send({ authorization })).status).toBe(status);
  }
});

it('lets a real Digest client (digest-fetch) in with a listed password and keeps it out with another', async () => {
  const url = `${server.url}${PATH}`;
  expect((await new DigestClient('integration', 'wrong').fetch(url, { method: 'PUT' })).status).toBe(401);
  const response = await new DigestClient('integration', 'secret').fetch(url, { method: 'PUT' });
  expect([response.status, await response.text()]).toEqual([200, '0']);
});
