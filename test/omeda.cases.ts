import { describe, expect, it } from 'vitest';
import { expectHeadLikeGet } from './support/head-request.ts';
import type { Target } from './support/target.ts';
import { toUtf16 } from './support/utf16.ts';

const CANCEL = '/webservices/rest/brand/ABC/omail/deployment/cancel/*';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const APP = { 'x-omeda-appid': 'my-app', 'content-type': 'application/json' };

interface OmedaBody {
  Errors?: Array<{ Error: string }>;
  SubmissionId: string;
  ResponseInfo?: Array<{ TrackId: string; Url: string; SubmissionId: string }>;
}

/** Sends a request and reads Omeda's JSON answer. */
async function send(
  target: Target,
  init: { path?: string; method?: string; headers?: Record<string, string>; body?: string | Uint8Array<ArrayBuffer> } = {},
) {
  const response = await fetch(target.url('omeda', init.path ?? CANCEL), {
    method: init.method ?? 'POST',
    headers: init.headers ?? APP,
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: (text ? JSON.parse(text) : undefined) as OmedaBody };
}

const cancel = (target: Target, UserId: string, TrackId: string, headers: Record<string, string> = APP) =>
  send(target, { headers, body: JSON.stringify({ UserId, TrackId }) });

const errorsOf = (body: OmedaBody) => body.Errors?.map((error) => error.Error);

/** Omeda Deployment Cancel, every documented outcome, through any transport. */
export function defineOmedaCases(target: Target): void {
  describe(`omeda over ${target.transport}`, () => {
    it('cancels the document example deployment with 200, ResponseInfo and one fresh lower-case SubmissionId', async () => {
      const { status, body, headers } = await cancel(target, 'omailAccount1', 'FOO0102003002');
      expect(status).toBe(200);
      expect(headers.get('content-type')).toBe('application/json');
      expect(body.SubmissionId).toMatch(GUID);
      expect(body.ResponseInfo).toEqual([
        {
          TrackId: 'FOO0102003002',
          Url: `${target.origin('omeda')}/webservices/rest/brand/ABC/omail/deployment/lookup/FOO0102003002/*`,
          SubmissionId: body.SubmissionId,
        },
      ]);
    });

    it('answers a second cancel of the same deployment with 400 previously cancelled', async () => {
      expect((await cancel(target, 'omailAccount1', 'FOO0102003002')).status).toBe(200);
      const second = await cancel(target, 'omailAccount1', 'FOO0102003002');
      expect(second.status).toBe(400);
      expect(errorsOf(second.body)).toEqual(["Deployment 'FOO0102003002' has been previously cancelled."]);
      const third = await cancel(target, 'omailAccount1', 'FOO0102003002');
      expect(errorsOf(third.body)).toEqual(["Deployment 'FOO0102003002' has been previously cancelled."]);
    });

    it('gives every answer its own SubmissionId', async () => {
      const first = await cancel(target, 'omailAccount1', 'NOPE0000000');
      const second = await cancel(target, 'omailAccount1', 'NOPE0000000');
      expect(first.body.SubmissionId).toMatch(GUID);
      expect(second.body.SubmissionId).not.toBe(first.body.SubmissionId);
    });

    it.each([
      ['a sent deployment', 'omailAccount1', 'FOO0102003003', 400, "Deployment 'FOO0102003003' was sent on 2018-11-28 14:30:00."],
      ['a sending deployment', 'omailAccount1', 'FOO0102003006', 400, "Deployment 'FOO0102003006' was sent on 2018-11-29 08:00:00."],
      ['a cancelled deployment', 'omailAccount1', 'FOO0102003004', 400, "Deployment 'FOO0102003004' has been previously cancelled."],
      [
        "another user's deployment",
        'omailAccount1',
        'FOO0102003005',
        403,
        "User 'omailAccount1' is not authorized to cancel this deployment.",
      ],
      [
        "the document's own example: the owner spelled in lower case",
        'omailaccount1',
        'FOO0102003002',
        403,
        "User 'omailaccount1' is not authorized to cancel this deployment.",
      ],
      ['an unknown TrackId', 'omailAccount1', 'NOPE0000000', 404, "No deployment was found matching trackId 'NOPE0000000'."],
    ])('answers cancelling %s with the documented status and text', async (_, userId, trackId, status, message) => {
      const { status: actual, body } = await cancel(target, userId, trackId);
      expect(actual).toBe(status);
      expect(body).toEqual({ Errors: [{ Error: message }], SubmissionId: expect.stringMatching(GUID) });
    });

    it.each([
      ['the owner', 'omailAccount2', 'FOO0102003005'],
      ['a New deployment', 'omailAccount1', 'FOO0102003007'],
      ['an Approved deployment', 'omailAccount1', 'FOO0102003008'],
    ])('cancels for %s', async (_, userId, trackId) => {
      expect((await cancel(target, userId, trackId)).status).toBe(200);
    });

    it('shows the cancelled status at the lookup Url the cancel returned', async () => {
      const { body } = await cancel(target, 'omailAccount1', 'FOO0102003002');
      // Followed as handed out: under the target's origin (a server session's base URL included).
      const url = body.ResponseInfo?.[0]?.Url ?? '';
      expect(url.startsWith(`${target.origin('omeda')}/`)).toBe(true);
      const lookupPath = url.slice(target.origin('omeda').length);
      const lookup = await send(target, { method: 'GET', path: lookupPath, headers: { 'x-omeda-appid': 'my-app' } });
      expect(lookup.status).toBe(200);
      expect(lookup.body).toMatchObject({ TrackId: 'FOO0102003002', Status: 'Cancelled', OwnerUserId: 'omailAccount1' });
    });

    it('keeps the deployment cancellable after an owner refused for case, and the lookup still shows it Scheduled', async () => {
      expect((await cancel(target, 'OMAILACCOUNT1', 'FOO0102003002')).status).toBe(403);
      const lookupPath = '/webservices/rest/brand/ABC/omail/deployment/lookup/FOO0102003002/*';
      const before = await send(target, { method: 'GET', path: lookupPath, headers: { 'x-omeda-appid': 'my-app' } });
      expect(before.body).toMatchObject({ Status: 'Scheduled' });
      expect((await cancel(target, 'omailAccount1', 'FOO0102003002')).status).toBe(200);
      const after = await send(target, { method: 'GET', path: lookupPath, headers: { 'x-omeda-appid': 'my-app' } });
      expect(after.body).toMatchObject({ Status: 'Cancelled' });
    });

    it('answers HEAD on the lookup Url as GET without the body, journaled as HEAD of lookupDeployment', async () => {
      const url = target.url('omeda', '/webservices/rest/brand/ABC/omail/deployment/lookup/FOO0102003002/*');
      const { head } = await expectHeadLikeGet(url, { 'x-omeda-appid': 'my-app' });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-type')).toBe('application/json');
      const entry = (await target.journal()).at(-1);
      expect(entry?.request.method).toBe('HEAD');
      expect(entry?.operationId).toBe('omeda.lookupDeployment');
      expect(entry?.response).toMatchObject({ status: 200, body: '' });
    });

    it('answers HEAD on the cancel resource as any method but POST: 405 with Allow: POST and no body', async () => {
      const response = await fetch(target.url('omeda', CANCEL), { method: 'HEAD', headers: APP });
      expect([response.status, response.headers.get('allow'), await response.text()]).toEqual([405, 'POST', '']);
    });

    it('answers both with and without the trailing /*', async () => {
      const path = '/webservices/rest/brand/ABC/omail/deployment/cancel';
      const { status } = await send(target, { path, body: JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' }) });
      expect(status).toBe(200);
    });

    it('reads a body without Content-Type as JSON, the documented default', async () => {
      const response = await fetch(target.url('omeda', CANCEL), {
        method: 'POST',
        headers: { 'x-omeda-appid': 'my-app' },
        body: new Blob([JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' })]),
      });
      expect(response.status).toBe(200);
    });

    it.each([
      ['no x-omeda-appid', { 'content-type': 'application/json' }],
      ['an empty x-omeda-appid', { 'content-type': 'application/json', 'x-omeda-appid': '' }],
    ])('answers %s with 403 AppId forbidden', async (_, headers) => {
      const { status, body } = await cancel(target, 'omailAccount1', 'FOO0102003002', headers);
      expect(status).toBe(403);
      expect(errorsOf(body)).toEqual(['The AppId submitted is forbidden access.']);
    });

    it('accepts x-omeda-inputid without requiring it', async () => {
      const { status } = await cancel(target, 'omailAccount1', 'FOO0102003002', { ...APP, 'x-omeda-inputid': 'input-1' });
      expect(status).toBe(200);
    });

    it.each([
      ['UserId missing', { TrackId: 'FOO0102003002' }, ["The field 'UserId' is required."]],
      ['TrackId missing', { UserId: 'omailAccount1' }, ["The field 'TrackId' is required."]],
      ['both missing', {}, ["The field 'UserId' is required.", "The field 'TrackId' is required."]],
      ['UserId empty', { UserId: '', TrackId: 'FOO0102003002' }, ["The field 'UserId' is required."]],
      [
        'TrackId too long',
        { UserId: 'omailAccount1', TrackId: 'T'.repeat(51) },
        [`The value '${'T'.repeat(51)}' for field 'TrackId' exceeded a max length of 50.`],
      ],
      [
        'UserId too long',
        { UserId: 'U'.repeat(51), TrackId: 'FOO0102003002' },
        [`The value '${'U'.repeat(51)}' for field 'UserId' exceeded a max length of 50.`],
      ],
      ['UserId a number', { UserId: 123, TrackId: 'FOO0102003002' }, ["The value '123' for field 'UserId' is not a string."]],
    ])('answers a body with %s with 400 and one Error per field', async (_, payload, messages) => {
      const { status, body } = await send(target, { body: JSON.stringify(payload) });
      expect(status).toBe(400);
      expect(errorsOf(body)?.sort()).toEqual([...messages].sort());
      expect(body.SubmissionId).toMatch(GUID);
    });

    it.each([
      ['malformed JSON', APP, '{"UserId": "omailAccount1",', /^The request body is not valid JSON: /],
      ['a JSON array', APP, '[{"UserId":"omailAccount1","TrackId":"FOO0102003002"}]', /^The request body must be a JSON object\.$/],
      ['a JSON string', APP, '"FOO0102003002"', /^The request body must be a JSON object\.$/],
      ['an empty body', APP, '', /^The field '(UserId|TrackId)' is required\.$/],
      [
        'a text/plain body',
        { 'x-omeda-appid': 'my-app', 'content-type': 'text/plain' },
        'hello',
        /^The content type 'text\/plain' is not supported/,
      ],
      [
        'an XML body',
        { 'x-omeda-appid': 'my-app', 'content-type': 'application/xml' },
        '<a/>',
        /^The content type 'application\/xml' is not supported/,
      ],
      [
        'a form of one name repeated 260,000 times (just under 1 MiB)',
        { 'x-omeda-appid': 'my-app', 'content-type': 'application/x-www-form-urlencoded' },
        'a=1&'.repeat(260_000),
        /^The content type 'application\/x-www-form-urlencoded' is not supported/,
      ],
    ])('answers %s with 400 in the Errors shape, and the next request still works', async (_, headers, body, message) => {
      const bad = await send(target, { headers, body });
      expect(bad.status).toBe(400);
      expect(bad.body.Errors?.[0]?.Error).toMatch(message);
      expect(bad.body.SubmissionId).toMatch(GUID);
      expect((await cancel(target, 'omailAccount1', 'FOO0102003002')).status).toBe(200);
    });

    it.each([
      ['UTF-16', 'le', true],
      ['UTF-16BE', 'be', false],
      ['UTF-16LE', 'le', false],
    ] as const)('cancels with a JSON body in the charset=%s its Content-Type names', async (charset, order, bom) => {
      const body = toUtf16(JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' }), order, bom);
      const { status, body: answer } = await send(target, {
        headers: { ...APP, 'content-type': `application/json; charset=${charset}` },
        body,
      });
      expect(status).toBe(200);
      expect(answer.ResponseInfo?.[0]?.TrackId).toBe('FOO0102003002');
    });

    it.each([
      ['UTF-16LE', 'application/json', 'le'],
      ['UTF-16BE', 'application/json', 'be'],
      ['UTF-16LE', 'application/json; charset=utf-8', 'le'],
    ] as const)('cancels with a JSON body in the %s its byte order mark names, under Content-Type %s', async (_, type, order) => {
      const body = toUtf16(JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' }), order, true);
      // The length declared as Node's http clients (and MSW's copies of their requests) declare it.
      const headers = { ...APP, 'content-type': type, 'content-length': String(body.byteLength) };
      const { status, body: answer } = await send(target, { headers, body });
      expect(status).toBe(200);
      expect(answer.ResponseInfo?.[0]?.TrackId).toBe('FOO0102003002');
    });

    it('answers a charset it cannot decode with 400 in the Errors shape, cancelling nothing', async () => {
      const body = JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' });
      const bad = await send(target, { headers: { ...APP, 'content-type': 'application/json; charset=x-klingon' }, body });
      expect(bad.status).toBe(400);
      expect(errorsOf(bad.body)).toEqual([
        'The request body is not valid JSON: The body cannot be read: the Content-Type names charset "x-klingon", which is not a supported character encoding.',
      ]);
      expect((await cancel(target, 'omailAccount1', 'FOO0102003002')).status).toBe(200);
    });

    it.each(['GET', 'PUT', 'PATCH', 'DELETE'])(
      'answers %s on the cancel resource with 405 and Allow: POST, even without an AppId',
      async (method) => {
        const { status, headers, body } = await send(target, { method, headers: {}, ...(method === 'GET' ? {} : { body: '{}' }) });
        expect(status).toBe(405);
        expect(headers.get('allow')).toBe('POST');
        expect(errorsOf(body)).toEqual([`The HTTP method '${method}' is not allowed for this resource. Use POST.`]);
      },
    );

    it('answers a malformed URL under the Omeda prefix with 404 in the Errors shape', async () => {
      const { status, body } = await send(target, { path: '/webservices/rest/brand/ABC/omail/deployment/cancl/*', body: '{}' });
      expect(status).toBe(404);
      expect(errorsOf(body)).toEqual(["The resource '/webservices/rest/brand/ABC/omail/deployment/cancl/*' was not found."]);
    });

    it('answers a lookup of an unknown TrackId with the lookup page wording', async () => {
      const { status, body } = await send(target, {
        method: 'GET',
        path: '/webservices/rest/brand/ABC/omail/deployment/lookup/NOPE0000000/*',
        headers: { 'x-omeda-appid': 'a' },
      });
      expect(status).toBe(404);
      expect(errorsOf(body)).toEqual(['Could not find deployment matching track Id NOPE0000000']);
    });

    it.each([
      [404, 'brandNotFound', 'Brand ABC was not found.'],
      [403, 'userNotAuthorized', "User 'omailAccount1' is not authorized to cancel this deployment."],
      [400, 'alreadySent', "Deployment 'FOO0102003002' was sent on 2018-11-28 14:30:00."],
      [400, 'fieldRequired', "The field 'TrackId' is required."],
    ])(
      'forces %i with Prefer example=%s, in words naming what the request named, leaving the deployment untouched',
      async (code, example, message) => {
        const forced = await cancel(target, 'omailAccount1', 'FOO0102003002', { ...APP, prefer: `code=${code}, example=${example}` });
        expect(forced.status).toBe(code);
        expect(errorsOf(forced.body)).toEqual([message]);
        expect((await cancel(target, 'omailAccount1', 'FOO0102003002')).status).toBe(200);
      },
    );

    it('fills a forced success from the request: a fresh SubmissionId, its TrackId, brand and lookup Url, the rest as documented', async () => {
      const path = '/webservices/rest/brand/XYZ/omail/deployment/cancel/*';
      const force = (TrackId: string) =>
        send(target, { path, headers: { ...APP, prefer: 'code=200' }, body: JSON.stringify({ UserId: 'someone', TrackId }) });
      const [first, second] = [await force('ABC0000000001'), await force('ABC0000000002')];
      const expected = (body: OmedaBody, trackId: string) => ({
        ResponseInfo: [
          {
            TrackId: trackId,
            Url: `${target.origin('omeda')}/webservices/rest/brand/XYZ/omail/deployment/lookup/${trackId}/*`,
            SubmissionId: body.SubmissionId,
          },
        ],
        SubmissionId: body.SubmissionId,
      });
      expect([first.status, first.body]).toEqual([200, expected(first.body, 'ABC0000000001')]);
      expect([second.status, second.body]).toEqual([200, expected(second.body, 'ABC0000000002')]);
      expect(first.body.SubmissionId).toMatch(GUID);
      expect(second.body.SubmissionId).not.toBe(first.body.SubmissionId);
      expect(first.body.SubmissionId).not.toBe('5fe556c4-4bdf-4274-846b-4ac6fef8b8e4');
    });

    it('answers a Prefer code the operation does not document with a problem+json naming the documented ones', async () => {
      const response = await fetch(target.url('omeda', CANCEL), {
        method: 'POST',
        headers: { ...APP, prefer: 'code=500' },
        body: JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' }),
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.json()).toMatchObject({
        code: 'forced-status-not-documented',
        detail: 'status 500 is not documented for omeda.cancelDeployment; documented: 200, 400, 403, 404',
        documented: ['200', '400', '403', '404'],
      });
    });

    it.each([
      ['a comma inside a quoted value', 'foo="a, code=abc"', 200],
      ['a code parameter of another preference', 'handling=lenient; code=x', 200],
      ['the first of two codes', 'code=404, code=403', 404],
      ['an upper-case CODE beside quoted preferences', 'respond-async, foo="x;y", CODE=403', 403],
    ])('reads Prefer as RFC 7240 preferences: %s (%s) answers %i', async (_name, prefer, status) => {
      const answer = await cancel(target, 'omailAccount1', 'FOO0102003002', { ...APP, prefer });
      expect(answer.status).toBe(status);
      expect(answer.headers.get('content-type')).toBe('application/json');
    });

    it('reads two Prefer field lines as one list, the first code winning', async () => {
      const headers = new Headers(APP);
      headers.append('prefer', 'respond-async, code=404; example=brandNotFound');
      headers.append('prefer', 'code=403');
      const response = await fetch(target.url('omeda', CANCEL), {
        method: 'POST',
        headers,
        body: JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' }),
      });
      expect(response.status).toBe(404);
      expect(errorsOf((await response.json()) as OmedaBody)).toEqual(['Brand ABC was not found.']);
    });

    it.each([
      ['code=abc', "code must be an HTTP status from 100 to 599, got 'abc'"],
      ['code=', "code must be an HTTP status from 100 to 599, got ''"],
      ['foo="a", code=abc, code=404', "code must be an HTTP status from 100 to 599, got 'abc'"],
      ['code="404', 'Prefer has a quoted-string without its closing quote: "404'],
    ])('answers Prefer: %s with 400 malformed-prefer, leaving the deployment untouched', async (prefer, detail) => {
      const response = await fetch(target.url('omeda', CANCEL), {
        method: 'POST',
        headers: { ...APP, prefer },
        body: JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' }),
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.json()).toMatchObject({ code: 'malformed-prefer', detail });
      expect((await cancel(target, 'omailAccount1', 'FOO0102003002')).status).toBe(200);
    });

    it.each(['__proto__', 'constructor', 'toString', 'valueOf'])(
      'answers Prefer example=%s with 400 example-not-found, naming the documented examples',
      async (example) => {
        const response = await fetch(target.url('omeda', CANCEL), {
          method: 'POST',
          headers: { ...APP, prefer: `code=404, example=${example}` },
          body: JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' }),
        });
        expect(response.status).toBe(400);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
        expect(await response.json()).toMatchObject({
          code: 'example-not-found',
          detail: `no example '${example}' for status 404 of omeda.cancelDeployment; documented: deploymentNotFound, lookupNotFound, brandNotFound, resourceNotFound`,
        });
      },
    );

    it('answers a UserId nested 5,000 arrays deep with 400 in the Errors shape, not a stack overflow', async () => {
      const body = `{"UserId":${'['.repeat(5_000)}${']'.repeat(5_000)},"TrackId":"FOO0102003002"}`;
      const bad = await send(target, { body });
      expect(bad.status).toBe(400);
      expect(bad.body.Errors?.[0]?.Error).toMatch(/^The value '\[\[\[.*…' for field 'UserId' is not a string\.$/);
    });

    it('answers a queued force once, then the handler again', async () => {
      await target.force('omeda.cancelDeployment', 404, { times: 1 });
      expect((await cancel(target, 'omailAccount1', 'FOO0102003002')).status).toBe(404);
      expect((await cancel(target, 'omailAccount1', 'FOO0102003002')).status).toBe(200);
    });

    it('journals each exchange with its vendor.operationId, status and validation result', async () => {
      await cancel(target, 'omailAccount1', 'FOO0102003002');
      await send(target, { body: '[]' });
      const entries = await target.journal();
      expect(entries.map((entry) => [entry.operationId, entry.response.status])).toEqual([
        ['omeda.cancelDeployment', 200],
        ['omeda.cancelDeployment', 400],
      ]);
      expect(entries[1]?.validation.request).toEqual([expect.objectContaining({ location: 'body', keyword: 'type' })]);
      expect(entries[0]?.validation.response).toEqual([]);
    });

    it('journals each body as it went over the wire, characters beyond ASCII included, and equal header lines as equal records', async () => {
      const body = JSON.stringify({ UserId: 'Zoë 😀 omailAccount1', TrackId: 'FOO0102003002' });
      const answers = [await send(target, { body }), await send(target, { body })];
      const [first, second] = await target.journal();
      expect([first?.request.body, second?.request.body]).toEqual([body, body]);
      expect([first?.response.body, second?.response.body]).toEqual(answers.map((answer) => answer.text));
      expect(first?.request.headers['x-omeda-appid']).toBe('my-app');
      expect(second?.request.headers).toEqual(first?.request.headers);
      // In-process the two entries share one frozen record; over HTTP the journal comes as JSON.
      if (target.transport === 'msw') {
        expect(second?.request.headers).toBe(first?.request.headers);
        expect(Object.isFrozen(first?.request.headers)).toBe(true);
      }
    });

    it('restores the default dataset on reset', async () => {
      const before = await target.getState();
      await cancel(target, 'omailAccount1', 'FOO0102003002');
      expect(await target.getState()).not.toEqual(before);
      await target.reset();
      expect(await target.getState()).toEqual(before);
    });

    it('round-trips the state, and a cancel then acts on the state that was put', async () => {
      const state = await target.getState();
      const deployments = (state.omeda?.deployments ?? []) as Array<{ TrackId: string; Status: string }>;
      const edited = deployments.map((d) => (d.TrackId === 'FOO0102003003' ? { ...d, Status: 'Scheduled', SentDate: null } : d));
      expect(await target.setState({ omeda: { deployments: edited } })).toBe(true);
      expect((await target.getState()).omeda?.deployments).toEqual(edited);
      expect((await cancel(target, 'omailAccount1', 'FOO0102003003')).status).toBe(200);
    });

    it('refuses a state with an impossible record whole, leaving the store as it was', async () => {
      const before = await target.getState();
      const ok = await target.setState({
        omeda: {
          deployments: [
            { TrackId: 'X1', Status: 'Sent' },
            { TrackId: 'X2', Status: 'Exploded' },
          ],
        },
      });
      expect(ok).toBe(false);
      expect(await target.getState()).toEqual(before);
    });

    it('refuses a state with two deployments of one TrackId whole, leaving all 7 deployments', async () => {
      const before = await target.getState();
      const [first] = (before.omeda?.deployments ?? []) as Array<{ TrackId: string }>;
      expect(await target.setState({ omeda: { deployments: [first, first] } })).toBe(false);
      expect(await target.getState()).toEqual(before);
      expect(before.omeda?.deployments).toHaveLength(7);
    });

    it.each(['__proto__', 'constructor', 'toString'])('refuses a state with a collection named %s', async (name) => {
      const before = await target.getState();
      expect(await target.setState(JSON.parse(`{"omeda":{"${name}":[]}}`))).toBe(false);
      expect(await target.getState()).toEqual(before);
    });
  });
}
