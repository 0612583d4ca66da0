import { createRequire } from 'node:module';
import SDK from 'sfmc-sdk';
import * as soap from 'soap';
import { describe, expect, it } from 'vitest';
import type { Target } from './support/target.ts';

// sfmc-fuelsdk-node is CommonJS without types.
const require = createRequire(import.meta.url);
const ETClient = require('sfmc-fuelsdk-node') as new (
  clientId: string,
  clientSecret: string,
  stack: null,
  options: { authOrigin: string; authOptions?: { authVersion: 2; accountId?: number } },
) => { SoapClient: { soapRequest(options: unknown, callback: (error: unknown, response: { body: FuelBody }) => void): void } };

interface FuelBody {
  OverallStatus: string;
  Results: Array<{ StatusCode: string; ErrorCode?: string }>;
}

const TENANT_AUTH = 'https://mc563885gzs27c5t9-63k636ttgm.auth.marketingcloudapis.com/';

/**
 * sfmc-sdk's `auth_url`: in-process the tenant's real auth host (MSW intercepts it); against the server,
 * the server's URL followed by that auth URL, which passes the SDK's unanchored tenant check.
 */
function authUrlFor(target: Target): string {
  return target.transport === 'msw' ? TENANT_AUTH : `${target.origin('sfmc')}/${TENANT_AUTH}`;
}

function fuelCancel(target: Target, id: number, legacy = false): Promise<FuelBody> {
  const authOrigin = target.transport === 'msw' ? target.origin('sfmc-auth') : target.origin('sfmc');
  const client = new ETClient('client-id', 'client-secret', null, {
    authOrigin,
    ...(legacy ? {} : { authOptions: { authVersion: 2, accountId: 1 } as const }),
  });
  return new Promise((resolve, reject) => {
    client.SoapClient.soapRequest(
      {
        action: 'Perform',
        req: {
          PerformRequestMsg: {
            $: { xmlns: 'http://exacttarget.com/wsdl/partnerAPI' },
            Action: 'cancel',
            Definitions: [{ Definition: { $: { 'xsi:type': 'Send' }, ID: id } }],
          },
        },
        key: 'PerformResponseMsg',
        retry: true,
      },
      (error, response) => (error ? reject(error) : resolve(response.body)),
    );
  });
}

