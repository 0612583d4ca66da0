import { expect, it } from 'vitest';
import { passesGateway, type VoltMxConfig } from './auth.ts';

const OPEN: VoltMxConfig = { users: null, tokens: null };
const LISTED: VoltMxConfig = { users: [{ userid: 'admin', password: 's:ecret' }], tokens: ['t1'] };
const TOKENS_ONLY: VoltMxConfig = { users: null, tokens: ['t1'] };
const basic = (pair: string) => ({ authorization: `Basic ${btoa(pair)}` });
const issued = (value: string) => value === 'issued';

it.each([
  ['any claims token, open', OPEN, { 'x-voltmx-authorization': 'x' }, true],
  ['a blank claims token, open', OPEN, { 'x-voltmx-authorization': '  ' }, false],
  ['Basic with an empty user, open', OPEN, basic(':pw'), false],
  ['Basic with an empty password, open', OPEN, basic('u:'), true],
  ['lower-case basic scheme, open', OPEN, { authorization: `basic ${btoa('u:p')}` }, true],
  ['AccessToken with a blank AccessSecret, open', OPEN, { accesstoken: 'a', accesssecret: ' ' }, false],
  ['a listed Kony token', LISTED, { 'x-kony-authorization': 't1' }, true],
  ['an issued token', LISTED, { 'x-voltmx-authorization': 'issued' }, true],
  ['an unlisted token', LISTED, { 'x-voltmx-authorization': 't2' }, false],
  ['a listed user whose password has a colon', LISTED, basic('admin:s:ecret'), true],
  ['a wrong password', LISTED, basic('admin:secret'), false],
  ['any Basic user once only tokens are listed', TOKENS_ONLY, basic('u:p'), false],
  ['one bad and one good credential', LISTED, { 'x-voltmx-authorization': 'bad', 'x-kony-authorization': 't1' }, true],
])('the gateway judges %s', (_, config, headers, expected) => {
  expect(passesGateway(headers, { config, isIssuedToken: issued })).toBe(expected);
});
