import { beforeEach, describe, expect, it } from 'vitest';
import { expectHeadLikeGet } from './support/head-request.ts';
import type { Target } from './support/target.ts';

const DOC_ID = '7131002087805116277';
const LONG_MAX = '9223372036854775807';
const CONTENT_TYPE = 'application/json;charset=UTF-8';
const TOKEN = { 'x-voltmx-authorization': 'claims-token' };
/** Pinned so "scheduled later" never depends on the day the tests run. */
const NOW = '2026-01-15T09:00:00.000Z';

interface VoltMxBody {
  id: string;
  message: string;
}

/** Sends a request to the Volt MX host and reads the JSON answer. */
async function send(target: Target, method: string, path: string, headers: Record<string, string> = TOKEN, body?: string) {
  const response = await fetch(target.url('voltmx', path), { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    allow: response.headers.get('allow'),
    text,
    body: (text ? JSON.parse(text) : undefined) as VoltMxBody,
  };
}

const cancel = (target: Target, id: string, headers: Record<string, string> = TOKEN) =>
  send(target, 'POST', `/api/v1/email/${id}/cancel`, headers);

const cancelled = (count: number, id: string) => ({
  id: '',
  message: `Cancelled  ${count} Email entries of the EmailRequest with ID : ${id}`,
});
const NOTHING_TO_CANCEL = { id: '', message: 'No cancellable messages found' };
const INVALID_ID = { id: '', message: 'Invalid request ID' };
const UNAUTHORIZED = { id: '', message: 'Unauthorized request' };

interface StatusBody {
  total: number;
  messages: Array<{ entryId: string; status: string; statusMessage: string }>;
}

/** Volt MX Engagement Cancel Email, every documented outcome, through any transport. */
export function defineVoltMxCases(target: Target): void {
  describe(`voltmx over ${target.transport}`, () => {
    beforeEach(() => target.setClock(NOW));

    it('cancels the document example request with 200 and the document message, two spaces included', async () => {
      const answer = await cancel(target, DOC_ID);
      expect(answer.status).toBe(200);
      expect(answer.contentType).toBe(CONTENT_TYPE);
      expect(answer.text).toBe('{"id":"","message":"Cancelled  4 Email entries of the EmailRequest with ID : 7131002087805116277"}');
    });

    it.each([
      ['broken JSON', 'application/json', '{'],
      ['JSON in a charset no decoder knows', 'application/json; charset=bogus', '{}'],
      ['random bytes', 'application/octet-stream', '\u0000\uFFFD{'],
    ])('cancels, reading no body, when a POST cancel carries %s: the operation takes none', async (_name, contentType, body) => {
      const answer = await send(target, 'POST', `/api/v1/email/${DOC_ID}/cancel`, { ...TOKEN, 'content-type': contentType }, body);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(cancelled(4, DOC_ID));
      await target.reset();
    });

    it.each([
      ['7131002087805116278', 200, cancelled(3, '7131002087805116278'), 'mixes sent and scheduled entries: only the scheduled count'],
      ['7131002087805116279', 400, NOTHING_TO_CANCEL, 'is all sent'],
      ['7131002087805116280', 400, NOTHING_TO_CANCEL, 'is already cancelled'],
      ['7131002087805116281', 400, NOTHING_TO_CANCEL, 'was sent immediately'],
      [LONG_MAX, 200, cancelled(2, LONG_MAX), 'is Long.MAX_VALUE'],
      ['9223372036854775806', 400, NOTHING_TO_CANCEL, 'is Long.MAX_VALUE - 1 (the same JS number), all sent'],
      ['1234', 400, NOTHING_TO_CANCEL, 'is unknown'],
      ['-9223372036854775808', 400, NOTHING_TO_CANCEL, 'is Long.MIN_VALUE, unknown'],
      ['07131002087805116277', 200, cancelled(4, DOC_ID), 'has a leading zero (read as Java reads a long)'],
    ])('answers a cancel of request %s with %i when it %s', async (id, status, body) => {
      const answer = await cancel(target, id);
      expect(answer.status).toBe(status);
      expect(answer.contentType).toBe(CONTENT_TYPE);
      expect(answer.body).toEqual(body);
    });

    it.each([
      ['POST', '', `/api/v1/email/${DOC_ID}/cancel`],
      ['DELETE', '', `/api/v1/email/${DOC_ID}`],
      ['POST', '/vpns', `/vpns/api/v1/email/${DOC_ID}/cancel`],
      ['DELETE', '/vpns', `/vpns/api/v1/email/${DOC_ID}`],
      ['POST', '/kpns', `/kpns/api/v1/email/${DOC_ID}/cancel`],
      ['DELETE', '/kpns', `/kpns/api/v1/email/${DOC_ID}`],
    ])('cancels with %s under the context root %j, and a second cancel finds nothing', async (method, _root, path) => {
      expect((await send(target, method, path)).body).toEqual(cancelled(4, DOC_ID));
      const second = await send(target, method, path);
      expect(second.status).toBe(400);
      expect(second.body).toEqual(NOTHING_TO_CANCEL);
    });

    it.each([
      ['POST', '/api/v1/email/9223372036854775808/cancel', 'Long.MAX_VALUE + 1'],
      ['DELETE', '/api/v1/email/-9223372036854775809', 'Long.MIN_VALUE - 1'],
      ['POST', '/api/v1/email/99999999999999999999/cancel', 'twenty nines'],
      ['DELETE', '/api/v1/email/abc', 'letters'],
      ['POST', '/api/v1/email/1.5/cancel', 'a fraction'],
      ['POST', '/api/v1/email/1e3/cancel', 'an exponent'],
      ['POST', '/api/v1/email/%20/cancel', 'a space'],
      ['POST', '/api/v1/email/%2B1/cancel', 'a plus sign'],
      ['POST', '/api/v1/email//cancel', 'empty (POST)'],
      ['DELETE', '/api/v1/email/', 'empty (DELETE)'],
      ['DELETE', '/vpns/api/v1/email/', 'empty under /vpns'],
    ])('answers %s %s with 400 Invalid request ID (%s)', async (method, path) => {
      const answer = await send(target, method, path);
      expect(answer.status).toBe(400);
      expect(answer.contentType).toBe(CONTENT_TYPE);
      expect(answer.body).toEqual(INVALID_ID);
    });

    it('keeps Long.MAX_VALUE exact in the message, the state and the journal', async () => {
      await cancel(target, LONG_MAX);
      const state = await target.getState();
      const requests = (state.voltmx?.requests ?? []) as Array<{ requestId: string; entries: Array<{ status: string }> }>;
      const statuses = (id: string) => requests.find((request) => request.requestId === id)?.entries.map((entry) => entry.status);
      expect(statuses(LONG_MAX)).toEqual(['Cancelled', 'Cancelled']);
      expect(statuses('9223372036854775806')).toEqual(['Submitted']);
      const [entry] = await target.journal();
      expect(entry?.operationId).toBe('voltmx.cancelEmail');
      expect(entry?.request.url).toContain(`/api/v1/email/${LONG_MAX}/cancel`);
      expect(entry?.response.body).toContain(`with ID : ${LONG_MAX}"`);
    });

    it('judges "scheduled later" on the mock clock: past the schedule, nothing is cancellable', async () => {
      await target.setClock('2099-01-15T09:00:00Z');
      expect((await cancel(target, DOC_ID)).body).toEqual(NOTHING_TO_CANCEL);
      await target.setClock('2099-01-15T08:59:59Z');
      expect((await cancel(target, DOC_ID)).body).toEqual(cancelled(4, DOC_ID));
    });

    it('shows each entry of a request as Cancelled in the Email Queue status after a cancel', async () => {
      const path = '/api/v1/status/email/request/7131002087805116278';
      const before = await send(target, 'GET', path);
      expect(before.status).toBe(200);
      expect(before.contentType).toBe(CONTENT_TYPE);
      expect((before.body as unknown as StatusBody).messages.map((m) => m.status)).toEqual([
        'Submitted',
        'Submitted',
        'Initial',
        'Initial',
        'Initial',
      ]);
      await send(target, 'DELETE', '/kpns/api/v1/email/7131002087805116278');
      const after = (await send(target, 'GET', path)).body as unknown as StatusBody;
      expect(after.total).toBe(5);
      expect(after.messages.map((m) => [m.status, m.statusMessage])).toEqual([
        ['Submitted', 'Mail sent'],
        ['Submitted', 'Mail sent'],
        ['Cancelled', 'Cancelled'],
        ['Cancelled', 'Cancelled'],
        ['Cancelled', 'Cancelled'],
      ]);
      expect(after.messages.every((m) => /^[0-9]{19}$/.test(m.entryId))).toBe(true);
    });

    it.each([
      ['a request', '/api/v1/status/email/request/7131002087805116278', TOKEN, 200],
      ['an unknown request', '/vpns/api/v1/status/email/request/42', TOKEN, 400],
      ['no credentials', '/api/v1/status/email/request/7131002087805116278', {}, 401],
    ])('answers HEAD on the Email Queue status of %s as GET without the body', async (_name, path, headers, status) => {
      const { head } = await expectHeadLikeGet(target.url('voltmx', path), headers);
      expect(head.status).toBe(status);
    });

    it('answers the Email Queue status of an unknown request with 400 No messages found', async () => {
      const answer = await send(target, 'GET', '/vpns/api/v1/status/email/request/42');
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ id: '', message: 'No messages found' });
    });

    it.each([
      ['a claims token in X-VoltMX-Authorization', { 'x-voltmx-authorization': 'anything' }],
      ['a claims token in X-Kony-Authorization', { 'x-kony-authorization': 'anything' }],
      ['HTTP Basic', { authorization: `Basic ${btoa('admin:secret')}` }],
      ['AccessToken with AccessSecret', { accesstoken: 'token', accesssecret: 'secret' }],
    ])('accepts %s by default', async (_, headers) => {
      expect((await cancel(target, DOC_ID, headers)).status).toBe(200);
    });

    it.each([
      ['no credential', {}],
      ['an empty claims token', { 'x-voltmx-authorization': '' }],
      ['AccessToken without AccessSecret', { accesstoken: 'token' }],
      ['a Bearer token', { authorization: 'Bearer abc' }],
      ['Basic without a colon', { authorization: `Basic ${btoa('admin')}` }],
      ['Basic that is not base64', { authorization: 'Basic %%%' }],
    ])('answers 401 Unauthorized request for %s and cancels nothing', async (_, headers) => {
      const answer = await cancel(target, DOC_ID, headers);
      expect(answer.status).toBe(401);
      expect(answer.contentType).toBe(CONTENT_TYPE);
      expect(answer.body).toEqual(UNAUTHORIZED);
      expect((await cancel(target, DOC_ID)).status).toBe(200);
    });

    it('checks credentials before the id', async () => {
      expect((await cancel(target, 'abc', {})).body).toEqual(UNAUTHORIZED);
      expect((await send(target, 'POST', '/api/v1/email//cancel', {})).body).toEqual(UNAUTHORIZED);
    });

    it.each([
      ['JSON', 'application/json', JSON.stringify({ userid: 'admin', password: 'secret', provider: 'userstore' })],
      ['a form', 'application/x-www-form-urlencoded', 'userid=admin&password=secret&provider=userstore'],
    ])('logs in with %s and answers a claims token that expires in an hour, in epoch milliseconds', async (_, contentType, body) => {
      const answer = await send(target, 'POST', '/authService/accounts/login', { 'content-type': contentType }, body);
      expect(answer.status).toBe(200);
      expect(answer.contentType).toBe(CONTENT_TYPE);
      const login = answer.body as unknown as { profile: object; refresh_token: string; claims_token: { value: string; exp: number } };
      expect(login.profile).toEqual({ userid: 'admin', provider: 'userstore' });
      expect(login.refresh_token).toMatch(/.+/);
      expect(login.claims_token.exp).toBe(Date.parse(NOW) + 3_600_000);
      expect((await cancel(target, DOC_ID, { 'x-kony-authorization': login.claims_token.value })).status).toBe(200);
    });

    it.each([
      ['no password', JSON.stringify({ userid: 'admin' })],
      ['an empty userid', JSON.stringify({ userid: '', password: 'x' })],
      ['malformed JSON', '{"userid":'],
    ])('answers a login with %s with 400 Mandatory parameters not filled', async (_, body) => {
      const answer = await send(target, 'POST', '/authService/accounts/login', { 'content-type': 'application/json' }, body);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ id: '', message: 'Mandatory parameters not filled' });
    });

    it.each([
      ['POST', `/api/v1/email/${DOC_ID}/cancel`],
      ['DELETE', `/vpns/api/v1/email/${DOC_ID}`],
    ])('forces 500 Server failure to process request on %s %s with Prefer, leaving the entries untouched', async (method, path) => {
      const forced = await send(target, method, path, { ...TOKEN, prefer: 'code=500' });
      expect(forced.status).toBe(500);
      expect(forced.contentType).toBe(CONTENT_TYPE);
      expect(forced.body).toEqual({ id: '', message: 'Server failure to process request' });
      expect((await cancel(target, DOC_ID)).body).toEqual(cancelled(4, DOC_ID));
    });

    it('answers a queued 500 once through mock.force, then the handler again', async () => {
      await target.force('voltmx.deleteEmail', 500, { times: 1 });
      const forced = await send(target, 'DELETE', `/api/v1/email/${DOC_ID}`);
      expect(forced.status).toBe(500);
      expect(forced.contentType).toBe(CONTENT_TYPE);
      expect(forced.body).toEqual({ id: '', message: 'Server failure to process request' });
      expect((await send(target, 'DELETE', `/api/v1/email/${DOC_ID}`)).status).toBe(200);
    });

    it.each([
      [400, 'invalidRequestId', INVALID_ID],
      [401, 'unauthorized', UNAUTHORIZED],
      [200, 'cancelled', cancelled(4, '1')],
    ])('forces %i with Prefer example=%s in the documented shape, naming the request ID of the path', async (code, example, body) => {
      const forced = await cancel(target, '1', { ...TOKEN, prefer: `code=${code}, example=${example}` });
      expect(forced.status).toBe(code);
      expect(forced.contentType).toBe(CONTENT_TYPE);
      expect(forced.body).toEqual(body);
    });

    it('forces a login with the userid sent, fresh tokens and an exp an hour after the mock clock', async () => {
      const login = async () => {
        const answer = await send(
          target,
          'POST',
          '/authService/accounts/login',
          { 'content-type': 'application/json', prefer: 'code=200' },
          JSON.stringify({ userid: 'someone', password: 'pw' }),
        );
        expect(answer.status).toBe(200);
        return answer.body as unknown as {
          profile: { userid: string };
          refresh_token: string;
          claims_token: { value: string; exp: number };
        };
      };
      const [first, second] = [await login(), await login()];
      expect(first.profile.userid).toBe('someone');
      expect(first.claims_token.exp).toBe(Date.parse(NOW) + 3_600_000);
      expect(second.claims_token.value).not.toBe(first.claims_token.value);
      expect(second.refresh_token).not.toBe(first.refresh_token);
    });

    it('gives exactly one of two concurrent cancels of one request the entries', async () => {
      const answers = await Promise.all([cancel(target, DOC_ID), send(target, 'DELETE', `/api/v1/email/${DOC_ID}`)]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400]);
    });

    it('answers an unknown path under /api/v1/email/ in the Volt MX envelope', async () => {
      const answer = await send(target, 'POST', `/api/v1/email/${DOC_ID}/resend`);
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ id: '', message: `No resource found for POST /api/v1/email/${DOC_ID}/resend` });
    });

    it.each([
      ['GET', `/api/v1/email/${DOC_ID}/cancel`, 'POST'],
      ['PUT', `/vpns/api/v1/email/${DOC_ID}/cancel`, 'POST'],
      ['DELETE', `/kpns/api/v1/email/${DOC_ID}/cancel`, 'POST'],
      ['GET', `/api/v1/email/${DOC_ID}`, 'DELETE'],
      ['POST', `/vpns/api/v1/email/${DOC_ID}`, 'DELETE'],
      ['POST', `/api/v1/status/email/request/${DOC_ID}`, 'GET, HEAD'],
    ])(
      'answers %s %s with the SMS sibling’s 400 Request method not allowed and Allow: %s, cancelling nothing',
      async (method, path, allow) => {
        const answer = await send(target, method, path);
        expect(answer.status).toBe(400);
        expect(answer.contentType).toBe(CONTENT_TYPE);
        expect(answer.allow).toBe(allow);
        expect(answer.body).toEqual({ id: '', message: 'Invalid Request. Request method not allowed' });
        expect((await cancel(target, DOC_ID)).body).toEqual(cancelled(4, DOC_ID));
      },
    );

    it('answers a wrong method without credentials with 401, the gateway filter running first', async () => {
      const answer = await send(target, 'GET', `/api/v1/email/${DOC_ID}/cancel`, {});
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual(UNAUTHORIZED);
    });

    it.each([
      ['POST', `/vpns/api/v1/email/${DOC_ID}/cancel`, '/kpns/api/v1/status/email/request/'],
      ['DELETE', `/api/v1/email/${DOC_ID}`, '/vpns/api/v1/status/email/request/'],
      ['POST', `/kpns/api/v1/email/${DOC_ID}/cancel`, '/api/v1/status/email/request/'],
    ])('reads a %s cancel at %s back as Cancelled from the status under %s', async (method, path, statusRoot) => {
      expect((await send(target, method, path)).status).toBe(200);
      const after = (await send(target, 'GET', `${statusRoot}${DOC_ID}`)).body as unknown as StatusBody;
      expect(after.messages.map((m) => m.status)).toEqual(['Cancelled', 'Cancelled', 'Cancelled', 'Cancelled']);
    });

    it('cancels from a state that was put, with ids beyond 2^53 kept exact', async () => {
      const request = (requestId: string) => ({
        requestId,
        entries: [
          {
            entryId: requestId,
            email: 'a@example.com',
            status: 'Initial',
            scheduledAt: '2030-01-01T00:00:00Z',
            submittedAt: null,
            cancelledAt: null,
          },
        ],
      });
      const requests = [request('9007199254740993'), request('9007199254740992')];
      expect(await target.setState({ voltmx: { requests, issuedTokens: [] } })).toBe(true);
      expect((await target.getState()).voltmx?.requests).toEqual(requests);
      expect((await cancel(target, '9007199254740993')).body).toEqual(cancelled(1, '9007199254740993'));
      expect((await cancel(target, DOC_ID)).body).toEqual(NOTHING_TO_CANCEL);
    });

    it('refuses a state whose request id is a JSON number, leaving the store as it was', async () => {
      const before = await target.getState();
      const ok = await target.setState({
        voltmx: {
          entries: [{ entryId: '1', requestId: 1, email: 'a', status: 'Initial', scheduledAt: NOW, submittedAt: null, cancelledAt: null }],
        },
      });
      expect(ok).toBe(false);
      expect(await target.getState()).toEqual(before);
    });

    it('restores the default dataset on reset', async () => {
      const before = await target.getState();
      await cancel(target, DOC_ID);
      expect(await target.getState()).not.toEqual(before);
      await target.reset();
      expect(await target.getState()).toEqual(before);
    });
  });
}
