import { checkParity, type ParityRequest } from './support/parity.ts';

const CANCEL = '/v3.5/mailing/cancel';
const AUTH = { authorization: `Basic ${Buffer.from('integration:secret').toString('base64')}` };
const put = (name: string, path: string, headers: Record<string, string> = AUTH, body?: string): ParityRequest => ({
  name,
  host: 'momentum',
  method: 'PUT',
  path,
  headers,
  ...(body === undefined ? {} : { body }),
});

const requests: ParityRequest[] = [
  put('a cancel by query', `${CANCEL}?orgid=2&mid=123`),
  { ...put('a POST cancel under v3.7', `/v3.7/mailing/cancel?orgid=2&mid=124`), method: 'POST' },
  put('a JSON payload', CANCEL, { ...AUTH, 'content-type': 'application/json' }, '{orgid:2,mid:"123,124",}'),
  put('a form payload', CANCEL, { ...AUTH, 'content-type': 'application/x-www-form-urlencoded' }, 'orgid=2&mid=129'),
  put('the document list', `${CANCEL}?orgid=2&mid=123,124,125,126`),
  put('an unknown mailing', `${CANCEL}?orgid=2&mid=999`),
  put('an unknown org', `${CANCEL}?orgid=999&mid=123`),
  put('an empty list entry', `${CANCEL}?orgid=2&mid=123,,124`),
  put('a missing mid', `${CANCEL}?orgid=2`),
  put('malformed JSON', CANCEL, { ...AUTH, 'content-type': 'application/json' }, '{'),
  put('a text/plain payload', CANCEL, { ...AUTH, 'content-type': 'text/plain' }, 'x'),
  put('no credentials', `${CANCEL}?orgid=2&mid=123`, {}),
  { ...put('a GET', `${CANCEL}?orgid=2&mid=123`), method: 'GET' },
  { ...put('a DELETE', `${CANCEL}?orgid=2&mid=123`), method: 'DELETE' },
  put('XML output', '/v3.5/mailing/cancel.xml?orgid=2&mid=123'),
  put('CSV output of an error', `${CANCEL}?orgid=2&mid=999&format=csv`),
  put('an unknown path', '/v3.5/mailing/cancl'),
  { ...put('a mailing read', '/v1.0/mailing?orgid=2&mid=123'), method: 'GET' },
  { ...put('a mailing read by where-clause, as XML', '/v1.0/mailing.xml?orgid=2&extraWhereClause=state%3D7'), method: 'GET' },
  { ...put('a mailing read of an unknown mailing', '/v1.0/mailing?orgid=2&mid=999'), method: 'GET' },
  put('a forced 401', `${CANCEL}?orgid=2&mid=123`, { ...AUTH, prefer: 'code=401' }),
  put('a forced 404 as XML', '/v3.5/mailing/cancel.xml?orgid=2&mid=123', { ...AUTH, prefer: 'code=404' }),
  put('a forced 500 as CSV by ?__code', `${CANCEL}?orgid=2&mid=123&format=csv&__code=500`),
  {
    ...put('a forced mailing read as XML', '/v1.0/mailing.xml?orgid=2&mid=123', { ...AUTH, prefer: 'code=200, example=byName' }),
    method: 'GET',
  },
  put('an undocumented forced status', `${CANCEL}?orgid=2&mid=123`, { ...AUTH, prefer: 'code=418' }),
];

checkParity(requests);