/** Real SFMC clients from npm against the mock: an OK cancel, then the error on the second cancel. */
export function defineSfmcClientCases(target: Target): void {
  describe(`real SFMC clients over ${target.transport}`, () => {
    it('cancels Send 29605 with sfmc-sdk and raises SOAPError on the second cancel', async () => {
      const sdk = new SDK(
        { client_id: 'client-id', client_secret: 'client-secret', auth_url: authUrlFor(target), account_id: 1 },
        { requestAttempts: 1 },
      );
      const first = (await sdk.soap.perform('Send', 'cancel', { ID: 29605 })) as { OverallStatus: string };
      expect(first.OverallStatus).toBe('OK');
      await expect(sdk.soap.perform('Send', 'cancel', { ID: 29605 })).rejects.toMatchObject({
        name: 'SOAPError',
        message: 'One or more errors in the Results',
      });
      const journal = await target.journal();
      expect(journal.map((entry) => entry.operationId)).toEqual(['sfmc.requestToken', 'sfmc.perform', 'sfmc.perform']);
      expect(journal[0]?.request.url).toBe(`${authUrlFor(target)}v2/token`);
      expect(journal[1]?.request.headers.soapaction).toBe('Perform');
    });

    it('surfaces the Token Expired fault to sfmc-sdk as SOAPError q0:Security once the mock clock passes expires_in', async () => {
      const sdk = new SDK(
        { client_id: 'client-id', client_secret: 'client-secret', auth_url: authUrlFor(target), account_id: 1 },
        { requestAttempts: 1 },
      );
      await target.setClock('2030-01-01T00:00:00Z');
      const first = (await sdk.soap.perform('Send', 'cancel', { ID: 29605 })) as { OverallStatus: string };
      await target.setClock('2030-01-01T00:18:00Z');
      const expired = sdk.soap.perform('Send', 'cancel', { ID: 29609 });
      await expect(expired).rejects.toMatchObject({ name: 'SOAPError', message: 'Token Expired', code: 'q0:Security' });
      await target.setClock(null);
      expect(first.OverallStatus).toBe('OK');
    });

    it('cancels Send 29605 with sfmc-fuelsdk-node soapRequest (OAuth2) and fails with Soap Error on the second cancel', async () => {
      const first = await fuelCancel(target, 29605);
      expect(first.OverallStatus).toBe('OK');
      await expect(fuelCancel(target, 29605)).rejects.toThrow('Soap Error');
      const journal = await target.journal();
      expect(journal.filter((entry) => entry.operationId === 'sfmc.perform').map((entry) => entry.request.headers['user-agent'])).toEqual([
        'FuelSDK-Node/2.4.0',
        'FuelSDK-Node/2.4.0',
      ]);
    });

    // Legacy mode posts SOAP to the hard-coded https://webservice.exacttarget.com/Service.asmx, which only
    // in-process interception can reach.
    it.skipIf(target.transport === 'server')(
      'cancels with sfmc-fuelsdk-node in legacy mode (/v1/requestToken, webservice.exacttarget.com) in-process',
      async () => {
        expect((await fuelCancel(target, 29605, true)).OverallStatus).toBe('OK');
        await expect(fuelCancel(target, 29605, true)).rejects.toThrow('Soap Error');
        const urls = (await target.journal()).map((entry) => entry.request.url);
        expect(urls).toContain('https://webservice.exacttarget.com/Service.asmx');
        expect(urls).toContain(`${target.origin('sfmc-auth')}/v1/requestToken`);
      },
    );

    it('reads a cancel back with sfmc-sdk soap.retrieve: Scheduled, then Canceled, and raises on an unknown object type', async () => {
      const sdk = new SDK(
        { client_id: 'client-id', client_secret: 'client-secret', auth_url: authUrlFor(target), account_id: 1 },
        { requestAttempts: 1 },
      );
      const readBack = async () =>
        (await sdk.soap.retrieve('Send', ['ID', 'Status', 'SendDate'], {
          filter: { leftOperand: 'ID', operator: 'equals', rightOperand: 29605 },
        })) as { OverallStatus: string; Results: Array<{ ID: number; Status: string; SendDate: string }> };
      const before = await readBack();
      expect(before.OverallStatus).toBe('OK');
      expect(before.Results).toEqual([expect.objectContaining({ ID: 29605, Status: 'Scheduled', SendDate: '2030-03-01T15:00:00Z' })]);
      expect(((await sdk.soap.perform('Send', 'cancel', { ID: 29605 })) as { OverallStatus: string }).OverallStatus).toBe('OK');
      expect((await readBack()).Results).toEqual([expect.objectContaining({ ID: 29605, Status: 'Canceled' })]);
      await expect(sdk.soap.retrieve('DeliveryProfile', ['ID'], {})).rejects.toMatchObject({ name: 'SOAPError' });
      const journal = await target.journal();
      expect(journal.map((entry) => entry.operationId)).toEqual([
        'sfmc.requestToken',
        'sfmc.retrieve',
        'sfmc.perform',
        'sfmc.retrieve',
        'sfmc.retrieve',
      ]);
      expect(journal[1]?.request.headers.soapaction).toBe('Retrieve');
    });

    it('binds the served WSDL with the soap package and reads a cancel back with Retrieve', async () => {
      const client = await soap.createClientAsync(`${target.origin('sfmc')}/etframework.wsdl`);
      client.setSecurity(new soap.WSSecurity('XXX', 'XXX'));
      const operations = client as unknown as Record<string, (args: unknown) => Promise<[{ OverallStatus: string; Results?: unknown }]>>;
      const retrieve = operations.RetrieveAsync;
      const perform = operations.PerformAsync;
      if (!retrieve || !perform) throw new Error('the WSDL lacks Retrieve or Perform');
      const args = {
        RetrieveRequest: {
          ObjectType: 'Send',
          Properties: ['ID', 'Status'],
          Filter: { attributes: { 'xsi:type': 'tns:SimpleFilterPart' }, Property: 'ID', SimpleOperator: 'equals', Value: '29605' },
        },
      };
      const statusOf = (answer: { Results?: unknown }) => {
        const results = Array.isArray(answer.Results) ? answer.Results : [answer.Results];
        return (results[0] as { Status?: string } | undefined)?.Status;
      };
      const [before] = await retrieve.call(client, args);
      expect(before.OverallStatus).toBe('OK');
      expect(statusOf(before)).toBe('Scheduled');
      await perform.call(client, { Action: 'cancel', Definitions: { Definition: [{ attributes: { 'xsi:type': 'Send' }, ID: 29605 }] } });
      const [after] = await retrieve.call(client, args);
      expect(statusOf(after)).toBe('Canceled');
    });

    it('binds the served WSDL with the soap package and cancels with a UsernameToken, then gets OverallStatus Error', async () => {
      const client = await soap.createClientAsync(`${target.origin('sfmc')}/etframework.wsdl`);
      client.setSecurity(new soap.WSSecurity('XXX', 'XXX'));
      const perform = (client as unknown as Record<string, (args: unknown) => Promise<[{ OverallStatus: string }]>>).PerformAsync;
      if (!perform) throw new Error('the WSDL has no Perform operation');
      const args = { Action: 'cancel', Definitions: { Definition: [{ attributes: { 'xsi:type': 'Send' }, ID: 29605 }] } };
      const [first] = await perform.call(client, args);
      expect(first.OverallStatus).toBe('OK');
      const [second] = await perform.call(client, args);
      expect(second.OverallStatus).toBe('Error');
    });
  });
}
