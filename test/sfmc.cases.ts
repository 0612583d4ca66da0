import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { expectHeadLikeGet } from './support/head-request.ts';
import {
  BILLION_LAUGHS,
  documentEnvelope,
  retrieveEnvelope,
  sdkEnvelope,
  TOO_DEEP,
  usernameEnvelope,
  XXE_ENVELOPE,
} from './support/sfmc-envelopes.ts';
import type { Target } from './support/target.ts';
import { toUtf16 } from './support/utf16.ts';

const XML = { 'content-type': 'text/xml', soapaction: 'Perform' };
// Parsed as sfmc-sdk parses: prefixes kept, so `soap:Envelope` must be spelled exactly that way.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => name === 'Result' || name === 'Results',
});

interface Result {
  StatusCode: string;
  StatusMessage: string;
  ErrorCode?: string;
  Object: { ID?: string; '@xsi:type': string };
}

async function post(target: Target, body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = XML, path = '/Service.asmx') {
  const response = await fetch(target.url('sfmc', path), { method: 'POST', headers, body });
  const text = await response.text();
  const envelope = parser.parse(text)['soap:Envelope'];
  const soapBody = envelope?.['soap:Body'];
  const message = soapBody?.PerformResponseMsg;
  const retrieved = soapBody?.RetrieveResponseMsg;
  return {
    retrieved: retrieved as { OverallStatus: string; RequestID: string; Results?: Array<Record<string, unknown>> } | undefined,
    status: response.status,
    contentType: response.headers.get('content-type'),
    text,
    header: envelope?.['soap:Header'],
    results: (message?.Results?.[0]?.Result ?? []) as Result[],
    overall: message?.OverallStatus as string | undefined,
    requestId: message?.RequestID as string | undefined,
    fault: soapBody?.['soap:Fault'] as { faultcode: string | { '#text': string }; faultstring: string; faultactor?: string } | undefined,
  };
}

const faultCodeOf = (fault: { faultcode: string | { '#text': string } } | undefined) =>
  typeof fault?.faultcode === 'object' ? fault.faultcode['#text'] : fault?.faultcode;

