import { expect, it } from 'vitest';
import { createMock } from '../src/msw.ts';
import { documentEnvelope } from './support/sfmc-envelopes.ts';

const SERVICE = 'https://mc563885gzs27c5t9-63k636ttgm.soap.marketingcloudapis.com/Service.asmx';
const TOKEN = 'https://mc563885gzs27c5t9-63k636ttgm.auth.marketingcloudapis.com/v2/token';

const perform = (mock: ReturnType<typeof createMock>, username: string, password: string) =>
  mock
    .fetch(
      new Request(SERVICE, {
        method: 'POST',
        headers: { 'content-type': 'text/xml', soapaction: 'Perform' },
        body: documentEnvelope('29605', username, password),
      }),
    )
    .then(async (response) => ({ status: response.status, text: await response.text() }));

const requestToken = (mock: ReturnType<typeof createMock>, client_id: string, client_secret: string) =>
  mock.fetch(
    new Request(TOKEN, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id, client_secret }),
    }),
  );

it('accepts only the configured UsernameToken credentials, refusing the document default', async () => {
  const mock = createMock({ config: { sfmc: { users: [{ username: 'api-user', password: 's3cret' }] } } });
  const refused = await perform(mock, 'XXX', 'XXX');
  expect(refused.status).toBe(500);
  expect(refused.text).toContain('<faultstring>Login failed</faultstring>');
  const accepted = await perform(mock, 'api-user', 's3cret');
  expect(accepted.status).toBe(200);
  expect(accepted.text).toContain('<OverallStatus>OK</OverallStatus>');
});

it('issues tokens only to configured clients, with the configured lifetime', async () => {
  const mock = createMock({ config: { sfmc: { clients: [{ clientId: 'app', clientSecret: 'pw' }], tokenLifetimeSeconds: 1200 } } });
  expect((await requestToken(mock, 'app', 'wrong')).status).toBe(401);
  const issued = await requestToken(mock, 'app', 'pw');
  expect(issued.status).toBe(200);
  expect(((await issued.json()) as { expires_in: number }).expires_in).toBe(1200);
});

it('keeps tokens per mock: a token from one mock is Login failed in another', async () => {
  const issuer = createMock();
  const other = createMock();
  const { access_token } = (await (await requestToken(issuer, 'a', 'b')).json()) as { access_token: string };
  const body = `<Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><Body><PerformRequestMsg xmlns="http://exacttarget.com/wsdl/partnerAPI"><Action>cancel</Action><Definitions><Definition xsi:type="Send"><ID>29605</ID></Definition></Definitions></PerformRequestMsg></Body><Header><fueloauth xmlns="http://exacttarget.com">${access_token}</fueloauth></Header></Envelope>`;
  const init = { method: 'POST', headers: { 'content-type': 'text/xml', soapaction: 'Perform' }, body };
  expect((await other.fetch(new Request(SERVICE, init))).status).toBe(500);
  expect((await issuer.fetch(new Request(SERVICE, init))).status).toBe(200);
});
