import DigestClient from 'digest-fetch';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { digestAuthorization, readChallenge } from './support/digest-client.ts';
import { expectHeadLikeGet } from './support/head-request.ts';
import type { Target } from './support/target.ts';
import { toUtf16 } from './support/utf16.ts';

const CANCEL = '/v3.5/mailing/cancel';
const AUTH = { authorization: `Basic ${Buffer.from('integration:secret').toString('base64')}` };
const JSON_AUTH = { ...AUTH, 'content-type': 'application/json' };
const FORM_AUTH = { ...AUTH, 'content-type': 'application/x-www-form-urlencoded' };
const INVALID_MAILING = { message: 'no such mailing', name: 'INVALID_MAILING' };
const DATABASE_ERROR = { message: 'Invalid schema name', name: 'Database Error' };
const XML = 'application/xml; charset=utf-8';
const CSV = 'text/csv; charset=utf-8';
const XML_PROLOG = '<?xml version="1.0" encoding="UTF-8"?>\n';
const XML_ZERO = `${XML_PROLOG}<response>0</response>`;
const XML_INVALID_MAILING = `${XML_PROLOG}<response><message>no such mailing</message><name>INVALID_MAILING</name></response>`;
const XML_DATABASE_ERROR = `${XML_PROLOG}<response><message>Invalid schema name</message><name>Database Error</name></response>`;
const XML_UNSUPPORTED_METHOD = `${XML_PROLOG}<response><message>Unsupported Media Type: GET is not supported on /v3.5/mailing/cancel; use PUT or POST.</message><name>UNSUPPORTED_METHOD</name></response>`;
const CSV_INVALID_MAILING = 'message,name\r\nno such mailing,INVALID_MAILING';

interface MomentumState {
  momentum?: { mailings: Array<{ orgid: number; mid: number; state: number; archived: boolean; cancelledDate?: string | null }> };
}

