import { checkParity, type ParityRequest } from './support/parity.ts';
import { BILLION_LAUGHS, documentEnvelope, retrieveEnvelope, usernameEnvelope, XXE_ENVELOPE } from './support/sfmc-envelopes.ts';

const SOAP = { 'content-type': 'text/xml', soapaction: 'Perform' };
const perform = (name: string, body: string, headers: Record<string, string> = SOAP): ParityRequest => ({
  name,
  host: 'sfmc',
  method: 'POST',
  path: '/Service.asmx',
  headers,
  body,
});

// A successful token is left out: its access_token is random and its instance URLs differ by design
// (the tenant's hosts in-process, the mock's origin over HTTP).
const requests: ParityRequest[] = [
  perform("the document's envelope", documentEnvelope()),
  perform('an already canceled Send', documentEnvelope('29606')),
  perform('an unknown Send', documentEnvelope('99999')),
  perform('mixed Definitions', usernameEnvelope(['29605', '29607'])),
  perform('an Action start', usernameEnvelope(['29605'], 'start')),
  perform('a wrong password', documentEnvelope('29605', 'XXX', 'nope')),
  perform('a wrong SOAPAction', documentEnvelope(), { 'content-type': 'text/xml', soapaction: 'Test' }),
  perform('not well-formed XML', '<Envelope>'),
  perform('an XXE payload', XXE_ENVELOPE),
  perform('a billion-laughs payload', BILLION_LAUGHS),
  perform('no SOAPAction at all', documentEnvelope(), { 'content-type': 'text/xml' }),
  perform('an Action Cancel, capitalised', usernameEnvelope(['29605'], 'Cancel')),
  perform('a Retrieve of the document Send', retrieveEnvelope(), { 'content-type': 'text/xml', soapaction: 'Retrieve' }),
  perform('a Retrieve of every Send', retrieveEnvelope(['ID', 'Status'], ''), { 'content-type': 'text/xml', soapaction: 'Retrieve' }),
  perform('a Retrieve of an unknown object type', retrieveEnvelope(['ID'], '', 'DeliveryProfile'), {
    'content-type': 'text/xml',
    soapaction: 'Retrieve',
  }),
  perform('a forced Server fault', documentEnvelope(), { ...SOAP, prefer: 'code=500, example=unplannedOutage' }),
  { name: 'the WSDL', host: 'sfmc', method: 'GET', path: '/Service.asmx?wsdl' },
  { name: 'the etframework WSDL', host: 'sfmc', method: 'GET', path: '/etframework.wsdl' },
  {
    name: 'a token request with a bad grant type',
    host: 'sfmc-auth',
    method: 'POST',
    path: '/v2/token',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'password' }),
  },
  {
    name: 'a token request without a secret',
    host: 'sfmc-auth',
    method: 'POST',
    path: '/v2/token',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'id' }),
  },
];

checkParity(requests);