async function token(
  target: Target,
  body: unknown = { grant_type: 'client_credentials', client_id: 'id', client_secret: 'secret', account_id: 1 },
  path = '/v2/token',
) {
  const response = await fetch(target.url('sfmc-auth', path), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function accessToken(target: Target): Promise<string> {
  return (await token(target)).body.access_token as string;
}

/** The document's envelope with an XML declaration naming UTF-16, as a .NET client writes one. */
const utf16Envelope = () => documentEnvelope().replace('encoding="UTF-8"', 'encoding="UTF-16"');

/** SFMC SOAP Perform cancel Send, the token endpoint and the WSDL, through any transport. */
export function defineSfmcCases(target: Target): void {
  describe(`sfmc over ${target.transport}`, () => {
    it.each([
      ['a negative ID', -7],
      ['an ID beyond xsd:int', 12_345_678_901],
    ])('refuses a state write with a Send of %s, which no cancel could reach, and keeps the state', async (_name, ID) => {
      const before = await target.getState();
      const send = { ID, Status: 'Scheduled', EmailName: 'unreachable', SendDate: '2030-01-01T00:00:00.000Z' };
      expect(await target.setState({ sfmc: { sends: [send] } })).toBe(false);
      expect(await target.getState()).toEqual(before);
      expect(await target.setState({ sfmc: { sends: [{ ...send, ID: 2_147_483_647 }] } })).toBe(true);
      await target.reset();
    });

    it("cancels Send 29605 with the document's own envelope: 200, soap: prefixes, OK Result, the Send canceled", async () => {
      const answer = await post(target, documentEnvelope());
      expect(answer.status).toBe(200);
      expect(answer.contentType).toBe('text/xml; charset=utf-8');
      expect(answer.text.startsWith('<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap=')).toBe(true);
      expect(answer.results).toEqual([
        {
          StatusCode: 'OK',
          StatusMessage: 'Send perform called successfully',
          Object: { '@xsi:type': 'Send', PartnerKey: { '@xsi:nil': 'true' }, ID: '29605', ObjectID: { '@xsi:nil': 'true' } },
          Task: '',
        },
      ]);
      expect(answer.overall).toBe('OK');
      expect(answer.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(answer.header['wsa:Action']).toBe('PerformResponse');
      const state = (await target.getState()) as { sfmc: { sends: Array<{ ID: number; Status: string }> } };
      expect(state.sfmc.sends.find((send) => send.ID === 29605)?.Status).toBe('Canceled');
    });

    it('answers a second cancel of the same Send with HTTP 200, an Error Result with ErrorCode 310002 and OverallStatus Error', async () => {
      await post(target, documentEnvelope());
      const second = await post(target, documentEnvelope());
      expect(second.status).toBe(200);
      expect(second.results[0]).toMatchObject({
        StatusCode: 'Error',
        ErrorCode: '310002',
        StatusMessage: 'The Send with ID 29605 has already been canceled.',
      });
      expect(second.overall).toBe('Error');
    });

    it('cancels with the envelope sfmc-sdk sends: fueloauth token from /v2/token, Body before Header, no declaration', async () => {
      const answer = await post(target, sdkEnvelope(await accessToken(target)));
      expect(answer.status).toBe(200);
      expect(answer.overall).toBe('OK');
    });

    it.each([
      ['already canceled', '29606', '310002', 'The Send with ID 29606 has already been canceled.'],
      ['already complete', '29607', '310003', 'The Send with ID 29607 has already been sent.'],
      ['sending now', '29608', '310004', 'The Send with ID 29608 is sending and can no longer be canceled.'],
      ['unknown', '99999', '310001', 'Unable to find a Send with ID 99999.'],
      ['not a number', 'abc', '310001', 'Unable to find a Send with ID abc.'],
    ])('answers cancelling a Send that is %s with an in-band Error Result', async (_, id, code, message) => {
      const answer = await post(target, documentEnvelope(id));
      expect(answer.status).toBe(200);
      expect(answer.results).toEqual([
        expect.objectContaining({
          StatusCode: 'Error',
          ErrorCode: code,
          StatusMessage: message,
          Object: expect.objectContaining({ ID: id }),
        }),
      ]);
      expect(answer.overall).toBe('Error');
    });

    it.each([
      ['OK when every Definition succeeds', ['29605', '29609'], ['OK', 'OK'], 'OK'],
      ['Has Errors when results are mixed', ['29605', '29606'], ['OK', 'Error'], 'Has Errors'],
      ['Error when every Definition fails', ['29606', '29607'], ['Error', 'Error'], 'Error'],
      ['Has Errors when one request cancels the same Send twice', ['29605', '29605'], ['OK', 'Error'], 'Has Errors'],
    ])('answers several Definitions with one Result each and OverallStatus %s', async (_, ids, codes, overall) => {
      const answer = await post(target, usernameEnvelope(ids));
      expect(answer.results.map((result) => result.StatusCode)).toEqual(codes);
      expect(answer.overall).toBe(overall);
    });

    it.each([
      ['an Action other than cancel', usernameEnvelope(['29605'], 'start'), 'Cannot perform start on objects of type Send.'],
      ['an object other than Send', usernameEnvelope(['29605'], 'cancel', 'Email'), 'Cannot perform cancel on objects of type Email.'],
    ])('answers %s with error code 5 and leaves the Send scheduled', async (_, envelope, message) => {
      const answer = await post(target, envelope);
      expect(answer.status).toBe(200);
      expect(answer.results[0]).toMatchObject({ StatusCode: 'Error', ErrorCode: '5', StatusMessage: message });
      expect((await post(target, documentEnvelope())).overall).toBe('OK');
    });

    it.each([
      ['quoted', { 'content-type': 'text/xml', soapaction: '"Perform"' }],
      ['with a charset on the content type', { 'content-type': 'text/xml; charset=utf-8', soapaction: 'Perform' }],
      ['absent, with the WS-Addressing Action header instead', { 'content-type': 'text/xml' }],
    ])('accepts the SOAPAction %s', async (_, headers) => {
      const wsa = '<wsa:Action xmlns:wsa="http://schemas.xmlsoap.org/ws/2004/08/addressing">Perform</wsa:Action>';
      const answer = await post(target, usernameEnvelope(['29605'], 'cancel', 'Send', wsa), headers);
      expect(answer.status).toBe(200);
      expect(answer.overall).toBe('OK');
    });

    it.each([
      ['Test', 'Test'],
      ['Describe', 'Describe'],
    ])('answers SOAPAction %s with the soap:Client fault naming it, HTTP 500', async (action, named) => {
      const answer = await post(target, documentEnvelope(), { 'content-type': 'text/xml', soapaction: action });
      expect(answer.status).toBe(500);
      expect(answer.fault).toEqual({
        faultcode: 'soap:Client',
        faultstring: `Server did not recognize the value of HTTP Header SOAPAction: ${named}.`,
        detail: '',
      });
    });

    it.each([
      ['no SOAPAction header', { 'content-type': 'text/xml' }],
      ['an empty quoted SOAPAction', { 'content-type': 'text/xml', soapaction: '""' }],
    ])('answers %s and no WS-Addressing Action with the Missing SOAP Action Client fault, HTTP 500', async (_, headers) => {
      const answer = await post(target, documentEnvelope(), headers);
      expect(answer.status).toBe(500);
      expect(answer.fault).toEqual({
        faultcode: 'soap:Client',
        faultstring: 'SOAP Action Could Not Be Determined From HTTP or SOAP Header',
        detail: '',
      });
    });

    it.each(['Cancel', 'CANCEL'])('cancels with the Action spelled %s, matched case-insensitively as SFMC does', async (action) => {
      const answer = await post(target, usernameEnvelope(['29605'], action));
      expect(answer.overall).toBe('OK');
      expect(answer.results[0]).toMatchObject({ StatusCode: 'OK', Task: '' });
    });

    it('writes an empty Task on every Perform Result, errors included', async () => {
      const answer = await post(target, usernameEnvelope(['29605', '29606', '99999']));
      expect(answer.results.map((result) => (result as unknown as { Task: unknown }).Task)).toEqual(['', '', '']);
      expect(answer.text).toContain('<Task /></Result>');
    });

    it('reads the document Send back with Retrieve: Scheduled with its SendDate, then Canceled after a cancel', async () => {
      const RETRIEVE = { 'content-type': 'text/xml', soapaction: 'Retrieve' };
      const before = await post(target, retrieveEnvelope(), RETRIEVE);
      expect(before.status).toBe(200);
      expect(before.header['wsa:Action']).toBe('RetrieveResponse');
      expect(before.retrieved).toMatchObject({ OverallStatus: 'OK', RequestID: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      expect(before.retrieved?.Results).toEqual([
        {
          '@xsi:type': 'Send',
          PartnerKey: { '@xsi:nil': 'true' },
          ID: '29605',
          ObjectID: { '@xsi:nil': 'true' },
          SendDate: '2030-03-01T15:00:00Z',
          Status: 'Scheduled',
        },
      ]);
      expect((await post(target, documentEnvelope())).overall).toBe('OK');
      const after = await post(target, retrieveEnvelope(['Status']), { ...RETRIEVE, soapaction: '"Retrieve"' });
      expect(after.retrieved?.Results).toEqual([
        { '@xsi:type': 'Send', PartnerKey: { '@xsi:nil': 'true' }, ObjectID: { '@xsi:nil': 'true' }, Status: 'Canceled' },
      ]);
    });

    it.each([
      ['no filter: every Send', '', ['29605', '29606', '29607', '29608', '29609']],
      [
        'Status IN Scheduled, Sending',
        '<Filter xsi:type="SimpleFilterPart"><Property>Status</Property><SimpleOperator>IN</SimpleOperator><Value>Scheduled</Value><Value>Sending</Value></Filter>',
        ['29605', '29608', '29609'],
      ],
      [
        'ID 29606 OR ID 29607 (ComplexFilterPart)',
        '<Filter xsi:type="ComplexFilterPart"><LeftOperand xsi:type="SimpleFilterPart"><Property>ID</Property><SimpleOperator>equals</SimpleOperator><Value>29606</Value></LeftOperand><LogicalOperator>OR</LogicalOperator><RightOperand xsi:type="SimpleFilterPart"><Property>ID</Property><SimpleOperator>equals</SimpleOperator><Value>29607</Value></RightOperand></Filter>',
        ['29606', '29607'],
      ],
      [
        'an ID no Send has',
        '<Filter xsi:type="SimpleFilterPart"><Property>ID</Property><SimpleOperator>equals</SimpleOperator><Value>99999</Value></Filter>',
        [],
      ],
    ])('retrieves Sends with %s', async (_, filter, ids) => {
      const answer = await post(target, retrieveEnvelope(['ID'], filter), { 'content-type': 'text/xml', soapaction: 'Retrieve' });
      expect(answer.retrieved?.OverallStatus).toBe('OK');
      expect((answer.retrieved?.Results ?? []).map((result) => result.ID)).toEqual(ids);
    });

    it("accepts the document sample's Send properties the mock does not store, and leaves them out", async () => {
      const properties = ['ID', 'Client.ID', 'Email.ID', 'SendDate', 'FromName', 'Duplicates', 'NumberSent', 'Status'];
      const answer = await post(target, retrieveEnvelope(properties), { 'content-type': 'text/xml', soapaction: 'Retrieve' });
      expect(answer.retrieved?.OverallStatus).toBe('OK');
      expect(Object.keys(answer.retrieved?.Results?.[0] ?? {})).toEqual([
        'PartnerKey',
        'ID',
        'ObjectID',
        'SendDate',
        'Status',
        '@xsi:type',
      ]);
    });

    it.each([
      [
        'DeliveryProfile',
        'Error: Unable to find a handler for object type: DeliveryProfile. Object types are case-sensitive, check spelling.',
      ],
      ['send', 'Error: Unable to find a handler for object type: send. Object types are case-sensitive, check spelling.'],
    ])('answers a Retrieve of object type %s with SFMC’s in-band handler error and no Results', async (type, overall) => {
      const answer = await post(target, retrieveEnvelope(['ID'], '', type), { 'content-type': 'text/xml', soapaction: 'Retrieve' });
      expect(answer.status).toBe(200);
      expect(answer.retrieved).toMatchObject({ OverallStatus: overall, RequestID: expect.any(String) });
      expect(answer.retrieved?.Results).toBeUndefined();
    });

    it.each([
      [
        'an unknown property',
        retrieveEnvelope(['ID', 'Colour']),
        'Error: The Request Property(s) Colour do not match with the fields of Send retrieve',
      ],
      ['no property', retrieveEnvelope([]), 'Error: The Request Properties are required. Name at least one property to retrieve.'],
      [
        'a filter on a property the mock does not store',
        retrieveEnvelope(
          ['ID'],
          '<Filter xsi:type="SimpleFilterPart"><Property>FromName</Property><SimpleOperator>equals</SimpleOperator><Value>x</Value></Filter>',
        ),
        "Error: The Filter Property 'FromName' is not a filterable property of Send in this mock.",
      ],
    ])('answers a Retrieve with %s with an in-band OverallStatus error', async (_, envelope, overall) => {
      const answer = await post(target, envelope, { 'content-type': 'text/xml', soapaction: 'Retrieve' });
      expect(answer.status).toBe(200);
      expect(answer.retrieved?.OverallStatus).toBe(overall);
      expect(answer.retrieved?.Results).toBeUndefined();
    });

    it('answers a Retrieve without credentials with the q0:Security fault Login failed', async () => {
      const envelope = retrieveEnvelope().replace(/<soapenv:Header>[\s\S]*<\/soapenv:Header>/, '');
      const answer = await post(target, envelope, { 'content-type': 'text/xml', soapaction: 'Retrieve' });
      expect(answer.status).toBe(500);
      expect(faultCodeOf(answer.fault)).toBe('q0:Security');
      expect(answer.fault?.faultstring).toBe('Login failed');
    });

    it('answers a Retrieve named only by the WS-Addressing Action, without an HTTP SOAPAction', async () => {
      const wsa = '<wsa:Action xmlns:wsa="http://schemas.xmlsoap.org/ws/2004/08/addressing">Retrieve</wsa:Action>';
      const answer = await post(target, retrieveEnvelope(['Status'], undefined, 'Send', wsa), { 'content-type': 'text/xml' });
      expect(answer.status).toBe(200);
      expect(answer.retrieved?.Results?.[0]?.Status).toBe('Scheduled');
    });

    it('answers a Perform envelope sent with SOAPAction Retrieve with the unreadable-request Client fault', async () => {
      const answer = await post(target, documentEnvelope(), { 'content-type': 'text/xml', soapaction: 'Retrieve' });
      expect(answer.status).toBe(500);
      expect(answer.fault?.faultstring).toMatch(/^Server was unable to read request\..*RetrieveRequestMsg/);
      expect((await post(target, documentEnvelope())).overall).toBe('OK');
    });

    it('forces the documented canceled Retrieve answer once, then reads the store again', async () => {
      await target.force('sfmc.retrieve', 200, { times: 1, example: 'canceled' });
      const RETRIEVE = { 'content-type': 'text/xml', soapaction: 'Retrieve' };
      expect((await post(target, retrieveEnvelope(['Status']), RETRIEVE)).retrieved?.Results?.[0]?.Status).toBe('Canceled');
      expect((await post(target, retrieveEnvelope(['Status']), RETRIEVE)).retrieved?.Results?.[0]?.Status).toBe('Scheduled');
      expect((await target.journal()).map((entry) => entry.operationId)).toEqual(['sfmc.retrieve', 'sfmc.retrieve']);
    });

    it.each([
      ['no credentials', documentEnvelope().replace(/<SOAP-ENV:Header>[\s\S]*<\/SOAP-ENV:Header>/, '')],
      ['a wrong password', documentEnvelope('29605', 'XXX', 'wrong')],
      ['a token the mock never issued', sdkEnvelope('not-a-token')],
    ])('answers %s with the q0:Security fault Login failed, HTTP 500, and cancels nothing', async (_, envelope) => {
      const answer = await post(target, envelope);
      expect(answer.status).toBe(500);
      expect(answer.contentType).toBe('text/xml; charset=utf-8');
      expect(faultCodeOf(answer.fault)).toBe('q0:Security');
      expect(answer.fault?.faultstring).toBe('Login failed');
      expect(answer.fault?.faultactor).toBe(`${target.origin('sfmc')}/Service.asmx`);
      expect((await post(target, documentEnvelope())).overall).toBe('OK');
    });

    it('answers an expired token with the q0:Security fault Token Expired', async () => {
      await target.setClock('2030-01-01T00:00:00Z');
      const issued = await accessToken(target);
      await target.setClock('2030-01-01T00:17:58Z');
      expect((await post(target, sdkEnvelope(issued))).overall).toBe('OK');
      await target.setClock('2030-01-01T00:17:59Z');
      const answer = await post(target, sdkEnvelope(issued, ['29609']));
      await target.setClock(null);
      expect(answer.status).toBe(500);
      expect(answer.fault?.faultstring).toBe('Token Expired');
    });

    it.each(['9999-12-31T23:50:00Z', '9999-12-31T23:58:00Z', '9999-12-31T23:59:59.999Z'])(
      'issues tokens at /v2/token and /v1/requestToken that work with the clock pinned at %s, near the end of its range',
      async (now) => {
        await target.setClock(now);
        try {
          const issued = await token(target);
          expect(issued.status).toBe(200);
          expect(issued.body.expires_in).toBe(1079);
          const cancelled = await post(target, sdkEnvelope(issued.body.access_token as string));
          expect(cancelled.overall).toBe('OK');
          // The WS-Security timestamp's Expires (Created + 5 min) stays within the clock's range too.
          expect(cancelled.header?.['wsse:Security']?.['wsu:Timestamp']?.['wsu:Expires']).toMatch(/^9999-12-31T23:5\d:\d\d/);
          const legacy = await fetch(target.url('sfmc-auth', '/v1/requestToken'), {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ clientId: 'id', clientSecret: 'secret' }),
          });
          expect(legacy.status).toBe(200);
        } finally {
          await target.setClock(null);
        }
      },
    );

    it.each([
      ['not well-formed XML', '<Envelope><Body>', 'Server was unable to read request.'],
      ['an XXE payload', XXE_ENVELOPE, 'For security reasons DTD is prohibited in this XML document.'],
      ['a billion-laughs payload', BILLION_LAUGHS, 'For security reasons DTD is prohibited in this XML document.'],
      ['too deeply nested XML', TOO_DEEP, 'Server was unable to read request.'],
      [
        'an envelope without PerformRequestMsg',
        usernameEnvelope([]).replace(/PerformRequestMsg/g, 'RetrieveRequestMsg'),
        'no PerformRequestMsg',
      ],
      ['a JSON body', '{"Action":"cancel"}', 'Server was unable to read request.'],
      ['no body at all', '', 'Server was unable to read request. ---> There is an error in XML document. ---> Root element is missing.'],
    ])('answers %s with a soap:Client fault, never JSON', async (_, body, words) => {
      const answer = await post(target, body);
      expect(answer.status).toBe(500);
      expect(answer.contentType).toBe('text/xml; charset=utf-8');
      expect(answer.fault?.faultcode).toBe('soap:Client');
      expect(answer.fault?.faultstring).toContain(words);
      expect(answer.text).not.toContain('root:');
    });

    it('answers a Retrieve with no body at all with the soap:Client fault, before it asks for credentials', async () => {
      const answer = await post(target, '', { ...XML, soapaction: 'Retrieve' });
      expect(answer.status).toBe(500);
      expect(answer.fault?.faultcode).toBe('soap:Client');
      expect(answer.fault?.faultstring).toContain('Root element is missing.');
    });

    it.each([
      ['UTF-16LE with a byte order mark', toUtf16(utf16Envelope(), 'le', true), XML],
      ['UTF-16BE with a byte order mark', toUtf16(utf16Envelope(), 'be', true), XML],
      ['UTF-16LE without a byte order mark, its XML declaration naming UTF-16', toUtf16(utf16Envelope(), 'le', false), XML],
      [
        'UTF-16 named by the Content-Type charset',
        toUtf16(utf16Envelope(), 'le', false),
        { ...XML, 'content-type': 'text/xml; charset=utf-16' },
      ],
    ])("cancels Send 29605 with the document's envelope sent in %s", async (_, body, headers) => {
      const answer = await post(target, body, headers);
      expect(answer.status).toBe(200);
      expect(answer.overall).toBe('OK');
      expect(answer.results[0]).toMatchObject({ StatusCode: 'OK', Object: { ID: '29605' } });
    });

    it.each([
      ['an XML declaration naming UTF-16 on bytes that are not UTF-16', utf16Envelope(), XML, 'has no byte order mark and is not UTF-16'],
      [
        'a charset it cannot decode',
        documentEnvelope(),
        { ...XML, 'content-type': 'text/xml; charset=x-klingon' },
        'charset "x-klingon", which is not a supported character encoding',
      ],
    ])('answers %s with the unreadable-request soap:Client fault', async (_, body, headers, words) => {
      const answer = await post(target, body, headers);
      expect(answer.status).toBe(500);
      expect(faultCodeOf(answer.fault)).toBe('soap:Client');
      expect(answer.fault?.faultstring).toContain('Server was unable to read request.');
      expect(answer.fault?.faultstring).toContain(words);
    });

    it.each([
      ['as text/xml with SOAPAction Perform', XML, 'Envelope namespace http://www.w3.org/2003/05/soap-envelope was unexpected'],
      [
        'as application/soap+xml with its action parameter',
        { 'content-type': 'application/soap+xml; charset=utf-8; action="Perform"' },
        'Content-Type application/soap+xml was unexpected',
      ],
    ])("answers a SOAP 1.2 envelope sent %s with SOAP 1.1's VersionMismatch fault and cancels nothing", async (_, headers, words) => {
      const soap12 = usernameEnvelope(['29605']).replaceAll(
        'http://schemas.xmlsoap.org/soap/envelope/',
        'http://www.w3.org/2003/05/soap-envelope',
      );
      expect(soap12).toContain('http://www.w3.org/2003/05/soap-envelope');
      const answer = await post(target, soap12, headers);
      expect(answer.status).toBe(500);
      expect(answer.contentType).toBe('text/xml; charset=utf-8');
      expect(answer.text).toContain('<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"');
      expect(faultCodeOf(answer.fault)).toBe('soap:VersionMismatch');
      expect(answer.fault?.faultstring).toMatch(/^Possible SOAP version mismatch: /);
      expect(answer.fault?.faultstring).toContain(words);
      expect(answer.text).not.toContain('Upgrade');
      expect((await post(target, usernameEnvelope(['29605']))).overall).toBe('OK');
    });

    it('answers a body sent as form data with a soap:Client fault about the content type', async () => {
      const answer = await post(target, documentEnvelope(), { 'content-type': 'application/x-www-form-urlencoded', soapaction: 'Perform' });
      expect(answer.status).toBe(500);
      expect(answer.fault?.faultstring).toContain("content type 'application/x-www-form-urlencoded'");
    });

    it('issues a token with trailing-slash instance URLs that lead back to the SOAP endpoint', async () => {
      const { status, body } = await token(target, {
        grant_type: 'client_credentials',
        client_id: 'id',
        client_secret: 's',
        scope: 'email_send',
      });
      expect(status).toBe(200);
      expect(body).toEqual({
        access_token: expect.stringMatching(/^[0-9a-f]{64}$/),
        token_type: 'Bearer',
        expires_in: 1079,
        scope: 'email_send',
        // Where the client called: the mock itself, or a proxy in front of it (which rewrites the URL).
        soap_instance_url: target.url('sfmc', '/'),
        rest_instance_url: expect.stringMatching(/\/$/),
      });
    });

    it("answers the token endpoint at a path that embeds the tenant's auth URL (sfmc-sdk's unanchored check)", async () => {
      const path = '/https://mc563885gzs27c5t9-63k636ttgm.auth.marketingcloudapis.com/v2/token';
      const { status, body } = await token(target, undefined, path);
      expect(status).toBe(200);
      expect((await post(target, sdkEnvelope(body.access_token as string))).overall).toBe('OK');
    });

    it.each([
      ['a missing client secret', { grant_type: 'client_credentials', client_id: 'id' }, 401, 'invalid_client'],
      ['a password grant', { grant_type: 'password', client_id: 'id', client_secret: 's' }, 400, 'unsupported_grant_type'],
      ['no grant type', { client_id: 'id', client_secret: 's' }, 400, 'unsupported_grant_type'],
      ['a JSON array', [1], 400, 'invalid_request'],
    ])('answers a token request with %s with the documented error', async (_, body, status, error) => {
      const answer = await token(target, body);
      expect(answer.status).toBe(status);
      expect(answer.body.error).toBe(error);
      expect(answer.body.error_uri).toBe('https://developer.salesforce.com/docs');
    });

    it('issues a legacy Fuel token at /v1/requestToken that works in fueloauth, and 401 Not Authorized without a secret', async () => {
      const request = (body: unknown) =>
        fetch(target.url('sfmc-auth', '/v1/requestToken'), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const issued = await request({ clientId: 'id', clientSecret: 'secret' });
      const body = (await issued.json()) as { accessToken: string; expiresIn: number };
      expect(issued.status).toBe(200);
      expect(body.expiresIn).toBe(1079);
      expect((await post(target, sdkEnvelope(body.accessToken))).overall).toBe('OK');
      const refused = await request({ clientId: 'id' });
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({ errorcode: 0, message: 'Not Authorized' });
    });

    it('names a quoted wrong SOAPAction without its quotes in the fault', async () => {
      const answer = await post(target, documentEnvelope(), { 'content-type': 'text/xml', soapaction: '"Test"' });
      expect(answer.fault?.faultstring).toBe('Server did not recognize the value of HTTP Header SOAPAction: Test.');
    });

    it.each([['/Service.asmx?wsdl'], ['/Service.asmx?WSDL'], ['/etframework.wsdl']])(
      'serves the WSDL at %s with soapAction Perform and Retrieve and the address of this mock',
      async (path) => {
        const response = await fetch(target.url('sfmc', path));
        const text = await response.text();
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('text/xml; charset=utf-8');
        expect(text).toContain('<soap:operation soapAction="Perform" style="document"/>');
        expect(text).toContain(`<soap:address location="${target.origin('sfmc')}/Service.asmx"/>`);
        expect(text).toContain('<xsd:element name="PerformRequestMsg">');
        expect(text).toContain('<soap:operation soapAction="Retrieve" style="document"/>');
        expect(text).toContain('<xsd:element name="RetrieveRequestMsg">');
      },
    );

    it.each([['/Service.asmx?wsdl'], ['/etframework.wsdl'], ['/Service.asmx']])(
      'answers HEAD on %s with the GET answer’s status and headers and no body',
      async (path) => {
        const { head } = await expectHeadLikeGet(target.url('sfmc', path));
        expect(head.status).toBe(200);
        expect((await target.journal()).at(-1)?.response.body).toBe('');
      },
    );

    it.each([
      ['/Service.asmx', 'text/html', 'PartnerAPI web service. Add ?wsdl for its description.'],
      ['/Service.asmx?wsdl', 'text/xml; charset=utf-8', '<?xml version="1.0" encoding="utf-8"?><wsdl:definitions …/>'],
    ])('answers a forced 200 on %s in the media type that request selects', async (path, type, text) => {
      const response = await fetch(target.url('sfmc', path), { headers: { prefer: 'code=200' } });
      expect([response.status, response.headers.get('content-type'), await response.text()]).toEqual([200, type, text]);
    });

    it('forces the documented Token Expired fault with Prefer: code=500, example=tokenExpired', async () => {
      const answer = await post(target, documentEnvelope(), { ...XML, prefer: 'code=500, example=tokenExpired' });
      expect(answer.status).toBe(500);
      expect(faultCodeOf(answer.fault)).toBe('q0:Security');
      expect(answer.fault?.faultstring).toBe('Token Expired');
      expect((await post(target, documentEnvelope())).overall).toBe('OK');
    });

    it('fills a forced Perform answer from the request and the mock clock: header, RequestID and Send ID; the rest as documented', async () => {
      await target.setClock('2030-02-01T10:00:00Z');
      const force = (id: string) => post(target, usernameEnvelope([id]), { ...XML, prefer: 'code=200, example=alreadyCanceled' });
      const [first, second] = [await force('1234'), await force('5678')];
      await target.setClock(null);
      for (const [answer, id] of [
        [first, '1234'],
        [second, '5678'],
      ] as const) {
        expect(answer.status).toBe(200);
        expect(answer.results).toEqual([
          {
            StatusCode: 'Error',
            StatusMessage: `The Send with ID ${id} has already been canceled.`,
            ErrorCode: '310002',
            Object: { '@xsi:type': 'Send', PartnerKey: { '@xsi:nil': 'true' }, ID: id, ObjectID: { '@xsi:nil': 'true' } },
            Task: '',
          },
        ]);
        expect(answer.overall).toBe('Error');
        expect(answer.header['wsa:Action']).toBe('PerformResponse');
        expect(answer.header['wsse:Security']['wsu:Timestamp']['wsu:Created']).toBe('2030-02-01T10:00:00Z');
        expect(answer.header['wsse:Security']['wsu:Timestamp']['wsu:Expires']).toBe('2030-02-01T10:05:00Z');
      }
      expect(first.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(new Set([first.requestId, second.requestId, '6f0b5c1e-2d7a-4c3b-9e8f-1a2b3c4d5e6f']).size).toBe(3);
      expect(second.header['wsa:MessageID']).not.toBe(first.header['wsa:MessageID']);
    });

    it('fills a forced Security fault with the Service.asmx URL asked and a fault header', async () => {
      const answer = await post(target, documentEnvelope(), { ...XML, prefer: 'code=500, example=loginFailed' });
      expect(answer.fault?.faultactor).toBe(`${target.origin('sfmc')}/Service.asmx`);
      expect(answer.header['wsa:Action']).toBe('http://schemas.xmlsoap.org/ws/2004/08/addressing/fault');
    });

    it('forces a token with a fresh access_token and the instance URLs of the origin asked', async () => {
      const forced = async () => {
        const response = await fetch(target.url('sfmc-auth', '/v2/token'), {
          method: 'POST',
          headers: { 'content-type': 'application/json', prefer: 'code=200' },
          body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'id', client_secret: 'secret' }),
        });
        return (await response.json()) as Record<string, string>;
      };
      const [first, second] = [await forced(), await forced()];
      expect(first.access_token).toMatch(/^[0-9a-f]{64}$/);
      expect(second.access_token).not.toBe(first.access_token);
      const issued = (await token(target)).body;
      expect([first.soap_instance_url, first.rest_instance_url]).toEqual([issued.soap_instance_url, issued.rest_instance_url]);
    });

    it('forces an error Result once with a queued force, then cancels for real', async () => {
      await target.force('sfmc.perform', 200, { times: 1, example: 'alreadyCanceled' });
      const forced = await post(target, documentEnvelope());
      expect(forced.overall).toBe('Error');
      expect(forced.results[0]?.ErrorCode).toBe('310002');
      expect((await post(target, documentEnvelope())).overall).toBe('OK');
    });

    it('journals the SOAP exchange under sfmc.perform', async () => {
      await post(target, documentEnvelope());
      const last = (await target.journal()).at(-1);
      expect(last?.vendor).toBe('sfmc');
      expect(last?.operationId).toBe('sfmc.perform');
      expect(last?.response.status).toBe(200);
    });
  });
}