/** Sends a request to the Momentum host and reads the answer as text (and as JSON when it is JSON). */
async function send(target: Target, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const response = await fetch(target.url('momentum', path), {
    method: init.method ?? 'PUT',
    headers: init.headers ?? AUTH,
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  const text = await response.text();
  const json = response.headers.get('content-type')?.startsWith('application/json') && text ? (JSON.parse(text) as unknown) : undefined;
  return { status: response.status, headers: response.headers, text, json };
}

/** The stored state of each mailing of org 2, by mid. */
async function statesOf(target: Target): Promise<Record<number, number>> {
  const state = (await target.getState()) as MomentumState;
  return Object.fromEntries((state.momentum?.mailings ?? []).filter((m) => m.orgid === 2).map((m) => [m.mid, m.state]));
}

const SEEDED = { 123: 1, 124: 2, 125: 7, 126: 7, 127: 3, 128: 4, 129: 5, 130: 6, 131: 8 };

/** Momentum (Message Central) Mailing_Cancel, every documented outcome, through any transport. */
export function defineMomentumCases(target: Target): void {
  describe(`momentum over ${target.transport}`, () => {
    it('cancels the document example mailing with PUT and returns 0 as JSON', async () => {
      const { status, text, headers } = await send(target, `${CANCEL}?orgid=2&mid=123`);
      expect(status).toBe(200);
      expect(headers.get('content-type')).toBe('application/json');
      expect(text).toBe('0');
      expect((await statesOf(target))[123]).toBe(8);
    });

    it.each([
      ['PUT under v3.5', 'PUT', '/v3.5/mailing/cancel'],
      ['POST under v3.5', 'POST', '/v3.5/mailing/cancel'],
      ['PUT under v3.7', 'PUT', '/v3.7/mailing/cancel'],
      ['POST under v3.7', 'POST', '/v3.7/mailing/cancel'],
      ['PUT with the .json suffix', 'PUT', '/v3.5/mailing/cancel.json'],
    ])('cancels with %s', async (_, method, path) => {
      const { status, text } = await send(target, `${path}?orgid=2&mid=124`, { method });
      expect([status, text]).toEqual([200, '0']);
      expect((await statesOf(target))[124]).toBe(8);
    });

    it.each([
      ['the query string', `${CANCEL}?orgid=2&mid=124`, AUTH, undefined],
      ['a JSON {orgid, mid} payload', CANCEL, JSON_AUTH, '{"orgid":2,"mid":124}'],
      ['a JSON payload with mid as a string', CANCEL, JSON_AUTH, '{"orgid":"2","mid":"124"}'],
      ['a JSON mailing object with orgid in the query', `${CANCEL}?orgid=2`, JSON_AUTH, '{"mid":124,"name":"Ready mailing","state":2}'],
      ['a JavaScript object literal payload', CANCEL, JSON_AUTH, "{orgid:2, mid:'124',}"],
      ['HTML-form parameters', CANCEL, FORM_AUTH, 'orgid=2&mid=124'],
      ['form mid with orgid in the query', `${CANCEL}?orgid=2`, FORM_AUTH, 'mid=124'],
    ])('reads the parameters from %s alike', async (_, path, headers, body) => {
      const response = await send(target, path, { headers, ...(body === undefined ? {} : { body }) });
      expect([response.status, response.text]).toEqual([200, '0']);
      expect(await statesOf(target)).toEqual({ ...SEEDED, 124: 8 });
    });

    it('lets the query win over the payload', async () => {
      const { status } = await send(target, `${CANCEL}?orgid=2&mid=124`, { headers: JSON_AUTH, body: '{"orgid":2,"mid":123}' });
      expect(status).toBe(200);
      expect(await statesOf(target)).toEqual({ ...SEEDED, 124: 8 });
    });

    it('answers a mid nested 5,000 arrays deep with 400 INVALID_REQUEST, not a stack overflow', async () => {
      const body = `{"orgid":2,"mid":${'['.repeat(5_000)}123${']'.repeat(5_000)}}`;
      const { status, json } = await send(target, CANCEL, { headers: JSON_AUTH, body });
      expect(status).toBe(200);
      expect(json).toBe(0);
      const deepEmpty = await send(target, CANCEL, {
        headers: JSON_AUTH,
        body: `{"orgid":2,"mid":${'['.repeat(5_000)}${']'.repeat(5_000)}}`,
      });
      expect(deepEmpty.status).toBe(400);
      expect(deepEmpty.json).toMatchObject({ name: 'INVALID_REQUEST' });
    });

    it('reads a JSON array of mids as a comma list', async () => {
      const { status } = await send(target, CANCEL, { headers: JSON_AUTH, body: '{"orgid":2,"mid":[123,124]}' });
      expect(status).toBe(200);
      expect(await statesOf(target)).toEqual({ ...SEEDED, 123: 8, 124: 8 });
    });

    it.each([
      ['Edit (1 created)', 123, 8],
      ['Ready (2 approved)', 124, 8],
      ['Ready (4 built)', 128, 8],
      ['in-process (3 building): generation stops', 127, 8],
      ['in-process (5 running, generating): generation stops', 129, 8],
      ['in-process (6 injected): generation stops', 130, 8],
      ['Completed (7 finished): unchanged', 125, 7],
      ['Completed (8 cancelled): unchanged', 131, 8],
      ['Archive (archived): unchanged', 126, 7],
    ])('returns 0 for a mailing in %s and leaves it in state %i', async (_, mid, state) => {
      const { status, text } = await send(target, `${CANCEL}?orgid=2&mid=${mid}`);
      expect([status, text]).toEqual([200, '0']);
      expect(await statesOf(target)).toEqual({ ...SEEDED, [mid]: state });
    });

    it('stamps a cancelled mailing with the clock and leaves an unchanged one unstamped', async () => {
      await target.setClock('2030-01-01T12:00:00.000Z');
      await send(target, `${CANCEL}?orgid=2&mid=123,125`);
      const mailings = ((await target.getState()) as MomentumState).momentum?.mailings ?? [];
      expect(mailings.find((m) => m.mid === 123)?.cancelledDate).toBe('2030-01-01T12:00:00.000Z');
      expect(mailings.find((m) => m.mid === 125)?.cancelledDate).toBeNull();
      await target.setClock(null);
    });

    it('cancels every mailing of the document list 123,124,125,126', async () => {
      const { status, text } = await send(target, `${CANCEL}?orgid=2&mid=123,124,125,126`);
      expect([status, text]).toEqual([200, '0']);
      expect(await statesOf(target)).toEqual({ ...SEEDED, 123: 8, 124: 8 });
    });

    it('cancels a range of mailings 127-129', async () => {
      expect((await send(target, `${CANCEL}?orgid=2&mid=127-129`)).status).toBe(200);
      expect(await statesOf(target)).toEqual({ ...SEEDED, 127: 8, 128: 8, 129: 8 });
    });

    it('answers a second cancel of the same mailing with 0 again', async () => {
      expect((await send(target, `${CANCEL}?orgid=2&mid=123`)).text).toBe('0');
      expect((await send(target, `${CANCEL}?orgid=2&mid=123`)).text).toBe('0');
    });

    it('answers an unknown mailing with 404 no such mailing INVALID_MAILING', async () => {
      const { status, json } = await send(target, `${CANCEL}?orgid=2&mid=999`);
      expect([status, json]).toEqual([404, INVALID_MAILING]);
    });

    it('cancels none of a list when one listed mailing is unknown', async () => {
      const { status, json } = await send(target, `${CANCEL}?orgid=2&mid=123,124,999`);
      expect([status, json]).toEqual([404, INVALID_MAILING]);
      expect(await statesOf(target)).toEqual(SEEDED);
    });

    it('scopes mailings by org: mailing 100 of org 1 is no such mailing in org 2', async () => {
      expect((await send(target, `${CANCEL}?orgid=2&mid=100`)).status).toBe(404);
      expect((await send(target, `${CANCEL}?orgid=1&mid=100`)).status).toBe(200);
    });

    it('answers an unknown orgid with 500 Invalid schema name, Database Error, cancelling nothing', async () => {
      const { status, json } = await send(target, `${CANCEL}?orgid=999&mid=123`);
      expect([status, json]).toEqual([500, DATABASE_ERROR]);
      expect(await statesOf(target)).toEqual(SEEDED);
    });

    it.each([
      ['no orgid', `${CANCEL}?mid=123`, AUTH, undefined, "Missing required parameter 'orgid'."],
      ['no mid', `${CANCEL}?orgid=2`, AUTH, undefined, "Missing required parameter 'mid'."],
      ['no parameters at all', CANCEL, AUTH, undefined, "Missing required parameter 'orgid'."],
      ['a JSON payload without mid', CANCEL, JSON_AUTH, '{"orgid":2}', "Missing required parameter 'mid'."],
      ['a non-numeric orgid', `${CANCEL}?orgid=abc&mid=123`, AUTH, undefined, "Invalid orgid 'abc': expected a non-negative integer."],
      ['a negative orgid', `${CANCEL}?orgid=-2&mid=123`, AUTH, undefined, "Invalid orgid '-2': expected a non-negative integer."],
      [
        'a non-numeric mid',
        `${CANCEL}?orgid=2&mid=abc`,
        AUTH,
        undefined,
        "Invalid mid 'abc': expected a mailing id, or a comma list of ids and ranges such as 123,124 or 2-10.",
      ],
      [
        'a JSON boolean mid',
        CANCEL,
        JSON_AUTH,
        '{"orgid":2,"mid":true}',
        "Invalid mid 'true': expected a mailing id, or a comma list of ids and ranges such as 123,124 or 2-10.",
      ],
      ['an empty list entry', `${CANCEL}?orgid=2&mid=123,,124`, AUTH, undefined, "Invalid mid '123,,124': the list has an empty entry."],
      ['a trailing comma', `${CANCEL}?orgid=2&mid=123,`, AUTH, undefined, "Invalid mid '123,': the list has an empty entry."],
      ['an empty mid', `${CANCEL}?orgid=2&mid=`, AUTH, undefined, "Invalid mid '': the list has an empty entry."],
      ['a negative mid', `${CANCEL}?orgid=2&mid=-123`, AUTH, undefined, "Invalid mid '-123': mailing ids are non-negative integers."],
      [
        'a negative mid in a list',
        `${CANCEL}?orgid=2&mid=123,-124`,
        AUTH,
        undefined,
        "Invalid mid '123,-124': mailing ids are non-negative integers.",
      ],
      [
        'a reversed range',
        `${CANCEL}?orgid=2&mid=126-123`,
        AUTH,
        undefined,
        "Invalid mid '126-123': the range 126-123 ends before it starts.",
      ],
      ['a huge range', `${CANCEL}?orgid=2&mid=1-5000`, AUTH, undefined, 'Too many mailings: 5000 listed, at most 1000 per call.'],
      ['an unknown format', `${CANCEL}?orgid=2&mid=123&format=yaml`, AUTH, undefined, "Invalid format 'yaml': expected json, xml or csv."],
      [
        'a JSON array payload',
        CANCEL,
        JSON_AUTH,
        '[{"orgid":2,"mid":123}]',
        'The payload must be an object, without enclosing square brackets.',
      ],
    ])('answers %s with 400 INVALID_REQUEST and cancels nothing', async (_, path, headers, body, message) => {
      const response = await send(target, path, { headers, ...(body === undefined ? {} : { body }) });
      expect([response.status, response.json]).toEqual([400, { message, name: 'INVALID_REQUEST' }]);
      expect(await statesOf(target)).toEqual(SEEDED);
    });

    it('answers a list of 1001 mailings with 400 and cancels none of them', async () => {
      const mids = [123, ...Array.from({ length: 1000 }, (_, index) => 1000 + index)].join(',');
      const { status, json } = await send(target, CANCEL, { headers: FORM_AUTH, body: `orgid=2&mid=${mids}` });
      expect([status, json]).toEqual([400, { message: 'Too many mailings: 1001 listed, at most 1000 per call.', name: 'INVALID_REQUEST' }]);
      expect(await statesOf(target)).toEqual(SEEDED);
    });

    it('answers malformed JSON with 400, and the next request still works', async () => {
      const bad = await send(target, CANCEL, { headers: JSON_AUTH, body: '{"orgid":2,' });
      expect(bad.status).toBe(400);
      expect(bad.json).toEqual({ message: expect.stringMatching(/^The payload is not valid JSON: /), name: 'INVALID_REQUEST' });
      expect((await send(target, `${CANCEL}?orgid=2&mid=123`)).status).toBe(200);
    });

    it.each([
      ['text/plain', 'orgid=2&mid=123'],
      ['application/xml', '<mailing><mid>123</mid></mailing>'],
    ])('answers a %s payload with 415 Unsupported Media Type', async (mediaType, body) => {
      const { status, json } = await send(target, `${CANCEL}?orgid=2&mid=123`, { headers: { ...AUTH, 'content-type': mediaType }, body });
      expect(status).toBe(415);
      expect(json).toEqual({
        message: `Unsupported Media Type '${mediaType}': send application/json or application/x-www-form-urlencoded.`,
        name: 'UNSUPPORTED_MEDIA_TYPE',
      });
    });

    it.each([
      ['GET', CANCEL],
      ['DELETE', CANCEL],
      ['PATCH', CANCEL],
      ['GET', '/v3.7/mailing/cancel'],
    ])(
      'answers %s on %s with 415 UNSUPPORTED_METHOD and Allow: PUT, POST, the book’s code for an unsupported method',
      async (method, path) => {
        const { status, json, headers } = await send(target, `${path}?orgid=2&mid=123`, { method });
        expect(status).toBe(415);
        expect(headers.get('allow')).toBe('PUT, POST');
        expect(json).toEqual({
          message: `Unsupported Media Type: ${method} is not supported on ${path}; use PUT or POST.`,
          name: 'UNSUPPORTED_METHOD',
        });
        expect(await statesOf(target)).toEqual(SEEDED);
      },
    );

    it.each([
      ['no Authorization header', {}],
      ['Bearer credentials', { authorization: 'Bearer abc' }],
      ['Digest credentials without a nonce or response', { authorization: 'Digest username="u", realm="messagesystems.com"' }],
      ['Basic without a colon', { authorization: `Basic ${Buffer.from('nocolon').toString('base64')}` }],
      ['Basic with garbage', { authorization: 'Basic !!!' }],
    ])('answers %s with 401 and the Basic and Digest challenges, cancelling nothing', async (_, headers) => {
      const { status, json, headers: answer } = await send(target, `${CANCEL}?orgid=2&mid=123`, { headers });
      expect([status, json]).toEqual([401, { message: 'Unauthorized', name: 'UNAUTHORIZED' }]);
      expect(readChallenge(answer.get('www-authenticate')).stale).toBe(false);
      expect(await statesOf(target)).toEqual(SEEDED);
    });

    /** A 401's challenge, drawn with a request that has no credentials. */
    const challenge = async (path = `${CANCEL}?orgid=2&mid=123`) => {
      const { status, headers } = await send(target, path, { headers: {} });
      expect(status).toBe(401);
      return readChallenge(headers.get('www-authenticate'));
    };
    const digest = (
      uri: string,
      answer: Partial<Parameters<typeof digestAuthorization>[0]> & Pick<Parameters<typeof digestAuthorization>[0], 'challenge' | 'nc'>,
    ) => ({
      authorization: digestAuthorization({ username: 'integration', password: 'secret', method: 'PUT', uri, ...answer }),
    });

    it('lets a real Digest client (digest-fetch) cancel after the 401, and reuse its nonce with the next count', async () => {
      const client = new DigestClient('integration', 'secret');
      const first = await client.fetch(target.url('momentum', `${CANCEL}?orgid=2&mid=123`), { method: 'PUT' });
      expect([first.status, await first.text()]).toEqual([200, '0']);
      const second = await client.fetch(target.url('momentum', `${CANCEL}?orgid=2&mid=124`), { method: 'PUT' });
      expect([second.status, await second.text()]).toEqual([200, '0']);
      const states = await statesOf(target);
      expect([states[123], states[124]]).toEqual([8, 8]);
    });

    it('gives every 401 a fresh Digest nonce and opaque', async () => {
      const [first, second] = [await challenge(), await challenge()];
      expect(second.nonce).not.toBe(first.nonce);
      expect(second.opaque).not.toBe(first.opaque);
    });

    it('cancels with HTTP Digest (RFC 7616, MD5, qop=auth) computed from the challenge, as curl --digest does', async () => {
      const uri = `${CANCEL}?orgid=2&mid=123`;
      const { status, text } = await send(target, uri, { headers: digest(uri, { challenge: await challenge(), nc: 1 }) });
      expect([status, text]).toEqual([200, '0']);
      expect((await statesOf(target))[123]).toBe(8);
    });

    it('cancels with Digest qop=auth-int, the JSON body hashed into the response', async () => {
      const body = '{"orgid":2,"mid":124}';
      const headers = {
        'content-type': 'application/json',
        ...digest(CANCEL, { challenge: await challenge(CANCEL), nc: 1, qop: 'auth-int', body }),
      };
      expect((await send(target, CANCEL, { headers, body })).status).toBe(200);
      expect((await statesOf(target))[124]).toBe(8);
    });

    it('refuses a replayed nonce count with 401 and a fresh nonce, and takes the next count', async () => {
      const given = await challenge();
      const uri = `${CANCEL}?orgid=2&mid=123`;
      expect((await send(target, uri, { headers: digest(uri, { challenge: given, nc: 1 }) })).status).toBe(200);
      const replayed = await send(target, uri, { headers: digest(uri, { challenge: given, nc: 1 }) });
      expect(replayed.status).toBe(401);
      const fresh = readChallenge(replayed.headers.get('www-authenticate'));
      expect([fresh.stale, fresh.nonce === given.nonce]).toEqual([false, false]);
      expect((await send(target, uri, { headers: digest(uri, { challenge: given, nc: 2 }) })).status).toBe(200);
    });

    it('answers a right digest on a nonce older than 300 s of the mock clock with 401 stale=true; the fresh nonce works', async () => {
      await target.setClock('2030-01-01T00:00:00Z');
      const given = await challenge();
      const uri = `${CANCEL}?orgid=2&mid=123`;
      await target.setClock('2030-01-01T00:04:59Z');
      expect((await send(target, uri, { headers: digest(uri, { challenge: given, nc: 1 }) })).status).toBe(200);
      await target.setClock('2030-01-01T00:05:00Z');
      const late = await send(target, uri, { headers: digest(uri, { challenge: given, nc: 2 }) });
      expect(late.status).toBe(401);
      const renewed = readChallenge(late.headers.get('www-authenticate'));
      expect(renewed.stale).toBe(true);
      const retried = await send(target, uri, { headers: digest(uri, { challenge: renewed, nc: 1 }) });
      await target.setClock(null);
      expect(retried.status).toBe(200);
    });

    it.each([
      [
        'a nonce the mock did not issue',
        (given: { nonce: string; opaque: string }) => ({ challenge: { ...given, nonce: 'f'.repeat(32), stale: false }, nc: 1 }),
        undefined,
      ],
      [
        'a changed opaque',
        (given: { nonce: string; opaque: string }) => ({ challenge: { ...given, opaque: '0'.repeat(32), stale: false }, nc: 1 }),
        undefined,
      ],
      [
        'a uri other than the request target',
        (given: { nonce: string; opaque: string }) => ({ challenge: { ...given, stale: false }, nc: 1 }),
        '/v3.5/mailing/cancel?orgid=2&mid=124',
      ],
    ])('refuses Digest credentials with %s with 401, cancelling nothing', async (_, answer, signedUri) => {
      const uri = `${CANCEL}?orgid=2&mid=123`;
      const given = await challenge();
      const { status } = await send(target, uri, { headers: digest(signedUri ?? uri, answer(given)) });
      expect(status).toBe(401);
      expect(await statesOf(target)).toEqual(SEEDED);
    });

    it('checks credentials before the method and the parameters', async () => {
      expect((await send(target, CANCEL, { method: 'GET', headers: {} })).status).toBe(401);
      expect((await send(target, `${CANCEL}?orgid=x`, { headers: {} })).status).toBe(401);
    });

    it.each([
      ['the .xml suffix', '/v3.5/mailing/cancel.xml?orgid=2&mid=123'],
      ['?format=xml', `${CANCEL}?orgid=2&mid=123&format=xml`],
      ['the .xml suffix under v3.7', '/v3.7/mailing/cancel.xml?orgid=2&mid=123'],
    ])('answers <response>0</response> in XML for %s', async (_, path) => {
      const { status, text, headers } = await send(target, path);
      expect(status).toBe(200);
      expect(headers.get('content-type')).toBe('application/xml; charset=utf-8');
      expect(text).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<response>0</response>');
    });

    it('answers an error in XML when XML is asked for', async () => {
      const { status, text } = await send(target, '/v3.5/mailing/cancel.xml?orgid=2&mid=999');
      expect(status).toBe(404);
      expect(text).toBe(
        '<?xml version="1.0" encoding="UTF-8"?>\n<response><message>no such mailing</message><name>INVALID_MAILING</name></response>',
      );
    });

    it('reads orgid and mid from the form body of a method the cancel does not take, as from a cancel', async () => {
      const answer = await send(target, CANCEL, { method: 'DELETE', headers: FORM_AUTH, body: 'orgid=2&mid=123' });
      expect(answer.status).toBe(415);
      expect((await target.journal()).at(-1)?.validation.request).toEqual([]);
    });

    it('writes a control character from the request as U+FFFD in an XML answer, which parses', async () => {
      const { status, text } = await send(target, '/v3.5/mailing/cancel.xml?orgid=2&mid=%01');
      expect(status).toBe(400);
      expect(text).toContain("<message>Invalid mid '\uFFFD': expected a mailing id");
      const parser = new SaxesParser();
      const errors: string[] = [];
      parser.on('error', (error) => errors.push(error.message));
      parser.write(text).close();
      expect(errors).toEqual([]);
    });

    it('lets the path suffix win over ?format=', async () => {
      const { headers } = await send(target, '/v3.5/mailing/cancel.json?orgid=2&mid=123&format=xml');
      expect(headers.get('content-type')).toBe('application/json');
    });

    it.each([
      ['the .csv suffix', '/v3.5/mailing/cancel.csv?orgid=2&mid=123', 200, '0'],
      ['?format=csv', `${CANCEL}?orgid=2&mid=123&format=csv`, 200, '0'],
      ['an unknown org in CSV', '/v3.5/mailing/cancel.csv?orgid=999&mid=123', 500, 'message,name\r\nInvalid schema name,Database Error'],
    ])('answers CSV for %s', async (_, path, status, text) => {
      const response = await send(target, path);
      expect([response.status, response.text]).toEqual([status, text]);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    });

    it('reads a form body in the UTF-16 its Content-Type names, and answers a charset it cannot decode with 415', async () => {
      const form = Buffer.from('\uFEFForgid=2&mid=123', 'utf16le');
      const response = await fetch(target.url('momentum', CANCEL), {
        method: 'PUT',
        headers: { ...AUTH, 'content-type': 'application/x-www-form-urlencoded; charset=utf-16' },
        body: new Uint8Array(form),
      });
      expect([response.status, await response.text()]).toEqual([200, '0']);
      expect((await statesOf(target))[123]).toBe(8);
      const { status, json } = await send(target, CANCEL, {
        headers: { ...AUTH, 'content-type': 'application/json; charset=x-klingon' },
        body: '{"orgid":2,"mid":124}',
      });
      expect([status, json]).toEqual([
        415,
        {
          message:
            "Unsupported Media Type 'application/json; charset=x-klingon': send application/json or application/x-www-form-urlencoded.",
          name: 'UNSUPPORTED_MEDIA_TYPE',
        },
      ]);
      expect((await statesOf(target))[124]).toBe(2);
    });

    it.each([
      ['a JSON', 'UTF-16LE', 'le', 'application/json', '{"orgid":2,"mid":123}'],
      ['a JSON', 'UTF-16BE', 'be', 'application/json', '{"orgid":2,"mid":123}'],
      ['a form', 'UTF-16BE', 'be', 'application/x-www-form-urlencoded', 'orgid=2&mid=123'],
    ] as const)('cancels with %s body in the %s its byte order mark names', async (_, _name, order, type, text) => {
      const body = toUtf16(text, order, true);
      const response = await fetch(target.url('momentum', CANCEL), {
        method: 'PUT',
        // The length declared as Node's http clients (and MSW's copies of their requests) declare it.
        headers: { ...AUTH, 'content-type': type, 'content-length': String(body.byteLength) },
        body,
      });
      expect([response.status, await response.text()]).toEqual([200, '0']);
      expect((await statesOf(target))[123]).toBe(8);
    });

    it('answers an unknown path under /v3.5/ with 404 in the Momentum shape', async () => {
      const { status, json } = await send(target, '/v3.5/mailing/cancl?orgid=2&mid=123');
      expect([status, json]).toEqual([404, { message: 'URL Not Found: /v3.5/mailing/cancl', name: 'URL_NOT_FOUND' }]);
    });

    it.each([
      [404, 'invalidMailing', INVALID_MAILING],
      [500, 'invalidSchemaName', DATABASE_ERROR],
      [400, 'emptyListEntry', { message: "Invalid mid '123,,124': the list has an empty entry.", name: 'INVALID_REQUEST' }],
      [415, 'unsupportedMediaType', expect.objectContaining({ name: 'UNSUPPORTED_MEDIA_TYPE' })],
    ])('answers Prefer code=%i, example=%s with the documented example and changes nothing', async (code, example, body) => {
      const { status, json } = await send(target, `${CANCEL}?orgid=2&mid=123`, {
        headers: { ...AUTH, prefer: `code=${code}, example=${example}` },
      });
      expect([status, json]).toEqual([code, body]);
      expect(await statesOf(target)).toEqual(SEEDED);
    });

    it('answers a forced 401 with both challenges and a fresh nonce it issued, which a Digest client can answer', async () => {
      const uri = `${CANCEL}?orgid=2&mid=123`;
      const forced = await send(target, uri, { headers: { ...AUTH, prefer: 'code=401' } });
      expect([forced.status, forced.json]).toEqual([401, { message: 'Unauthorized', name: 'UNAUTHORIZED' }]);
      const given = readChallenge(forced.headers.get('www-authenticate'));
      expect([given.stale, given.nonce === '5f0c2d8e9b7a4c1d8e3f6a2b9c0d1e4f']).toEqual([false, false]);
      expect((await send(target, uri, { headers: digest(uri, { challenge: given, nc: 1 }) })).status).toBe(200);
    });

    it.each([
      ['Prefer code=404 on the .xml suffix', 'PUT', '/v3.5/mailing/cancel.xml?orgid=2&mid=123', 'code=404', 404, XML, XML_INVALID_MAILING],
      ['Prefer code=404 with ?format=xml', 'PUT', `${CANCEL}?orgid=2&mid=123&format=xml`, 'code=404', 404, XML, XML_INVALID_MAILING],
      ['Prefer code=200 on the .xml suffix', 'POST', '/v3.7/mailing/cancel.xml?orgid=2&mid=999', 'code=200', 200, XML, XML_ZERO],
      [
        '?__code=500 on the .xml suffix',
        'PUT',
        '/v3.5/mailing/cancel.xml?orgid=2&mid=123&__code=500',
        undefined,
        500,
        XML,
        XML_DATABASE_ERROR,
      ],
      ['Prefer code=404 on the .csv suffix', 'PUT', '/v3.5/mailing/cancel.csv?orgid=2&mid=123', 'code=404', 404, CSV, CSV_INVALID_MAILING],
      ['?__code=404 with ?format=csv', 'PUT', `${CANCEL}?orgid=2&mid=123&format=csv&__code=404`, undefined, 404, CSV, CSV_INVALID_MAILING],
      ['Prefer code=200 with ?format=csv', 'PUT', `${CANCEL}?orgid=2&mid=999&format=csv`, 'code=200', 200, CSV, '0'],
      [
        'Prefer code=401 on the .csv suffix',
        'PUT',
        '/v3.5/mailing/cancel.csv?orgid=2&mid=123',
        'code=401',
        401,
        CSV,
        'message,name\r\nUnauthorized,UNAUTHORIZED',
      ],
      [
        'Prefer code=415 on a GET of the .xml suffix',
        'GET',
        '/v3.5/mailing/cancel.xml?orgid=2&mid=123',
        'code=415',
        415,
        XML,
        XML_UNSUPPORTED_METHOD,
      ],
      [
        'Prefer code=200 on a CSV mailing read',
        'GET',
        '/v1.0/mailing.csv?orgid=2&mid=999',
        'code=200',
        200,
        CSV,
        'mid,name,type,state,startDate,createdDate,modifiedDate\r\n123,"Edit: created, not approved",1,8,2030-01-15T15:00:00Z,2014-03-01T10:00:00Z,2026-01-15T09:00:00Z',
      ],
    ])(
      'answers %s in the format asked for, as an unforced answer in it, and changes nothing',
      async (_, method, path, prefer, status, type, text) => {
        const answer = await send(target, path, { method, headers: prefer === undefined ? AUTH : { ...AUTH, prefer } });
        expect([answer.status, answer.headers.get('content-type'), answer.text]).toEqual([status, type, text]);
        expect(await statesOf(target)).toEqual(SEEDED);
      },
    );

    it('answers a forced 404 in XML exactly as the unforced 404 in XML', async () => {
      const forced = await send(target, '/v3.5/mailing/cancel.xml?orgid=2&mid=123', { headers: { ...AUTH, prefer: 'code=404' } });
      const unforced = await send(target, '/v3.5/mailing/cancel.xml?orgid=2&mid=999');
      expect([forced.status, forced.headers.get('content-type'), forced.text]).toEqual([
        unforced.status,
        unforced.headers.get('content-type'),
        unforced.text,
      ]);
    });

    it('answers a forced 401 in XML with both challenges', async () => {
      const forced = await send(target, '/v3.5/mailing/cancel.xml?orgid=2&mid=123', { headers: { ...AUTH, prefer: 'code=401' } });
      expect([forced.status, forced.headers.get('content-type')]).toEqual([401, XML]);
      expect(forced.text).toBe(
        '<?xml version="1.0" encoding="UTF-8"?>\n<response><message>Unauthorized</message><name>UNAUTHORIZED</name></response>',
      );
      expect(readChallenge(forced.headers.get('www-authenticate')).stale).toBe(false);
    });

    it('answers queued forces in the format each request asks for', async () => {
      await target.force('momentum.cancelMailing', 404, { times: 3 });
      const xml = await send(target, '/v3.5/mailing/cancel.xml?orgid=2&mid=123');
      const csv = await send(target, `${CANCEL}?orgid=2&mid=123&format=csv`);
      const json = await send(target, `${CANCEL}?orgid=2&mid=123`);
      expect([xml.status, xml.headers.get('content-type'), xml.text]).toEqual([404, XML, XML_INVALID_MAILING]);
      expect([csv.status, csv.headers.get('content-type'), csv.text]).toEqual([404, CSV, CSV_INVALID_MAILING]);
      expect([json.status, json.headers.get('content-type'), json.json]).toEqual([404, 'application/json', INVALID_MAILING]);
      expect(await statesOf(target)).toEqual(SEEDED);
    });

    it('leaves Momentum query parameters alone: a code query parameter is not a forcing request', async () => {
      const { status, text } = await send(target, `${CANCEL}?orgid=2&mid=123&code=500`);
      expect([status, text]).toEqual([200, '0']);
    });

    it('answers a queued force once on the POST operation, then the handler again', async () => {
      await target.force('momentum.cancelMailingPost', 500, { times: 1 });
      expect((await send(target, `${CANCEL}?orgid=2&mid=123`, { method: 'POST' })).json).toEqual(DATABASE_ERROR);
      expect((await send(target, `${CANCEL}?orgid=2&mid=123`, { method: 'POST' })).text).toBe('0');
    });

    it('journals each exchange with its vendor.operationId', async () => {
      await send(target, `${CANCEL}?orgid=2&mid=123`);
      await send(target, `${CANCEL}?orgid=2&mid=123`, { method: 'POST' });
      await send(target, CANCEL, { method: 'GET' });
      const ids = (await target.journal()).filter((entry) => entry.vendor === 'momentum').map((entry) => entry.operationId);
      expect(ids.slice(-3)).toEqual(['momentum.cancelMailing', 'momentum.cancelMailingPost', 'momentum.rejectCancelMethod']);
    });

    it('restores the default dataset on reset', async () => {
      await send(target, `${CANCEL}?orgid=2&mid=123-131`);
      expect(await statesOf(target)).not.toEqual(SEEDED);
      await target.reset();
      expect(await statesOf(target)).toEqual(SEEDED);
    });

    it.each([
      ['credentials', AUTH, 200],
      ['no credentials', {}, 401],
    ])('answers HEAD on /v1.0/mailing with %s as GET without the body', async (_name, headers, status) => {
      const { head } = await expectHeadLikeGet(target.url('momentum', '/v1.0/mailing?orgid=2&mid=124'), headers);
      expect(head.status).toBe(status);
    });

    it('reads a mailing back with GET /v1.0/mailing: state 2, then state 8 after a cancel', async () => {
      const before = await send(target, '/v1.0/mailing?orgid=2&mid=124', { method: 'GET' });
      expect(before.status).toBe(200);
      expect(before.headers.get('content-type')).toBe('application/json');
      expect(before.json).toEqual({
        mid: 124,
        name: 'Ready: approved',
        type: 1,
        state: 2,
        startDate: '2030-01-15T15:00:00Z',
        createdDate: '2014-03-01T10:00:00Z',
        modifiedDate: '2014-03-01T10:00:00Z',
      });
      await target.setClock('2026-01-15T09:00:00Z');
      expect((await send(target, `${CANCEL}?orgid=2&mid=124`, { method: 'POST' })).text).toBe('0');
      const after = await send(target, '/v1.0/mailing?orgid=2&mid=124', { method: 'GET' });
      expect(after.json).toMatchObject({ mid: 124, state: 8, modifiedDate: '2026-01-15T09:00:00.000Z' });
      await target.setClock(null);
    });

    it.each([
      ['a list and a range of mids', 'mid=123,125-126', [123, 125, 126]],
      [
        "the book's extraWhereClause on the mailing name",
        `extraWhereClause=${encodeURIComponent("m.mailingname='Ready: approved'")}`,
        [124],
      ],
      ['whereColName and whereColValue', 'whereColName=state&whereColValue=7', [125, 126]],
      ['a where-clause with AND', `extraWhereClause=${encodeURIComponent('state = 7 AND mid = 126')}`, [126]],
      ['a where-clause no mailing meets', `extraWhereClause=${encodeURIComponent("mailingname='nope'")}`, []],
      ['mid and a where-clause (the where-clause is ignored)', `mid=123,124&extraWhereClause=${encodeURIComponent('state=7')}`, [123, 124]],
    ])('reads mailings by %s as an array', async (_, query, mids) => {
      const { status, json } = await send(target, `/v1.0/mailing?orgid=2&${query}`, { method: 'GET' });
      expect(status).toBe(200);
      expect((json as Array<{ mid: number }>).map((mailing) => mailing.mid)).toEqual(mids);
    });

    it('reads every mailing of the org, and only of that org, without mid or where-clause', async () => {
      const org1 = await send(target, '/v1.0/mailing?orgid=1', { method: 'GET' });
      expect((org1.json as Array<{ mid: number }>).map((mailing) => mailing.mid)).toEqual([100]);
      const org2 = await send(target, '/v1.0/mailing?orgid=2', { method: 'GET' });
      expect((org2.json as unknown[]).length).toBe(9);
    });

    it.each([
      ['an unknown mailing', '/v1.0/mailing?orgid=2&mid=999', 404, INVALID_MAILING],
      ['an unknown org', '/v1.0/mailing?orgid=999&mid=123', 500, DATABASE_ERROR],
      [
        'a where-clause the mock cannot read',
        `/v1.0/mailing?orgid=2&extraWhereClause=${encodeURIComponent('1=1 OR 1=1')}`,
        400,
        {
          message: "Invalid extraWhereClause '1=1 OR 1=1': expected column = 'text' or column = number, joined by AND.",
          name: 'INVALID_REQUEST',
        },
      ],
      [
        'an unknown column',
        '/v1.0/mailing?orgid=2&whereColName=colour&whereColValue=red',
        400,
        { message: "Unknown mailing column 'colour'.", name: 'INVALID_REQUEST' },
      ],
      ['no orgid', '/v1.0/mailing?mid=123', 400, { message: "Missing required parameter 'orgid'.", name: 'INVALID_REQUEST' }],
    ])('answers a read of %s with the documented status and error', async (_, path, status, body) => {
      const answer = await send(target, path, { method: 'GET' });
      expect(answer.status).toBe(status);
      expect(answer.json).toEqual(body);
    });

    it('answers a read without credentials with 401 and the Basic and Digest challenges', async () => {
      const answer = await send(target, '/v1.0/mailing?orgid=2&mid=123', { method: 'GET', headers: {} });
      expect(answer.status).toBe(401);
      expect(readChallenge(answer.headers.get('www-authenticate')).stale).toBe(false);
    });

    it('reads mailings as XML, an array as isarray items, and as CSV rows', async () => {
      const xml = await send(target, '/v1.0/mailing.xml?orgid=2&mid=123,124', { method: 'GET' });
      expect(xml.headers.get('content-type')).toBe('application/xml; charset=utf-8');
      expect(xml.text).toContain(
        '<response isarray="true"><item><mid>123</mid><name>Edit: created, not approved</name><type>1</type><state>1</state>',
      );
      const csv = await send(target, '/v1.0/mailing?orgid=2&mid=123&format=csv', { method: 'GET' });
      expect(csv.text.split('\r\n')).toEqual([
        'mid,name,type,state,startDate,createdDate,modifiedDate',
        '123,Edit: created, not approved,1,1,2030-01-15T15:00:00Z,2014-03-01T10:00:00Z,2014-03-01T10:00:00Z'.replace(
          'Edit: created, not approved',
          '"Edit: created, not approved"',
        ),
      ]);
    });
  });
}
