import SDK from 'sfmc-sdk';
import { describe, expect, it } from 'vitest';
import type { DriftingUpstream } from './support/drifting-upstream.ts';
import type { ProxyUnderTest } from './support/proxy-under-test.ts';
import { documentEnvelope } from './support/sfmc-envelopes.ts';

const TENANT_AUTH = 'https://mc563885gzs27c5t9-63k636ttgm.auth.marketingcloudapis.com/';
/** Every secret the calls below carry; none may appear in what the proxy keeps or shows. */
const SECRETS = {
  basic: Buffer.from('integration:momentum-pa55').toString('base64'),
  appId: 'omeda-app-7f3c',
  wssePassword: 'wsse-pa55word',
  clientSecret: 'sfmc-client-s3cret',
  voltPassword: 'volt-pa55word',
  claims: 'claims-token-42',
};

/**
 * Real clients and every vendor's credentials through the validating proxy: sfmc-sdk follows the
 * token's instance URL back through the proxy, and no secret is kept in clear.
 */
export function defineProxyClientCases(proxy: ProxyUnderTest, upstream: DriftingUpstream): void {
  const send = (path: string, init: RequestInit) => fetch(proxy.url(upstream.url, path), init).then((response) => response.text());

  describe(`validating proxy with real clients and credentials over ${proxy.transport}`, () => {
    it("cancels Send 29605 with sfmc-sdk through the proxy: token, then SOAP at the token's instance URL, no drift", async () => {
      const authUrl = `${proxy.url(upstream.url, '')}/${TENANT_AUTH}`;
      const sdk = new SDK(
        { client_id: 'client-id', client_secret: SECRETS.clientSecret, auth_url: authUrl, account_id: 1 },
        { requestAttempts: 1 },
      );
      const first = (await sdk.soap.perform('Send', 'cancel', { ID: 29605 })) as { OverallStatus: string };
      expect(first.OverallStatus).toBe('OK');
      await expect(sdk.soap.perform('Send', 'cancel', { ID: 29605 })).rejects.toMatchObject({ name: 'SOAPError' });
      const journal = proxy.journal(upstream.url).slice(-3);
      expect(journal.map((entry) => `${entry.operationId} ${entry.response.status}`)).toEqual([
        'sfmc.requestToken 200',
        'sfmc.perform 200',
        'sfmc.perform 200',
      ]);
      // The SOAP calls went where the (rewritten) instance URL said: back through the proxy.
      expect(journal[1]?.request.url).toBe(proxy.url(upstream.url, '/Service.asmx'));
      const soapInstance = (JSON.parse(journal[0]?.response.body ?? '{}') as { soap_instance_url?: string }).soap_instance_url;
      expect(soapInstance).toBe(proxy.url(upstream.url, '/'));
      expect(journal.flatMap((entry) => entry.validation.response)).toEqual([]);
      expect(upstream.received().map((request) => new URL(request.url).pathname)).toEqual([
        `/${TENANT_AUTH}v2/token`,
        '/Service.asmx',
        '/Service.asmx',
      ]);
    });

    it("forwards every vendor's credentials unchanged and keeps none of them in the journal or the report", async () => {
      await send('/v3.5/mailing/cancel?orgid=2&mid=123', { method: 'PUT', headers: { authorization: `Basic ${SECRETS.basic}` } });
      await send('/webservices/rest/brand/ABC/omail/deployment/cancel/*', {
        method: 'POST',
        headers: { 'x-omeda-appid': SECRETS.appId, 'content-type': 'application/json' },
        body: '{"UserId":"omailAccount1","TrackId":"FOO0102003002"}',
      });
      await send('/Service.asmx', {
        method: 'POST',
        headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: 'Perform' },
        body: documentEnvelope('29605', 'XXX', SECRETS.wssePassword),
      });
      const token = JSON.parse(
        await send('/v2/token', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'id', client_secret: SECRETS.clientSecret }),
        }),
      ) as { access_token: string };
      const login = JSON.parse(
        await send('/authService/accounts/login', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: `userid=admin&password=${SECRETS.voltPassword}&provider=userstore`,
        }),
      ) as { claims_token: { value: string }; refresh_token: string };
      await send('/api/v1/email/7131002087805116277/cancel', { method: 'POST', headers: { 'x-voltmx-authorization': SECRETS.claims } });

      const issued = [token.access_token, login.claims_token.value, login.refresh_token];
      const kept = JSON.stringify([proxy.journal(upstream.url), proxy.report(upstream.url)]);
      for (const secret of [...Object.values(SECRETS), ...issued]) expect(kept).not.toContain(secret);
      expect(kept).toContain('Basic REDACTED');
      const received = JSON.stringify(upstream.received());
      for (const secret of Object.values(SECRETS)) expect(received).toContain(secret);
      // Every answer is a documented one (the UsernameToken above is not the mock's: SFMC answers its Login failed fault).
      const last = proxy.journal(upstream.url).slice(-6);
      expect(last.map((entry) => entry.operationId)).toEqual([
        'momentum.cancelMailing',
        'omeda.cancelDeployment',
        'sfmc.perform',
        'sfmc.requestToken',
        'voltmx.login',
        'voltmx.cancelEmail',
      ]);
      expect(last.flatMap((entry) => entry.validation.response)).toEqual([]);
    });
  });
}
