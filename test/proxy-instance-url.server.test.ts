import { serve } from '@hono/node-server';
import SDK from 'sfmc-sdk';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { JournalEntry } from '../src/index.ts';
import { type RunningProxy, startProxy } from '../src/proxy/start-proxy.ts';
import { type RunningServer, startServer } from '../src/server.ts';

const TENANT_AUTH = 'https://mc563885gzs27c5t9-63k636ttgm.auth.marketingcloudapis.com/';

// SFMC's shape on loopback: the target is an auth host (it forwards to the mock, so the token's
// instance URLs name the mock's origin, another host), and the SOAP instance is the mock itself.
let instance: RunningServer | undefined;
let proxy: RunningProxy | undefined;
let closeAuth: (() => void) | undefined;
const authPaths: string[] = [];

beforeAll(async () => {
  const soap = await startServer({ port: 0 });
  instance = soap;
  const authUrl = await new Promise<string>((resolve) => {
    const server = serve(
      {
        port: 0,
        hostname: '127.0.0.1',
        fetch: async (request) => {
          const { pathname, search } = new URL(request.url);
          authPaths.push(pathname);
          const headers = new Headers(request.headers);
          headers.delete('host');
          return fetch(`${soap.url}${pathname}${search}`, { method: request.method, headers, body: await request.text() });
        },
      },
      (info) => resolve(`http://127.0.0.1:${info.port}`),
    );
    closeAuth = () => server.close();
  });
  proxy = await startProxy({ port: 0, targets: new Map([['sfmc', new URL(authUrl)]]) });
});
afterAll(async () => {
  await proxy?.close();
  closeAuth?.();
  await instance?.close();
});

it("sends sfmc-sdk's SOAP calls through the proxy to the instance host the token names, under /__upstream/<n>", async () => {
  if (!proxy || !instance) throw new Error('not started');
  const sdk = new SDK(
    { client_id: 'client-id', client_secret: 'client-secret', auth_url: `${proxy.url}/${TENANT_AUTH}`, account_id: 1 },
    { requestAttempts: 1 },
  );
  const answer = (await sdk.soap.perform('Send', 'cancel', { ID: 29605 })) as { OverallStatus: string };
  expect(answer.OverallStatus).toBe('OK');

  const journal = proxy.proxy.journal.entries();
  expect(journal.map((entry) => `${entry.operationId} ${entry.response.status}`)).toEqual(['sfmc.requestToken 200', 'sfmc.perform 200']);
  const token = JSON.parse((journal[0] as JournalEntry).response.body) as { soap_instance_url: string };
  expect(token.soap_instance_url).toBe(`${proxy.url}/__upstream/0/`);
  expect(journal[1]?.request.url).toBe(`${proxy.url}/__upstream/0/Service.asmx`);
  expect(journal.flatMap((entry) => [...entry.validation.request, ...entry.validation.response])).toEqual([]);
  // The auth host saw only the token request; the instance answered the SOAP call.
  expect(authPaths).toEqual([`/${TENANT_AUTH}v2/token`]);
  const instanceJournal = instance.engine.journal.entries().map((entry) => entry.operationId);
  expect(instanceJournal).toEqual(['sfmc.requestToken', 'sfmc.perform']);
});
