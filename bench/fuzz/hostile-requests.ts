import type { FuzzRequest } from './base-requests.ts';

/**
 * What an adversarial client sends (issue "what an adversarial probe broke"): names repeated until the
 * body limit, values nested thousands deep, keys named like prototype members, overlapping id ranges.
 * Each must be answered quickly with a documented answer or a catalogued mock problem.
 */
export interface HostileRequest {
  readonly label: string;
  readonly request: FuzzRequest;
}

const MOMENTUM_AUTH = { authorization: `Basic ${Buffer.from('integration:secret').toString('base64')}` };
const OMEDA = '/webservices/rest/brand/FOO/omail/deployment/cancel/*';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const JSON_TYPE = { 'content-type': 'application/json' };
/** Just under the 1 MiB body limit. */
const REPEATED_NAMES = 'a=1&'.repeat(260_000);
const deep = (inner: string, depth = 5_000) => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];

/** Every vendor route, with a form body of one name repeated until the body limit. */
const VENDOR_POSTS: ReadonlyArray<[string, string, Record<string, string>]> = [
  ['momentum', '/v3.5/mailing/cancel?orgid=2', MOMENTUM_AUTH],
  ['omeda', OMEDA, { 'x-omeda-appid': 'my-app' }],
  ['sfmc', '/Service.asmx', { soapaction: 'Perform' }],
  ['sfmc-token', '/v2/token', {}],
  ['voltmx', '/api/v1/email/7131002087805116277/cancel', {}],
  ['voltmx-login', '/authService/accounts/login', {}],
];

export function hostileRequests(): HostileRequest[] {
  const requests: HostileRequest[] = [];
  for (const [vendor, path, headers] of VENDOR_POSTS) {
    requests.push({
      label: `${vendor}: 1 MiB form of one repeated name`,
      request: { method: 'POST', path, headers: { ...headers, ...FORM }, body: REPEATED_NAMES },
    });
    requests.push({
      label: `${vendor}: JSON nested 5,000 deep`,
      request: { method: 'POST', path, headers: { ...headers, ...JSON_TYPE }, body: `{"UserId":${deep('')},"mid":${deep('1')}}` },
    });
    for (const name of PROTOTYPE_NAMES) {
      requests.push({
        label: `${vendor}: members and query named ${name}`,
        request: {
          method: 'POST',
          path: `${path}${path.includes('?') ? '&' : '?'}${name}=1`,
          headers: { ...headers, ...JSON_TYPE },
          body: `{"${name}":{"a":1},"UserId":"x"}`,
        },
      });
      requests.push({
        label: `${vendor}: Prefer example=${name}`,
        request: { method: 'POST', path, headers: { ...headers, ...JSON_TYPE, prefer: `code=400, example=${name}` }, body: '{}' },
      });
    }
  }
  requests.push({
    label: 'momentum: 1 MiB of overlapping mid ranges',
    request: {
      method: 'PUT',
      path: '/v3.5/mailing/cancel?orgid=2',
      headers: { ...MOMENTUM_AUTH, ...FORM },
      body: `mid=${Array.from({ length: 149_000 }, () => '1-1000').join(',')}`,
    },
  });
  requests.push({
    label: 'omeda: Omeda UserId nested 5,000 deep',
    request: {
      method: 'POST',
      path: OMEDA,
      headers: { 'x-omeda-appid': 'my-app', ...JSON_TYPE },
      body: `{"UserId":${deep('')},"TrackId":"FOO0102003002"}`,
    },
  });
  return requests;
}

/** Admin bodies that must be refused whole (400) and leave the store and the fault plan as they were. */
export const HOSTILE_ADMIN: ReadonlyArray<readonly [method: string, path: string, body: string]> = [
  ['PUT', '/state', '{"omeda":{"__proto__":[]}}'],
  ['PUT', '/state', '{"omeda":{"constructor":[]}}'],
  ['PUT', '/state', '{"__proto__":{}}'],
  ['POST', '/faults', '{"__proto__":{"drop":true}}'],
  ['POST', '/faults', '{"plan":{},"seed":4294967296}'],
  ['PUT', '/clock', '{"now":"+010000-01-01T00:00:00Z"}'],
  ['PUT', '/clock', '{"now":"1"}'],
  ['GET', '/requests?limit=-1', ''],
];

/** Raw request heads with odd Hosts and targets: each must get a 400 problem, never a 500 or silence. */
export const HOSTILE_HEADS: readonly string[] = [
  'GET /v3.5/mailing/cancel HTTP/1.1\r\nHost: xn--\r\n\r\n',
  'GET /v3.5/mailing/cancel HTTP/1.1\r\nHost: a/b\r\n\r\n',
  'GET /v3.5/mailing/cancel HTTP/1.1\r\nHost: a@b\r\n\r\n',
  'GET /v3.5/mailing/cancel HTTP/1.1\r\nHost: %41\r\n\r\n',
  'GET /v3.5/mailing/cancel HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: example.com\r\n\r\n',
  'GET * HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
  'GET /v3.5\\mailing/cancel HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
  `GET /v3.5/mailing/cancel?mid=${'1'.repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`,
];
