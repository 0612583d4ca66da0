import { useMockSession } from 'esp-cancel-mock/vitest';
import { expect, it } from 'vitest';

/**
 * What a new user tried against one shared server (reset in beforeEach, then cancel Omeda's
 * documented deployment FOO0102003002), with each file in its own session: every test passes however
 * the four files interleave, and each session's journal holds this file's exchanges only.
 */
export function defineCancelCases(worker) {
  const mock = useMockSession();
  const cancel = () =>
    fetch(`${mock.url}/webservices/rest/brand/ABC/omail/deployment/cancel/*`, {
      method: 'POST',
      headers: { 'x-omeda-appid': 'my-app', 'content-type': 'application/json', 'x-worker': worker },
      body: JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' }),
    });

  for (let round = 1; round <= 5; round += 1) {
    it(`cancels FOO0102003002 with 200, then 400, in round ${round} of ${worker}`, async () => {
      expect((await cancel()).status).toBe(200);
      expect((await cancel()).status).toBe(400);
      const journal = await mock.requests();
      expect(journal.map((entry) => [entry.request.headers['x-worker'], entry.response.status])).toEqual([
        [worker, 200],
        [worker, 400],
      ]);
    });
  }

  it(`follows the lookup Url the cancel hands out and stays in the session of ${worker}`, async () => {
    const { ResponseInfo } = await (await cancel()).json();
    expect(ResponseInfo[0].Url.startsWith(`${mock.url}/`)).toBe(true);
    const lookup = await fetch(ResponseInfo[0].Url, { headers: { 'x-omeda-appid': 'my-app' } });
    expect(await lookup.json()).toMatchObject({ TrackId: 'FOO0102003002', Status: 'Cancelled' });
  });
}
