import { expect, it } from 'vitest';
import { documentEnvelope } from './support/sfmc-envelopes.ts';
import type { Target, VendorHost } from './support/target.ts';

interface CancelCase {
  readonly vendor: string;
  readonly host: VendorHost;
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  /** Whether one answer is the success (the rest being the vendor's "already cancelled"). */
  readonly succeeded: (status: number, text: string) => boolean;
  /** Where the record's state is, to check it ended cancelled exactly once. */
  readonly finalState: (state: Record<string, Record<string, unknown[]>>) => unknown;
}

const MOMENTUM_AUTH = `Basic ${Buffer.from('integration:secret').toString('base64')}`;

/** One cancellable record per vendor from the default dataset, and how its success reads. */
export const CANCEL_CASES: readonly CancelCase[] = [
  {
    vendor: 'omeda',
    host: 'omeda',
    method: 'POST',
    path: '/webservices/rest/brand/ABC/omail/deployment/cancel/*',
    headers: { 'x-omeda-appid': 'my-app', 'content-type': 'application/json' },
    body: JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' }),
    succeeded: (status) => status === 200,
    finalState: (state) => ((state.omeda?.deployments ?? []) as Array<{ TrackId: string }>).find((d) => d.TrackId === 'FOO0102003002'),
  },
  {
    vendor: 'voltmx',
    host: 'voltmx',
    method: 'POST',
    path: '/api/v1/email/7131002087805116277/cancel',
    headers: { 'x-voltmx-authorization': 'claims-token' },
    succeeded: (status) => status === 200,
    finalState: (state) =>
      ((state.voltmx?.requests ?? []) as Array<{ requestId: string }>).find((r) => r.requestId === '7131002087805116277'),
  },
  {
    vendor: 'sfmc',
    host: 'sfmc',
    method: 'POST',
    path: '/Service.asmx',
    headers: { 'content-type': 'text/xml', soapaction: 'Perform' },
    body: documentEnvelope('29605'),
    succeeded: (status, text) => status === 200 && text.includes('<OverallStatus>OK</OverallStatus>'),
    finalState: (state) => ((state.sfmc?.sends ?? []) as Array<{ ID: number }>).find((send) => send.ID === 29605),
  },
  {
    // Momentum answers `0` to every cancel, even of a mailing already cancelled (documented), so
    // "exactly one success" shows in the state only: the mailing moved to 8 once and stays there.
    vendor: 'momentum',
    host: 'momentum',
    method: 'PUT',
    path: '/v3.5/mailing/cancel?orgid=2&mid=124',
    headers: { authorization: MOMENTUM_AUTH },
    succeeded: () => true,
    finalState: (state) =>
      ((state.momentum?.mailings ?? []) as Array<{ mid: number; orgid: number }>).find((m) => m.mid === 124 && m.orgid === 2),
  },
];

/** 50 concurrent cancels of one record per vendor, and resets racing cancels, through any transport. */
export function defineConcurrencyCases(target: Target): void {
  it.each(CANCEL_CASES)(`gives exactly one success to 50 concurrent cancels of one $vendor record over ${target.transport}`, async (c) => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const response = await fetch(target.url(c.host, c.path), {
          method: c.method,
          headers: c.headers,
          ...(c.body ? { body: c.body } : {}),
        });
        return { status: response.status, text: await response.text() };
      }),
    );
    const statuses = new Set(answers.map((answer) => answer.status));
    expect([...statuses].every((status) => status < 500 || c.vendor === 'sfmc')).toBe(true);
    if (c.vendor === 'momentum') expect(answers.every((answer) => answer.status === 200 && answer.text.trim() === '0')).toBe(true);
    else expect(answers.filter((answer) => c.succeeded(answer.status, answer.text))).toHaveLength(1);
    const record = c.finalState((await target.getState()) as never) as Record<string, unknown>;
    expect(JSON.stringify(record)).toMatch(/"Status":"Cancel|"Status":"Canceled"|"state":8|"status":"Cancelled"/);
  });

  it(`never leaves mixed state when resets race cancels over ${target.transport}`, async () => {
    const defaults = await target.getState();
    const shape = (state: Record<string, Record<string, unknown[]>>) =>
      Object.entries(state).map(([vendor, collections]) => [
        vendor,
        Object.entries(collections).map(([name, rows]) => [name, rows.length]),
      ]);
    const work: Promise<unknown>[] = [];
    const snapshots: Promise<Record<string, Record<string, unknown[]>>>[] = [];
    for (let round = 0; round < 10; round++) {
      for (const c of CANCEL_CASES)
        work.push(
          fetch(target.url(c.host, c.path), { method: c.method, headers: c.headers, ...(c.body ? { body: c.body } : {}) }).then((r) =>
            r.text(),
          ),
        );
      work.push(target.reset());
      snapshots.push(target.getState() as never);
    }
    await Promise.all(work);
    // A reset is atomic: no snapshot taken mid-race sees a half-restored store (records missing or doubled).
    for (const snapshot of await Promise.all(snapshots)) expect(shape(snapshot)).toEqual(shape(defaults as never));
    await target.reset();
    expect(await target.getState()).toEqual(defaults);
  });
}
