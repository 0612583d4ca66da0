import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REQUEST_LIMITS } from '../src/limits/request-limits.ts';
import { createMock } from '../src/msw.ts';
import { VENDOR_HOSTS } from './support/target.ts';

const mock = createMock({ strict: true });
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const OMEDA = `${VENDOR_HOSTS.omeda}/webservices/rest/brand/ABC/omail/deployment/cancel/*`;

it('answers 413 payload-too-large in-process to a body over 1 MiB', async () => {
  const response = await fetch(OMEDA, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-omeda-appid': 'my-app' },
    body: JSON.stringify({ UserId: 'x'.repeat(REQUEST_LIMITS.maxBodyBytes), TrackId: 'FOO0102003002' }),
  });
  expect(response.status).toBe(413);
  expect(((await response.json()) as { code: string }).code).toBe('payload-too-large');
});

it('answers 414 uri-too-long in-process to a request target over 8 KiB', async () => {
  const response = await fetch(`${VENDOR_HOSTS.voltmx}/api/v1/email/${'9'.repeat(REQUEST_LIMITS.maxUrlLength)}/cancel`, { method: 'POST' });
  expect(response.status).toBe(414);
});
