import { documentEnvelope, retrieveEnvelope } from '../../test/support/sfmc-envelopes.ts';

/** One request, as the fuzzer sends it: path (with query), method, headers and a body as text or bytes. */
export interface FuzzRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string | Uint8Array;
}

const JSON_TYPE = { 'content-type': 'application/json' };
const MOMENTUM_AUTH = { authorization: `Basic ${Buffer.from('integration:secret').toString('base64')}` };
const OMEDA_APP = { 'x-omeda-appid': 'my-app' };

/**
 * A valid request per operation, from each spec's own examples (the document examples the default
 * dataset answers). The fuzzer mutates these; `spec-operations.ts` fails when an operation in a spec
 * has no entry here, so a new operation cannot escape the fuzz run.
 */
export const BASE_REQUESTS: Readonly<Record<string, FuzzRequest>> = {
  'omeda.cancelDeployment': {
    method: 'POST',
    path: '/webservices/rest/brand/ABC/omail/deployment/cancel/*',
    headers: { ...OMEDA_APP, ...JSON_TYPE },
    body: JSON.stringify({ UserId: 'omailAccount1', TrackId: 'FOO0102003002' }),
  },
  'omeda.rejectCancelMethod': { method: 'GET', path: '/webservices/rest/brand/ABC/omail/deployment/cancel/*', headers: OMEDA_APP },
  'omeda.lookupDeployment': {
    method: 'GET',
    path: '/webservices/rest/brand/ABC/omail/deployment/lookup/FOO0102003002/*',
    headers: OMEDA_APP,
  },
  'momentum.cancelMailing': { method: 'PUT', path: '/v3.5/mailing/cancel?orgid=2&mid=124', headers: MOMENTUM_AUTH },
  'momentum.cancelMailingPost': {
    method: 'POST',
    path: '/v3.5/mailing/cancel',
    headers: { ...MOMENTUM_AUTH, ...JSON_TYPE },
    body: JSON.stringify({ orgid: 2, mid: 123 }),
  },
  'momentum.getMailing': { method: 'GET', path: '/v1.0/mailing?orgid=2&mid=124', headers: MOMENTUM_AUTH },
  'momentum.rejectCancelMethod': { method: 'GET', path: '/v3.5/mailing/cancel?orgid=2&mid=124', headers: MOMENTUM_AUTH },
  'voltmx.cancelEmail': {
    method: 'POST',
    path: '/api/v1/email/7131002087805116277/cancel',
    headers: { 'x-voltmx-authorization': 'claims-token' },
  },
  'voltmx.deleteEmail': {
    method: 'DELETE',
    path: '/vpns/api/v1/email/7131002087805116278',
    headers: { 'x-voltmx-authorization': 'claims-token' },
  },
  'voltmx.getEmailRequestStatus': {
    method: 'GET',
    path: '/api/v1/status/email/request/7131002087805116277',
    headers: { 'x-voltmx-authorization': 'claims-token' },
  },
  'voltmx.rejectCancelEmailMethod': {
    method: 'GET',
    path: '/api/v1/email/7131002087805116277/cancel',
    headers: { 'x-voltmx-authorization': 'claims-token' },
  },
  'voltmx.rejectDeleteEmailMethod': {
    method: 'POST',
    path: '/kpns/api/v1/email/7131002087805116277',
    headers: { 'x-voltmx-authorization': 'claims-token' },
  },
  'voltmx.rejectEmailStatusMethod': {
    method: 'POST',
    path: '/api/v1/status/email/request/7131002087805116277',
    headers: { 'x-voltmx-authorization': 'claims-token' },
  },
  'voltmx.login': {
    method: 'POST',
    path: '/authService/accounts/login',
    headers: JSON_TYPE,
    body: JSON.stringify({ userid: 'admin', password: 'secret', provider: 'userstore' }),
  },
  'sfmc.perform': {
    method: 'POST',
    path: '/Service.asmx',
    headers: { 'content-type': 'text/xml', soapaction: 'Perform' },
    body: documentEnvelope('29605'),
  },
  'sfmc.retrieve': {
    method: 'POST',
    path: '/Service.asmx',
    headers: { 'content-type': 'text/xml', soapaction: 'Retrieve' },
    body: retrieveEnvelope(),
  },
  'sfmc.getServiceWsdl': { method: 'GET', path: '/Service.asmx?wsdl', headers: {} },
  'sfmc.getEtFrameworkWsdl': { method: 'GET', path: '/etframework.wsdl', headers: {} },
  'sfmc.requestToken': {
    method: 'POST',
    path: '/v2/token',
    headers: JSON_TYPE,
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'id', client_secret: 'secret', account_id: 1 }),
  },
  'sfmc.requestLegacyToken': {
    method: 'POST',
    path: '/v1/requestToken',
    headers: JSON_TYPE,
    body: JSON.stringify({ clientId: 'id', clientSecret: 'secret' }),
  },
};
