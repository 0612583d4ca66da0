import { checkParity, type ParityRequest } from './support/parity.ts';

const CANCEL = '/webservices/rest/brand/ABC/omail/deployment/cancel/*';
const JSON_APP = { 'x-omeda-appid': 'my-app', 'content-type': 'application/json' };
const body = (UserId: string, TrackId: string) => JSON.stringify({ UserId, TrackId });

const requests: ParityRequest[] = [
  {
    name: 'a successful cancel',
    host: 'omeda',
    method: 'POST',
    path: CANCEL,
    headers: JSON_APP,
    body: body('omailAccount1', 'FOO0102003002'),
  },
  {
    name: 'a cancel on the staging host',
    host: 'omeda-staging',
    method: 'POST',
    path: CANCEL,
    headers: JSON_APP,
    body: body('omailAccount1', 'FOO0102003002'),
  },
  {
    name: 'an already sent deployment',
    host: 'omeda',
    method: 'POST',
    path: CANCEL,
    headers: JSON_APP,
    body: body('omailAccount1', 'FOO0102003003'),
  },
  {
    name: 'a previously cancelled deployment',
    host: 'omeda',
    method: 'POST',
    path: CANCEL,
    headers: JSON_APP,
    body: body('omailAccount1', 'FOO0102003004'),
  },
  {
    name: 'a user who is not the owner',
    host: 'omeda',
    method: 'POST',
    path: CANCEL,
    headers: JSON_APP,
    body: body('omailAccount1', 'FOO0102003005'),
  },
  { name: 'an unknown TrackId', host: 'omeda', method: 'POST', path: CANCEL, headers: JSON_APP, body: body('omailAccount1', 'NOPE') },
  {
    name: 'a missing AppId',
    host: 'omeda',
    method: 'POST',
    path: CANCEL,
    headers: { 'content-type': 'application/json' },
    body: body('a', 'b'),
  },
  { name: 'malformed JSON', host: 'omeda', method: 'POST', path: CANCEL, headers: JSON_APP, body: '{"UserId":' },
  { name: 'missing fields', host: 'omeda', method: 'POST', path: CANCEL, headers: JSON_APP, body: '{}' },
  { name: 'a wrong method', host: 'omeda', method: 'DELETE', path: CANCEL },
  { name: 'a malformed URL', host: 'omeda', method: 'GET', path: '/webservices/rest/brand/ABC/omail/nothing' },
  {
    name: 'a lookup',
    host: 'omeda',
    method: 'GET',
    path: '/webservices/rest/brand/ABC/omail/deployment/lookup/FOO0102003002/*',
    headers: { 'x-omeda-appid': 'a' },
  },
  {
    name: 'a forced 404',
    host: 'omeda',
    method: 'POST',
    path: CANCEL,
    headers: { ...JSON_APP, prefer: 'code=404, example=brandNotFound' },
    body: body('a', 'b'),
  },
  {
    name: 'an undocumented forced status',
    host: 'omeda',
    method: 'POST',
    path: CANCEL,
    headers: { ...JSON_APP, prefer: 'code=418' },
    body: body('a', 'b'),
  },
];

checkParity(requests);
