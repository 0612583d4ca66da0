import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../src/journal/request-journal.ts';
import { createMock } from '../src/msw.ts';
import { type RunningServer, startServer } from '../src/server.ts';
import { documentEnvelope } from './support/sfmc-envelopes.ts';
import { VENDOR_HOSTS, type VendorHost } from './support/target.ts';

/**
 * A forced answer (`Prefer: code=N`, the force queue) reaches only a request the vendor would admit:
 * a request without the vendor's credentials, or from an app its allow-list does not name, gets the
 * vendor's own refusal, and a queued outcome stays queued for the next admitted request.
 */
const config = { omeda: { appIds: ['my-app'] }, voltmx: { tokens: ['claims-token'] } };
const mock = createMock({ strict: true, config });
let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, strict: true, config });
});
afterAll(() => server.close());

interface Sent {
  readonly host: VendorHost;
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}
interface AccessCase {
  readonly vendor: string;
  readonly operationId: string;
  /** A request the vendor refuses at its door, and the same request admitted. */
  readonly refused: Sent;
  readonly admitted: Sent;
  readonly refusedStatus: number;
  /** A documented status that is not the refusal's. */
  readonly forcedStatus: number;
}

const momentumCancel = (headers: Record<string, string>): Sent => ({
  host: 'momentum',
  method: 'PUT',
  path: '/v3.5/mailing/cancel?orgid=2&mid=124',
  headers,
});
const omedaCancel = (appId: string): Sent => ({
  host: 'omeda',
  method: 'POST',
  path: '/webservices/rest/brand/ABC/omail/deployment/cancel/*',
  headers: { 'content-type': 'application/json', 'x-omeda-appid': appId },
  body: JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' }),
});
const sfmcPerform = (password: string): Sent => ({
  host: 'sfmc',
  method: 'POST',
  path: '/Service.asmx',
  headers: { 'content-type': 'text/xml', soapaction: 'Perform' },
  body: documentEnvelope('29605', 'XXX', password),
});
const voltmxCancel = (headers: Record<string, string>): Sent => ({
  host: 'voltmx',
  method: 'POST',
  path: '/api/v1/email/7131002087805116277/cancel',
  headers,
});

const CASES: readonly AccessCase[] = [
  {
    vendor: 'momentum',
    operationId: 'momentum.cancelMailing',
    refused: momentumCancel({}),
    admitted: momentumCancel({ authorization: `Basic ${Buffer.from('integration:secret').toString('base64')}` }),
    refusedStatus: 401,
    forcedStatus: 404,
  },
  {
    vendor: 'omeda',
    operationId: 'omeda.cancelDeployment',
    refused: omedaCancel('other-app'),
    admitted: omedaCancel('my-app'),
    refusedStatus: 403,
    forcedStatus: 404,
  },
  {
    vendor: 'sfmc',
    operationId: 'sfmc.perform',
    refused: sfmcPerform('wrong'),
    admitted: sfmcPerform('XXX'),
    refusedStatus: 500,
    forcedStatus: 200,
  },
  {
    vendor: 'voltmx',
    operationId: 'voltmx.cancelEmail',
    refused: voltmxCancel({}),
    admitted: voltmxCancel({ 'x-voltmx-authorization': 'claims-token' }),
    refusedStatus: 401,
    forcedStatus: 500,
  },
];

interface Transport {
  readonly name: 'server' | 'msw';
  send(sent: Sent, extra?: Record<string, string>): Promise<Response>;
  queue(operationId: string, status: number): Promise<void>;
  journal(): Promise<readonly JournalEntry[]>;
  reset(): Promise<void>;
  state(): Promise<unknown>;
}
const toInit = (sent: Sent, extra: Record<string, string>): RequestInit => ({
  method: sent.method,
  headers: { ...sent.headers, ...extra },
  ...(sent.body === undefined ? {} : { body: sent.body }),
});
const TRANSPORTS: readonly Transport[] = [
  {
    name: 'server',
    send: (sent, extra = {}) => fetch(`${server.url}${sent.path}`, toInit(sent, extra)),
    async queue(operationId, status) {
      const response = await fetch(`${server.url}/__admin/force`, {
        method: 'POST',
        body: JSON.stringify({ operationId, status, times: 1 }),
      });
      expect(response.status).toBe(201);
    },
    journal: async () => ((await (await fetch(`${server.url}/__admin/requests`)).json()) as { requests: JournalEntry[] }).requests,
    async reset() {
      await fetch(`${server.url}/__admin/reset`, { method: 'POST' });
    },
    state: async () => (await fetch(`${server.url}/__admin/state`)).json(),
  },
  {
    name: 'msw',
    send: (sent, extra = {}) => mock.fetch(new Request(`${VENDOR_HOSTS[sent.host]}${sent.path}`, toInit(sent, extra))),
    async queue(operationId, status) {
      mock.force(operationId as Parameters<typeof mock.force>[0], status, { times: 1 });
    },
    journal: async () => mock.journal.entries(),
    reset: () => mock.reset(),
    state: async () => mock.getState(),
  },
];

describe.each(TRANSPORTS)('over $name', (t) => {
  beforeEach(() => t.reset());

  it.each(CASES)("answers the vendor's own refusal, not a forced answer, to a request it would not admit: $vendor", async (access) => {
    const before = await t.state();
    const prefer = { prefer: `code=${access.forcedStatus}` };
    expect((await t.send(access.refused, prefer)).status).toBe(access.refusedStatus);
    await t.queue(access.operationId, access.forcedStatus);
    expect((await t.send(access.refused)).status).toBe(access.refusedStatus);
    // The refused request left the queued outcome for the next admitted one, and changed nothing.
    expect((await t.send(access.admitted)).status).toBe(access.forcedStatus);
    expect((await t.send(access.admitted, prefer)).status).toBe(access.forcedStatus);
    expect((await t.journal()).map((entry) => [entry.response.status, entry.forced?.by ?? null])).toEqual([
      [access.refusedStatus, null],
      [access.refusedStatus, null],
      [access.forcedStatus, 'queue'],
      [access.forcedStatus, 'prefer'],
    ]);
    expect(await t.state()).toEqual(before);
  });

  it("answers SFMC's SOAPAction fault before its credentials, forced or not, as Perform does", async () => {
    // No SOAPAction header and none in the envelope: Perform's own first check.
    const noAction = { ...sfmcPerform('wrong'), headers: { 'content-type': 'text/xml' } };
    const unforced = await t.send(noAction);
    const forced = await t.send(noAction, { prefer: 'code=200' });
    expect(forced.status).toBe(unforced.status);
    const faultOf = (text: string) => /<faultstring>([^<]*)<\/faultstring>/.exec(text)?.[1];
    const [unforcedFault, forcedFault] = [faultOf(await unforced.text()), faultOf(await forced.text())];
    expect(unforcedFault).toMatch(/^SOAP Action Could Not Be Determined/);
    expect(forcedFault).toBe(unforcedFault);
  });
});
