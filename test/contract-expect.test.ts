import type { paths } from 'esp-cancel-mock/types/omeda';
import { setupServer } from 'msw/node';
import createClient from 'openapi-fetch';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { ContractViolationError, createMock, expectContract } from '../src/msw.ts';

// A downstream app's own test: its Omeda client runs against the in-process mock, and
// `expectContract(mock)` proves the requests it sent were ones Omeda accepts.
const mock = createMock({ vendors: ['omeda'] });
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(async () => {
  server.resetHandlers();
  await mock.reset();
});
afterAll(() => server.close());

/** The "app": a tiny fetch-based Omeda client, parameterised by the body it builds. */
function createOmedaClient(buildBody: (userId: string, trackId: string) => unknown) {
  return {
    async cancelDeployment(userId: string, trackId: string): Promise<number> {
      const response = await fetch('https://ows.omeda.com/webservices/rest/brand/FOO/omail/deployment/cancel/*', {
        method: 'POST',
        headers: { 'x-omeda-appid': 'my-app', 'content-type': 'application/json' },
        body: JSON.stringify(buildBody(userId, trackId)),
      });
      return response.status;
    },
  };
}

it('passes when the app sends the body Omeda documents', async () => {
  const app = createOmedaClient((UserId, TrackId) => ({ UserId, TrackId }));
  expect(await app.cancelDeployment('omailAccount1', 'FOO0102003002')).toBe(200);
  expect(() => expectContract(mock)).not.toThrow();
});

it('fails naming the request and the broken rule when the app sends a body Omeda rejects', async () => {
  // The bug: camelCase keys instead of Omeda's UserId/TrackId.
  const app = createOmedaClient((userId, trackId) => ({ userId, trackId }));
  await app.cancelDeployment('omailAccount1', 'FOO0102003002');
  expect(() => expectContract(mock)).toThrow(ContractViolationError);
  expect(() => expectContract(mock)).toThrow(
    /1 request the vendor would reject:\n {2}#\d+ POST https:\/\/ows\.omeda\.com\/webservices\/rest\/brand\/FOO\/omail\/deployment\/cancel\/\* \[omeda\.cancelDeployment\] → 400\n {6}request body \/UserId: must have required property 'UserId' \(required\)/,
  );
});

it('fails on a request to an endpoint no spec documents', async () => {
  await fetch('https://ows.omeda.com/webservices/rest/brand/FOO/omail/deployment/cancelled', { method: 'POST' });
  expect(() => expectContract(mock)).toThrow(/\[no documented operation\] → 404\n {6}unknown endpoint/);
});

it('builds a typed openapi-fetch client from the published Omeda types that cancels through the mock', async () => {
  const client = createClient<paths>({ baseUrl: 'https://ows.omeda.com' });
  const { data, response } = await client.POST('/webservices/rest/brand/{brandAbbreviation}/omail/deployment/cancel/*', {
    params: { path: { brandAbbreviation: 'FOO' }, header: { 'x-omeda-appid': 'my-app' } },
    body: { UserId: 'omailAccount1', TrackId: 'FOO0102003002' },
  });
  expect(response.status).toBe(200);
  expect(data?.ResponseInfo?.[0]?.TrackId).toBe('FOO0102003002');
  expectContract(mock);
});
