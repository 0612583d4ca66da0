import { checkParity, type ParityRequest } from './support/parity.ts';

const DOC_ID = '7131002087805116277';
const TOKEN = { 'x-voltmx-authorization': 'claims-token' };

const requests: ParityRequest[] = [
  { name: 'the document cancel (POST)', host: 'voltmx', method: 'POST', path: `/api/v1/email/${DOC_ID}/cancel`, headers: TOKEN },
  {
    name: 'the document cancel (DELETE under /vpns)',
    host: 'voltmx',
    method: 'DELETE',
    path: `/vpns/api/v1/email/${DOC_ID}`,
    headers: TOKEN,
  },
  {
    name: 'a partial cancel under /kpns',
    host: 'voltmx',
    method: 'POST',
    path: '/kpns/api/v1/email/7131002087805116278/cancel',
    headers: { 'x-kony-authorization': 't' },
  },
  {
    name: 'a cancel of Long.MAX_VALUE',
    host: 'voltmx',
    method: 'DELETE',
    path: '/api/v1/email/9223372036854775807',
    headers: { authorization: `Basic ${btoa('admin:secret')}` },
  },
  { name: 'an all-sent request', host: 'voltmx', method: 'POST', path: '/api/v1/email/7131002087805116279/cancel', headers: TOKEN },
  {
    name: 'an already cancelled request',
    host: 'voltmx',
    method: 'POST',
    path: '/api/v1/email/7131002087805116280/cancel',
    headers: TOKEN,
  },
  { name: 'an id beyond Long.MAX_VALUE', host: 'voltmx', method: 'POST', path: '/api/v1/email/9223372036854775808/cancel', headers: TOKEN },
  { name: 'a non-numeric id', host: 'voltmx', method: 'DELETE', path: '/api/v1/email/abc', headers: TOKEN },
  { name: 'an empty id', host: 'voltmx', method: 'POST', path: '/api/v1/email//cancel', headers: TOKEN },
  { name: 'no credentials', host: 'voltmx', method: 'POST', path: `/api/v1/email/${DOC_ID}/cancel` },
  {
    name: 'a forced 500',
    host: 'voltmx',
    method: 'POST',
    path: `/api/v1/email/${DOC_ID}/cancel`,
    headers: { ...TOKEN, prefer: 'code=500' },
  },
  {
    name: 'the Email Queue status',
    host: 'voltmx',
    method: 'GET',
    path: '/api/v1/status/email/request/7131002087805116278',
    headers: TOKEN,
  },
  {
    // A successful login is left out: its `exp` follows the unpinned clock of each transport.
    name: 'a form login without a password',
    host: 'voltmx',
    method: 'POST',
    path: '/authService/accounts/login',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'userid=admin',
  },
  { name: 'an unknown path under /api/v1/email/', host: 'voltmx', method: 'POST', path: `/api/v1/email/${DOC_ID}/resend`, headers: TOKEN },
  { name: 'a method the cancel does not take', host: 'voltmx', method: 'GET', path: `/api/v1/email/${DOC_ID}/cancel`, headers: TOKEN },
];

checkParity(requests);
