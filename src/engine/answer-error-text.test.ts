import { describe, expect, it } from 'vitest';
import { formatLogLine, rejectionReason } from '../cli/request-log.ts';
import type { JournalEntry } from '../journal/request-journal.ts';
import { VENDOR_MODULES } from '../vendors.ts';
import { createEngine, type EngineOptions } from './create-engine.ts';

const OMEDA = 'https://ows.omeda.com/webservices/rest/brand/ABC/omail/deployment/cancel/*';
const SFMC = 'https://webservice.s7.exacttarget.com/Service.asmx';
const MOMENTUM = 'http://api.mc.messagesystems.com/v3.5/mailing/cancel';
const VOLTMX = 'http://voltmx.example:8080/api/v1/email';
const MOMENTUM_AUTH = { authorization: `Basic ${Buffer.from('integration:secret').toString('base64')}` };
const VOLTMX_TOKEN = { 'x-voltmx-authorization': 'claims-token' };
const SOAP = { 'content-type': 'text/xml', soapaction: 'Perform' };
const soapCancel = (id: string) =>
  `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soap:Header><wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"><wsse:UsernameToken><wsse:Username>XXX</wsse:Username><wsse:Password>XXX</wsse:Password></wsse:UsernameToken></wsse:Security></soap:Header><soap:Body><PerformRequestMsg xmlns="http://exacttarget.com/wsdl/partnerAPI"><Action>cancel</Action><Definitions><Definition xsi:type="Send"><ID>${id}</ID></Definition></Definitions></PerformRequestMsg></soap:Body></soap:Envelope>`;
const omedaCancel = (trackId: string, headers: Record<string, string> = {}) =>
  new Request(OMEDA, {
    method: 'POST',
    headers: { 'x-omeda-appid': 'app', 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ UserId: 'omailAccount1', TrackId: trackId }),
  });

/** Refused requests of every vendor: handler answers, forced examples, a mock problem, SOAP faults. */
const refused = (): Request[] => [
  omedaCancel('NOPE0102003002'),
  omedaCancel('FOO0102003002', { prefer: 'code=400' }),
  omedaCancel('FOO0102003002', { prefer: 'code=404' }),
  omedaCancel('FOO0102003002', { prefer: 'code=418' }),
  new Request(SFMC, { method: 'POST', headers: { ...SOAP, prefer: 'code=500, example=tokenExpired' }, body: soapCancel('1') }),
  new Request(SFMC, { method: 'POST', headers: SOAP, body: '{"Action":"cancel"}' }),
  new Request(SFMC, { method: 'POST', headers: { ...SOAP, prefer: 'code=500, example=loginFailed' }, body: soapCancel('1') }),
  new Request(`${MOMENTUM}?orgid=2&mid=999999`, { method: 'PUT', headers: MOMENTUM_AUTH }),
  new Request(`${MOMENTUM}?orgid=2&mid=1`, { method: 'PUT' }),
  new Request(`${MOMENTUM}?orgid=2&mid=1`, { method: 'PUT', headers: { ...MOMENTUM_AUTH, prefer: 'code=401' } }),
  new Request(`${VOLTMX}/1/cancel`, { method: 'POST', headers: VOLTMX_TOKEN }),
  new Request(`${VOLTMX}/1/cancel`, { method: 'POST' }),
  new Request(`${VOLTMX}/1/cancel`, { method: 'POST', headers: { ...VOLTMX_TOKEN, prefer: 'code=500' } }),
];

/** What the `onExchange` hook was handed for each of the refused requests. */
async function handedOver(options: Partial<EngineOptions> = {}): Promise<JournalEntry[]> {
  const entries: JournalEntry[] = [];
  const engine = createEngine({ modules: Object.values(VENDOR_MODULES), onExchange: (entry) => entries.push(entry), ...options });
  for (const request of refused()) await engine.handle(request);
  return entries;
}

/** The entry as nothing but its keys and values: the error text then comes from its body text. */
const asRead = (entry: JournalEntry): JournalEntry => structuredClone(entry);

describe('the request log of a refused answer', () => {
  it.each([
    ['strict mode off', { strict: false }],
    ['strict mode on', { strict: true }],
    ['every answer an injected fault', { faults: { '*': { status: 'error' } }, seed: 7 }],
  ] as const)('gives every vendor the line its body text gives, with %s', async (_name, options) => {
    const entries = await handedOver(options);
    expect(entries).toHaveLength(refused().length);
    for (const entry of entries) {
      expect(entry.response.status).toBeGreaterThanOrEqual(400);
      for (const format of ['text', 'json'] as const)
        expect(formatLogLine(entry, format, false)).toBe(formatLogLine(asRead(entry), format, false));
    }
    expect(entries.filter((entry) => rejectionReason(entry)).length).toBeGreaterThan(entries.length / 2);
  });

  it('takes the error text of a JSON answer from the answer itself, not from its body text', async () => {
    const entries = await handedOver();
    // Vendor JSON answers (a mock problem other than a strict violation is read from its text, as before).
    const json = entries.filter((entry) => /^application\/json/.test(entry.response.headers['content-type'] ?? ''));
    expect(json.length).toBeGreaterThanOrEqual(6);
    for (const entry of json) {
      const reason = rejectionReason(asRead(entry));
      Object.assign(entry.response, { body: '' });
      expect(rejectionReason(entry)).toBe(reason);
    }
  });
});
